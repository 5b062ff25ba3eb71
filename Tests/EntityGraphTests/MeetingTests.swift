import EntityGraph
import PressReleases
import Testing

@Suite("Companies and countries")
struct CompanyCountryTests {
  @Test("companies: a list with sectors, an appositive, a visit, a suffix")
  func companies() {
    let g = graph(
      """
      Selected firms include Nuri Materials (battery separators), Daon Robotics (service robots), and Hanul Bio (vaccines). The minister visited the headquarters of Seorin Foods on May 2. Greenleaf, a cosmetics distribution company, opened a store. Taeyang Heavy Industries Co., Ltd. signed the deal.
      """)
    #expect(
      g.names(.company)
        == [
          "Nuri Materials", "Daon Robotics", "Hanul Bio", "Seorin Foods", "Greenleaf",
          "Taeyang Heavy Industries Co., Ltd.",
        ])
  }

  @Test("a visit to a firm's plant or data center: the firm is a company and a participant")
  func possessiveVisit() {
    let g = graph(
      "Vice Minister Seo Ji-hoon of the Ministry of Harbours visited Daon Cloud's data center in Ulsan on May 2."
    )
    #expect(g.names(.company) == ["Daon Cloud"])
    #expect(g.meetingNames.contains { $0.isSuperset(of: ["Daon Cloud", "Seo Ji-hoon"]) })
    let second = graph(
      "Vice Minister Seo Ji-hoon of the Ministry of Harbours visited the Tide Agency and Lumio's headquarters in Bergen."
    )
    #expect(second.names(.company) == ["Lumio"])
    let country = graph("The minister visited Korea's largest plant on May 3.")
    #expect(country.names(.company).isEmpty)
    let month = graph("The minister visited May's exhibition on May 3.")
    #expect(month.names(.company).isEmpty)
  }

  @Test("the booths of several firms: each is a company that takes part")
  func booths() {
    let g = graph(
      "Vice Minister Seo Ji-hoon of the Ministry of Harbours visited the booths of Daon Robotics, Nuri Materials and Hanul Bio on May 2."
    )
    #expect(g.names(.company) == ["Daon Robotics", "Nuri Materials", "Hanul Bio"])
    #expect(
      g.meetingNames.contains {
        $0.isSuperset(of: ["Daon Robotics", "Nuri Materials", "Hanul Bio"])
      })
  }

  @Test("\"also met\" is another meeting, and a possessive names no participant")
  func alsoMet() {
    let g = graph(
      """
      Minister of Harbours Seo Ji-hoon held a bilateral meeting with Norwegian Foreign Minister Ana Lind on May 2 in Oslo. Minister Seo also met with Erik Dahl, Prime Minister of Norway, and conveyed President Moon Ha-eun's greetings.
      """)
    #expect(g.meetingNames.count == 2)
    #expect(g.meetingNames.contains { $0.isSuperset(of: ["Seo Ji-hoon", "Erik Dahl"]) })
    #expect(!g.meetingNames.contains { $0.contains("Moon Ha-eun") })
    #expect(!g.meetingNames.contains { $0.isSuperset(of: ["Ana Lind", "Erik Dahl"]) })
  }

  @Test("'Earlier' or 'Meanwhile' starts another meeting, not more of the last one")
  func earlierIsAnother() {
    let g = graph(
      """
      Minister Seo Ji-hoon of the Ministry of Harbours held a video conference with Norwegian Foreign Minister Ana Lind on May 2. Earlier in the day, Minister Seo convened a meeting with officials from the Ministry of Land, Infrastructure and Transport.
      """)
    #expect(g.meetingNames.count == 2)
    #expect(
      !g.meetingNames.contains {
        $0.contains("Ana Lind") && $0.contains("Ministry of Land, Infrastructure and Transport")
      })
  }

  @Test(
    "a foreign \"Foreign Minister\" stands for her country unless the release names the ministry")
  func foreignMinister() {
    let g = graph("Minister Seo Ji-hoon met Norwegian Foreign Minister Ana Lind on May 2.")
    #expect(g.names(.ministry).isEmpty)
    #expect(g.affiliationNames.contains(["Ana Lind", "Norway"]))
    let named = graph(
      "Minister Seo Ji-hoon met Norwegian Foreign Minister Ana Lind on May 2. The Ministry of Foreign Affairs of Norway hosted the talks."
    )
    #expect(named.affiliationNames.contains(["Ana Lind", "Ministry of Foreign Affairs (Norway)"]))
  }

  @Test("CEOs of companies, including a list: the firms are companies and guests")
  func companiesIncluding() {
    let g = graph(
      "Minister Seo Ji-hoon of the Ministry of Harbours hosted a roundtable with CEOs of chip companies, including Nuri Materials, DX Semicon and Hanul Bio, on May 2."
    )
    #expect(g.names(.company) == ["Nuri Materials", "DX Semicon", "Hanul Bio"])
    #expect(
      g.meetingNames.contains { $0.isSuperset(of: ["Nuri Materials", "DX Semicon", "Hanul Bio"]) })
    let topics = graph(
      "Minister Seo Ji-hoon of the Ministry of Harbours discussed support for industries, including Semiconductors and Batteries, on May 2."
    )
    #expect(topics.names(.company).isEmpty)
  }

  @Test("the body whose meeting gives the sidelines is no party to talks held there")
  func sidelines() {
    let g = graph(
      "Vice Minister Seo Ji-hoon of the Ministry of Harbours met Norwegian Deputy Minister of Fisheries Ana Lind on May 2 on the sidelines of the OECD Ministers' Meeting in Paris."
    )
    #expect(g.meetingNames.count == 1)
    #expect(
      g.meetingNames.first?.contains { $0.contains("Economic Co-operation") || $0 == "OECD" }
        == false)
    #expect(g.meetingNames.first?.isSuperset(of: ["Seo Ji-hoon", "Ana Lind"]) == true)
  }

  @Test("a committee that is co-chaired is the forum, not a party")
  func chairedCommittee() {
    let g = graph(
      "Vice Minister Seo Ji-hoon of the Ministry of Harbours co-chaired the 5th Korea-Norway Maritime Cooperation Committee with Norwegian Deputy Minister of Fisheries Ana Lind in Oslo on May 2."
    )
    #expect(g.meetingNames.count == 1)
    #expect(g.meetingNames.first?.isSuperset(of: ["Seo Ji-hoon", "Ana Lind"]) == true)
    #expect(g.meetingNames.first?.contains("Korea-Norway Maritime Cooperation Committee") == false)
  }

  @Test("a visit followed by 'met with' unnamed people still reports the visit")
  func visitThenUnnamed() {
    let g = graph(
      "Vice Minister Seo Ji-hoon of the Ministry of Harbours visited Daon Motors' plant in Ulsan and met with local executives."
    )
    #expect(g.meetingNames.contains { $0.isSuperset(of: ["Daon Motors", "Seo Ji-hoon"]) })
  }

  @Test("business agreements with several partners: the partners are firms that took part")
  func businessAgreements() {
    let g = graph(
      "The Harbour Trade Agency signed business agreements with Nordkai, Lumio and Brightway to support exports on May 2."
    )
    #expect(g.names(.company) == ["Nordkai", "Lumio", "Brightway"])
    #expect(g.meetingNames.contains { $0.isSuperset(of: ["Nordkai", "Lumio", "Brightway"]) })
    let treaty = graph("The ministry signed agreements with Norway and Chile on May 2.")
    #expect(treaty.names(.company).isEmpty)
  }

  @Test("a firm named with its acronym and a descriptor; its parent only describes it")
  func subsidiaryOf() {
    let g = graph(
      "Daon Nuclear Co., Ltd. signed the contract with Lumen Power Two (LP2), a subsidiary of Norwegian utility Fjordkraft, in Oslo on May 2."
    )
    #expect(Set(g.names(.company)).isSuperset(of: ["Lumen Power Two", "Fjordkraft"]))
    #expect(g.meetingNames.contains { $0.contains("Lumen Power Two") })
    #expect(!g.meetingNames.contains { $0.contains("Fjordkraft") })
  }

  @Test("a visit 'on the same day' is another meeting, on that day")
  func sameDayVisit() {
    let g = graph(
      """
      Minister Seo Ji-hoon of the Ministry of Harbours held talks with Norwegian Foreign Minister Ana Lind in Seoul on May 2. On the same day, Minister Seo visited the headquarters of Nordkai in Incheon with Minister Lind.
      """)
    #expect(g.meetings.count == 2)
    #expect(g.meetings.allSatisfy { $0.date?.description == "2025-05-02" })
    #expect(g.meetingNames.filter { $0.contains("Nordkai") }.count == 1)
  }

  @Test("talks on the sidelines of a forum attended: their own meeting, in the forum's days")
  func sidelinesFollowUp() {
    let g = graph(
      """
      Vice Minister Seo Ji-hoon of the Ministry of Harbours attended the OECD Ministers Responsible for Fisheries Meeting in Paris on May 2-3. On the sidelines of the meeting, Vice Minister Seo held talks with Norwegian Minister of Fisheries Ana Lind. He also met with Erik Dahl, President of Nordkai.
      """)
    #expect(g.meetings.count == 3)
    #expect(!g.meetingNames.contains { $0.contains { $0.contains("Economic Co-operation") } })
    let talks = g.meetings.first { meeting in
      meeting.participants.contains { g.entity($0)?.name == "Ana Lind" }
    }
    #expect(talks?.date?.description == "2025-05-02/2025-05-03")
    #expect(talks?.evidence.hasPrefix("On the sidelines") == true)
    // "He" is the last sentence's subject, not the last person it named.
    #expect(g.meetingNames.contains { $0.isSuperset(of: ["Seo Ji-hoon", "Erik Dahl"]) })
    #expect(!g.meetingNames.contains { $0.isSuperset(of: ["Ana Lind", "Erik Dahl"]) })
  }

  @Test(
    "firms listed a few words after 'companies': guests; places listed after 'cities' are not firms"
  )
  func companiesOperatingIn() {
    let g = graph(
      "Minister Seo Ji-hoon of the Ministry of Harbours met with executives of Korean companies operating in Norway, including Nuri Materials and DX Semicon, on May 2."
    )
    #expect(g.names(.company) == ["Nuri Materials", "DX Semicon"])
    // Several firms after "met with": one meeting with each (the dev set's
    // convention), each with the minister.
    #expect(g.meetingNames.contains { $0.isSuperset(of: ["Seo Ji-hoon", "Nuri Materials"]) })
    #expect(g.meetingNames.contains { $0.isSuperset(of: ["Seo Ji-hoon", "DX Semicon"]) })
    let places = graph(
      "The ministry will support companies in five port cities, including Busan and Ulsan, from May."
    )
    #expect(places.names(.company).isEmpty)
  }

  @Test("talks with executives of two firms: both firms take part")
  func executivesOfFirms() {
    let g = graph(
      "Vice Minister Seo Ji-hoon of the Ministry of Harbours held talks with executives of Nuri Materials and Hanul Bio on May 2."
    )
    #expect(
      g.meetingNames.contains { $0.isSuperset(of: ["Nuri Materials", "Hanul Bio", "Seo Ji-hoon"]) })
  }

  @Test("a list of items that are not firms gives no companies")
  func notCompanies() {
    let g = graph(
      "27 items, including TC Bonder (bonding equipment) and Sensor Array (radar parts), were chosen."
    )
    #expect(g.names(.company).isEmpty)
  }

  @Test("countries by name, abbreviation and adjective; the EU is an organisation")
  func countries() {
    let g = graph(
      "Korea's exports to the U.S. and Vietnamese buyers rose, while Korean firms met the EU in North America."
    )
    #expect(g.names(.country) == ["South Korea", "United States", "Vietnam"])
    #expect(g.named("EU")?.type == .organization)
  }

  @Test("an adjective inside a proper name is not the country")
  func adjectiveInName() {
    let g = graph("The event was held at the American Dream Mall.")
    #expect(g.names(.country).isEmpty)
  }
}

@Suite("Meetings")
struct MeetingTests {
  /// Each row: a sentence and the participants of its one meeting.
  static let triggers: [(String, Set<String>)] = [
    (
      "Trade Minister Lee Ha-neul met with Indonesian Trade Minister Budi Santoso on May 3.",
      [
        "Lee Ha-neul", "Budi Santoso",
      ]
    ),
    (
      "The Ministry of Foreign Affairs held talks with the U.S. Department of State on May 3.",
      ["Ministry of Foreign Affairs", "U.S. Department of State"]
    ),
    (
      "KOTRA held a meeting with the Korea International Trade Association (KITA) on May 3.",
      ["Korea Trade-Investment Promotion Agency", "Korea International Trade Association"]
    ),
    (
      "Minister of SMEs and Startups Kwon Na-yeon visited Nuri Materials, a battery company, on May 3.",
      ["Kwon Na-yeon", "Ministry of SMEs and Startups", "Nuri Materials"]
    ),
    (
      "The Ministry of Science and ICT signed an MOU with the Saudi Data and AI Authority (SDAIA) on May 3.",
      ["Ministry of Science and ICT", "Saudi Data and AI Authority"]
    ),
    (
      "The Korean Agency for Technology and Standards (KATS) and the Ministry of Food and Drug Safety (MFDS) attended the WTO Committee meeting on May 3.",
      ["Korean Agency for Technology and Standards", "Ministry of Food and Drug Safety"]
    ),
    (
      "The Ministry of Foreign Affairs convened a meeting with the Korea Trade-Investment Promotion Agency (KOTRA) on May 3.",
      ["Ministry of Foreign Affairs", "Korea Trade-Investment Promotion Agency"]
    ),
    (
      "The Ministry of Health and Welfare and the Ministry of Food and Drug Safety co-hosted the Bio Korea Forum on May 3.",
      ["Ministry of Health and Welfare", "Ministry of Food and Drug Safety"]
    ),
    (
      "The Ministry of Foreign Affairs held a meeting on May 3, chaired by Director-General for Consular Affairs Seo Ji-hoon.",
      ["Ministry of Foreign Affairs", "Seo Ji-hoon"]
    ),
  ]

  @Test("each trigger reports one meeting with its participants", arguments: triggers)
  func trigger(sentence: String, participants: Set<String>) throws {
    let g = graph(sentence)
    #expect(g.meetingNames == [participants])
    let meeting = try #require(g.meetings.first)
    #expect(meeting.date?.description == "2025-05-03")
    #expect(meeting.status == .held)
    #expect(meeting.evidence == sentence)
  }

  @Test("date, place and evidence sentence")
  func dateAndPlace() throws {
    let g = graph(
      """
      Budget talks continued. Deputy Minister Park Eun-ji met with Nguyen Van An, Vietnam's Vice Minister of Finance, on Thursday, November 13, at Lotte Hotel Seoul. They discussed tax refunds.
      """)
    let meeting = try #require(g.meetings.first)
    #expect(g.meetings.count == 1)
    #expect(meeting.date?.description == "2025-11-13")
    #expect(meeting.place == "Lotte Hotel Seoul")
    #expect(meeting.sentence == 1)
    #expect(meeting.evidence.hasPrefix("Deputy Minister Park Eun-ji met with"))
  }

  @Test("a joint briefing by 'the three ministries' names each of them")
  func jointBriefing() {
    let g = graph(
      """
      The Ministry of Science and ICT, the Ministry of Health and Welfare and the Ministry of Food and Drug Safety announced a plan. The three ministries held a joint briefing session on November 5 at the Grand Hotel.
      """)
    #expect(
      g.meetingNames == [
        [
          "Ministry of Science and ICT", "Ministry of Health and Welfare",
          "Ministry of Food and Drug Safety",
        ]
      ]
    )
    #expect(g.meetings.first?.place == "Grand Hotel")
  }

  /// Each row: a sentence announcing a meeting, and its expected date.
  static let planned: [(String, String)] = [
    (
      "The ministry will discuss the plan with the U.S. Department of State in December.", "2025-12"
    ),
    (
      "The talks with the Ministry of Foreign Affairs are tentatively planned for January.",
      "2026-01"
    ),
    (
      "KOTRA is scheduled to hold a meeting with the Korea International Trade Association in March.",
      "2026-03"
    ),
  ]

  @Test("planned meetings carry status planned", arguments: planned)
  func plannedMeeting(sentence: String, date: String) throws {
    let g = graph("The Ministry of Trade, Industry and Resources (MOTIR) announced it. " + sentence)
    let meeting = try #require(g.meetings.first)
    #expect(meeting.status == .planned)
    #expect(meeting.date?.description == date)
  }

  @Test("an event gathers the people reported at it")
  func eventAggregation() {
    let g = graph(
      """
      The Ministry of Trade, Industry and Resources (MOTIR) hosted the 2025 Investor Day on November 13. At the event, Minister HJ Lee congratulated the winners. Maria Lopez, CEO of Hanbit Robotics, received the Gold Tower Order.
      """)
    #expect(
      g.meetingNames == [
        ["Ministry of Trade, Industry and Resources", "HJ Lee", "Maria Lopez", "Hanbit Robotics"]
      ])
  }

  @Test("a release without a meeting has none")
  func noMeeting() {
    let g = graph(
      """
      The Ministry of Trade, Industry and Resources (MOTIR) and the Ministry of Science and ICT (MSIT) announced on November 14 that exports rose 12.2 percent. Semiconductor exports increased 25.4 percent.
      """)
    #expect(g.meetings.isEmpty)
  }

  @Test("unnamed counterparts are not participants")
  func unnamedCounterparts() {
    let g = graph(
      """
      About 100 Korean companies held export consultations with 235 buyers on May 3. Hanbit Robotics and Nuri Materials signed contracts with local partners.
      """)
    #expect(g.meetings.isEmpty)
  }

  @Test("appositive heads, parent bodies, forums and venues are not participants")
  func exclusions() {
    let g = graph(
      """
      The Korean Agency for Technology and Standards (KATS, President Kim Do-yun) under the Ministry of Trade, Industry and Resources (MOTIR, Minister HJ Lee) and the Ministry of Food and Drug Safety (MFDS) attended the meeting of the WTO Committee on Technical Barriers to Trade from November 10 to 14 at the Korea Chamber of Commerce and Industry.
      """)
    #expect(
      g.meetingNames == [
        ["Korean Agency for Technology and Standards", "Ministry of Food and Drug Safety"]
      ])
    let date = g.meetings.first?.date
    #expect(date?.description == "2025-11-10/2025-11-14")
  }

  @Test("a bilateral body's session is a meeting of its two countries")
  func bilateral() {
    let g = graph(
      "The inaugural session of the Korea–U.S. Energy Security Dialogue was held on September 30 in Seoul.",
      date: nil)
    #expect(g.meetingNames == [["South Korea", "United States"]])
    #expect(g.meetings.first?.date?.description == "--09-30")
  }

  @Test("what someone said about meetings is not a meeting")
  func reportedSpeech() {
    let g = graph(
      "Deputy Minister Park Eun-ji noted that two summit meetings were held with the Ministry of Foreign Affairs this year."
    )
    #expect(g.meetings.isEmpty)
  }

  @Test("an undated follow-up of the same bodies is the same meeting")
  func followUp() throws {
    let g = graph(
      """
      The Korean Agency for Technology and Standards (KATS) signed an MOU with Indonesia's National Standardization Agency (BSN) on June 11. KATS Administrator Jin Ha-na and BSN Head Budi Santoso signed the MOU.
      """)
    #expect(g.meetings.count == 1)
    let meeting = try #require(g.meetings.first)
    #expect(meeting.date?.description == "2025-06-11")
    #expect(meeting.participants.count == 4)
  }

  @Test("the body whose named meeting it is hosts the forum and is not a participant")
  func namedForum() {
    let g = graph(
      "Minister of Science and ICT Yoo Ji-min attended the OECD Digital Economy Ministerial Meeting on December 12."
    )
    #expect(g.meetingNames == [["Yoo Ji-min", "Ministry of Science and ICT"]])
  }

  @Test("attendees of a meeting with unnamed guests join the host's meeting")
  func attendeesJoinHost() {
    let g = graph(
      """
      Minister of Trade, Industry and Resources Han Seo-rin held a roundtable meeting with business leaders on March 13. Executives from Nuri Materials, SK hynix and Daon Robotics attended the meeting.
      """)
    #expect(
      g.meetingNames == [
        [
          "Han Seo-rin", "Ministry of Trade, Industry and Resources", "Nuri Materials", "SK hynix",
          "Daon Robotics",
        ]
      ])
    #expect(g.meetings.first?.date?.description == "2025-03-13")
  }

  @Test("a hyphenated country pair names a bilateral body's two sides")
  func hyphenatedBilateral() {
    let g = graph(
      """
      The 1st Korea-Poland Economic Joint Committee meeting was held in Warsaw on June 21. Deputy Minister for Economic Affairs Choi Min-ho of the Ministry of Foreign Affairs and Polish Deputy Minister of Development and Technology Jan Nowak co-chaired the meeting.
      """)
    #expect(
      g.meetingNames == [
        [
          "South Korea", "Poland", "Ministry of Foreign Affairs", "Choi Min-ho", "Jan Nowak",
        ]
      ])
  }
}
