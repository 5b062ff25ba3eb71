import EntityGraph
import Testing

/// The meeting conventions of the development set: several counterparts
/// are bilateral meetings unless joint, visits are meetings only with the
/// firms and people visited, and the future makes a meeting planned.
@Suite("Meeting conventions")
struct MeetingConventionTests {
  @Test(
    "'met with A and B' and 'had meetings with A and B' are one meeting per counterpart",
    arguments: [
      "Minister Doh Min-seo met with Director Ola Berg of Norvik Council and President Ilse Varga of Lumen Bank on May 2.",
      "Minister Doh Min-seo had meetings with Director Ola Berg of Norvik Council, and President Ilse Varga of Lumen Bank on May 2.",
      "Minister Doh Min-seo met separately with Director Ola Berg of Norvik Council and President Ilse Varga of Lumen Bank on May 2.",
    ])
  func bilateral(sentence: String) {
    let g = graph(sentence)
    let people = g.meetingNames.map { $0.intersection(["Doh Min-seo", "Ola Berg", "Ilse Varga"]) }
    #expect(
      people.sorted { $0.sorted().joined() < $1.sorted().joined() } == [
        ["Doh Min-seo", "Ilse Varga"], ["Doh Min-seo", "Ola Berg"],
      ])
    #expect(!g.meetingNames.contains { $0.isSuperset(of: ["Ola Berg", "Ilse Varga"]) })
  }

  @Test("a joint or trilateral meeting keeps everyone together")
  func joint() {
    let g = graph(
      "Minister Doh Min-seo met jointly with Director Ola Berg of Norvik Council and President Ilse Varga of Lumen Bank on May 2."
    )
    #expect(g.meetingNames.count == 1)
    #expect(
      g.meetingNames.first?.isSuperset(of: ["Doh Min-seo", "Ola Berg", "Ilse Varga"]) == true)
  }

  @Test("visiting a firm is a meeting; touring a city or an international body is not")
  func visits() {
    let firm = graph("Minister Doh Min-seo visited Norvane Electronics in Ulsan on May 2.")
    #expect(firm.meetingNames.contains { $0.contains("Norvane Electronics") })
    let city = graph("Minister Doh Min-seo will visit the United Nations from May 2 to 3.")
    #expect(city.meetingNames.isEmpty, "\(city.meetingNames)")
  }

  @Test(
    "the future makes a meeting planned",
    arguments: [
      "In his meeting with Ola Berg, Minister Doh Min-seo will ask for support.",
      "A meeting between Minister Doh Min-seo and Director Ola Berg is to be held in Oslo.",
    ])
  func planned(sentence: String) {
    let g = graph("Minister Doh Min-seo arrived in Oslo on May 2. \(sentence)")
    #expect(!g.meetings.isEmpty)
    #expect(g.meetings.allSatisfy { $0.status == .planned })
  }

  @Test("'Title Name of COUNTRY' and 'of DEMONYM Body' give the person's affiliation")
  func ofCountry() {
    let g = graph(
      "Minister Doh Min-seo met Executive President Ola Berg of Norwegian National Road Authority and Foreign Minister Ilse Varga of Latvia."
    )
    #expect(g.affiliationNames.contains(["Ola Berg", "National Road Authority (Norway)"]))
    #expect(g.named("Norwegian National Road Authority") != nil)
    #expect(g.affiliationNames.contains(["Ilse Varga", "Latvia"]))
  }

  @Test("one party is no meeting: an official and her own office")
  func onePartyIsNoMeeting() {
    let g = graph(
      "Office for Government Policy Coordination Minister Kang Hye-jin met with the heads of three agencies on February 2."
    )
    #expect(g.meetings.isEmpty, "\(g.meetingNames)")
  }

  @Test("'attended the Forum and met separately with A and B' is two meetings, without the forum")
  func attendAndMeet() {
    let g = graph(
      "Minister Doh Min-seo attended the Lumen Economic Forum in Oslo and met separately with Ola Berg and Ana Lindqvist on May 3."
    )
    #expect(
      Set(g.meetingNames) == [["Doh Min-seo", "Ola Berg"], ["Doh Min-seo", "Ana Lindqvist"]],
      "\(g.meetingNames)")
  }

  @Test("an event 'attended by A, B and C' is one meeting of all three")
  func attendedByNames() {
    let g = graph(
      "The Lumen roundtable was held in Seoul on May 3. The roundtable was attended by Ola Berg, Ana Lindqvist and Jan Koski."
    )
    #expect(
      g.meetingNames.contains { $0.isSuperset(of: ["Ola Berg", "Ana Lindqvist", "Jan Koski"]) },
      "\(g.meetingNames)")
  }

  @Test("'received NAME, TITLE of FIRM' is a meeting with that person")
  func receivedPerson() {
    let g = graph(
      "Minister Doh Min-seo received Tove Lind, CEO of Norvik Motors, in Sejong on May 3.")
    #expect(
      g.meetingNames.contains { $0.isSuperset(of: ["Doh Min-seo", "Tove Lind"]) },
      "\(g.meetingNames)")
    #expect(g.affiliationNames.contains(["Tove Lind", "Norvik Motors"]))
  }

  @Test(
    "countries that are the whole subject are the parties; elsewhere a country is no party",
    arguments: [
      (
        "Korea and Sweden signed an MOU on battery supply chains on May 3.",
        [["South Korea", "Sweden"]]
      ),
      ("Minister Doh Min-seo visited Sweden on May 3.", []),
    ] as [(String, [Set<String>])])
  func countrySubjects(sentence: String, meetings: [Set<String>]) {
    #expect(graph(sentence).meetingNames == meetings)
  }
}
