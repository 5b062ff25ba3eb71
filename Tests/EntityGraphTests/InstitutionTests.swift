import EntityGraph
import Testing

@Suite("Institutions")
struct InstitutionTests {
  @Test("a ministry named '… of Country' belongs to that country and ends there")
  func ministryOfCountry() {
    let g = graph(
      "Officials met the Ministry of Ports, Fisheries and Coastal Affairs of Norway and the Lumen Standards Council on May 2."
    )
    #expect(g.names(.ministry) == ["Ministry of Ports, Fisheries and Coastal Affairs (Norway)"])
    #expect(g.named("Ministry of Ports, Fisheries and Coastal Affairs (Norway)")?.country == "NO")
  }

  @Test("one body named by two cues in a release is one entity")
  func sameNameTwoCues() {
    let g = graph(
      """
      The ministry signed an agreement with Norway's Lumen-Institut on May 2. Minister Seo Ji-hoon met Ola Berg, President of Lumen-Institut, on May 3.
      """)
    let bodies = g.entities.filter { $0.name == "Lumen-Institut" }
    #expect(bodies.count == 1)
    #expect(g.affiliationNames.contains(["Ola Berg", "Lumen-Institut"]))
  }

  @Test("an acronym in parentheses, then the acronym alone, is one entity")
  func acronymDefinition() throws {
    let g = graph(
      """
      The Korea Institute for Advancement of Technology (KIAT) opened a hub in Pangyo. KIAT will train 300 engineers.
      """)
    let kiat = try #require(g.named("KIAT"))
    #expect(kiat.name == "Korea Institute for Advancement of Technology")
    #expect(kiat.type == .agency)
    #expect(g.entities.filter { $0.type == .agency }.count == 1)
    #expect(g.releases[0].mentions.filter { $0.entity == kiat.id }.count == 2)
  }

  @Test("an unknown institution with its acronym is found by pattern")
  func unknownInstitution() throws {
    let g = graph(
      "The Gyeonggi Robot Industry Promotion Agency (GRIPA) hosted the forum. GRIPA said more firms joined."
    )
    let gripa = try #require(g.named("GRIPA"))
    #expect(gripa.name == "Gyeonggi Robot Industry Promotion Agency")
    #expect(gripa.type == .agency)
  }

  @Test("an appositive that names the head gives a person, a title and an affiliation")
  func appositiveHead() throws {
    let g = graph(
      "The Ministry of SMEs and Startups (MSS, Minister Han Seo-rin) announced a fund for exporters."
    )
    let person = try #require(g.named("Han Seo-rin"))
    #expect(person.type == .person)
    #expect(g.affiliationNames == [["Han Seo-rin", "Ministry of SMEs and Startups"]])
    #expect(g.releases[0].affiliations.first?.title == "Minister")
  }

  @Test("a possessive foreign ministry is not Korea's")
  func foreignMinistry() throws {
    let g = graph(
      """
      The Ministry of Economy and Finance held talks with Vietnam's Ministry of Finance in Hanoi on May 2. The Ministry of Finance will send a delegation to Seoul.
      """)
    let vietnam = try #require(g.named("Ministry of Finance (Vietnam)"))
    #expect(vietnam.country == "VN")
    let korea = try #require(g.named("Ministry of Economy and Finance"))
    #expect(korea.country == "KR")
    #expect(vietnam.id != korea.id)
    // The bare "Ministry of Finance" later refers back to Vietnam's.
    #expect(g.releases[0].mentions.filter { $0.entity == vietnam.id }.count == 2)
  }

  @Test("'X under the Ministry of Y' makes Y the parent of X")
  func parentBody() throws {
    let g = graph(
      "The Korea Intellectual Property Strategy Agency (KISTA) under the Ministry of Trade, Industry and Resources published a report."
    )
    let link = try #require(g.releases[0].parents.first)
    #expect(g.entity(link.child)?.name == "Korea Intellectual Property Strategy Agency")
    #expect(g.entity(link.parent)?.name == "Ministry of Trade, Industry and Resources")
  }

  @Test("spelling variants of a ministry's name are one entity")
  func spellingVariants() {
    let g = EntityExtractor().extract([
      release("The Ministry of Trade, Industry, and Resources announced a plan.", path: "a.txt"),
      release(
        "The Ministry of Trade, Industry and Resources announced another plan.", path: "b.txt"),
    ])
    #expect(
      g.entities.filter { $0.type == .ministry }.map(\.name) == [
        "Ministry of Trade, Industry and Resources"
      ])
  }

  @Test("a release's own definition of MOU beats built-in data; undefined, it is no entity")
  func acronymDefinedInRelease() {
    let undefined = graph("The two agencies signed an MOU on May 3. The MOU covers hydrogen.")
    #expect(undefined.entities.filter { $0.type != .country }.isEmpty)
    let defined = graph(
      "The Ministry of Unification (MOU) met with civic groups on May 3. The MOU said talks would continue."
    )
    let unification = defined.named("MOU")
    #expect(unification?.name == "Ministry of Unification")
    let notInstitution = graph(
      "The agency opened the Mobility Operations Unit (MOU) on May 20. The MOU will monitor pilots."
    )
    #expect(notInstitution.named("MOU") == nil)
  }

  @Test("a renamed ministry is linked to its successor, not merged")
  func renamedInstitution() throws {
    let g = EntityExtractor().extract([
      release(
        "The Ministry of Trade, Industry and Energy (MOTIE) held a briefing.", date: "2024-03-02",
        path: "a.txt"),
      release(
        "The Ministry of Trade, Industry and Resources (MOTIR) held a briefing.", path: "b.txt"),
    ])
    let motie = try #require(g.named("MOTIE"))
    let motir = try #require(g.named("MOTIR"))
    #expect(motie.id != motir.id)
    #expect(g.successions.contains(Succession(predecessor: motie.id, successor: motir.id)))
  }

  @Test("generic bodies ('Technical Subcommittee', 'Working Group') are not entities")
  func genericBodies() {
    let g = graph(
      "The ministry convened the Technical Subcommittee on May 2. The Working Group met later.")
    #expect(g.entities.filter { $0.type == .organization }.isEmpty)
  }

  @Test("a sub-body named with its organisation's acronym is that organisation")
  func subBody() throws {
    let g = graph("Korea raised three concerns at the WTO Committee on Agriculture in Geneva.")
    let wto = try #require(g.named("WTO Committee on Agriculture"))
    #expect(wto.name == "World Trade Organization")
  }

  @Test("events, programmes and awards are not institutions")
  func notInstitutions() {
    let g = graph(
      """
      The 2025 Hydrogen Expo opened on May 2. The Green Mobility Program and the Gold Tower Order of Industrial Service Merit were announced at the Industrial AI Forum.
      """)
    #expect(g.entities.filter { $0.type.isOrganisation }.isEmpty)
  }

  @Test("an unknown body of a named country, and the same body by its short name")
  func foreignBody() throws {
    let g = graph(
      """
      The agency signed an MOU with Germany's Fraunhofer-Gesellschaft on November 4. Fraunhofer President Anna Weber attended the ceremony.
      """)
    let fraunhofer = try #require(g.named("Fraunhofer-Gesellschaft"))
    #expect(fraunhofer.country == "DE")
    #expect(g.entities.filter { $0.type == .organization }.count == 1)
    #expect(g.affiliationNames == [["Anna Weber", "Fraunhofer-Gesellschaft"]])
  }

  @Test("'and' does not carry a ministry's name into the next official")
  func andStopsAtTitle() {
    let g = graph(
      "Choi Min-ho of the Ministry of Foreign Affairs and Polish Deputy Minister Jan Nowak met on June 21."
    )
    #expect(g.names(.ministry) == ["Ministry of Foreign Affairs"])
  }

  @Test("a possessive before an acronym or a lowercase word is no body")
  func possessiveNegatives() {
    let g = graph("Korea's ICT exports rose, while Indonesia's mandatory SNI certification stayed.")
    #expect(g.entities.filter { $0.type.isOrganisation }.isEmpty)
  }

  @Test("a Korean name closing a body's name is its official, not part of the name")
  func officialAfterBodyName() {
    let g = graph("Office for Lumen Policy Coordination Kang Hye-jin met with Ola Berg on May 3.")
    #expect(
      g.named("Office for Lumen Policy Coordination")?.type == .agency, "\(g.entities.map(\.name))")
    #expect(g.affiliationNames.contains(["Kang Hye-jin", "Office for Lumen Policy Coordination"]))
  }

  /// An acronym several institutions share resolves when one reading fits
  /// the release: existing on its date, and not of a foreign country the
  /// release never names.
  @Test(
    "an acronym shared by institutions resolves by date and by the countries named",
    arguments: [
      (
        "MOF signed a fisheries MOU with the Philippines on May 3.", "2019-11-27", "ministry:kr-mof"
      ),
      ("MOF met Vietnam's delegation on May 3.", "2019-11-27", nil),
      ("MOE announced a new school plan on May 3.", "2026-03-04", "ministry:kr-moe"),
      ("MOE announced a new plan on May 3.", "2020-03-04", nil),
    ] as [(String, String, String?)])
  func sharedAcronym(sentence: String, date: String, id: String?) {
    let g = graph(sentence, date: date)
    let acronym = String(sentence.prefix(3))
    let found = g.entities.first { $0.aliases.contains(acronym) || $0.name == acronym }
    #expect(found?.id == id, "\(g.entities.map(\.id))")
  }

  @Test(
    "'the North' in a release about Korea is North Korea; compass words in names are not",
    arguments: [
      ("Korea condemned the North’s demolition of the office on May 3.", true),
      ("Korea and the North held talks on May 3.", true),
      ("Korean firms target the North American market on May 3.", false),
      ("Korea opened an office in North Gyeongsang on May 3.", false),
      ("Exports rose in the north of the country on May 3.", false),
    ])
  func theNorth(sentence: String, isNorthKorea: Bool) {
    let g = graph(sentence)
    #expect((g.named("North Korea") != nil) == isNorthKorea, "\(g.entities.map(\.name))")
  }

  @Test(
    "a national government is its country; a province's government is the province",
    arguments: [
      (
        "The Korean Government will support the project on May 3.", "South Korea",
        EntityType.country
      ),
      ("The Government of Peru welcomed the project on May 3.", "Peru", .country),
      ("The Peruvian Government agreed on May 3.", "Peru", .country),
      ("The Gyeonggi Provincial Government joined on May 3.", "Gyeonggi Province", .agency),
    ])
  func nationalGovernment(sentence: String, name: String, type: EntityType) {
    let g = graph(sentence)
    #expect(g.named(name)?.type == type, "\(g.entities.map(\.name))")
    #expect(!g.entities.contains { $0.name.hasSuffix("Government") })
  }
}
