import EntityGraph
import Foundation
import PressReleases
import Testing

/// Reading and extraction must take time linear in a release's size: a
/// quadratic stage turns a 4 MB release into minutes (issue 9 measured
/// 0.46, 1.5, 5.4 and 20.3 s for 1, 2, 4 and 8 MB). These tests compare the
/// CPU time of a 4 MB input with that of a 1 MB one of the same kind: about
/// 4 times for linear work, 16 for quadratic. No absolute time is asserted
/// (that lives in the benchmark target); the ratio is what must hold.
@Suite("Work grows linearly with a release's size")
struct ScalingTests {
  /// A deterministic generator (SplitMix64).
  struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
  }

  /// A document of about `bytes` bytes of one kind.
  static func document(_ kind: String, bytes: Int) -> SourceDocument {
    var random = Generator(state: 7)
    let families = ["Orlov", "Brandt", "Varga", "Lind", "Moreau", "Castell", "Ibsen", "Duarte"]
    let given = ["Hana", "Tomas", "Ana", "Pieter", "Lucia", "Marek", "Ines", "Karl"]
    let bodies = [
      "Ministry of Rail Affairs", "Kestrel Rail", "Northwind Battery Corporation",
      "Agency for Harbour Works", "Bellmark Steel",
    ]
    var text = "Invented Release\nDate: 2025-11-18\n"
    switch kind {
    case "meetings":
      var n = 0
      while text.utf8.count < bytes {
        let a = "\(random.pick(given)) \(random.pick(families))"
        let b = "\(random.pick(given)) \(random.pick(families))"
        text +=
          "Vice Minister \(a) of the \(random.pick(bodies)) met with \(b), CEO of "
          + "\(random.pick(bodies)), on Thursday, November \(n % 28 + 1), at Harbour Hotel to "
          + "discuss cooperation in batteries. "
        n += 1
        if n % 8 == 0 { text += "\n\n" }
      }
      return SourceDocument(path: "meetings.txt", format: .text, text: text)
    case "no punctuation":
      let words = [
        "Minister", "Orlov", "met", "with", "the", "Ministry", "of", "Rail", "Affairs", "and",
        "Kestrel", "Rail", "on", "November", "13", "at", "Harbour", "Hotel", "to", "discuss",
      ]
      var picked: [String] = []
      var size = text.utf8.count
      while size < bytes {
        let word = random.pick(words)
        picked.append(word)
        size += word.utf8.count + 1
      }
      return SourceDocument(
        path: "words.txt", format: .text, text: text + picked.joined(separator: " "))
    default:  // Markdown of the shapes that were quadratic
      var markdown = "# Invented Release\n\n"
      let unit =
        String(repeating: "*", count: 2000) + String(repeating: "[", count: 2000)
        + String(repeating: ">", count: 1000) + String(repeating: "`", count: 1000)
        + String(repeating: "_a", count: 1000) + String(repeating: "![x](", count: 500)
      while markdown.utf8.count < bytes { markdown += unit }
      return SourceDocument(path: "odd.md", format: .markdown, text: markdown)
    }
  }

  /// CPU seconds this thread spends reading and extracting `document`.
  static func cost(_ document: SourceDocument) -> Double {
    var start = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
    let releases = ReleaseReader().read(document).releases
    let graph = EntityExtractor().extract(releases)
    var end = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
    #expect(!releases.isEmpty)
    #expect(graph.releases.count == releases.count)
    return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
  }

  @Test(arguments: ["meetings", "no punctuation", "markdown"])
  func fourTimesTheTextIsAboutFourTimesTheWork(kind: String) {
    let small = Self.document(kind, bytes: 1_000_000)
    let large = Self.document(kind, bytes: 4_000_000)
    let smallCost = Self.cost(small)
    let largeCost = Self.cost(large)
    let ratio = largeCost / max(smallCost, 1e-6)
    #expect(ratio < 8, "\(kind): 1 MB took \(smallCost) s, 4 MB \(largeCost) s (×\(ratio))")
  }
}
