import Testing

@testable import PressReleases

@Suite("Release shapes")
struct ReleaseReaderTests {
  @Test("a single release: title line, then body; no date line means no date")
  func single() throws {
    let outcome = read(
      """
      Ministry Briefs Missions on Visa Issues
      The Ministry of Foreign Affairs held a meeting on October 2.
      Director-General Kim chaired it.
      """)
    let release = try #require(outcome.releases.first)
    #expect(outcome.releases.count == 1)
    #expect(release.title == "Ministry Briefs Missions on Visa Issues")
    #expect(release.date == nil)
    #expect(release.category == nil)
    #expect(release.position == 1)
    #expect(
      release.body
        == "The Ministry of Foreign Affairs held a meeting on October 2.\n\nDirector-General Kim chaired it."
    )
    #expect(release.sentences.map(\.text).count == 2)
  }

  /// A first line that reads as body text (a long sentence with its
  /// period, or several sentences) is body: its first sentence stands in
  /// for the title, and the line is not dropped as a repeat of it.
  @Test(
    "a first line that is body text stays in the body",
    arguments: [
      "The Lumen Commission approved the supervisory regulation on consumer protection on March 17 as a necessary final step for the new act that takes effect on March 25.",
      "Ministers met in Seoul. They agreed to expand cooperation.",
    ])
  func firstLineIsBody(first: String) throws {
    let outcome = read(first + "\nThe regulation takes effect next week.")
    let release = try #require(outcome.releases.first)
    #expect(release.body.hasPrefix(first))
    #expect(first.hasPrefix(release.title))
  }

  @Test("a bundle: separators, categories, titles and glued dates")
  func bundle() throws {
    let outcome = ReleaseReader().read(
      SourceDocument(path: "b/bundle.txt", format: .text, bytes: try fixture("bundle.txt")))
    #expect(outcome.diagnostics.isEmpty)
    #expect(
      outcome.releases.map(\.title) == [
        "Ministry Holds Export Strategy Meeting",
        "Korea and Norway Discuss Offshore Wind",
        "Semiconductor Support Package Announced in the U.S.",
      ])
    #expect(outcome.releases.map(\.category) == ["Trade/Investment", "Energy", "Industry"])
    #expect(
      outcome.releases.map { $0.date?.description } == ["2025-03-04", "2025-02-28", "2025-02-20"])
    #expect(outcome.releases.map(\.position) == [1, 2, 3])
    // The date marker is cut from the last sentence.
    #expect(outcome.releases[2].body == "The package totals KRW 1 trillion. It runs until 2030.")
    #expect(outcome.releases[0].sentences.last?.text == "Exporters attended.")
  }

  @Test("a scraped web page: header, badges and footer are stripped")
  func webPage() throws {
    let outcome = ReleaseReader().read(
      SourceDocument(path: "w.txt", format: .text, bytes: try fixture("web-page.txt")))
    let release = try #require(outcome.releases.first)
    #expect(outcome.releases.count == 1)
    #expect(release.title == "Korea and Chile Sign Digital Trade MOU")
    #expect(release.date?.description == "2023-09-05")
    #expect(
      release.body.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) == [
        "The Ministry of Science and ICT (MSIT) signed a memorandum of understanding with Chile's Ministry of Economy on September 4 in Santiago.",
        "Vice Minister Park Yun-kyu said the agreement opens new markets for Korean start-ups.",
        "The two sides will hold a follow-up meeting in December.",
      ])
  }

  @Test("HTML: the article's text, without script, nav, header or footer")
  func html() throws {
    let outcome = ReleaseReader().read(
      SourceDocument(path: "a.html", format: .html, bytes: try fixture("article.html")))
    let release = try #require(outcome.releases.first)
    #expect(release.title == "Korea Hosts APEC Trade Ministers")
    #expect(release.date?.description == "2025-05-16")
    #expect(
      release.body
        == "Trade Minister Cheong In-kyo chaired the APEC Ministers Responsible for Trade meeting on May 15–16 in Jeju.\n\nHe met U.S. Trade Representative Jamieson Greer on the sidelines & discussed tariffs."
    )
    for chrome in ["script", "Ministry Home", "Policies", "rights reserved", "color"] {
      #expect(!release.body.contains(chrome))
    }
  }

  @Test("Markdown: front matter, emphasis and links")
  func markdown() throws {
    let outcome = ReleaseReader().read(
      SourceDocument(path: "n.md", format: .markdown, bytes: try fixture("notes.md")))
    let release = try #require(outcome.releases.first)
    #expect(release.title == "KOTRA Opens Trade Office in Riyadh")
    #expect(release.date?.description == "2025-06-02")
    #expect(
      release.body.hasPrefix(
        "The Korea Trade-Investment Promotion Agency (KOTRA) opened a trade office in Riyadh on June 1."
      ))
    #expect(release.sentences.map(\.text).contains("The office will support 50 Korean companies."))
  }

  @Test("CRLF files read like LF files")
  func crlf() throws {
    let outcome = ReleaseReader().read(
      SourceDocument(path: "c.txt", format: .text, bytes: try fixture("crlf.txt")))
    let release = try #require(outcome.releases.first)
    #expect(release.title == "Title With Windows Line Ends")
    #expect(
      release.sentences.map(\.text) == [
        "The first sentence is here.", "The second line is another paragraph.",
      ])
  }

  @Test(
    "date lines near the top are read and removed",
    arguments: [
      "Date: 2025-11-18", "2025-11-18", "November 18, 2025", "Published: 18 November 2025",
      "Registration date 2025-11-18", "Date 2025-11-18", "Date 2025.11.18", "Date. 2025.11.18.",
      "created 2025-11-18", "Date : 2025/11/18", "Posted 2025.11.18", "Reg. Date 2025-11-18",
      "Registered on 2025-11-18 09:30", "Date 2025.11.18 (Tue)",
    ])
  func headerDate(line: String) throws {
    let outcome = read("Ministry Title\n\(line)\nThe ministry met on Monday.")
    let release = try #require(outcome.releases.first)
    #expect(release.date?.description == "2025-11-18")
    #expect(release.body == "The ministry met on Monday.")
  }

  @Test("hard-wrapped paragraphs are joined; blank lines separate them")
  func wrapped() throws {
    let outcome = read(
      """
      Wrapped Release
      The Ministry of SMEs and Startups held a meeting with the Ministry of
      Foreign Affairs on April 17 to set up consultative bodies.

      A second paragraph.
      """)
    let release = try #require(outcome.releases.first)
    #expect(
      release.sentences.map(\.text) == [
        "The Ministry of SMEs and Startups held a meeting with the Ministry of Foreign Affairs on April 17 to set up consultative bodies.",
        "A second paragraph.",
      ])
  }

  @Test("a first line too long to be a title yields its first sentence as title")
  func noTitleLine() throws {
    let long = String(repeating: "The agency supports exporters in many markets. ", count: 10)
    let outcome = read(long)
    let release = try #require(outcome.releases.first)
    #expect(release.title == "The agency supports exporters in many markets.")
    #expect(release.sentences.count == 10)
    #expect(outcome.diagnostics.map(\.severity) == [.note, .warning])
    #expect(outcome.diagnostics.last?.message.contains("no publication date") == true)
  }

  @Test("a release without a date line that can be read is reported, once per release")
  func undatedWarns() throws {
    let outcome = read("Ministry Title\nThe ministry met on Monday.")
    #expect(outcome.releases.count == 1)
    #expect(
      outcome.diagnostics.map(\.description) == [
        "warning: test.txt: the release has no publication date line that could be read; dates in its text that name no year stay without one"
      ])
    let dated = read("Ministry Title\nDate 2025.11.18\nThe ministry met on Monday.")
    #expect(dated.diagnostics.isEmpty)
  }

  @Test("a title with no body is not a release")
  func titleOnly() {
    let outcome = read("Just a Title\n\n")
    #expect(outcome.releases.isEmpty)
    #expect(outcome.diagnostics.map(\.message) == ["no release found (a title and a body)"])
  }

  @Test("ids are stable and depend on path, position and content")
  func ids() throws {
    let text = "Title\nBody sentence."
    let a = try #require(read(text, path: "x/a.txt").releases.first)
    let again = try #require(read(text, path: "x/a.txt").releases.first)
    let moved = try #require(read(text, path: "y/a.txt").releases.first)
    let edited = try #require(read(text + " More.", path: "x/a.txt").releases.first)
    #expect(a.id == again.id)
    #expect(a.id.hasPrefix("a-1-"))
    #expect(a.id != moved.id)
    #expect(a.id != edited.id)
    #expect(a.contentHash == moved.contentHash)
    #expect(a.contentHash.count == 64)
  }
}
