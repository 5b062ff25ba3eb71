import Foundation
import PressgraphTestSupport
import Testing

/// The fuzz targets' checks, on their seed corpora and on every input that
/// fuzzing once broke on (kept in Tests/Fuzz/regressions/<target>/ once
/// fixed): a plain `swift test` replays them all.
@Suite("Fuzz corpora and regressions replayed")
struct FuzzCorpusTests {
  static let targets = ["release-reader", "date-parser", "extraction", "dot-svg"]

  /// The inputs kept for `target`.
  static func inputs(_ target: String) throws -> [URL] {
    var files: [URL] = []
    for kind in ["corpus", "regressions"] {
      let folder = packageRoot.appendingPathComponent("Tests/Fuzz/\(kind)/\(target)")
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      files += names.filter { !$0.hasPrefix(".") }.sorted().map {
        folder.appendingPathComponent($0)
      }
    }
    return files
  }

  @Test(arguments: targets)
  func everyKeptInputPassesItsCheck(target: String) throws {
    let files = try Self.inputs(target)
    #expect(!files.isEmpty)
    for file in files {
      let bytes = [UInt8](try Data(contentsOf: file))
      bytes.withUnsafeBufferPointer { FuzzChecks.run(target, $0) }
    }
  }
}
