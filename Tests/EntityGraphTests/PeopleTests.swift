import EntityGraph
import Testing

@Suite("People, titles and names")
struct PeopleTests {
  /// Each row: a sentence, the person it names, the body they serve, and the title.
  static let titled: [(String, String, String, String)] = [
    (
      "Trade Minister Lee Ha-neul visited the plant. MOTIR said so.", "Lee Ha-neul",
      "Ministry of Trade, Industry and Resources", "Trade Minister"
    ),
    (
      "The Ministry of Foreign Affairs held a session, chaired by Director-General for North American Affairs Seo Ji-hoon.",
      "Seo Ji-hoon", "Ministry of Foreign Affairs", "Director-General for North American Affairs"
    ),
    (
      "Jang Woo-jin, Deputy Minister for Industry at the Ministry of Trade, Industry and Resources, met reporters.",
      "Jang Woo-jin", "Ministry of Trade, Industry and Resources", "Deputy Minister for Industry"
    ),
    (
      "Nguyen Van An, Vietnam's Vice Minister of Finance, arrived in Seoul.", "Nguyen Van An",
      "Vietnam", "Vice Minister of Finance"
    ),
    (
      "Maria Lopez, CEO of Hanbit Robotics, received the award.", "Maria Lopez", "Hanbit Robotics",
      "CEO"
    ),
    (
      "KOTRA President Yoon Seo-jun opened the fair.", "Yoon Seo-jun",
      "Korea Trade-Investment Promotion Agency", "President"
    ),
    (
      "Choi Da-eun, Executive Director at exampletech Korea, spoke.", "Choi Da-eun",
      "exampletech Korea",
      "Executive Director"
    ),
    (
      "Foreign Minister Bae Min-jae met the delegation.", "Bae Min-jae",
      "South Korea",
      "Foreign Minister"
    ),
    (
      "Minister of SMEs and Startups Kwon Na-yeon thanked the ministry.", "Kwon Na-yeon",
      "Ministry of SMEs and Startups", "Minister of SMEs and Startups"
    ),
    (
      "U.S. Deputy Secretary of State Jordan Miles arrived.", "Jordan Miles",
      "United States", "Deputy Secretary of State"
    ),
    (
      "Korean Ambassador to Kazakhstan Seo Min-jun attended.", "Seo Min-jun",
      "Korean Embassy in Kazakhstan", "Ambassador to Kazakhstan"
    ),
    (
      "Kazakh Deputy Minister of Trade and Integration Aslan Nurov attended.", "Aslan Nurov",
      "Kazakhstan", "Deputy Minister of Trade and Integration"
    ),
    (
      "Japanese Vice Minister for Foreign Affairs Ken Sato arrived.", "Ken Sato",
      "Japan", "Vice Minister for Foreign Affairs"
    ),
    (
      "Colombian Minister of Information and Communications Technologies Ana Ruiz spoke.",
      "Ana Ruiz",
      "Colombia",
      "Minister of Information and Communications Technologies"
    ),
    (
      "The event was attended by Min Ha-rin, Minister of Science and ICT, and others.",
      "Min Ha-rin", "Ministry of Science and ICT", "Minister of Science and ICT"
    ),
    (
      "It was attended by Ko Eun-seo, Vice Minister of Trade, Industry and Energy.", "Ko Eun-seo",
      "Ministry of Trade, Industry and Energy", "Vice Minister of Trade, Industry and Energy"
    ),
    (
      "Minister Han Ji-won met Ola Berg, Prime Minister of Norway, on May 3.", "Ola Berg", "Norway",
      "Prime Minister"
    ),
    (
      "Minister Han Ji-won met with Jana Novák, European Commissioner for Energy, on May 3.",
      "Jana Novák", "European Commission", "Commissioner for Energy"
    ),
    (
      "Minister Han Ji-won met European Parliament President Ines Vidal on May 3.", "Ines Vidal",
      "European Parliament", "President"
    ),
    (
      "He met Daon Heavy Group Executive Chair Moon Ha-eun on May 3.", "Moon Ha-eun",
      "Daon Heavy Group", "Executive Chair"
    ),
    (
      "Dr. Yoon Ga-ram, Minister of Science and ICT, spoke.", "Yoon Ga-ram",
      "Ministry of Science and ICT", "Minister of Science and ICT"
    ),
    (
      "She met UAE Minister of Economy Rashid bin Saeed Al Nuaimi on May 3.",
      "Rashid bin Saeed Al Nuaimi", "United Arab Emirates",
      "Minister of Economy"
    ),
    (
      "She met with Anna van der Berg, President of the European Commission, on May 3.",
      "Anna van der Berg", "European Commission", "President"
    ),
    (
      "He held talks with U.S. Trade Representative Dana Wells on May 3.", "Dana Wells",
      "Office of the United States Trade Representative", "Trade Representative"
    ),
    (
      "It opened in the presence of French Minister Delegate for Trade Lea Morel.", "Lea Morel",
      "France", "Minister Delegate for Trade"
    ),
  ]

  @Test("a minister with no stated body is not put at the agency a release leads with")
  func ministerNotAtAgency() {
    let g = graph(
      """
      The Korea Institute for Advancement of Technology (KIAT) opened a center. Minister Yoon Ga-ram, who visited, praised the staff.
      """)
    #expect(
      !g.affiliationNames.contains(["Yoon Ga-ram", "Korea Institute for Advancement of Technology"])
    )
  }

  @Test("titled people in every form", arguments: titled)
  func titledPerson(sentence: String, person: String, org: String, title: String) throws {
    let g = graph(sentence)
    let entity = try #require(g.named(person))
    #expect(entity.type == .person)
    let affiliation = try #require(g.releases[0].affiliations.first { $0.person == entity.id })
    #expect(g.entity(affiliation.org)?.name == org)
    #expect(affiliation.title == title)
  }

  /// Each row: a sentence and the canonical name of the one person in it.
  static let nameForms: [(String, String)] = [
    ("Minister HJ Lee spoke.", "HJ Lee"),
    ("Minister HJ (Hyun-Jin) Lee spoke.", "Lee Hyun-jin"),
    ("President Kang Min Ho spoke.", "Kang Min Ho"),
    ("Director-General Oh Seung-hee spoke.", "Oh Seung-hee"),
    ("Anwar A. Al-Rashid, CEO of Gulf Petro, spoke.", "Anwar A. Al-Rashid"),
  ]

  @Test("name forms", arguments: nameForms)
  func nameForm(sentence: String, canonical: String) {
    let people = graph(sentence).entities.filter { $0.type == .person }
    #expect(people.map(\.name) == [canonical])
  }

  @Test("short references resolve to the full name in the release")
  func shortReferences() throws {
    let g = graph(
      """
      Deputy Minister Park Eun-ji met with Director-General Lim Tae-ho. Deputy Minister Park said the talks went well. Minister Lim was not present.
      """)
    let park = try #require(g.named("Park Eun-ji"))
    #expect(park.aliases.contains("Deputy Minister Park"))
    #expect(g.releases[0].mentions.filter { $0.entity == park.id }.count == 2)
    // "Minister Lim" has no full name with that title here but one Lim: resolved.
    let lim = try #require(g.named("Lim Tae-ho"))
    #expect(g.releases[0].mentions.filter { $0.entity == lim.id }.count == 2)
  }

  @Test("'He' after a named person is that person")
  func pronoun() {
    let g = graph(
      "Trade Minister Lee Ha-neul arrived in Jakarta on May 3. He met with Indonesian Trade Minister Budi Santoso."
    )
    #expect(g.meetingNames.contains { $0.isSuperset(of: ["Lee Ha-neul", "Budi Santoso"]) })
  }

  @Test("two different Kims are never merged")
  func twoKims() {
    let g = EntityExtractor().extract([
      release(
        "Director-General for Trade Policy Kim Min-soo of the Ministry of Trade, Industry and Resources met exporters.",
        path: "a.txt"),
      release(
        "Director-General for Regional Affairs Kim Ji-hye of the Ministry of Foreign Affairs met diplomats.",
        path: "b.txt"),
      release("Minister Kim Sung-hoon of the Ministry of Environment spoke.", path: "c.txt"),
    ])
    #expect(g.names(.person) == ["Kim Min-soo", "Kim Ji-hye", "Kim Sung-hoon"])
  }

  @Test("a typo of a name in the same role at the same ministry is resolved")
  func typos() {
    let g = EntityExtractor().extract([
      release(
        "The Ministry of Trade, Industry and Resources (MOTIR, Minister JH Choi) met exporters.",
        path: "a.txt"),
      release(
        "The Ministry of Trade, Industry and Resources (MOTIR, Minister JH Cho) met exporters.",
        path: "b.txt"),
      release(
        "The Ministry of Trade, Industry and Resources (MOTIR, Minister Choi JH Choi) met exporters.",
        path: "c.txt"),
    ])
    #expect(g.entities.filter { $0.type == .person }.count == 1)
  }

  @Test("the same letters at different bodies are kept apart")
  func typosNeedSameRole() {
    let g = EntityExtractor().extract([
      release(
        "The Ministry of Trade, Industry and Resources (MOTIR, Minister JH Choi) met exporters.",
        path: "a.txt"),
      release("The Ministry of Environment (ME, Minister JH Cho) met exporters.", path: "b.txt"),
    ])
    #expect(g.entities.filter { $0.type == .person }.count == 2)
  }

  @Test("people are resolved across releases, in written and Korean order")
  func acrossReleases() throws {
    let g = EntityExtractor().extract([
      release("KOTRA President Kang Yu Jin opened the fair.", path: "a.txt"),
      release("KOTRA President Kang Yu-jin closed the fair.", path: "b.txt"),
    ])
    let people = g.entities.filter { $0.type == .person }
    #expect(people.count == 1)
    let ids = Set(g.releases.flatMap(\.entities)).filter { $0.hasPrefix("person:") }
    #expect(ids.count == 1)
  }

  @Test("a foreign official serves at the ministry the release names, else stands for the country")
  func foreignMinistryNamed() {
    let named = graph(
      "Nguyen Van An, Vietnam's Vice Minister of Finance, arrived in Seoul. He met officials of Vietnam's Ministry of Finance."
    )
    #expect(named.affiliationNames.contains(["Nguyen Van An", "Ministry of Finance (Vietnam)"]))
    let unnamed = graph("Nguyen Van An, Vietnam's Vice Minister of Finance, arrived in Seoul.")
    #expect(unnamed.affiliationNames.contains(["Nguyen Van An", "Vietnam"]))
    #expect(unnamed.names(.ministry).isEmpty)
  }

  @Test("two officials joined by 'and' keep their own titles and bodies")
  func adjacentOfficials() {
    let g = graph(
      "Minister of Economy and Finance Choi Han-sol and Vietnamese Minister of Finance Ho Van Duc held talks on October 24."
    )
    #expect(
      g.affiliationNames == [
        ["Choi Han-sol", "Ministry of Economy and Finance"],
        ["Ho Van Duc", "Vietnam"],
      ])
  }

  @Test("'DPM Choi' resolves to the Deputy Prime Minister named earlier")
  func dpmShortForm() throws {
    let g = graph(
      "Deputy Prime Minister and Minister of Economy and Finance Choi Han-sol met exporters. DPM Choi said support would grow."
    )
    let choi = try #require(g.named("Choi Han-sol"))
    #expect(choi.aliases.contains("DPM Choi"))
    #expect(g.releases[0].mentions.filter { $0.entity == choi.id }.count == 2)
  }

  /// Person slots hold lists and particle names: each name in "met
  /// separately with A and B", "Ministers A and B", "former
  /// Representatives A, B, and C" is a person, and "de la" stays inside
  /// "Pierre-Alain de la Fontaine".
  @Test(
    "names in person slots: lists, plural titles and particles",
    arguments: [
      (
        "Minister Doh Min-seo met separately with Ola Berg and Ana Lindqvist on May 3.",
        ["Ola Berg", "Ana Lindqvist"]
      ),
      (
        "Ministers Ana Lindqvist and Ola Berg joined the dialogue on May 3.",
        ["Ana Lindqvist", "Ola Berg"]
      ),
      (
        "Minister Doh Min-seo met former Representatives Tom Hale, Ann Ruiz, and Bo Chen on May 3.",
        ["Tom Hale", "Ann Ruiz", "Bo Chen"]
      ),
      (
        "Minister Doh Min-seo met bilaterally with Pierre-Alain de la Fontaine on May 3.",
        ["Pierre-Alain de la Fontaine"]
      ),
    ])
  func cuedNameLists(sentence: String, people: [String]) {
    let g = graph(sentence)
    for person in people {
      #expect(g.named(person)?.type == .person, "\(person): \(g.entities.map(\.name))")
    }
  }

  @Test("a list after a cue stops at a body and at a title")
  func cuedListStops() {
    let g = graph(
      "Minister Doh Min-seo met with Ola Berg and Norvik Electronics on May 3.")
    #expect(g.names(.person) == ["Doh Min-seo", "Ola Berg"])
  }

  @Test("'High Representative' is a title, not a body called 'High'")
  func highRepresentative() {
    let g = graph("High Representative Ola Berg met Minister Doh Min-seo on May 3.")
    #expect(g.named("High") == nil)
    #expect(g.names(.person) == ["Doh Min-seo", "Ola Berg"])
  }

  @Test("'Family, Given' later in a release is the person named before")
  func commaFormLater() {
    let g = graph(
      "Minister Doh Min-seo arrived in Oslo on May 2. Doh, Min-seo later met Ola Berg and Ana Lindqvist on May 3."
    )
    #expect(g.names(.person) == ["Doh Min-seo", "Ola Berg", "Ana Lindqvist"])
    #expect(
      Set(g.meetingNames) == [["Doh Min-seo", "Ola Berg"], ["Doh Min-seo", "Ana Lindqvist"]],
      "\(g.meetingNames)")
  }

  @Test(
    "titled people take bodies named after them or before their title",
    arguments: [
      ("Minister Doh Min-seo met CEO Tove Lind of Vask Steel on May 3.", "Tove Lind", "Vask Steel"),
      (
        "Norvik Motors' CEO Jan Koski met Minister Doh Min-seo on May 3.", "Jan Koski",
        "Norvik Motors"
      ),
      (
        "Minister Doh Min-seo met with Lumen Motor Group Executive Chair Chung Ha-eun, and CEO Tove Lind of Vask Steel on May 3.",
        "Chung Ha-eun", "Lumen Motor Group"
      ),
    ])
  func lateBodies(sentence: String, person: String, body: String) {
    let g = graph(sentence)
    #expect(g.affiliationNames.contains([person, body]), "\(g.affiliationNames)")
  }
}
