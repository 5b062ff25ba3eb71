import PressReleases
import Testing

@Suite("DateParser")
struct DateParserTests {
  /// One expected mention: the input, the publication date, and what the parser
  /// must find (the only mention in the input).
  struct MentionCase: Sendable, CustomTestStringConvertible {
    var input: String
    var publication: String?
    var text: String
    var span: String
    var tense: Tense? = nil

    var testDescription: String { input }
  }

  /// Parses `input` with a publication date written as ISO 8601.
  static func parse(_ input: String, publication: String?) throws -> [DateMention] {
    var anchor: PartialDate?
    if let publication {
      let date = try #require(PartialDate(iso: publication))
      anchor = date
    }
    return DateParser(publication: anchor).mentions(in: input)
  }

  /// Checks that `input` holds exactly the expected mention.
  static func expectSingle(_ row: MentionCase) throws {
    let found = try Self.parse(row.input, publication: row.publication)
    #expect(found.count == 1, "found \(found.map(\.text))")
    let mention = try #require(found.first)
    #expect(mention.text == row.text)
    #expect(mention.span.description == row.span)
    if let tense = row.tense {
      #expect(mention.tense == tense)
    }
    let scalars = Array(row.input.unicodeScalars)
    let slice = String(String.UnicodeScalarView(scalars[mention.start..<mention.end]))
    #expect(slice == mention.text)
  }

  // MARK: Forms

  static let forms: [MentionCase] = [
    // Abbreviated weekday, day, abbreviated month.
    MentionCase(
      input: "They met in the morning of Tue. 31 Jan. and discussed rail.",
      publication: "2023-02-01",
      text: "Tue. 31 Jan.", span: "2023-01-31"),
    MentionCase(
      input: "They met on Mon. 30 Jan. in Lima.", publication: "2023-02-01",
      text: "Mon. 30 Jan.", span: "2023-01-30"),
    // Month and day.
    MentionCase(
      input: "The forum opened November 18.", publication: "2025-11-19",
      text: "November 18", span: "2025-11-18"),
    MentionCase(
      input: "The forum opened on Tuesday, November 18.", publication: "2025-11-19",
      text: "Tuesday, November 18", span: "2025-11-18"),
    MentionCase(
      input: "It opened on Nov. 18 in Seoul.", publication: "2025-11-19",
      text: "Nov. 18", span: "2025-11-18"),
    MentionCase(
      input: "It opened on Nov 18 in Seoul.", publication: "2025-11-19",
      text: "Nov 18", span: "2025-11-18"),
    MentionCase(
      input: "It opened on November 18th in Seoul.", publication: "2025-11-19",
      text: "November 18th", span: "2025-11-18"),
    MentionCase(
      input: "It opened on Sept. 5 in Seoul.", publication: "2025-11-19",
      text: "Sept. 5", span: "2025-09-05"),
    MentionCase(
      input: "It opened on Tue., Nov. 18 in Seoul.", publication: "2025-11-19",
      text: "Tue., Nov. 18", span: "2025-11-18"),
    MentionCase(
      input: "OPENED NOVEMBER 18", publication: "2025-11-19",
      text: "NOVEMBER 18", span: "2025-11-18"),
    MentionCase(
      input: "It opened on the 18th of November.", publication: "2025-11-19",
      text: "18th of November", span: "2025-11-18"),
    // With a year.
    MentionCase(
      input: "It opened on November 18, 2025 in Seoul.", publication: nil,
      text: "November 18, 2025", span: "2025-11-18"),
    MentionCase(
      input: "It opened on 18 November 2025 in Seoul.", publication: nil,
      text: "18 November 2025", span: "2025-11-18"),
    MentionCase(
      input: "It opened on 18 Nov. 2025 in Seoul.", publication: nil,
      text: "18 Nov. 2025", span: "2025-11-18"),
    MentionCase(
      input: "Opened: 2025-11-18 in Seoul", publication: nil,
      text: "2025-11-18", span: "2025-11-18"),
    MentionCase(
      input: "Opened: 2025.11.18 in Seoul", publication: nil,
      text: "2025.11.18", span: "2025-11-18"),
    MentionCase(
      input: "Opened: 2025/11/18 in Seoul", publication: nil,
      text: "2025/11/18", span: "2025-11-18"),
    MentionCase(
      input: "Opened: 2025. 11. 18. in Seoul", publication: nil,
      text: "2025. 11. 18", span: "2025-11-18"),
    MentionCase(
      input: "It opened on Tuesday, 18 November 2025.", publication: nil,
      text: "Tuesday, 18 November 2025", span: "2025-11-18"),
    // Ranges.
    MentionCase(
      input: "The fair ran November 10 to 14 in Seoul.", publication: "2025-11-19",
      text: "November 10 to 14", span: "2025-11-10/2025-11-14"),
    MentionCase(
      input: "The fair ran Nov 6-8 in Seoul.", publication: "2025-11-19",
      text: "Nov 6-8", span: "2025-11-06/2025-11-08"),
    MentionCase(
      input: "The fair ran Nov 6–8 in Seoul.", publication: "2025-11-19",
      text: "Nov 6–8", span: "2025-11-06/2025-11-08"),
    MentionCase(
      input: "The fair ran from November 10 to 14 in Seoul.", publication: "2025-11-19",
      text: "from November 10 to 14", span: "2025-11-10/2025-11-14"),
    MentionCase(
      input: "The fair ran between November 10 and 14.", publication: "2025-11-19",
      text: "between November 10 and 14", span: "2025-11-10/2025-11-14"),
    MentionCase(
      input: "The fair ran November 28 to December 2.", publication: "2025-12-05",
      text: "November 28 to December 2", span: "2025-11-28/2025-12-02"),
    MentionCase(
      input: "The fair ran November 10 to 14, 2025.", publication: nil,
      text: "November 10 to 14, 2025", span: "2025-11-10/2025-11-14"),
    MentionCase(
      input: "The fair ran 10-14 November 2025.", publication: nil,
      text: "10-14 November 2025", span: "2025-11-10/2025-11-14"),
    MentionCase(
      input: "The fair ran 28 November to 2 December 2025.", publication: nil,
      text: "28 November to 2 December 2025", span: "2025-11-28/2025-12-02"),
    MentionCase(
      input: "The fair ran December 29 to January 2.", publication: "2026-01-05",
      text: "December 29 to January 2", span: "2025-12-29/2026-01-02"),
    MentionCase(
      input: "The fair ran December 29 to January 2, 2026.", publication: nil,
      text: "December 29 to January 2, 2026", span: "2025-12-29/2026-01-02"),
    MentionCase(
      input: "The fair ran December 29 to January 2.", publication: nil,
      text: "December 29 to January 2", span: "--12-29/--01-02"),
    MentionCase(
      input: "The fair ran from March to May.", publication: "2025-11-19",
      text: "from March to May", span: "2025-03/2025-05"),
    // Months.
    MentionCase(
      input: "They met in August.", publication: "2025-11-14",
      text: "August", span: "2025-08"),
    MentionCase(
      input: "They met in December.", publication: "2025-11-14",
      text: "December", span: "2024-12"),
    MentionCase(
      input: "They met in early May.", publication: "2025-11-14",
      text: "early May", span: "2025-05"),
    MentionCase(
      input: "The rules changed by May.", publication: "2025-11-14",
      text: "May", span: "2025-05"),
    MentionCase(
      input: "Exports rose since March.", publication: "2025-11-14",
      text: "March", span: "2025-03"),
    MentionCase(
      input: "They met in August 2025.", publication: "2024-01-01",
      text: "August 2025", span: "2025-08"),
    MentionCase(
      input: "October 2025 saw record exports.", publication: nil,
      text: "October 2025", span: "2025-10"),
    MentionCase(
      input: "Exports peaked mid-October.", publication: "2025-11-14",
      text: "mid-October", span: "2025-10"),
    MentionCase(
      input: "Exports peaked at the end of June.", publication: "2025-11-14",
      text: "June", span: "2025-06"),
    MentionCase(
      input: "Exports rose in August.", publication: nil,
      text: "August", span: "--08"),
  ]

  @Test("reads each date form", arguments: forms)
  func readsForm(_ row: MentionCase) throws {
    try Self.expectSingle(row)
  }

  // MARK: Not dates

  static let negatives: [String] = [
    "they may agree on the terms",
    "They may agree on the terms.",
    "May I add one more point?",
    "exports reached USD 16.3 million",
    "exports reached USD 23.3 billion",
    "83 newly selected items",
    "the ministry set a target in 2024",
    "over seven years from 2026 to 2032",
    "The report is dated February 30.",
    "The report is dated November 31.",
    "The report is dated 2025-02-30.",
    "March forward with the reforms.",
    "the march of progress in november",
    "the code 2025.11.18.2 is a version",
    "about 1,000 companies and 12 agencies",
    "a 12.5 percent increase",
  ]

  @Test("finds no date", arguments: negatives)
  func findsNoDate(_ input: String) throws {
    let found = try Self.parse(input, publication: "2025-11-19")
    #expect(found.isEmpty, "found \(found.map(\.text))")
  }

  // MARK: Sentences from releases

  static let releases: [MentionCase] = [
    MentionCase(
      input: "Both sides agreed to discuss the matter at the Korea–U.S. FTA Joint Committee "
        + "meeting tentatively planned for December.",
      publication: "2025-11-17", text: "December", span: "2025-12", tense: .future),
    MentionCase(
      input: "MOTIR plans to hold another KBEE in Kuala Lumpur, Malaysia, in December to "
        + "further diversify export markets.",
      publication: "2025-11-10", text: "December", span: "2025-12", tense: .future),
    MentionCase(
      input: "Minister Kim and the Vietnamese Minister of Finance previously held a "
        + "minister-level meeting in August during the state visit.",
      publication: "2025-11-14", text: "August", span: "2025-08", tense: .past),
    MentionCase(
      input: "The minister held a meeting on Thursday, November 13, at Lotte Hotel Seoul.",
      publication: "2025-11-14", text: "Thursday, November 13", span: "2025-11-13",
      tense: .past),
    MentionCase(
      input: "Meanwhile, the Embassies in India and Ho Chi Minh City are poised to hold their "
        + "first meetings in early May.",
      publication: "2024-04-21", text: "early May", span: "2024-05", tense: .future),
    MentionCase(
      input: "The ministry convened the inaugural meeting on April 17.",
      publication: "2024-04-21", text: "April 17", span: "2024-04-17", tense: .past),
    MentionCase(
      input: "Korea attended the third meeting of the WTO Committee on Trade and Environment "
        + "in Geneva from November 10 to 14.",
      publication: "2025-11-14", text: "from November 10 to 14",
      span: "2025-11-10/2025-11-14", tense: .past),
    MentionCase(
      input: "The K-Consumer Goods Fair took place from November 6 to 8 at the American "
        + "Dream Mall in New Jersey.",
      publication: "2025-11-10", text: "from November 6 to 8",
      span: "2025-11-06/2025-11-08", tense: .past),
    MentionCase(
      input: "The vice minister held a meeting with industry leaders on October 2.",
      publication: nil, text: "October 2", span: "--10-02", tense: .past),
    MentionCase(
      input: "The signing ceremony was held on September 30.",
      publication: nil, text: "September 30", span: "--09-30", tense: .past),
    MentionCase(
      input: "The minister visited the plant on Tuesday, November 18, with company leaders.",
      publication: "2025-11-19", text: "Tuesday, November 18", span: "2025-11-18",
      tense: .past),
    MentionCase(
      input: "The conference was held on November 20 in Busan.",
      publication: "2025-02-03", text: "November 20", span: "2024-11-20", tense: .past),
    MentionCase(
      input: "The project passed the preliminary feasibility study for national R&D "
        + "programs in August 2025.",
      publication: "2019-01-01", text: "August 2025", span: "2025-08"),
    MentionCase(
      input: "A follow-up forum is planned in March.",
      publication: "2025-11-20", text: "March", span: "2026-03", tense: .future),
    MentionCase(
      input: "The agreement will be signed on November 3.",
      publication: "2025-11-20", text: "November 3", span: "2025-11-03", tense: .future),
    MentionCase(
      input: "The agreement will be signed on February 3.",
      publication: "2025-11-20", text: "February 3", span: "2026-02-03", tense: .future),
    MentionCase(
      input: "On February 3, the two sides will sign the agreement.",
      publication: "2025-11-20", text: "February 3", span: "2026-02-03", tense: .future),
    MentionCase(
      input: "The ministers met last November in Lima.",
      publication: "2025-11-20", text: "November", span: "2024-11", tense: .past),
    MentionCase(
      input: "The ministers are set to meet next March.",
      publication: "2025-03-20", text: "March", span: "2026-03", tense: .future),
    MentionCase(
      input: "The exhibition is expected to be held on December 2.",
      publication: "2025-11-20", text: "December 2", span: "2025-12-02", tense: .future),
    MentionCase(
      input: "Exports rose in February.",
      publication: "2025-11-20", text: "February", span: "2025-02", tense: .unknown),
  ]

  @Test("reads dates in release sentences", arguments: releases)
  func readsReleaseSentence(_ row: MentionCase) throws {
    try Self.expectSingle(row)
  }

  // MARK: Tense

  @Test("a marker before the date wins over one after it")
  func nearestBeforeWins() throws {
    let found = try Self.parse(
      "The talks held in May will continue.", publication: "2025-04-10")
    #expect(found.map(\.tense) == [.past])
    #expect(found.map(\.span.description) == ["2024-05"])
  }

  @Test("without a marker before, the nearest after in the sentence counts")
  func nearestAfter() throws {
    let found = try Self.parse(
      "In December, the two ministers will meet again.", publication: "2025-11-10")
    #expect(found.map(\.tense) == [.future])
    #expect(found.map(\.span.description) == ["2025-12"])
  }

  @Test("a marker in another sentence does not count")
  func otherSentence() throws {
    let found = try Self.parse(
      "The ministry will publish a report. Exports rose in December. Officials met.",
      publication: "2025-11-10")
    #expect(found.map(\.tense) == [.unknown])
    #expect(found.map(\.span.description) == ["2024-12"])
  }

  @Test("abbreviations do not end the sentence")
  func abbreviationsKeepSentence() throws {
    let found = try Self.parse(
      "The talks with the U.S. are planned for Dec. 4, says the ministry.",
      publication: "2025-11-10")
    #expect(found.map(\.text) == ["Dec. 4"])
    #expect(found.map(\.tense) == [.future])
  }

  @Test("a line break ends the sentence")
  func lineBreakEndsSentence() throws {
    let found = try Self.parse(
      "Ministry will act\nExports rose in December", publication: "2025-11-10")
    #expect(found.map(\.tense) == [.unknown])
  }

  // MARK: Several mentions and offsets

  @Test("finds several mentions in text order")
  func severalMentions() throws {
    let input =
      "Minister Kim visited Hanoi on November 12. The two sides signed an MOU in August, "
      + "and plan to meet again from March 3 to 5. The result, announced 2025-11-13, "
      + "follows talks held in early May."
    let found = try Self.parse(input, publication: "2025-11-14")
    #expect(
      found.map(\.text) == [
        "November 12", "August", "from March 3 to 5", "2025-11-13", "early May",
      ])
    #expect(
      found.map(\.span.description) == [
        "2025-11-12", "2025-08", "2026-03-03/2026-03-05", "2025-11-13", "2025-05",
      ])
    #expect(found.map(\.tense) == [.past, .past, .future, .past, .past])
    for (a, b) in zip(found, found.dropFirst()) {
      #expect(a.end <= b.start)
    }
  }

  static let offsetCases: [(String, Int, Int)] = [
    ("held on November 13", 8, 19),
    ("산업통상부는 November 13 회의를", 7, 18),
    ("Korea–U.S. talks 🇰🇷 on Nov. 4, 2025.", 23, 35),
    ("é\u{301} in August", 6, 12),
  ]

  @Test("offsets count Unicode scalars", arguments: offsetCases)
  func offsets(_ input: String, _ start: Int, _ end: Int) throws {
    let found = try Self.parse(input, publication: "2025-11-20")
    let mention = try #require(found.first)
    #expect(found.count == 1)
    #expect(mention.start == start)
    #expect(mention.end == end)
    let scalars = Array(input.unicodeScalars)
    #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text)
  }

  @Test("a number glued to Korean text is not a date")
  func gluedNumber() throws {
    // "13에" is no day: a letter follows the number.
    let found = try Self.parse("November 13에", publication: "2025-11-20")
    #expect(found.isEmpty)
  }

  // MARK: resolveYear

  struct YearCase: Sendable, CustomTestStringConvertible {
    var publication: String?
    var month: Int
    var day: Int?
    var tense: Tense
    var year: Int?
    var testDescription: String {
      "\(publication ?? "nil") \(month) \(tense) -> \(year.map(String.init) ?? "nil")"
    }
  }

  static let years: [YearCase] = [
    YearCase(publication: "2025-11-14", month: 8, day: nil, tense: .past, year: 2025),
    YearCase(publication: "2025-02-03", month: 11, day: 20, tense: .past, year: 2024),
    YearCase(publication: "2025-11-14", month: 11, day: 30, tense: .past, year: 2025),
    YearCase(publication: "2025-11-14", month: 12, day: nil, tense: .unknown, year: 2024),
    YearCase(publication: "2025-11-14", month: 3, day: nil, tense: .unknown, year: 2025),
    YearCase(publication: "2025-11-17", month: 12, day: nil, tense: .future, year: 2025),
    YearCase(publication: "2025-11-17", month: 3, day: nil, tense: .future, year: 2026),
    YearCase(publication: "2025-11-17", month: 11, day: 1, tense: .future, year: 2025),
    YearCase(publication: nil, month: 8, day: nil, tense: .past, year: nil),
    YearCase(publication: "--11", month: 8, day: nil, tense: .past, year: nil),
    YearCase(publication: "2025-11-17", month: 13, day: nil, tense: .past, year: nil),
    YearCase(publication: "2025-03-17", month: 2, day: 29, tense: .past, year: nil),
    YearCase(publication: "2024-03-17", month: 2, day: 29, tense: .past, year: 2024),
  ]

  @Test("resolves years from the publication date", arguments: years)
  func resolvesYear(_ row: YearCase) throws {
    var anchor: PartialDate?
    if let publication = row.publication {
      let date = try #require(PartialDate(iso: publication))
      anchor = date
    }
    let parser = DateParser(publication: anchor)
    #expect(parser.resolveYear(month: row.month, day: row.day, tense: row.tense) == row.year)
  }

  @Test("an explicit year wins over the publication date")
  func explicitYearWins() throws {
    let found = try Self.parse("The plan will start on March 2, 2027.", publication: "2025-11-14")
    #expect(found.map(\.span.description) == ["2027-03-02"])
  }

  @Test("29 February keeps no year when the inferred year is not a leap year")
  func leapDay() throws {
    let found = try Self.parse("The forum was held on February 29.", publication: "2025-03-10")
    #expect(found.map(\.span.description) == ["--02-29"])
  }

  // MARK: standaloneDate

  static let standalone: [(String, String)] = [
    ("2025-11-19", "2025-11-19"),
    ("2025.11.19", "2025-11-19"),
    ("2025/11/19", "2025-11-19"),
    ("2025. 11. 19.", "2025-11-19"),
    ("November 19, 2025", "2025-11-19"),
    ("Nov. 19, 2025", "2025-11-19"),
    ("19 November 2025", "2025-11-19"),
    ("Wednesday, November 19, 2025", "2025-11-19"),
    ("2025-11-19T09:00:00+09:00", "2025-11-19"),
    ("2025-11-19T09:00Z", "2025-11-19"),
    ("2025-11-19T09:00:00.123-05:00", "2025-11-19"),
    ("  2025-11-19  ", "2025-11-19"),
    ("2024-02-29", "2024-02-29"),
  ]

  @Test("reads a standalone date", arguments: standalone)
  func readsStandalone(_ input: String, _ expected: String) {
    #expect(DateParser.standaloneDate(input)?.description == expected)
  }

  static let notStandalone: [String] = [
    "", "November 19", "November 2025", "--11-19", "2025-11", "in 2025", "2025-02-30",
    "2025-02-29", "November 31, 2025", "2025-11-19 and more", "Held on November 19, 2025",
    "2025-11-19T9", "2025-11-19Tnoon", "2025-13-01", "20251119", "November 19, 2025, Seoul",
  ]

  @Test("rejects anything but a complete date", arguments: notStandalone)
  func rejectsStandalone(_ input: String) {
    #expect(DateParser.standaloneDate(input) == nil)
  }

  // MARK: Scale

  @Test("parses a 2 MB text")
  func largeText() throws {
    let paragraph =
      "The ministry held a forum on November 18 with 83 companies and USD 16.3 million "
      + "in deals. Talks are planned for early May, and a fair ran from November 10 to 14. "
      + "They may agree on the terms by 2025-12-01.\n\n"
    let repeats = 2_000_000 / paragraph.unicodeScalars.count + 1
    let text = String(repeating: paragraph, count: repeats)
    #expect(text.unicodeScalars.count >= 2_000_000)
    let found = try Self.parse(text, publication: "2025-11-20")
    #expect(found.count == repeats * 4)
    #expect(
      found.prefix(4).map(\.text) == [
        "November 18", "early May", "from November 10 to 14", "2025-12-01",
      ])
  }
}
