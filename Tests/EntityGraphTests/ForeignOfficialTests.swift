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
}
