import EntityGraph
import Testing

/// Foreign officials: named after "TITLE of COUNTRY", as "his COUNTRY
/// counterpart", or after a meeting verb; they stand for their country
/// unless the release names their ministry.
@Suite("Foreign officials")
struct ForeignOfficialTests {
  @Test(
    "a foreign official is found and affiliated with the country",
    arguments: [
      (
        "Minister Doh Min-seo met with Minister of Foreign Affairs of Norway Ola Berg on May 2.",
        "Ola Berg", "Norway"
      ),
      (
        "Minister Doh Min-seo held talks with his Norwegian counterpart Ola Berg on May 2.",
        "Ola Berg", "Norway"
      ),
      ("Minister Doh Min-seo met her counterpart, Ola Berg, on May 2.", "Ola Berg", nil),
      ("Minister Doh Min-seo met bilaterally with Ola Berg on May 2.", "Ola Berg", nil),
    ] as [(String, String, String?)])
  func found(sentence: String, person: String, country: String?) throws {
    let g = graph(sentence)
    let entity = try #require(g.named(person), "\(g.entities.map(\.name))")
    #expect(entity.type == .person)
    if let country { #expect(g.affiliationNames.contains([person, country])) }
    #expect(g.meetingNames.contains { $0.contains(person) && $0.contains("Doh Min-seo") })
  }

  @Test("a company after 'met with' stays a company")
  func companyAfterMet() {
    let g = graph("Minister Doh Min-seo met with Norvik Electronics on May 2.")
    #expect(g.names(.person) == ["Doh Min-seo"])
  }

  @Test("'had a meeting and an official luncheon with' is one meeting")
  func coordinatedNouns() {
    let g = graph(
      "Minister Doh Min-seo had a meeting and an official luncheon with his Norwegian counterpart Ola Berg on May 2."
    )
    #expect(g.meetingNames == [["Doh Min-seo", "Ola Berg"]])
  }

  /// "Name, TITLE of COUNTRY": the country after the title is the
  /// government the title belongs to, even when the title alone would name
  /// a Korean ministry ("Minister of Foreign Affairs") or, as a short
  /// title, Korea ("Trade Minister").
  @Test(
    "'Name, Title of Country' affiliates the official with that country",
    arguments: [
      (
        "Ola Berg, Minister of Foreign Affairs of Norway", "Ola Berg", "Norway",
        "Ministry of Foreign Affairs"
      ),
      ("Ana Lindqvist, Trade Minister of Sweden", "Ana Lindqvist", "Sweden", "South Korea"),
      ("Jan Koski, Deputy Minister of Economy of Finland", "Jan Koski", "Finland", nil),
    ] as [(String, String, String, String?)])
  func nameCommaTitleOfCountry(apposition: String, person: String, country: String, notOrg: String?)
  {
    let g = graph("Minister Doh Min-seo met with \(apposition), in Seoul on May 2.")
    #expect(g.affiliationNames.contains([person, country]), "\(g.affiliationNames)")
    if let notOrg {
      #expect(!g.affiliationNames.contains([person, notOrg]))
      #expect(!g.meetingNames.contains { $0.contains(notOrg) })
    }
  }

  @Test("a Korean title of Korea keeps its Korean ministry")
  func koreanTitleOfKorea() {
    let g = graph(
      "Ola Berg met with Doh Min-seo, Minister of Foreign Affairs of the Republic of Korea, in Oslo on May 2."
    )
    #expect(g.affiliationNames.contains(["Doh Min-seo", "Ministry of Foreign Affairs"]))
  }

  @Test("split meetings list a named foreign official, not also the country")
  func splitMeetingsLeaveOutTheCountry() {
    let g = graph(
      "Minister Doh Min-seo met Ana Lindqvist, Trade Minister of Sweden, and Jan Koski, Deputy Minister of Economy of Finland, on May 2."
    )
    #expect(g.meetingNames == [["Ana Lindqvist", "Doh Min-seo"], ["Doh Min-seo", "Jan Koski"]])
  }
}
