import EntityGraph
import Foundation
import PressReleases
import Testing

/// Extraction gives the same graph every time, in one process too.
@Suite("Determinism")
struct DeterminismTests {
  @Test("an input fuzzing found extracts the same twice (and ten times)")
  func fuzzFinding() throws {
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../Fuzz/regressions/extraction/two-extractions-differ.bin")
    let bytes = Array(try Data(contentsOf: file))
    let document = SourceDocument(path: "fuzz/release.txt", format: .text, bytes: bytes)
    let releases = ReleaseReader().read(document).releases
    let extractor = EntityExtractor()
    let first = extractor.extract(releases)
    for _ in 0..<10 {
      let again = extractor.extract(releases)
      #expect(again == first)
      if again != first {
        let a = try JSONEncoder().encode(ExtractionDocument(first))
        let b = try JSONEncoder().encode(ExtractionDocument(again))
        Issue.record(
          "\(String(decoding: a, as: UTF8.self))\n---\n\(String(decoding: b, as: UTF8.self))")
        break
      }
    }
  }
}
