import EntityGraph
import Testing

/// Unknown bodies keep their whole name: the head noun ends it, a title
/// after it is not part of it, a possessive inside it stays, and a foreign
/// country before it says whose body it is.
@Suite("Organisation names")
struct OrganisationNameTests {
  @Test(
    "an unknown body before a title keeps its whole name",
    arguments: [
      (
        "Minister Doh Min-seo met Lumen Customs Administration Director Ola Berg on May 3.",
        "Lumen Customs Administration", "Ola Berg"
      ),
      (
        "Minister Doh Min-seo met Korea Alloy Foundry Industry Cooperative Chairman Ahn Ji-ho on May 3.",
        "Korea Alloy Foundry Industry Cooperative", "Ahn Ji-ho"
      ),
      (
        "Minister Doh Min-seo met Daeseong National University President Seo Ji-hoon on May 3.",
        "Daeseong National University", "Seo Ji-hoon"
      ),
      (
        "The forum drew Korea Women’s Development Institute President Seo Ji-hoon.",
        "Korea Women’s Development Institute", "Seo Ji-hoon"
      ),
      (
        "The event drew Korea NGOs’ Energy Network Secretary General Hong Mi-ran.",
        "Korea NGOs’ Energy Network", "Hong Mi-ran"
      ),
    ])
  func wholeName(sentence: String, body: String, person: String) throws {
    let g = graph(sentence)
    let entity = try #require(g.named(body), "\(g.entities.map(\.name))")
    #expect(entity.type != .person)
    #expect(g.affiliationNames.contains([person, body]))
  }

  @Test("two titled people joined by 'and' keep their own bodies")
  func twoBodies() {
    let g = graph(
      "The event drew Lumen Energy Network Secretary General Hong Mi-ran and Norvik Plastics Recycling Association Chairman Park Jae-won."
    )
    #expect(g.affiliationNames.contains(["Hong Mi-ran", "Lumen Energy Network"]))
    #expect(g.affiliationNames.contains(["Park Jae-won", "Norvik Plastics Recycling Association"]))
  }

  @Test("a foreign demonym before a body's name is its country, not part of the name")
  func foreignQualifier() throws {
    let g = graph(
      "Minister Doh Min-seo met Chinese National Lumen Administration Director Zhang Wei on May 3.")
    let body = try #require(g.entities.first { $0.type == .agency })
    #expect(body.aliases.contains("National Lumen Administration"))
    #expect(body.country == "CN")
    #expect(g.names(.country).contains("China"))
    #expect(g.affiliationNames.contains(["Zhang Wei", body.name]))
  }

  @Test("a Korean body's name keeps its leading 'Korea'")
  func koreaStays() {
    let g = graph("Minister Doh Min-seo met Korea Lumen Association Chairman Park Jae-won.")
    #expect(g.named("Korea Lumen Association") != nil)
  }
}

@Suite("Affiliation forms")
struct AffiliationFormTests {
  @Test(
    "the body a person serves, in the forms releases use",
    arguments: [
      (
        "The event drew Lumen Energy Foundation (LEF) Chairman Park Jae-won.", "Park Jae-won",
        "Lumen Energy Foundation"
      ),
      (
        "The Ministry of Environment (Minister Kim Ha-eun) announced the plan.", "Kim Ha-eun",
        "Ministry of Environment"
      ),
      (
        "The Lumen Port Agency held a forum. The Ministry of Environment (Minister Kim Ha-eun) announced the plan.",
        "Kim Ha-eun", "Ministry of Environment"
      ),
      (
        "Minister Kim Ha-eun of Science and ICT attended the forum.", "Kim Ha-eun",
        "Ministry of Science and ICT"
      ),
      (
        "He met President Ilse Varga of the Authority of Urban Transport for Norvik of Latvia.",
        "Ilse Varga", "Authority of Urban Transport for Norvik (Latvia)"
      ),
    ])
  func forms(sentence: String, person: String, body: String) {
    let g = graph(sentence)
    #expect(g.affiliationNames.contains([person, body]), "\(g.affiliationNames)")
  }

  @Test("a forum of two countries is a meeting with the other country, not a body")
  func bilateralForum() {
    let g = graph(
      "Minister Kim Ha-eun attended the 4th Korea-Latvia Joint Committee on Science in Riga on May 2."
    )
    #expect(g.entities.allSatisfy { !$0.name.contains("Committee") })
    #expect(g.meetingNames.contains { $0.isSuperset(of: ["Kim Ha-eun", "Latvia"]) })
  }
}

@Suite("Names and non-names")
struct NamesAndNonNamesTests {
  @Test("'Co., Ltd.' stays with its firm in a list")
  func legalForm() {
    let g = graph("He met small manufacturers, including Norvane Laser Co., Ltd. and Lumen Tools.")
    #expect(g.named("Norvane Laser Co., Ltd.") != nil, "\(g.entities.map(\.name))")
    #expect(g.named("Ltd.") == nil)
  }

  @Test("a currency sign after a country's abbreviation is not the country")
  func currency() {
    let g = graph("Trade reached US$69.1 billion last year.")
    #expect(g.names(.country).isEmpty)
  }

  @Test("an acronym before 'and' is a body of its own")
  func acronymAnd() {
    let g = graph("MSIT and Lumen Development Bank co-hosted the forum on May 2.")
    #expect(g.named("MSIT and Lumen Development Bank") == nil)
    #expect(g.named("Lumen Development Bank") != nil)
  }

  @Test("a known acronym with digits: G20")
  func digits() {
    let g = graph("The ministers met at the G20 meetings in October.")
    #expect(g.named("G20")?.name == "Group of Twenty")
  }

  @Test("'Family, Given-name' is one Korean name, without the comma")
  func commaName() {
    let g = graph("Vice Minister Kang, Min-seo met Director Ola Berg of Norvik Council on May 2.")
    #expect(g.named("Kang Min-seo")?.type == .person, "\(g.entities.map(\.name))")
    #expect(g.meetingNames.contains { $0.isSuperset(of: ["Kang Min-seo", "Ola Berg"]) })
  }

  @Test("monarchs and long coordinated titles name people")
  func titles() {
    let g = graph(
      "Vice Minister Kim Ha-eun, together with Deputy Prime Minister and Minister of Foreign and Lumen Affairs Ola Berg of Norway, signed the agreement during the visit of King Haakon VII."
    )
    #expect(g.named("Ola Berg")?.type == .person)
    #expect(g.named("Haakon VII")?.type == .person)
  }

  @Test(
    "a brand before a country's name is a company; slogans and sentence starts are not",
    arguments: [
      ("Minister Doh Min-seo visited Norvik Korea in Pyeongtaek on May 3.", "Norvik Korea", true),
      ("Minister Doh Min-seo toured GM Korea on May 3.", "GM Korea", true),
      ("Minister Doh Min-seo launched Team Korea on May 3.", "Team Korea", false),
      ("In Korea, exports rose on May 3.", "In Korea", false),
    ])
  func brandCountry(sentence: String, name: String, isCompany: Bool) {
    let g = graph(sentence)
    #expect((g.named(name)?.type == .company) == isCompany, "\(g.entities.map(\.name))")
  }
}
