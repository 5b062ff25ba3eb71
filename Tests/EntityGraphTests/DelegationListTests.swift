import EntityGraph
import Testing

/// Delegation lists: "Name(Title, Body)" items in "- Side: …" lines after
/// a sentence about "the delegates".
@Suite("Delegation lists")
struct DelegationListTests {
  static let text = """
    1. The Lumen-Norvik delegates held talks over lunch in Riga on May 2.

    - Lumen: Head of Lumen Security Council(LSC), Deputy Lumen Intelligence Agency(LIA) Chief
    - Norvik: Ola Berg(Director, Norvik Army’s General Logistics Bureau), Ilse Varga(Secretary), Jan Dahl(Head, Ministry of Sport and Culture)
    """

  @Test("the listed people, their bodies and the listed bodies are the meeting's participants")
  func participants() throws {
    let g = graph(Self.text)
    let meeting = try #require(g.meetingNames.first)
    #expect(
      meeting.isSuperset(of: [
        "Ola Berg", "Ilse Varga", "Jan Dahl", "Lumen Security Council", "Lumen Intelligence Agency",
        "General Logistics Bureau", "Ministry of Sport and Culture",
      ]), "\(meeting)")
  }

  @Test("'Name(Title, Body)' gives the person, the title and the most specific body")
  func bracketTitles() {
    let g = graph(Self.text)
    #expect(g.affiliationNames.contains(["Ola Berg", "General Logistics Bureau"]))
    #expect(g.affiliationNames.contains(["Jan Dahl", "Ministry of Sport and Culture"]))
    #expect(!g.affiliationNames.contains { $0.first == "Ilse Varga" })
    let parents = g.releases.flatMap(\.parents).map {
      [g.entity($0.child)?.name ?? "", g.entity($0.parent)?.name ?? ""]
    }
    #expect(parents.contains(["General Logistics Bureau", "Norvik Army"]))
  }

  @Test("a delegate known only by a title that names a body stands for the body")
  func titleOnlyDelegates() throws {
    let g = graph(
      """
      1. The delegates held talks over lunch in Riga on May 2.

      - South: Foreign Minister, Unification Vice Minister, Presidential Secretary for Lumen Affairs
      - Norvik: Ola Berg(Director, Norvik Army’s General Logistics Bureau)
      """)
    let meeting = try #require(g.meetingNames.first)
    #expect(meeting.contains("Ministry of Unification"), "\(meeting)")
    #expect(meeting.contains("Ola Berg"))
  }
}
