import Foundation
import Testing

@testable import PressReleases

/// The contents of a fixture file shipped with the tests.
func fixture(_ name: String) throws -> [UInt8] {
  let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
  return [UInt8](try Data(contentsOf: url.appendingPathComponent(name)))
}

/// Reads one document from text with the default reader.
func read(_ text: String, format: SourceFormat = .text, path: String = "test.txt") -> ReadOutcome {
  ReleaseReader().read(SourceDocument(path: path, format: format, text: text))
}

/// The repository's own folder (for seeds/).
let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("pressgraph-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}
