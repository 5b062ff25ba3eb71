import Foundation
import Testing

@testable import PressReleases

/// Facts about the corpus the project ships in seeds/.
@Suite("The shipped seeds")
struct SeedsTests {
  func seeds() -> CorpusReader.Summary {
    CorpusReader(scanner: CorpusScanner(workingDirectory: packageRoot)).read(["seeds"])
  }

  @Test("twelve releases: one, ten and one per file")
  func counts() {
    let summary = seeds()
    // One seed page prints no date (MOFA's page without its date line).
    #expect(
      summary.diagnostics.map(\.file) == ["seeds/000_b2091c199c6b9433.txt"]
        && summary.diagnostics.allSatisfy { $0.message.contains("no publication date") })
    #expect(
      summary.files.map(\.file.path) == [
        "seeds/000_b2091c199c6b9433.txt", "seeds/001_eb9092cc9fc49135.txt",
        "seeds/002_d9c99c24d1cd3b41.txt",
      ])
    #expect(summary.files.map(\.releases.count) == [1, 10, 1])
  }

  @Test("the bundle's publication dates, in file order")
  func bundleDates() {
    let dates = seeds().files[1].releases.map { $0.date?.description ?? "none" }
    #expect(
      dates == [
        "2025-11-19", "2025-11-18", "2025-11-17", "2025-11-14", "2025-11-14", "2025-11-14",
        "2025-11-14", "2025-11-10", "2025-11-07", "2025-11-06",
      ])
    #expect(seeds().files[0].releases[0].date == nil)
  }

  @Test("the web page's title, date and clean body")
  func webPage() throws {
    let release = try #require(seeds().files[2].releases.first)
    #expect(
      release.title == "MSS and MoFA of Korea Launch Consultative Bodies for Global SME Support")
    #expect(release.date?.description == "2024-04-21")
    #expect(release.body.hasPrefix("The South Korean Ministry of SMEs and Startups (MSS)"))
    #expect(release.body.hasSuffix("accelerate the global expansion of SMEs and startups.”"))
    for chrome in [
      "All Government Startup News", "min read", "Reading Time", "Leave a comment", "댓글",
      "정부", "다코스",
    ] {
      #expect(!release.body.contains(chrome), "body contains \(chrome)")
    }
    #expect(!release.body.contains(release.title))
  }

  @Test("every sentence's offsets slice the body back")
  func offsets() {
    for release in seeds().releases {
      let scalars = Array(release.body.unicodeScalars)
      for sentence in release.sentences {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[sentence.start..<sentence.end])
        #expect(String(view) == sentence.text)
      }
    }
  }

  @Test("reading twice gives the same ids")
  func stableIDs() {
    #expect(seeds().releases.map(\.id) == seeds().releases.map(\.id))
    #expect(Set(seeds().releases.map(\.id)).count == 12)
  }
}
