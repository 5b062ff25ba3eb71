// The release-size benchmark: read and extract one release of 0.5, 1, 2
// and 4 MB of three kinds (meeting-dense text, words without punctuation,
// Markdown of the shapes that used to be quadratic), so that the time per
// megabyte shows whether any stage grows faster than the input.
//
//   swift run -c release pressgraph-benchmarks --scaling [--runs N]
import EntityGraph
import Foundation
import PressReleases

/// A document of about `bytes` bytes of `kind` (invented names only).
func scalingDocument(_ kind: String, bytes: Int) -> SourceDocument {
  var seed: UInt64 = 7
  func pick<T>(_ items: [T]) -> T {
    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return items[Int((seed >> 33) % UInt64(items.count))]
  }
  let families = ["Orlov", "Brandt", "Varga", "Lind", "Moreau", "Castell", "Ibsen", "Duarte"]
  let given = ["Hana", "Tomas", "Ana", "Pieter", "Lucia", "Marek", "Ines", "Karl"]
  let bodies = [
    "Ministry of Rail Affairs", "Kestrel Rail", "Northwind Battery Corporation",
    "Agency for Harbour Works", "Bellmark Steel",
  ]
  var text = "Invented Release\nDate: 2025-11-18\n"
  text.reserveCapacity(bytes + 1000)
  switch kind {
  case "meetings":
    var n = 0
    while text.utf8.count < bytes {
      text +=
        "Vice Minister \(pick(given)) \(pick(families)) of the \(pick(bodies)) met with "
        + "\(pick(given)) \(pick(families)), CEO of \(pick(bodies)), on Thursday, November "
        + "\(n % 28 + 1), at Harbour Hotel to discuss cooperation in batteries. "
      n += 1
      if n % 8 == 0 { text += "\n\n" }
    }
    return SourceDocument(path: "meetings.txt", format: .text, text: text)
  case "words":
    let words = [
      "Minister", "Orlov", "met", "with", "the", "Ministry", "of", "Rail", "Affairs", "and",
      "Kestrel", "Rail", "on", "November", "13", "at", "Harbour", "Hotel", "to", "discuss",
    ]
    while text.utf8.count < bytes { text += pick(words) + " " }
    return SourceDocument(path: "words.txt", format: .text, text: text)
  default:
    var markdown = "# Invented Release\n\n"
    let unit =
      String(repeating: "*", count: 2000) + String(repeating: "[", count: 2000)
      + String(repeating: ">", count: 1000) + String(repeating: "`", count: 1000)
      + String(repeating: "_a", count: 1000) + String(repeating: "![x](", count: 500)
    while markdown.utf8.count < bytes { markdown += unit }
    return SourceDocument(path: "odd.md", format: .markdown, text: markdown)
  }
}

func runScalingBenchmark(_ options: Options) {
  let runs = max(options.runs, 1)
  let extractor = EntityExtractor()
  print("release size: read + extract one release, median of \(runs) runs, one core")
  print("kind       size MB    seconds     MB/s   peak MiB")
  for kind in ["meetings", "words", "markdown"] {
    for megabytes in [0.5, 1, 2, 4] {
      let document = scalingDocument(kind, bytes: Int(megabytes * 1_000_000))
      let time = measure(runs: runs) {
        let releases = ReleaseReader().read(document).releases
        _ = extractor.extract(releases)
      }
      let s = seconds(time.median)
      print(
        kind.padding(toLength: 10, withPad: " ", startingAt: 0)
          + String(format: "%8.1f %10.3f %8.2f %10.0f", megabytes, s, megabytes / s, peakMemory()))
    }
  }
}
