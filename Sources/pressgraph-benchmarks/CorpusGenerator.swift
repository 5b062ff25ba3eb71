// A realistic corpus for the store benchmark: invented people and companies
// at real institutions, over eight years, in the file shapes real corpora
// come in.
//
// The model
// ---------
// - **Institutions** are real (checked against `Gazetteer.builtIn` when the
//   corpus is written): up to 25 Korean ministries, agencies and commissions
//   publish releases; provinces, associations, about 30 foreign governments
//   with their ministries and embassies, and international organisations
//   are the counterparts. Each has the names it had over time, with the
//   gazetteer's rename months: MOTIE → MOTIR and ME → MCEE (2025-10), KIPO
//   → MOIP and KCC → KMCC (2025-10), KCDC → KDCA (2020-09), Gangwon
//   Province → Gangwon State (2023-06), North Jeolla Province → Jeonbuk
//   State (2024-01), DIT → DBT (2023-02), BMWK → BMWE (2025-05), Vietnam's
//   MPI (until 2025-02). A release always uses the name valid on its date.
// - **People and companies are invented** from syllable lists (Korean
//   "Surname Given-name", Vietnamese, Chinese, Japanese, Western, Hispanic,
//   Arabic, Indian, … names; company roots plus a sector word and, unless
//   the word alone marks a company, a legal form: "Corp.", "Inc.", "GmbH",
//   never "Co., Ltd.", which the extractor cuts short before " in" or a
//   comma), with a list of real names that are never produced. A company
//   is written the same way in every release.
// - **Careers**: every body has posts ranked head (Minister, President,
//   Chairman, Commissioner), vice heads, deputy ministers, directors-general
//   and directors (the lower posts grow with the corpus size). Month by
//   month from 2016 to 2026 a post whose term (one to three years) ends is
//   filled by promoting the holder of a post one rank lower (usually at the
//   same body, sometimes at another: people move ministry) or by a new
//   person; the promotion leaves a vacancy one rank lower, filled the same
//   month. So people go Director → Director-General → Deputy Minister →
//   Vice Minister → Minister over the years, and a release names each
//   person by the title they held on its date. Company CEOs and chairmen,
//   foreign ministers, ambassadors and heads of international bodies have
//   terms too (foreign directors-general are added for larger corpora).
// - **Zipf-like mentions**: the publishing body is drawn with exponent 0.9
//   over the bodies (MOTIE/MOTIR the busiest), the acting official with
//   exponent 1.1 over the body's posts (its head first), companies with
//   exponent 1.0 over all companies, countries with 1.0 and their officials
//   with 1.1. Every release names its body's head in the lead
//   ("The Ministry of X (MOX, Minister Y)"), so a minister appears in
//   thousands of releases and most directors, executives and foreign
//   officials in a handful. For N releases about N/20 Korean officials,
//   N/15 companies and N/40 foreign officials hold a post in the eight
//   years (measured at 100,000: 6,009, 6,666 and 2,716); small corpora have
//   more, since every body needs its head, vice heads and a few lower posts
//   (at 2,000: 241 officials, 614 foreign officials). Below 5,000 releases
//   only the N/200 busiest bodies (at least 10) publish.
// - **Dates**: publication dates are weekdays from 2018-01-01 to
//   2025-12-31; meetings fall a few days before (or, when planned, after),
//   written as "on March 3", "on Tuesday, November 18", "on Nov. 18",
//   "on 18 November (Tue)", "from November 10 to 14".
// - **Text**: a title, a lead sentence, one to three meeting sentences from
//   about 30 templates in the styles of the real releases (met with, held
//   talks with, signed an MOU with, visited the headquarters of, received a
//   courtesy call from, had a phone call with, chaired, convened, attended
//   … and met separately with, co-chaired, will visit … and hold talks,
//   "The ceremony was attended by …", MOFA's numbered paragraphs), quotes
//   with short references ("Minister Kim stated, …", "He added, …"), and
//   background paragraphs with figures fitting the release's kind; about
//   3 KB a release.
// - **File shapes**: about 80 % of the releases in bundles of 4 to 24
//   releases of one body (the seeds' format: "-", a category line, a title,
//   the body, "dateYYYY-MM-DD"), 12 % single-release text files with a date
//   line in one of several forms, 8 % HTML article pages. Files are
//   `FOLDER/<body>/<year>/…`, sorted by path.
// - **One extra file**, `FOLDER/added/added-releases.txt`: a bundle of 12
//   MOTIR releases of December 2025 about the same population. It is
//   returned last; the store benchmark ingests it alone, after the rest, as
//   "adding one file to a full store".
// - **`FOLDER/.population.tsv`** (hidden, so corpus scans pass over it)
//   lists every person named, with their kind and the number of releases
//   naming them: the truth to check `pressgraph extract` against.
//
// Everything is drawn from SplitMix64 streams derived from the seed, and no
// dictionary or set is iterated for output: the same seed and release
// count give the same bytes.
import EntityGraph
import Foundation

// MARK: - Random numbers

/// SplitMix64: a small, fast, deterministic generator.
struct SplitMix64 {
  private(set) var state: UInt64

  init(seed: UInt64) { state = seed }

  /// An independent stream for item `index` of purpose `salt`.
  static func stream(_ seed: UInt64, _ salt: UInt64, _ index: Int) -> SplitMix64 {
    var mixer = SplitMix64(
      seed: seed ^ (salt &* 0xD1B5_4A32_D192_ED03) ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
    _ = mixer.next()
    return SplitMix64(seed: mixer.next())
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<n` (0 when `n` is 0 or 1).
  mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
  /// A number in `low...high`.
  mutating func between(_ low: Int, _ high: Int) -> Int { low + below(high - low + 1) }
  /// A number in [0, 1).
  mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
  mutating func chance(_ p: Double) -> Bool { unit() < p }
  mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// Ranks 0..<count drawn with probability proportional to 1 / (rank + 1)^s.
struct ZipfTable {
  private let cumulative: [Double]

  init(count: Int, exponent: Double) {
    var sums: [Double] = []
    sums.reserveCapacity(max(1, count))
    var total = 0.0
    for rank in 1...max(1, count) {
      total += 1 / pow(Double(rank), exponent)
      sums.append(total)
    }
    cumulative = sums.map { $0 / total }
  }

  func sample(_ random: inout SplitMix64) -> Int {
    let u = random.unit()
    var low = 0
    var high = cumulative.count - 1
    while low < high {
      let middle = (low + high) / 2
      if cumulative[middle] < u { low = middle + 1 } else { high = middle }
    }
    return low
  }
}

// MARK: - Calendar

/// A calendar day (proleptic Gregorian).
struct Day: Comparable {
  var year: Int
  var month: Int
  var day: Int

  init(_ year: Int, _ month: Int, _ day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// The day `serial` days after 1970-01-01.
  init(serial: Int) {
    let z = serial + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    day = doy - (153 * mp + 2) / 5 + 1
    month = mp < 10 ? mp + 3 : mp - 9
    year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  }

  /// Days since 1970-01-01.
  var serial: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// 0 for Sunday … 6 for Saturday.
  var weekday: Int { ((serial % 7) + 11) % 7 }
  /// Months since year 0: the unit of terms and renames.
  var monthIndex: Int { year * 12 + month - 1 }

  func adding(_ days: Int) -> Day { Day(serial: serial + days) }

  var iso: String { "\(year)-\(twoDigits(month))-\(twoDigits(day))" }

  static func < (a: Day, b: Day) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }
}

/// The month index of `year`-`month`.
func monthIndex(_ year: Int, _ month: Int) -> Int { year * 12 + month - 1 }

func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

let monthNames = [
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
]
let monthAbbreviations = [
  "Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
]
let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
let weekdayAbbreviations = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

// MARK: - Institutions

/// What a body does: picks its topics, areas, companies and events.
enum Sector: Int, CaseIterable {
  case industry, foreign, science, smes, finance, land, oceans, environment, agriculture, health,
    labor, culture, interior, property
}

/// One name of a body, from a month on.
struct Era {
  /// The gazetteer id of the institution under this name.
  var id: String
  /// First month index under this name (`Int.min`: before the corpus).
  var from: Int
  var name: String
  var acronym: String?
  /// The head's title in the lead's bracket and in short references.
  var head: String
  /// Longer forms of the head's title ("Trade, Industry and Energy Minister").
  var headForms: [String]
  /// The vice heads' titles.
  var vices: [String]
}

/// How a body's lower posts are titled.
enum BodyKind { case ministry, agency, commission }

/// A Korean body that publishes releases.
struct Body {
  var eras: [Era]
  var sector: Sector
  var kind: BodyKind
  /// The supervising ministry's index in the body table.
  var parent: Int?
  var category: String
  /// Index 0's folder name.
  var folder: String

  func era(_ month: Int) -> Era { eras.last { $0.from <= month } ?? eras[0] }
}

func era(
  _ id: String, from: Int = Int.min, _ name: String, _ acronym: String?, head: String = "Minister",
  forms: [String] = [], vices: [String] = ["Vice Minister"]
) -> Era {
  Era(id: id, from: from, name: name, acronym: acronym, head: head, headForms: forms, vices: vices)
}

/// The publishing bodies, busiest first (the order is their Zipf rank).
let koreanBodies: [Body] = [
  Body(
    eras: [
      era(
        "kr-motie", "Ministry of Trade, Industry and Energy", "MOTIE",
        forms: ["Minister of Trade, Industry and Energy", "Trade, Industry and Energy Minister"],
        vices: ["First Vice Minister", "Second Vice Minister"]),
      era(
        "kr-motir", from: monthIndex(2025, 10), "Ministry of Trade, Industry and Resources",
        "MOTIR",
        forms: [
          "Minister of Trade, Industry and Resources", "Trade, Industry and Resources Minister",
        ],
        vices: ["First Vice Minister", "Second Vice Minister"]),
    ], sector: .industry, kind: .ministry, parent: nil, category: "Trade/Investment",
    folder: "motie"),
  Body(
    eras: [
      era(
        "kr-mofa", "Ministry of Foreign Affairs", "MOFA",
        forms: ["Minister of Foreign Affairs", "Foreign Minister"],
        vices: ["First Vice Foreign Minister", "Second Vice Foreign Minister"])
    ], sector: .foreign, kind: .ministry, parent: nil, category: "Press Releases", folder: "mofa"),
  Body(
    eras: [
      era(
        "kr-msit", "Ministry of Science and ICT", "MSIT",
        forms: ["Minister of Science and ICT", "Science and ICT Minister"],
        vices: ["First Vice Minister", "Second Vice Minister"])
    ], sector: .science, kind: .ministry, parent: nil, category: "Science/ICT", folder: "msit"),
  Body(
    eras: [
      era(
        "kr-mss", "Ministry of SMEs and Startups", "MSS",
        forms: ["Minister of SMEs and Startups", "SMEs and Startups Minister"])
    ], sector: .smes, kind: .ministry, parent: nil, category: "SMEs/Startups", folder: "mss"),
  Body(
    eras: [
      era(
        "kr-moef", "Ministry of Economy and Finance", "MOEF",
        head: "Deputy Prime Minister and Minister",
        forms: ["Minister of Economy and Finance"],
        vices: ["First Vice Minister", "Second Vice Minister"])
    ], sector: .finance, kind: .ministry, parent: nil, category: "Economy/Finance", folder: "moef"),
  Body(
    eras: [
      era(
        "kr-kotra", "Korea Trade-Investment Promotion Agency", "KOTRA",
        head: "President and CEO", vices: ["Executive Vice President"])
    ], sector: .industry, kind: .agency, parent: 0, category: "Trade/Investment", folder: "kotra"),
  Body(
    eras: [
      era(
        "kr-molit", "Ministry of Land, Infrastructure and Transport", "MOLIT",
        forms: ["Minister of Land, Infrastructure and Transport", "Land Minister"],
        vices: ["First Vice Minister", "Second Vice Minister"])
    ], sector: .land, kind: .ministry, parent: nil, category: "Land/Transport", folder: "molit"),
  Body(
    eras: [
      era("kr-me", "Ministry of Environment", "ME", forms: ["Minister of Environment"]),
      era(
        "kr-mcee", from: monthIndex(2025, 10), "Ministry of Climate, Energy and Environment",
        "MCEE",
        forms: [
          "Minister of Climate, Energy and Environment", "Climate, Energy and Environment Minister",
        ], vices: ["First Vice Minister", "Second Vice Minister"]),
    ], sector: .environment, kind: .ministry, parent: nil, category: "Environment", folder: "me"),
  Body(
    eras: [
      era(
        "kr-kats", "Korean Agency for Technology and Standards", "KATS", head: "President",
        vices: ["Vice President"])
    ], sector: .industry, kind: .agency, parent: 0, category: "Standards", folder: "kats"),
  Body(
    eras: [
      era(
        "kr-mafra", "Ministry of Agriculture, Food and Rural Affairs", "MAFRA",
        forms: ["Minister of Agriculture, Food and Rural Affairs", "Agriculture Minister"])
    ], sector: .agriculture, kind: .ministry, parent: nil, category: "Agriculture/Food",
    folder: "mafra"),
  Body(
    eras: [
      era(
        "kr-mof", "Ministry of Oceans and Fisheries", "MOF",
        forms: ["Minister of Oceans and Fisheries", "Oceans and Fisheries Minister"])
    ], sector: .oceans, kind: .ministry, parent: nil, category: "Oceans/Fisheries", folder: "mof"),
  Body(
    eras: [
      era(
        "kr-fsc", "Financial Services Commission", "FSC", head: "Chairman",
        vices: ["Vice Chairman"])
    ], sector: .finance, kind: .commission, parent: nil, category: "Finance", folder: "fsc"),
  Body(
    eras: [
      era(
        "kr-mohw", "Ministry of Health and Welfare", "MOHW",
        forms: ["Minister of Health and Welfare", "Health and Welfare Minister"],
        vices: ["First Vice Minister", "Second Vice Minister"])
    ], sector: .health, kind: .ministry, parent: nil, category: "Health/Welfare", folder: "mohw"),
  Body(
    eras: [
      era(
        "kr-kiat", "Korea Institute for Advancement of Technology", "KIAT", head: "President",
        vices: ["Vice President"])
    ], sector: .industry, kind: .agency, parent: 0, category: "Technology", folder: "kiat"),
  Body(
    eras: [
      era(
        "kr-moel", "Ministry of Employment and Labor", "MOEL",
        forms: ["Minister of Employment and Labor", "Labor Minister"])
    ], sector: .labor, kind: .ministry, parent: nil, category: "Employment/Labor", folder: "moel"),
  Body(
    eras: [
      era(
        "kr-mcst", "Ministry of Culture, Sports and Tourism", "MCST",
        forms: ["Minister of Culture, Sports and Tourism", "Culture Minister"],
        vices: ["First Vice Minister", "Second Vice Minister"])
    ], sector: .culture, kind: .ministry, parent: nil, category: "Culture/Tourism", folder: "mcst"),
  Body(
    eras: [
      era(
        "kr-kipo", "Korean Intellectual Property Office", "KIPO", head: "Commissioner",
        vices: ["Deputy Commissioner"]),
      era(
        "kr-moip", from: monthIndex(2025, 10), "Ministry of Intellectual Property", "MOIP",
        forms: ["Minister of Intellectual Property"]),
    ], sector: .property, kind: .agency, parent: 0, category: "Intellectual Property",
    folder: "kipo"),
  Body(
    eras: [
      era(
        "kr-mfds", "Ministry of Food and Drug Safety", "MFDS",
        forms: ["Minister of Food and Drug Safety"])
    ], sector: .health, kind: .ministry, parent: nil, category: "Food/Drug Safety", folder: "mfds"),
  Body(
    eras: [
      era(
        "kr-mois", "Ministry of the Interior and Safety", "MOIS",
        forms: ["Minister of the Interior and Safety", "Interior Minister"])
    ], sector: .interior, kind: .ministry, parent: nil, category: "Interior/Safety",
    folder: "mois"),
  Body(
    eras: [
      era(
        "kr-kcdc", "Korea Centers for Disease Control and Prevention", "KCDC", head: "Director",
        vices: ["Deputy Director"]),
      era(
        "kr-kdca", from: monthIndex(2020, 9), "Korea Disease Control and Prevention Agency",
        "KDCA", head: "Commissioner", vices: ["Vice Commissioner"]),
    ], sector: .health, kind: .agency, parent: 12, category: "Public Health", folder: "kcdc"),
  Body(
    eras: [
      era(
        "kr-kosme", "Korea SMEs and Startups Agency", "KOSME", head: "President",
        vices: ["Executive Vice President"])
    ], sector: .smes, kind: .agency, parent: 3, category: "SMEs/Startups", folder: "kosme"),
  Body(
    eras: [
      era(
        "kr-kftc", "Korea Fair Trade Commission", "KFTC", head: "Chairman",
        vices: ["Vice Chairman"])
    ], sector: .finance, kind: .commission, parent: nil, category: "Competition", folder: "kftc"),
  Body(
    eras: [
      era(
        "kr-kcc", "Korea Communications Commission", "KCC", head: "Chairperson",
        vices: ["Vice Chairperson"]),
      era(
        "kr-kmcc", from: monthIndex(2025, 10), "Korea Media and Communications Commission",
        "KMCC", head: "Chairperson", vices: ["Vice Chairperson"]),
    ], sector: .science, kind: .commission, parent: nil, category: "Broadcasting/Communications",
    folder: "kcc"),
  Body(
    eras: [
      era(
        "kr-kostat", "Statistics Korea", "KOSTAT", head: "Commissioner",
        vices: ["Deputy Commissioner"]),
      era(
        "kr-ndo", from: monthIndex(2025, 10), "National Data Office", nil, head: "Commissioner",
        vices: ["Deputy Commissioner"]),
    ], sector: .finance, kind: .agency, parent: 4, category: "Statistics", folder: "kostat"),
]

/// Provinces and cities: partners in agreements, with a governor or mayor.
struct Region {
  var eras: [(from: Int, name: String, id: String)]
  var head: String
  var city: String

  func name(_ month: Int) -> String { eras.last { $0.from <= month }?.name ?? eras[0].name }
}

let regions: [Region] = [
  Region(
    eras: [
      (Int.min, "Gangwon Province", "kr-gangwon-province"),
      (monthIndex(2023, 6), "Gangwon State", "kr-gangwon-state"),
    ], head: "Governor", city: "Chuncheon"),
  Region(
    eras: [
      (Int.min, "North Jeolla Province", "kr-north-jeolla"),
      (monthIndex(2024, 1), "Jeonbuk State", "kr-jeonbuk-state"),
    ], head: "Governor", city: "Jeonju"),
  Region(eras: [(Int.min, "Gyeonggi Province", "kr-gyeonggi")], head: "Governor", city: "Suwon"),
  Region(
    eras: [(Int.min, "South Chungcheong Province", "kr-chungnam")], head: "Governor",
    city: "Hongseong"),
  Region(
    eras: [(Int.min, "North Gyeongsang Province", "kr-gyeongbuk")], head: "Governor",
    city: "Andong"),
  Region(eras: [(Int.min, "Busan Metropolitan City", "kr-busan")], head: "Mayor", city: "Busan"),
  Region(eras: [(Int.min, "Ulsan Metropolitan City", "kr-ulsan")], head: "Mayor", city: "Ulsan"),
  Region(
    eras: [(Int.min, "Incheon Metropolitan City", "kr-incheon")], head: "Mayor", city: "Incheon"),
]

/// Business associations: their chairmen meet ministers.
let associations: [(name: String, acronym: String?, id: String, head: String, sector: Sector)] = [
  ("Korea Chamber of Commerce and Industry", "KCCI", "kr-kcci", "Chairman", .industry),
  ("Korea International Trade Association", "KITA", "kr-kita", "Chairman", .industry),
  ("Federation of Korean Industries", "FKI", "kr-fki", "Chairman", .finance),
  ("Korea Semiconductor Industry Association", "KSIA", "kr-ksia", "Chairman", .science),
  ("Korea Battery Industry Association", nil, "kr-battery-association", "Chairman", .industry),
  ("Korea Automobile & Mobility Association", "KAMA", "kr-kama", "Chairman", .land),
  ("Korea Federation of SMEs", "KBIZ", "kr-kbiz", "Chairman", .smes),
  ("Korea Cosmetic Association", nil, "kr-cosmetic-association", "Chairman", .health),
  ("Korea Offshore & Shipbuilding Association", "KOSHIPA", "kr-koshipa", "Chairman", .oceans),
  ("Korea Display Industry Association", "KDIA", "kr-kdia", "Chairman", .science),
  ("Korea Biotechnology Industry Organization", "KoreaBIO", "kr-koreabio", "Chairman", .health),
  ("Korea Enterprises Federation", "KEF", "kr-kef", "Chairman", .labor),
  ("American Chamber of Commerce in Korea", nil, "kr-amcham", "Chairman", .foreign),
  ("European Chamber of Commerce in Korea", "ECCK", "kr-ecck", "Chairman", .foreign),
]

/// International organisations and the titles of their heads and deputies.
let internationalBodies:
  [(name: String, acronym: String?, id: String, head: String, deputy: String, city: String)] = [
    (
      "World Trade Organization", "WTO", "int-wto", "Director-General", "Deputy Director-General",
      "Geneva"
    ),
    (
      "Organisation for Economic Co-operation and Development", "OECD", "int-oecd",
      "Secretary-General", "Deputy Secretary-General", "Paris"
    ),
    (
      "International Energy Agency", "IEA", "int-iea", "Executive Director",
      "Deputy Executive Director",
      "Paris"
    ),
    (
      "World Bank", nil, "int-world-bank", "Managing Director",
      "Vice President for East Asia and Pacific",
      "Washington D.C."
    ),
    ("Asian Development Bank", "ADB", "int-adb", "President", "Vice-President", "Manila"),
    (
      "United Nations Industrial Development Organization", "UNIDO", "int-unido",
      "Director General",
      "Deputy Director General", "Vienna"
    ),
    (
      "International Atomic Energy Agency", "IAEA", "int-iaea", "Director General",
      "Deputy Director General", "Vienna"
    ),
    (
      "Asian Infrastructure Investment Bank", "AIIB", "int-aiib", "President", "Vice President",
      "Beijing"
    ),
  ]

/// Portfolios of foreign directors-general.
let foreignAreas = [
  "Trade Policy", "Investment Promotion", "Industrial Cooperation", "Energy Policy",
  "Asia-Pacific Affairs", "Multilateral Trade", "Economic Cooperation", "Trade Remedies",
  "Digital Economy", "Critical Minerals", "Foreign Trade", "Industrial Policy",
]

/// The meetings where Korean officials meet each international body's heads.
let internationalMeetings = [
  "WTO General Council", "OECD Ministerial Council Meeting", "IEA Ministerial Meeting",
  "World Bank–IMF Spring Meetings", "ADB Annual Meeting", "UNIDO General Conference",
  "IAEA General Conference", "AIIB Annual Meeting",
]

// MARK: - Countries

/// How a country's people are named.
enum NameStyle {
  case korean, vietnamese, chinese, japanese, western, hispanic, indonesian, arabic, indian,
    centralAsian,
    slavic
}

/// A foreign ministry or agency, with its name in a span of months.
struct ForeignBody {
  var name: String
  var acronym: String?
  /// The gazetteer id, when the gazetteer knows it.
  var id: String?
  var from: Int = Int.min
  var until: Int = Int.max
  /// The head's and the deputy's titles ("Minister of Industry and Trade").
  var head: String
  var deputy: String
  /// Whether the name already says whose it is ("U.S. Department of Commerce").
  var namesCountry = false
}

struct Country {
  var name: String
  /// "the United States" where an article is needed.
  var phrase: String
  var adjective: String
  var cities: [String]
  var style: NameStyle
  var bodies: [ForeignBody]

  var possessive: String { phrase.hasSuffix("s") ? phrase + "’" : phrase + "’s" }
}

func body(
  _ name: String, _ acronym: String? = nil, id: String? = nil, head: String, deputy: String,
  from: Int = Int.min, until: Int = Int.max, namesCountry: Bool = false
) -> ForeignBody {
  ForeignBody(
    name: name, acronym: acronym, id: id, from: from, until: until, head: head, deputy: deputy,
    namesCountry: namesCountry)
}

/// Korea's counterparts, most frequent first.
let countries: [Country] = [
  Country(
    name: "United States", phrase: "the United States", adjective: "U.S.",
    cities: ["Washington D.C.", "New York", "San Francisco", "Atlanta"], style: .western,
    bodies: [
      body(
        "U.S. Department of Commerce", id: "us-doc", head: "Secretary of Commerce",
        deputy: "Deputy Secretary of Commerce", namesCountry: true),
      body(
        "Office of the United States Trade Representative", "USTR", id: "us-ustr",
        head: "U.S. Trade Representative", deputy: "Deputy U.S. Trade Representative",
        namesCountry: true),
      body(
        "U.S. Department of Energy", id: "us-doe", head: "Secretary of Energy",
        deputy: "Deputy Secretary of Energy", namesCountry: true),
    ]),
  Country(
    name: "China", phrase: "China", adjective: "Chinese",
    cities: ["Beijing", "Shanghai", "Guangzhou"], style: .chinese,
    bodies: [
      body(
        "Ministry of Commerce", "MOFCOM", id: "cn-mofcom", head: "Minister of Commerce",
        deputy: "Vice Minister of Commerce"),
      body(
        "Ministry of Industry and Information Technology", "MIIT", id: "cn-miit",
        head: "Minister of Industry and Information Technology",
        deputy: "Vice Minister of Industry and Information Technology"),
      body(
        "National Development and Reform Commission", "NDRC", id: "cn-ndrc", head: "Chairman",
        deputy: "Vice Chairman"),
    ]),
  Country(
    name: "Vietnam", phrase: "Vietnam", adjective: "Vietnamese",
    cities: ["Hanoi", "Ho Chi Minh City", "Da Nang"], style: .vietnamese,
    bodies: [
      body(
        "Ministry of Industry and Trade", "MOIT", id: "vn-moit",
        head: "Minister of Industry and Trade", deputy: "Vice Minister of Industry and Trade"),
      body(
        "Ministry of Finance", id: "vn-mof", head: "Minister of Finance",
        deputy: "Vice Minister of Finance"),
      body(
        "Ministry of Planning and Investment", "MPI", id: "vn-mpi",
        head: "Minister of Planning and Investment",
        deputy: "Vice Minister of Planning and Investment", until: monthIndex(2025, 2)),
    ]),
  Country(
    name: "Japan", phrase: "Japan", adjective: "Japanese", cities: ["Tokyo", "Osaka"],
    style: .japanese,
    bodies: [
      body(
        "Ministry of Economy, Trade and Industry", "METI", id: "jp-meti",
        head: "Minister of Economy, Trade and Industry",
        deputy: "Vice-Minister for International Affairs"),
      body(
        "Ministry of Foreign Affairs", id: "jp-mofa", head: "Minister for Foreign Affairs",
        deputy: "Vice-Minister for Foreign Affairs"),
    ]),
  Country(
    name: "Indonesia", phrase: "Indonesia", adjective: "Indonesian",
    cities: ["Jakarta", "Surabaya"], style: .indonesian,
    bodies: [
      body("Ministry of Trade", head: "Minister of Trade", deputy: "Vice Minister of Trade"),
      body(
        "Ministry of Energy and Mineral Resources",
        head: "Minister of Energy and Mineral Resources",
        deputy: "Vice Minister of Energy and Mineral Resources"),
    ]),
  Country(
    name: "Germany", phrase: "Germany", adjective: "German", cities: ["Berlin", "Frankfurt"],
    style: .western,
    bodies: [
      body(
        "Federal Ministry for Economic Affairs and Energy", "BMWi",
        head: "Minister for Economic Affairs and Energy",
        deputy: "Deputy Minister for Economic Affairs and Energy", until: monthIndex(2021, 11)),
      body(
        "Federal Ministry for Economic Affairs and Climate Action", "BMWK", id: "de-bmwk",
        head: "Minister for Economic Affairs and Climate Action",
        deputy: "Deputy Minister for Economic Affairs and Climate Action",
        from: monthIndex(2021, 12),
        until: monthIndex(2025, 4)),
      body(
        "Federal Ministry for Economic Affairs and Energy", "BMWE", id: "de-bmwe",
        head: "Minister for Economic Affairs and Energy",
        deputy: "Deputy Minister for Economic Affairs and Energy", from: monthIndex(2025, 5)),
    ]),
  Country(
    name: "United Kingdom", phrase: "the United Kingdom", adjective: "British",
    cities: ["London", "Manchester"], style: .western,
    bodies: [
      body(
        "Department for International Trade", "DIT", id: "gb-dit",
        head: "Secretary of State for International Trade",
        deputy: "Minister of State for Trade Policy",
        until: monthIndex(2023, 1)),
      body(
        "Department for Business and Trade", "DBT", id: "gb-dbt",
        head: "Secretary of State for Business and Trade",
        deputy: "Minister of State for Trade Policy",
        from: monthIndex(2023, 2)),
    ]),
  Country(
    name: "India", phrase: "India", adjective: "Indian", cities: ["New Delhi", "Mumbai"],
    style: .indian,
    bodies: [
      body(
        "Ministry of Commerce and Industry", id: "in-moci",
        head: "Minister of Commerce and Industry",
        deputy: "Minister of State for Commerce and Industry")
    ]),
  Country(
    name: "Saudi Arabia", phrase: "Saudi Arabia", adjective: "Saudi", cities: ["Riyadh", "Jeddah"],
    style: .arabic,
    bodies: [
      body(
        "Ministry of Investment", "MISA", id: "sa-misa", head: "Minister of Investment",
        deputy: "Vice Minister of Investment"),
      body("Ministry of Energy", head: "Minister of Energy", deputy: "Vice Minister of Energy"),
    ]),
  Country(
    name: "Poland", phrase: "Poland", adjective: "Polish", cities: ["Warsaw", "Krakow"],
    style: .slavic,
    bodies: [
      body(
        "Ministry of Development and Technology", head: "Minister of Development and Technology",
        deputy: "Deputy Minister of Development and Technology")
    ]),
  Country(
    name: "Australia", phrase: "Australia", adjective: "Australian",
    cities: ["Canberra", "Sydney"],
    style: .western,
    bodies: [
      body(
        "Department of Foreign Affairs and Trade", "DFAT", id: "au-dfat",
        head: "Minister for Trade and Tourism", deputy: "Assistant Minister for Trade")
    ]),
  Country(
    name: "United Arab Emirates", phrase: "the United Arab Emirates", adjective: "Emirati",
    cities: ["Abu Dhabi", "Dubai"], style: .arabic,
    bodies: [
      body(
        "Ministry of Economy", head: "Minister of Economy",
        deputy: "Minister of State for Foreign Trade")
    ]),
  Country(
    name: "Canada", phrase: "Canada", adjective: "Canadian", cities: ["Ottawa", "Toronto"],
    style: .western,
    bodies: [
      body(
        "Global Affairs Canada", id: "ca-gac", head: "Minister of International Trade",
        deputy: "Deputy Minister of International Trade", namesCountry: true)
    ]),
  Country(
    name: "Malaysia", phrase: "Malaysia", adjective: "Malaysian", cities: ["Kuala Lumpur"],
    style: .indonesian,
    bodies: [
      body(
        "Ministry of Investment, Trade and Industry",
        head: "Minister of Investment, Trade and Industry",
        deputy: "Deputy Minister of Investment, Trade and Industry")
    ]),
  Country(
    name: "Mexico", phrase: "Mexico", adjective: "Mexican", cities: ["Mexico City", "Monterrey"],
    style: .hispanic,
    bodies: [
      body(
        "Ministry of Economy", head: "Secretary of Economy", deputy: "Deputy Minister of Economy")
    ]),
  Country(
    name: "Czech Republic", phrase: "the Czech Republic", adjective: "Czech", cities: ["Prague"],
    style: .slavic,
    bodies: [
      body(
        "Ministry of Industry and Trade", head: "Minister of Industry and Trade",
        deputy: "Deputy Minister of Industry and Trade")
    ]),
  Country(
    name: "Kazakhstan", phrase: "Kazakhstan", adjective: "Kazakh", cities: ["Astana", "Almaty"],
    style: .centralAsian,
    bodies: [
      body(
        "Ministry of Trade and Integration", head: "Minister of Trade and Integration",
        deputy: "Vice Minister of Trade and Integration")
    ]),
  Country(
    name: "Uzbekistan", phrase: "Uzbekistan", adjective: "Uzbek", cities: ["Tashkent"],
    style: .centralAsian,
    bodies: [
      body(
        "Ministry of Investment, Industry and Trade",
        head: "Minister of Investment, Industry and Trade",
        deputy: "Deputy Minister of Investment, Industry and Trade")
    ]),
  Country(
    name: "Chile", phrase: "Chile", adjective: "Chilean", cities: ["Santiago"], style: .hispanic,
    bodies: [
      body(
        "Ministry of Foreign Affairs", head: "Minister of Foreign Affairs",
        deputy: "Vice Minister of Trade")
    ]),
  Country(
    name: "Peru", phrase: "Peru", adjective: "Peruvian", cities: ["Lima"], style: .hispanic,
    bodies: [
      body(
        "Ministry of Foreign Trade and Tourism", head: "Minister of Foreign Trade and Tourism",
        deputy: "Vice Minister of Foreign Trade")
    ]),
  Country(
    name: "Philippines", phrase: "the Philippines", adjective: "Philippine", cities: ["Manila"],
    style: .hispanic,
    bodies: [
      body(
        "Department of Trade and Industry", head: "Secretary of Trade and Industry",
        deputy: "Deputy Secretary of Trade and Industry")
    ]),
  Country(
    name: "Thailand", phrase: "Thailand", adjective: "Thai", cities: ["Bangkok"],
    style: .indonesian,
    bodies: [
      body(
        "Ministry of Commerce", head: "Minister of Commerce", deputy: "Deputy Minister of Commerce")
    ]),
  Country(
    name: "Netherlands", phrase: "the Netherlands", adjective: "Dutch",
    cities: ["The Hague", "Amsterdam"], style: .western,
    bodies: [
      body(
        "Ministry of Economic Affairs", head: "Minister of Economic Affairs",
        deputy: "Vice Minister of Economic Affairs")
    ]),
  Country(
    name: "Sweden", phrase: "Sweden", adjective: "Swedish", cities: ["Stockholm"], style: .western,
    bodies: [
      body(
        "Ministry for Foreign Affairs", head: "Minister for Foreign Trade",
        deputy: "Deputy Minister for Foreign Trade")
    ]),
  Country(
    name: "Turkey", phrase: "Turkey", adjective: "Turkish", cities: ["Ankara", "Istanbul"],
    style: .centralAsian,
    bodies: [
      body("Ministry of Trade", head: "Minister of Trade", deputy: "Deputy Minister of Trade")
    ]),
  Country(
    name: "Brazil", phrase: "Brazil", adjective: "Brazilian", cities: ["Brasilia", "Sao Paulo"],
    style: .hispanic,
    bodies: [
      body(
        "Ministry of Development, Industry, Trade and Services",
        head: "Minister of Development, Industry, Trade and Services",
        deputy: "Vice Minister of Development, Industry, Trade and Services")
    ]),
  Country(
    name: "Mongolia", phrase: "Mongolia", adjective: "Mongolian", cities: ["Ulaanbaatar"],
    style: .centralAsian,
    bodies: [
      body(
        "Ministry of Foreign Affairs", head: "Minister of Foreign Affairs",
        deputy: "Vice Minister of Foreign Affairs")
    ]),
  Country(
    name: "Egypt", phrase: "Egypt", adjective: "Egyptian", cities: ["Cairo"], style: .arabic,
    bodies: [
      body(
        "Ministry of Trade and Industry", head: "Minister of Trade and Industry",
        deputy: "Deputy Minister of Trade and Industry")
    ]),
  Country(
    name: "Hungary", phrase: "Hungary", adjective: "Hungarian", cities: ["Budapest"],
    style: .slavic,
    bodies: [
      body(
        "Ministry of Foreign Affairs and Trade", head: "Minister of Foreign Affairs and Trade",
        deputy: "Deputy Minister of Foreign Affairs and Trade")
    ]),
  Country(
    name: "Singapore", phrase: "Singapore", adjective: "Singaporean", cities: ["Singapore"],
    style: .chinese,
    bodies: [
      body(
        "Ministry of Trade and Industry", head: "Minister for Trade and Industry",
        deputy: "Minister of State for Trade and Industry")
    ]),
  Country(
    name: "Kenya", phrase: "Kenya", adjective: "Kenyan", cities: ["Nairobi"], style: .western,
    bodies: [
      body(
        "Ministry of Investments, Trade and Industry",
        head: "Minister of Investments, Trade and Industry", deputy: "Deputy Minister of Trade")
    ]),
  Country(
    name: "Spain", phrase: "Spain", adjective: "Spanish", cities: ["Madrid", "Barcelona"],
    style: .hispanic,
    bodies: [
      body(
        "Ministry of Industry and Tourism", head: "Minister of Industry and Tourism",
        deputy: "Vice Minister of Industry and Tourism")
    ]),
]

// MARK: - Topics

/// What a sector's releases are about.
struct SectorWords {
  /// Policy areas: the portfolios in titles ("Director-General for …").
  var areas: [String]
  /// Discussion topics, lower case ("semiconductor supply chains").
  var topics: [String]
  /// Products and indicators for the figures in background paragraphs.
  var products: [String]
  /// Events a body of this sector hosts ("Hydrogen Economy Forum").
  var events: [String]
  /// Committees it chairs.
  var committees: [String]
}

let sectorWords: [SectorWords] = [
  // industry
  SectorWords(
    areas: [
      "Industrial Policy", "Trade Policy", "Energy Policy", "Trade Cooperation",
      "Investment Policy",
      "Middle Market Enterprise Policy", "Materials, Parts and Equipment", "Semiconductor Strategy",
      "Automotive and Aerospace Industry", "Bio and Health Industry", "Hydrogen Economy",
      "Nuclear Power Industry", "Regional Industry", "Industrial Innovation", "Energy Security",
      "Resource Industry", "Trade Negotiations", "FTA Policy", "Trade Security",
      "Consumer Goods Industry", "Steel and Chemical Industry", "Shipbuilding and Machinery",
      "Electronics Industry", "Robot Industry", "Foreign Investment", "Export Promotion",
      "Industrial Supply Chains", "Carbon Neutral Industry", "Digital Trade", "Standards Policy",
      "Product Safety", "Technical Regulations", "Global Market Expansion", "Mineral Resources",
    ],
    topics: [
      "semiconductor supply chains", "tariff issues", "secondary batteries", "hydrogen cooperation",
      "nuclear power plant exports", "critical minerals", "EV batteries", "K-beauty exports",
      "cosmetics exports", "export support for SMEs", "investment in advanced industries",
      "shipbuilding cooperation", "LNG supply", "industrial AI", "supply chain stability",
      "technical barriers to trade", "the Korea–U.S. FTA", "foreign direct investment",
      "clean energy", "robotics", "display panels", "future mobility", "steel tariffs",
    ],
    products: [
      "semiconductor", "automobile", "secondary battery", "display", "petrochemical", "steel",
      "ship", "cosmetics", "ICT", "machinery",
    ],
    events: [
      "World Class Product Certification Ceremony", "Foreign Company Day",
      "Korea Industrial Technology Fair",
      "Hydrogen Economy Forum", "Global Supply Chain Forum", "Korea Brand & Entertainment Expo",
      "Industrial AI Forum", "Korea Energy Week", "Invest Korea Summit", "Export Strategy Meeting",
    ],
    committees: [
      "Trade Promotion Committee", "Industrial Competitiveness Enhancement Committee",
      "Supply Chain Stabilization Committee", "Technical Regulation Committee",
      "Energy Committee",
    ]),
  // foreign
  SectorWords(
    areas: [
      "Bilateral Economic Affairs", "North American Affairs", "Asian and Pacific Affairs",
      "European Affairs", "African and Middle Eastern Affairs", "International Economic Affairs",
      "Consular Affairs", "Public Diplomacy", "Development Cooperation",
      "Latin American and Caribbean Affairs", "Korean Peninsula Peace Regime",
      "Climate Change Affairs",
      "International Organizations", "Economic Security", "Treaties and Legal Affairs",
      "Protocol Affairs", "Global Affairs", "Southeast Asian Affairs", "Northeast Asian Affairs",
      "Overseas Koreans", "Cultural Affairs",
    ],
    topics: [
      "bilateral relations", "economic security", "visa issues faced by Korean companies",
      "peace on the Korean Peninsula", "development cooperation", "consular cooperation",
      "supply chain cooperation", "climate cooperation", "regional security",
      "people-to-people exchanges", "the safety of Korean nationals", "trade and investment",
    ],
    products: ["trade", "investment", "development assistance"],
    events: [
      "Korea–Central Asia Cooperation Forum", "Global Korea Forum",
      "Korea–Africa Economic Cooperation Conference",
      "Korea–Latin America Business Forum", "Public Diplomacy Week",
    ],
    committees: [
      "Economic Officers Meeting", "Strategic Economic Dialogue",
      "Joint Committee on Economic Cooperation",
    ]),
  // science
  SectorWords(
    areas: [
      "AI Policy", "Network Policy", "Basic Research", "Space and Aerospace", "Quantum Strategy",
      "Software Industry", "Information Protection", "Digital Platform Policy", "R&D Investment",
      "Broadcasting Policy", "Science and Technology Policy", "Radio Policy", "ICT Cooperation",
      "Future Talent", "Bio Technology", "Research Security", "Digital Inclusion",
    ],
    topics: [
      "artificial intelligence", "6G networks", "quantum technology", "space cooperation",
      "cyber security", "digital platform government", "AI semiconductors", "digital inclusion",
      "joint research", "researcher exchanges", "data centers",
    ],
    products: ["ICT", "software", "semiconductor", "communication equipment"],
    events: [
      "Korea Digital Days", "AI Summit Seoul", "World IT Show", "Quantum Korea",
      "Global Digital Forum",
    ],
    committees: [
      "National Science and Technology Advisory Council",
      "Joint Committee on Science and Technology",
      "ICT Policy Dialogue",
    ]),
  // smes
  SectorWords(
    areas: [
      "SME Policy", "Startup Policy", "Small Business Policy", "Global Growth",
      "Technology Innovation",
      "Commerce Policy", "Venture Investment", "Regional Enterprises", "Win-Win Cooperation",
      "Smart Manufacturing", "Startup Exports",
    ],
    topics: [
      "startup exports", "the global expansion of SMEs", "open innovation",
      "small business support",
      "venture investment", "smart factories", "startup visas", "overseas market entry",
    ],
    products: ["SME", "startup", "venture"],
    events: [
      "COMEUP Startup Festival", "SME Week", "Global Startup Day", "Small Merchants Day",
    ],
    committees: ["SME Policy Deliberation Committee", "Startup Support Council"]),
  // finance
  SectorWords(
    areas: [
      "Economic Policy", "Budget", "Tax and Customs", "International Finance",
      "Public Institutions",
      "Fiscal Policy", "Financial Policy", "Capital Markets", "Financial Consumer Protection",
      "Statistics Policy", "Competition Policy", "Development Finance", "Economic Security",
      "Future Strategy", "Financial Industry", "Consumer Policy",
    ],
    topics: [
      "exchange rate stability", "external economic risks", "fiscal policy",
      "supply chain financing", "financial market stability",
      "the interest burden of small businesses",
      "economic cooperation", "infrastructure financing", "tax treaties", "fair competition",
    ],
    products: ["export", "investment", "bond", "credit"],
    events: [
      "Korea Economic Forum", "Financial Policy Conference", "Global Finance Week",
    ],
    committees: [
      "Emergency Economic Ministers’ Meeting", "External Economic Ministers’ Meeting",
      "Financial Risk Review Meeting", "Economic Policy Council",
    ]),
  // land
  SectorWords(
    areas: [
      "Land Policy", "Housing Policy", "Transport Policy", "Aviation Policy", "Railway Policy",
      "Overseas Construction", "Urban Policy", "Road Policy", "Mobility Policy",
      "Construction Policy",
      "Smart City", "Logistics Policy",
    ],
    topics: [
      "overseas construction projects", "smart city cooperation", "high-speed rail",
      "urban air mobility", "infrastructure projects", "airport development", "housing supply",
    ],
    products: ["overseas construction order", "housing", "railway"],
    events: [
      "Global Infrastructure Cooperation Conference", "Smart City Expo", "Korea Mobility Show",
    ],
    committees: ["Overseas Construction Support Council", "Infrastructure Cooperation Committee"]),
  // oceans
  SectorWords(
    areas: [
      "Maritime Policy", "Fisheries Policy", "Port Logistics", "Shipping Policy",
      "Marine Environment",
      "Fishing Village Policy", "Maritime Safety", "Marine Industry",
      "International Maritime Cooperation",
    ],
    topics: [
      "port development", "fisheries cooperation", "eco-friendly ships", "maritime safety",
      "seafood exports", "smart ports", "marine plastic reduction",
    ],
    products: ["seafood", "shipping", "port"],
    events: ["Korea Maritime Week", "Seafood Show", "Ocean Future Forum"],
    committees: ["Joint Committee on Fisheries", "Maritime Cooperation Committee"]),
  // environment
  SectorWords(
    areas: [
      "Climate Change Policy", "Air Quality", "Water Management", "Resource Circulation",
      "Nature Conservation", "Carbon Neutrality", "Environmental Health", "Green Industry",
      "Chemical Safety", "Renewable Energy",
    ],
    topics: [
      "carbon neutrality", "fine dust reduction", "water industry exports", "plastic recycling",
      "the green transition", "climate cooperation", "green hydrogen", "circular economy",
    ],
    products: ["environmental industry", "water industry", "green technology"],
    events: ["Korea Water Week", "Green Climate Forum", "Environmental Industry Expo"],
    committees: ["Fine Dust Special Committee", "Carbon Neutrality Committee"]),
  // agriculture
  SectorWords(
    areas: [
      "Food Industry Policy", "Agricultural Policy", "Rural Policy", "Livestock Policy",
      "Quarantine Policy", "International Agricultural Cooperation", "Agricultural Trade",
      "Smart Agriculture",
    ],
    topics: [
      "agri-food exports", "smart farms", "agricultural trade", "food security",
      "animal disease control",
      "agricultural technology", "halal food exports",
    ],
    products: ["agri-food", "processed food", "ramen", "kimchi"],
    events: ["Seoul Food Expo", "K-Food Fair", "Smart Agriculture Forum"],
    committees: ["Agri-Food Export Council", "Joint Committee on Agricultural Cooperation"]),
  // health
  SectorWords(
    areas: [
      "Health Policy", "Welfare Policy", "Pharmaceutical Policy", "Medical Device Safety",
      "Food Safety", "Public Health Emergency", "Population Policy", "Bio-Health Industry",
      "Infectious Disease Policy", "Vaccine Research", "Health Industry", "Drug Safety",
    ],
    topics: [
      "medical device R&D", "public health cooperation", "infectious disease response",
      "the bio-health industry", "food safety standards", "vaccine development",
      "regulatory cooperation on pharmaceuticals", "digital health care",
    ],
    products: ["pharmaceutical", "medical device", "bio-health", "cosmetics"],
    events: ["Bio Korea", "Global Health Security Conference", "Medical Device Fair"],
    committees: ["Health Care Policy Deliberation Committee", "Bio-Health Industry Council"]),
  // labor
  SectorWords(
    areas: [
      "Labor Policy", "Employment Policy", "Industrial Safety", "Labor Relations",
      "Workforce Development", "Youth Employment", "Foreign Workforce",
    ],
    topics: [
      "industrial safety", "youth employment", "foreign workers", "skills training",
      "flexible working hours", "labor market reform",
    ],
    products: ["employment", "job"],
    events: ["Job Fair for Middle Market Enterprises", "Industrial Safety Week"],
    committees: ["Employment Policy Council", "Industrial Safety Committee"]),
  // culture
  SectorWords(
    areas: [
      "Culture Policy", "Tourism Policy", "Content Industry", "Sports Policy", "Media Policy",
      "Cultural Exchange", "Religious Affairs",
    ],
    topics: [
      "K-content exports", "inbound tourism", "the Korean Wave", "Hallyu content",
      "sports exchanges",
      "webtoon exports", "cultural exchange",
    ],
    products: ["content", "tourism", "music", "game"],
    events: ["Korea Content Week", "Visit Korea Year", "K-Culture Festival"],
    committees: ["Tourism Promotion Council", "Content Industry Promotion Committee"]),
  // interior
  SectorWords(
    areas: [
      "Local Autonomy", "Disaster Safety", "Digital Government", "Public Service", "Local Finance",
      "Government Innovation",
    ],
    topics: [
      "disaster safety cooperation", "digital government", "local autonomy", "public data",
      "e-government exports",
    ],
    products: ["e-government", "public data"],
    events: ["Digital Government Forum", "Safety Korea Exhibition"],
    committees: [
      "Central Disaster and Safety Countermeasures Headquarters", "Local Autonomy Council",
    ]),
  // property
  SectorWords(
    areas: [
      "Patent Examination Policy", "Trademark and Design", "Industrial Property Protection",
      "IP Policy", "IP Cooperation", "Technology Protection",
    ],
    topics: [
      "patent cooperation", "technology protection", "counterfeit goods", "IP-based financing",
      "patent examination", "trade secret protection",
    ],
    products: ["patent application", "trademark application"],
    events: ["Invention Day", "Global IP Forum", "Seoul International Invention Fair"],
    committees: ["IP Policy Council", "Technology Protection Committee"]),
]

/// A company sector: the word after the root, a descriptor and products.
let companySectors: [(word: String, descriptor: String, product: String, sector: Sector)] = [
  ("Materials", "a semiconductor materials company", "semiconductor materials", .industry),
  ("Semiconductor", "a power semiconductor maker", "power semiconductors", .science),
  ("Electronics", "an electronic components maker", "electronic components", .industry),
  ("Energy Solutions", "a secondary battery company", "secondary batteries", .industry),
  ("Chemical", "a specialty chemicals company", "specialty chemicals", .environment),
  ("Biologics", "a biopharmaceutical company", "biopharmaceuticals", .health),
  ("Pharmaceutical", "a pharmaceutical company", "generic drugs", .health),
  ("Robotics", "a robotics company", "industrial robots", .science),
  ("Motors", "an automotive parts maker", "automotive parts", .land),
  ("Mobility", "a mobility platform company", "mobility services", .land),
  ("Shipbuilding", "a shipbuilder", "LNG carriers", .oceans),
  ("Steel", "a steelmaker", "steel products", .industry),
  ("Cosmetics", "a cosmetics company", "cosmetics", .health),
  ("Foods", "a food company", "processed foods", .agriculture),
  ("Technologies", "an AI software company", "AI software", .science),
  ("Systems", "a smart factory solutions provider", "smart factory systems", .smes),
  ("Engineering", "a plant engineering company", "plant equipment", .land),
  ("Hydrogen", "a hydrogen fuel cell company", "hydrogen fuel cells", .environment),
  ("Logistics", "a logistics company", "logistics services", .oceans),
  ("Display", "a display panel maker", "OLED panels", .science),
  ("Aerospace", "an aircraft parts maker", "aircraft parts", .industry),
  ("Entertainment", "a content production company", "K-content", .culture),
  ("Agritech", "a smart farm company", "smart farm systems", .agriculture),
  ("Medical", "a medical device maker", "medical devices", .health),
]

// MARK: - Names

let koreanSurnames: [(String, Int)] = [
  ("Kim", 214), ("Lee", 147), ("Park", 84), ("Choi", 47), ("Jung", 43), ("Kang", 24),
  ("Cho", 21), ("Yoon", 21), ("Jang", 20), ("Lim", 17), ("Han", 15), ("Oh", 15), ("Seo", 15),
  ("Shin", 14), ("Kwon", 14), ("Hwang", 14), ("Ahn", 13), ("Song", 13), ("Yoo", 12), ("Hong", 11),
  ("Jeon", 11), ("Ko", 9), ("Moon", 9), ("Yang", 9), ("Son", 9), ("Bae", 8), ("Baek", 8),
  ("Heo", 6), ("Nam", 6), ("Noh", 5), ("Ha", 5), ("Kwak", 4), ("Sung", 4), ("Cha", 4),
  ("Joo", 4), ("Woo", 4), ("Min", 3), ("Ryu", 3), ("Jin", 3), ("Na", 3), ("Ji", 3), ("Um", 3),
  ("Chae", 3), ("Won", 3), ("Cheon", 2), ("Bang", 2), ("Hyun", 2), ("Ham", 2), ("Byun", 2),
  ("Yeom", 2), ("Yeo", 2), ("Do", 2), ("Seok", 2), ("Maeng", 1), ("Pyo", 1), ("Gil", 1),
]
let koreanFirstSyllables = [
  "Ji", "Min", "Seo", "Ha", "Yu", "Do", "Su", "Hye", "Jae", "Seong", "Young", "Dong", "Hyun",
  "Eun", "Ye", "Tae", "Seung", "Jun", "Kyung", "Hee", "Sang", "Woo", "Chan", "Na", "Da", "Bo",
  "So", "In", "Jin", "Yeon", "Hwa", "Mi", "Ho", "Gyu", "Jeong", "Won", "Hyo", "Se", "Yoon", "Si",
  "Ga", "Chae", "Joo", "Yong", "Il", "Myung", "Kwang", "Soo", "Ju", "Hae",
]
let koreanSecondSyllables = [
  "woo", "jin", "min", "yeon", "hoon", "ho", "seok", "jun", "ah", "eun", "hee", "rin", "bin",
  "won", "su", "young", "jae", "hyun", "kyung", "sik", "chul", "soo", "gyu", "hwan", "il", "sung",
  "yeol", "na", "ri", "yun", "seo", "joon", "beom", "gi", "ran", "mi", "ok", "hae", "jung", "on",
  "ha", "da", "taek", "wook", "geun", "han", "kyu", "pyo",
]
let vietnameseFamilies = [
  "Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do", "Ngo", "Duong", "Ly",
]
let vietnameseMiddles = [
  "Van", "Thi", "Duc", "Minh", "Quoc", "Thanh", "Hong", "Anh", "Xuan", "Ngoc",
]
let vietnameseGivens = [
  "An", "Binh", "Cuong", "Dung", "Hai", "Hung", "Lan", "Long", "Mai", "Nam", "Phuc", "Tuan",
  "Thao", "Trung", "Vinh", "Hieu", "Khoa", "Linh", "Quang", "Tam", "Hoa", "Khanh",
]
let chineseFamilies = [
  "Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Zhu", "Hu", "Guo",
  "He", "Gao", "Lin", "Luo", "Zheng", "Liang", "Xie", "Tang", "Feng",
]
let chineseSyllables = [
  "wei", "jie", "ming", "hua", "lin", "qiang", "fang", "yun", "hao", "xin", "tao", "jun", "ping",
  "yan", "bo", "chao", "feng", "gang", "hong", "jian", "lei", "rui", "shan", "ting", "xiao", "yi",
  "yong", "zhen", "kai", "lan", "dong", "guang",
]
let japaneseGivens = [
  "Haruto", "Yui", "Kenji", "Aiko", "Daiki", "Emi", "Sho", "Naoki", "Takumi", "Yuko", "Hiroshi",
  "Keiko", "Masato", "Rina", "Satoshi", "Tomoko", "Yusuke", "Kaori", "Ryota", "Ayumi", "Kazuki",
  "Mariko",
]
let japaneseFamilyStarts = [
  "Aki", "Hara", "Kawa", "Mori", "Naka", "Taka", "Yama", "Fuji", "Ishi", "Matsu", "Hoshi", "Kita",
  "Mizu", "Oka", "Saka", "Shima", "Tani", "Uchi", "Kiri", "Sugi",
]
let japaneseFamilyEnds = [
  "moto", "mura", "shita", "da", "no", "zaki", "kawa", "hara", "yama", "ta", "uchi", "gawa",
  "oka", "sawa", "be",
]
let westernGivens = [
  "Anna", "Lukas", "Marta", "Pieter", "Sofia", "Tomas", "Elena", "Henrik", "Clara", "Jonas",
  "Mirela", "Stefan", "Ingrid", "Marek", "Helena", "Oskar", "Lena", "Viktor", "Nadia", "Emil",
  "Camille", "Julien", "Greta", "Felix", "Irene", "Daniel", "Laura", "Martin", "Eva", "Robert",
  "Karen", "Thomas", "Alice", "Simon", "Olivia", "Adrian", "Nora", "Peter", "Rachel", "Jacob",
]
let westernFamilyStarts = [
  "Ber", "Hal", "Lin", "Mor", "Ost", "Val", "Kes", "Dor", "Fen", "Gar", "Hol", "Kir", "Lar",
  "Mal", "Nor", "Pel", "Ros", "Sten", "Tor", "Vel", "Wen", "Brun", "Castel", "Dal", "Eng", "Lund",
  "Sand", "Wal", "Ash", "Crom",
]
let westernFamilyEnds = [
  "gren", "mann", "ard", "sen", "strom", "berg", "ley", "ton", "wick", "feld", "hoff", "quist",
  "dale", "ford", "holm", "ell", "by", "mont", "stad", "worth",
]
let hispanicGivens = [
  "Alejandro", "Camila", "Diego", "Valentina", "Javier", "Lucia", "Mateo", "Isabel", "Rafael",
  "Carmen", "Andres", "Paula", "Felipe", "Gabriela", "Sergio", "Daniela", "Mariana", "Ricardo",
  "Ines", "Joaquin",
]
let hispanicFamilies = [
  "Alvarado", "Bermudez", "Cardenas", "Espinoza", "Fuentes", "Galindo", "Herrera", "Ibarra",
  "Lozano", "Mendoza", "Navarro", "Orellana", "Paredes", "Quiroga", "Rosales", "Salazar", "Toledo",
  "Valdivia", "Zamora", "Villalobos", "Arriaga", "Bustos", "Cisneros", "Echeverria", "Olmedo",
]
let indonesianGivens = [
  "Adi", "Rina", "Dewi", "Bayu", "Sari", "Putri", "Agus", "Eko", "Indra", "Wulan", "Rizal",
  "Fitri", "Hendra", "Lestari", "Yudi", "Ratna", "Arif", "Dian", "Teguh", "Nadia",
]
let indonesianFamilies = [
  "Wirawan", "Prasetyo", "Susanto", "Hartono", "Nugroho", "Setiawan", "Kurniawan", "Purnomo",
  "Wibowo", "Hidayat", "Saputra", "Gunawan", "Utomo", "Rahmat", "Hakim", "Iskandar", "Siregar",
]
let arabicGivens = [
  "Khalid", "Faisal", "Omar", "Tariq", "Yousef", "Hamad", "Saeed", "Majid", "Fahad", "Layla",
  "Noura", "Salem", "Mansour", "Rashid", "Ahmed", "Hassan", "Mariam", "Karim",
]
let arabicFamilies = [
  "Al-Harbi", "Al-Qahtani", "Al-Mansouri", "Al-Shamsi", "Al-Otaibi", "Al-Dosari", "Al-Zahrani",
  "Al-Mutairi", "Al-Kaabi", "Al-Suwaidi", "Al-Nuaimi", "Al-Ghamdi", "Al-Rashed", "Al-Hashimi",
  "El-Sayed", "Abdel-Rahman",
]
let indianGivens = [
  "Arjun", "Priya", "Rahul", "Anjali", "Vikram", "Sunita", "Rohan", "Kavita", "Amit", "Neha",
  "Sanjay", "Deepa", "Karan", "Meera", "Rajesh", "Pooja", "Anil", "Lakshmi", "Suresh", "Divya",
]
let indianFamilies = [
  "Sharma", "Verma", "Iyer", "Nair", "Reddy", "Menon", "Kulkarni", "Bhatt", "Chatterjee", "Mehta",
  "Joshi", "Pillai", "Rao", "Desai", "Kapoor", "Malhotra", "Banerjee", "Saxena", "Trivedi",
]
let centralAsianGivens = [
  "Aibek", "Dilnoza", "Rustam", "Saule", "Timur", "Aigerim", "Bakhyt", "Gulnara", "Nurlan",
  "Zarina", "Azamat", "Madina", "Erlan", "Kamila", "Murat", "Aysel", "Emre", "Selin",
]
let centralAsianFamilyStarts = [
  "Abdu", "Nur", "Sar", "Bek", "Tur", "Ali", "Kas", "Mur", "Yus", "Ras", "Erd", "Tem",
]
let centralAsianFamilyEnds = [
  "layev", "ov", "bekov", "galiyev", "imov", "tayev", "manov", "oglu", "baev",
]
let slavicGivens = [
  "Jan", "Katarzyna", "Pavel", "Jana", "Tomasz", "Marketa", "Lukasz", "Zuzana", "Petr",
  "Agnieszka", "Zoltan", "Eszter", "Ondrej", "Magdalena", "Gabor", "Piotr",
]
let slavicFamilyStarts = [
  "Nowa", "Kowal", "Wisn", "Dvor", "Novot", "Svob", "Kral", "Zielin", "Mazur", "Krawc", "Horv",
  "Szab",
]
let slavicFamilyEnds = ["k", "ski", "ska", "ak", "ek", "ova", "czyk", "ewicz", "ath", "o"]

/// Company roots: Korean-like and Western-like invented brand names.
let companyRootStarts = [
  "Han", "Dae", "Seo", "Mi", "Tae", "Nu", "Ha", "Jin", "Sung", "Woo", "Kyung", "Il", "Dong",
  "Yeon", "Sae", "Bit", "Ra", "On", "Hae", "Gang", "Cheon", "Baek", "Ji", "Yu", "Se", "Myeong",
  "Nor", "Lum", "Kes", "Ver", "Alt", "Bel", "Cor", "Dal", "Ev", "Fal", "Gal", "Ist", "Jor", "Kal",
  "Lyr", "Mar", "Nex", "Ost", "Pyr", "Ros", "Sol", "Tor", "Val", "Wes", "Zen", "Ael", "Brio",
]
let companyRootEnds = [
  "bit", "yang", "rin", "rae", "seong", "ri", "neul", "won", "kwang", "san", "do", "min", "ul",
  "ga", "nam", "ro", "sol", "chan", "mok", "hyeon", "vane", "ix", "ora", "ent", "ion", "ara", "yx",
  "eon", "aris", "tek", "dyne", "ium", "ex", "ano", "is", "tron", "via", "gen", "lux", "wave",
]
/// Sector words that name a company by themselves in every position (the
/// extractor's strong company suffixes); the others always get a legal
/// form ("X Logistics President Y" loses "Logistics" otherwise).
let strongCompanyWords: Set<String> = [
  "Electronics", "Chemical", "Biologics", "Pharmaceutical", "Motors", "Shipbuilding", "Steel",
  "Engineering",
]
/// Legal forms. Not "Co., Ltd.": the extractor cuts it to "Co." before
/// " in" or a comma ("the headquarters of X Co., Ltd. in Ulsan").
let koreanLegalForms = ["Corp.", "Inc.", "Corporation", "", "", ""]
let foreignLegalForms = ["Inc.", "GmbH", "Corp.", "Ltd.", "Corporation"]

/// Real people whose names the syllable lists could produce, and a few
/// real company roots: never generated. Compared without case, spaces or
/// hyphens.
let forbiddenNames: Set<String> = Set(
  [
    "Kim Jung-kwan", "Yeo Han-koo", "Park Jung-sung", "Choi Yeon-woo", "Park Dong-il",
    "Kim Sun-young", "Kim Dae-ja", "Oh Yu-kyoung", "Bae Kyung-hoon", "Kang Kyung-sung",
    "Lee Sang-ho", "Ha Ji-won", "Jeong Eun-kyeong", "Cho Tae-yul", "Oh Young-ju", "Sung Yun-mo",
    "Ahn Duk-geun", "Kim Kwang-sik", "Kim Hyo-seok", "Hong Hye-ran", "Lee Chang-yang",
    "Kwon Oh-gap", "Jeong Cheol-dong", "Kim Suk-soo", "Chey Tae-won", "Chung Eui-yong",
    "Lim Sung-nam", "Cho Tae-yong", "Yu Myung-hwan", "Yun Byung-se", "Ban Ki-moon",
    "Lee Won-jae", "Lee Jong-ho", "Kim Wan-sup", "Kim Joo-hyun", "Lee Bok-hyun", "Hong Nam-ki",
    "Moon Jae-in", "Yoon Suk-yeol", "Park Geun-hye", "You Young-min", "Lee Jae-myung",
    "Han Duck-soo", "Choo Kyung-ho", "Choi Sang-mok", "Paik Un-gyu", "Park Jin", "Kang Kyung-wha",
    "Cho Hyun", "Yoo Sang-im", "Lim Hye-sook", "Choi Ki-young", "Lee Young", "Han Seong-sook",
    "Kwon Chil-seung", "Park Young-sun", "Hong Jong-haak", "Kim Dong-yeon", "Kim Hyun-mee",
    "Won Hee-ryong", "Park Sang-woo", "Han Wha-jin", "Cho Myung-rae", "Ji Young-mi",
    "Kim Byoung-hwan", "Eun Sung-soo", "Lee Jae-yong", "Koo Kwang-mo", "Chung Eui-sun",
    "Shin Dong-bin", "Kim Seung-youn", "Kim Young-joo", "Lee Kwan-sup", "Jang Young-jin",
    "Kim Hyun-jong", "Yoo Myung-hee", "Chung Seung-il", "Lee In-ho", "Kim Yong-beom",
    "Park Yong-man", "Lee Ho-seung", "Kim Jae-shin", "Koo Yun-cheol", "Kim Min-seok",
    "Jung Eun-bo", "Lee Chang-hee", "Park Il-jun", "Lee Seung-ryul", "Jeong Seung-il",
    "Tran Quoc Phuong", "Bui Thanh Son", "To Lam", "Pham Minh Chinh", "Nguyen Hong Dien",
    "Nguyen Chi Dung", "Zhang Mao", "Wang Wentao", "Li Qiang", "Wang Yi", "Xi Jinping",
    "Zhong Shan", "Shinsuke Sugiyama", "Yoji Muto", "Ken Saito", "Budi Santoso",
    "Zulkifli Hasan", "Anwar A. Al-Hejazi", "Antony Blinken", "Gina Raimondo", "Katherine Tai",
    "Howard Lutnick", "Jamieson Greer", "Chris Wright", "Robert Habeck", "Kemi Badenoch",
    "Jonathan Reynolds", "Piyush Goyal", "Khalid Al-Falih",
    // company roots of real Korean groups
    "Hanwha", "Daewoo", "Hanjin", "Hansol", "Hanil", "Dongwon", "Daesung", "Hanmi", "Seah",
    "Iljin", "Daedong", "Dongkuk", "Hanon", "Lumix", "Solix", "Vertex", "Cortex", "Valeo", "Pyrex",
    "Nexon", "Rolex",
  ].map { normalizedName($0) })

func normalizedName(_ name: String) -> String {
  String(name.lowercased().unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "." })
}

// MARK: - Population

/// What a person is in the population.
enum PersonKind: String {
  case official, foreign, executive, association, region
}

/// An invented person.
struct Person {
  var name: String
  var kind: PersonKind = .official
  /// The word of the name in short references ("Minister Kim").
  var short: String
  var female: Bool
  /// Korean names: a second spelling used now and then ("Kim Ji Woo").
  var variant: String?
}

/// A post and who held it when.
struct Post {
  /// Index into `koreanBodies`.
  var body: Int
  /// 0 head, 1 vice, 2 deputy, 3 director-general, 4 director.
  var rank: Int
  /// Which vice title, or the area's index.
  var slot: Int
  var area: String?
  /// (first month, person), in order.
  var holders: [(from: Int, person: Int)] = []
  var termEnd = 0

  func holder(_ month: Int) -> Int? {
    var found: Int?
    for entry in holders {
      if entry.from <= month { found = entry.person } else { break }
    }
    return found
  }
}

/// A foreign post: at a ministry, an embassy or an international body.
struct ForeignPost {
  enum Place {
    case ministry(country: Int, body: Int)
    case embassy(country: Int)
    case international(Int)
  }
  var place: Place
  /// 0 head, 1 deputy, 2 director-general.
  var rank: Int
  var area: String?
  var holders: [(from: Int, person: Int)] = []

  func holder(_ month: Int) -> Int? {
    var found: Int?
    for entry in holders {
      if entry.from <= month { found = entry.person } else { break }
    }
    return found
  }
}

/// An invented company.
struct Company {
  var root: String
  var sector: Int
  var legal: String
  var foreign: Bool
  var country: Int?
  var city: String
  /// CEO, then chairman for the larger ones: (title, holders).
  var executives: [(title: String, holders: [(from: Int, person: Int)])]

  /// The root and the sector word, for headlines.
  var short: String { "\(root) \(companySectors[sector].word)" }
  /// The name as releases write it, the same in every release.
  var name: String { legal.isEmpty ? short : "\(short) \(legal)" }

  func executive(_ month: Int, _ which: Int) -> (title: String, person: Int)? {
    guard which < executives.count else { return nil }
    var found: Int?
    for entry in executives[which].holders {
      if entry.from <= month { found = entry.person } else { break }
    }
    return found.map { (executives[which].title, $0) }
  }
}

/// Everyone and everything the releases mention.
struct Population {
  var people: [Person] = []
  var usedNames: Set<String> = []
  var bodies: [Int] = []  // publishing bodies in use (indices into koreanBodies)
  var posts: [Post] = []
  /// Posts of each Korean body, ranked (head first).
  var postsOfBody: [[Int]] = []
  var foreignPosts: [ForeignPost] = []
  /// Ministry posts of each country, then its embassy post.
  var postsOfCountry: [[Int]] = []
  var internationalPosts: [[Int]] = []
  var regionHeads: [[(from: Int, person: Int)]] = []
  var associationHeads: [[(from: Int, person: Int)]] = []
  var companies: [Company] = []
  /// Zipf tables: over each body's posts, each country's posts, the companies.
  var postZipf: [ZipfTable] = []
  var foreignZipf: [ZipfTable] = []
  var companyZipf = ZipfTable(count: 1, exponent: 1)

  static let firstMonth = monthIndex(2016, 1)
  static let lastMonth = monthIndex(2026, 3)
  /// The months releases are dated in.
  static let corpusMonths = monthIndex(2018, 1)...monthIndex(2025, 12)

  /// People of each kind in some post during 2018–2025.
  func active() -> [PersonKind: Int] {
    var seen = [Bool](repeating: false, count: people.count)
    func mark(_ holders: [(from: Int, person: Int)]) {
      for (i, entry) in holders.enumerated() {
        let until = i + 1 < holders.count ? holders[i + 1].from - 1 : Int.max
        if entry.from <= Population.corpusMonths.upperBound
          && until >= Population.corpusMonths.lowerBound
        {
          seen[entry.person] = true
        }
      }
    }
    for post in posts { mark(post.holders) }
    for post in foreignPosts { mark(post.holders) }
    for holders in regionHeads { mark(holders) }
    for holders in associationHeads { mark(holders) }
    for company in companies {
      for executive in company.executives { mark(executive.holders) }
    }
    var counts: [PersonKind: Int] = [:]
    for (person, active) in seen.enumerated() where active {
      counts[people[person].kind, default: 0] += 1
    }
    return counts
  }

  init(releases: Int, seed: UInt64) {
    var random = SplitMix64.stream(seed, 11, 0)
    let bodyCount = min(koreanBodies.count, max(10, releases / 200))
    bodies = Array(0..<bodyCount)
    // Lower posts grow with the corpus: about N/20 officials active in
    // 2018–2025 at some four holders per post in eight years, so about N/80
    // posts, shared out with weight 1/sqrt(rank) (never fewer than three
    // lower posts a body).
    let weights = (0..<bodyCount).map { 1.0 / Double($0 + 1).squareRoot() }
    let extra = max(0, releases / 80 - bodyCount * 6)
    let weightSum = weights.reduce(0, +)
    for b in 0..<koreanBodies.count {
      var ranked: [Int] = []
      guard b < bodyCount else {
        postsOfBody.append([])
        continue
      }
      let body = koreanBodies[b]
      let words = sectorWords[body.sector.rawValue]
      func add(_ rank: Int, _ slot: Int, _ area: String?) {
        ranked.append(posts.count)
        posts.append(Post(body: b, rank: rank, slot: slot, area: area))
      }
      add(0, 0, nil)
      let vices = body.eras.map(\.vices.count).max() ?? 1
      for v in 0..<vices { add(1, v, nil) }
      // Deputies, directors-general and directors over the body's areas,
      // a few more for the bigger bodies.
      let lower = 3 + Int(Double(extra) * weights[b] / weightSum)
      let deputies = body.kind == .ministry ? max(1, lower / 6) : 0
      for d in 0..<deputies { add(2, d, words.areas[d % words.areas.count]) }
      let generals = max(1, lower / 3)
      for g in 0..<generals {
        add(3, g, areaName(words.areas, g + deputies))
      }
      let directors = max(1, lower - deputies - generals)
      for d in 0..<directors {
        add(4, d, areaName(words.areas, d * 7 + 3))
      }
      postsOfBody.append(ranked)
    }
    simulateCareers(&random)
    postZipf = postsOfBody.map { ZipfTable(count: max(1, $0.count), exponent: 1.1) }

    // Foreign posts: each ministry's head and deputy, directors-general
    // for the larger corpora (about N/40 foreign officials in post in
    // 2018–2025, some four holders a post), and the embassy's ambassador,
    // last.
    let countryWeights = countries.indices.map { 1.0 / Double($0 + 1) }
    let countryWeightSum = countryWeights.reduce(0, +)
    let extraForeign = max(0, releases / 40 / 4 - 130)
    for (c, country) in countries.enumerated() {
      var list: [Int] = []
      for b in country.bodies.indices {
        for rank in 0..<2 {
          list.append(foreignPosts.count)
          foreignPosts.append(ForeignPost(place: .ministry(country: c, body: b), rank: rank))
        }
      }
      let generals = Int(Double(extraForeign) * countryWeights[c] / countryWeightSum)
      for g in 0..<generals {
        list.append(foreignPosts.count)
        foreignPosts.append(
          ForeignPost(
            place: .ministry(country: c, body: g % country.bodies.count), rank: 2,
            area: areaName(foreignAreas, g / country.bodies.count)))
      }
      list.append(foreignPosts.count)
      foreignPosts.append(ForeignPost(place: .embassy(country: c), rank: 0))
      postsOfCountry.append(list)
      foreignZipf.append(ZipfTable(count: list.count, exponent: 1.1))
    }
    for i in internationalBodies.indices {
      var list: [Int] = []
      for rank in 0..<2 {
        list.append(foreignPosts.count)
        foreignPosts.append(ForeignPost(place: .international(i), rank: rank))
      }
      internationalPosts.append(list)
    }
    for p in foreignPosts.indices {
      let style: NameStyle
      switch foreignPosts[p].place {
      case .ministry(let c, _), .embassy(let c): style = countries[c].style
      case .international: style = random.pick([.western, .hispanic, .indian, .japanese, .slavic])
      }
      var month = Population.firstMonth - random.below(30)
      while month <= Population.lastMonth {
        let person = newPerson(style, .foreign, &random)
        foreignPosts[p].holders.append((month, person))
        month += random.between(14, 42)
      }
    }
    for _ in regions { regionHeads.append(terms(.korean, .region, term: 48, &random)) }
    for association in associations {
      associationHeads.append(
        terms(association.sector == .foreign ? .western : .korean, .association, term: 36, &random))
    }

    // Companies: about N/15, a quarter of them foreign-invested.
    let companyCount = max(40, releases / 15)
    var roots: Set<String> = []
    while companies.count < companyCount {
      var root = random.pick(companyRootStarts) + random.pick(companyRootEnds)
      if random.chance(0.15) { root += random.pick(["", "on", "tech", "is", "a"]) }
      if random.chance(0.2) { root = root.uppercased().count <= 6 ? root.uppercased() : root }
      let sector = random.below(companySectors.count)
      let key = normalizedName(root) + "/\(sector)"
      if forbiddenNames.contains(normalizedName(root)) || roots.contains(key) { continue }
      roots.insert(key)
      let foreign = random.chance(0.25)
      let country = foreign ? ZipfTable.countries.sample(&random) : nil
      var legal = foreign ? random.pick(foreignLegalForms) : random.pick(koreanLegalForms)
      if legal.isEmpty && !strongCompanyWords.contains(companySectors[sector].word) {
        legal = random.pick(["Corp.", "Inc.", "Corporation"])
      }
      let city =
        foreign
        ? "Seoul"
        : random.pick([
          "Seoul", "Seoul", "Seongnam", "Suwon", "Incheon", "Daejeon", "Ulsan", "Busan", "Gumi",
          "Cheongju",
        ])
      let rank = companies.count
      var executives: [(title: String, holders: [(from: Int, person: Int)])] = []
      let style: NameStyle = foreign && random.chance(0.6) ? countries[country ?? 0].style : .korean
      let ceoTitle =
        foreign
        ? random.pick(["CEO", "President and CEO", "CEO", "Representative Director"])
        : random.pick(["CEO", "CEO", "President and CEO", "President"])
      executives.append((ceoTitle, terms(style, .executive, term: 54, &random)))
      if rank < companyCount / 10 && !foreign {
        executives.append(("Chairman", terms(.korean, .executive, term: 90, &random)))
      }
      companies.append(
        Company(
          root: root, sector: sector, legal: legal, foreign: foreign, country: country, city: city,
          executives: executives))
    }
    companyZipf = ZipfTable(count: companies.count, exponent: 1.0)
  }

  /// Holders of a post with terms of about `term` months.
  mutating func terms(
    _ style: NameStyle, _ kind: PersonKind, term: Int, _ random: inout SplitMix64
  ) -> [(from: Int, person: Int)] {
    var list: [(from: Int, person: Int)] = []
    var month = Population.firstMonth - random.below(term)
    while month <= Population.lastMonth {
      list.append((month, newPerson(style, kind, &random)))
      month += random.between(term / 2, term * 3 / 2)
    }
    return list
  }

  /// The month-by-month vacancy chain: see the file's comment.
  mutating func simulateCareers(_ random: inout SplitMix64) {
    func termLength(_ rank: Int, _ random: inout SplitMix64) -> Int {
      rank == 0 ? random.between(14, 36) : random.between(12, 30)
    }
    // Everyone in post at the start, with terms already under way.
    for p in posts.indices {
      let person = newPerson(.korean, .official, &random)
      posts[p].holders.append((Population.firstMonth, person))
      posts[p].termEnd =
        Population.firstMonth + random.between(1, termLength(posts[p].rank, &random))
    }
    let byBodyRank: [[[Int]]] = postsOfBody.map { ranked in
      var levels: [[Int]] = Array(repeating: [], count: 5)
      for p in ranked { levels[posts[p].rank].append(p) }
      return levels
    }
    for month in Population.firstMonth...Population.lastMonth {
      var vacant = true
      while vacant {
        vacant = false
        for b in bodies {
          for p in postsOfBody[b] where posts[p].termEnd <= month {
            vacant = true
            let rank = posts[p].rank
            var successor: Int?
            if rank < 4 {
              // Promote from one rank lower: this body mostly, another sometimes.
              let promote = random.chance(rank == 0 ? 0.45 : 0.6)
              if promote {
                var from = b
                if random.chance(0.15) { from = random.pick(bodies) }
                var candidates: [Int] = []
                for lower in rank + 1..<5 where candidates.isEmpty {
                  candidates = byBodyRank[from][lower].filter { posts[$0].termEnd > month }
                }
                if !candidates.isEmpty {
                  let source = random.pick(candidates)
                  successor = posts[source].holders.last?.person
                  // The promotion opens a vacancy lower down, filled in this
                  // same month.
                  posts[source].termEnd = month
                }
              }
            }
            let person: Int
            if let successor {
              person = successor
            } else {
              person = newPerson(.korean, .official, &random)
            }
            posts[p].holders.append((month, person))
            posts[p].termEnd = month + termLength(rank, &random)
          }
        }
      }
    }
  }

  /// A new person with a name never used before.
  mutating func newPerson(_ style: NameStyle, _ kind: PersonKind, _ random: inout SplitMix64) -> Int
  {
    var attempts = 0
    while true {
      var person = Population.inventPerson(style, &random)
      person.kind = kind
      attempts += 1
      // A style's names running out: add a middle initial ("Karim N. Al-Harbi").
      if attempts > 20, style != .korean, let space = person.name.firstIndex(of: " ") {
        let initial = String(UnicodeScalar(UInt8(65 + random.below(26))))
        person.name.insert(contentsOf: " \(initial).", at: space)
      }
      let key = normalizedName(person.name)
      if usedNames.contains(key) || forbiddenNames.contains(key) {
        if attempts < 1000 { continue }
      }
      usedNames.insert(key)
      people.append(person)
      return people.count - 1
    }
  }

  static func inventPerson(_ style: NameStyle, _ random: inout SplitMix64) -> Person {
    let female = random.chance(0.35)
    func family(_ starts: [String], _ ends: [String]) -> String {
      var name = random.pick(starts) + random.pick(ends)
      if name.count < 4 { name += random.pick(ends) }
      return name
    }
    switch style {
    case .korean:
      let surname = ZipfTable.koreanSurname(&random)
      var second = random.pick(koreanSecondSyllables)
      let first = random.pick(koreanFirstSyllables)
      if second == first.lowercased() { second = "yeon" }
      let name = "\(surname) \(first)-\(second)"
      let variant =
        random.chance(0.5)
        ? "\(surname) \(first) \(second.prefix(1).uppercased() + second.dropFirst())"
        : "\(surname.uppercased()) \(first)-\(second)"
      return Person(name: name, short: surname, female: female, variant: variant)
    case .vietnamese:
      let given = random.pick(vietnameseGivens)
      return Person(
        name: "\(random.pick(vietnameseFamilies)) \(random.pick(vietnameseMiddles)) \(given)",
        short: given, female: female)
    case .chinese:
      let familyName = random.pick(chineseFamilies)
      var given = random.pick(chineseSyllables) + random.pick(chineseSyllables)
      given = given.prefix(1).uppercased() + given.dropFirst()
      return Person(name: "\(familyName) \(given)", short: familyName, female: female)
    case .japanese:
      let familyName = family(japaneseFamilyStarts, japaneseFamilyEnds)
      return Person(
        name: "\(random.pick(japaneseGivens)) \(familyName)", short: familyName, female: female)
    case .western:
      let familyName = family(westernFamilyStarts, westernFamilyEnds)
      return Person(
        name: "\(random.pick(westernGivens)) \(familyName)", short: familyName, female: female)
    case .hispanic:
      let familyName = random.pick(hispanicFamilies)
      return Person(
        name: "\(random.pick(hispanicGivens)) \(familyName)", short: familyName, female: female)
    case .indonesian:
      let familyName = random.pick(indonesianFamilies)
      let given =
        random.chance(0.5)
        ? random.pick(indonesianGivens)
        : "\(random.pick(indonesianGivens)) \(random.pick(indonesianGivens))"
      return Person(name: "\(given) \(familyName)", short: familyName, female: female)
    case .arabic:
      let familyName = random.pick(arabicFamilies)
      let given =
        random.chance(0.5)
        ? random.pick(arabicGivens) : "\(random.pick(arabicGivens)) \(random.pick(arabicGivens))"
      return Person(name: "\(given) \(familyName)", short: familyName, female: female)
    case .indian:
      let familyName = random.pick(indianFamilies)
      return Person(
        name: "\(random.pick(indianGivens)) \(familyName)", short: familyName, female: female)
    case .centralAsian:
      let familyName = family(centralAsianFamilyStarts, centralAsianFamilyEnds)
      return Person(
        name: "\(random.pick(centralAsianGivens)) \(familyName)", short: familyName, female: female)
    case .slavic:
      let familyName = family(slavicFamilyStarts, slavicFamilyEnds)
      return Person(
        name: "\(random.pick(slavicGivens)) \(familyName)", short: familyName, female: female)
    }
  }
}

extension ZipfTable {
  static let countries = ZipfTable(count: countriesCount, exponent: 1.0)
  static let surnameCumulative: [Int] = {
    var total = 0
    return koreanSurnames.map {
      total += $0.1
      return total
    }
  }()

  static func koreanSurname(_ random: inout SplitMix64) -> String {
    let total = surnameCumulative.last ?? 1
    let u = random.below(total)
    let index = surnameCumulative.firstIndex { $0 > u } ?? 0
    return koreanSurnames[index].0
  }
}

let countriesCount = countries.count

/// The `index`th area name, with "Strategy", "Cooperation" … appended once
/// the plain names run out.
func areaName(_ areas: [String], _ index: Int) -> String {
  let base = areas[index % areas.count]
  let round = index / areas.count
  guard round > 0 else { return base }
  let suffixes = ["Planning", "Cooperation", "Strategy", "Support", "Coordination", "Innovation"]
  let suffix = suffixes[(round - 1) % suffixes.count]
  return base.hasSuffix("Policy") ? "\(base) \(suffix)" : "\(base) \(suffix)"
}

// MARK: - Writing one release

/// A release as generated: shaped into a file later.
struct GeneratedRelease {
  var title: String
  var category: String
  var date: Day
  var paragraphs: [String]
  /// People named in full, for the population statistics.
  var people: [Int]
}

/// A Korean official in post on a date, with the words to name them.
struct OfficialMention {
  var person: Int
  var rank: Int
  var title: String
  /// "Minister", "Vice Minister", "Director-General": before a surname.
  var shortTitle: String
  var body: Int
  var era: Era
}

/// A foreign official in post on a date.
struct ForeignMention {
  var person: Int
  var title: String
  var shortTitle: String
  var country: Int?
  /// "Vietnam’s Ministry of Industry and Trade", "the World Trade Organization".
  var bodyPhrase: String?
  var ambassador: Bool
}

/// A company executive in post on a date.
struct ExecutiveMention {
  var person: Int
  var title: String
  var company: Int
}

let goals = [
  "strengthen the competitiveness of Korean companies",
  "ensure a stable business environment for Korean companies",
  "expand exports to new markets", "turn the current difficulties into opportunities",
  "bring tangible benefits to companies in the field", "secure future growth engines",
  "support the smooth implementation of the measures",
  "reflect the voices of the industry in policy",
  "respond swiftly to changes in the global environment",
  "help companies enter overseas markets", "build a foundation for sustainable growth",
]
let contexts = [
  "protectionism rises and global supply chains are being restructured",
  "uncertainty in the global trade environment continues to grow",
  "major economies strengthen their industrial policies",
  "competition over advanced technologies intensifies", "high interest rates weigh on businesses",
  "demand for clean energy grows rapidly around the world",
  "the digital transition accelerates across all industries",
]
let quotes = [
  """
  Amid growing uncertainty in the global trade environment, close public-private cooperation is \
  more important than ever.
  """,
  """
  The government will continue to provide strong support so that our companies can compete on an \
  equal footing in {topic}.
  """,
  """
  We will listen carefully to the difficulties faced by companies in the field and reflect them \
  in our policies.
  """,
  "Today’s discussions will serve as a stepping stone for deeper cooperation in {topic}.",
  """
  Our two countries have built a strong partnership, and we will work together to expand \
  cooperation in {topic}.
  """,
  "Korea will actively share its experience and work with partners to address common challenges.",
  """
  The companies honored today have shown that innovation is the key to growth even in difficult \
  times.
  """,
  """
  We will do our utmost to ensure that the measures announced today are felt on the ground as \
  soon as possible.
  """,
  "Cooperation in {topic} is essential for the future growth of both sides.",
  """
  The government will make every effort to create an environment where companies can invest with \
  confidence.
  """,
  "I ask for the close cooperation of all relevant ministries and the private sector.",
  """
  We will strengthen support so that more companies can take advantage of new opportunities in \
  {topic}.
  """,
  "Stable supply chains are the foundation of our industrial competitiveness.",
  "I hope that today’s meeting will mark a new turning point in our cooperation.",
]
/// Phrases the release kinds pick from.
let callTopics = [
  "recent tariff measures",
  "supply chain disruptions",
  "the changing trade environment",
  "rising energy prices",
]
let emergencyTopics = [
  "recent tariff measures",
  "export controls",
  "exchange rate volatility",
  "supply chain disruptions",
]
let companyReach = [
  "exports its products to",
  "supplies customers in",
  "has sales networks in",
]
let companyRequests = [
  "continued support for R&D",
  "flexible working hours",
  "support for overseas certification",
  "stable power supply",
  "faster permits for new plants",
]
let companyPledges = [
  "expand hiring",
  "increase domestic investment",
  "strengthen cooperation with suppliers",
]
let ceremonyPurposes = [
  "to honor companies and individuals that contributed to",
  "to share achievements and discuss the future of",
  "bringing together government officials and industry leaders in",
]
let venues = [
  "Lotte Hotel Seoul", "the Westin Josun Seoul", "the Plaza Hotel in Seoul",
  "Government Complex Seoul",
  "Government Complex Sejong", "COEX in Seoul", "KINTEX in Goyang", "BEXCO in Busan",
  "the Korea Chamber of Commerce and Industry (KCCI) in Seoul", "the Shilla Seoul",
  "the Four Seasons Hotel Seoul", "Conrad Seoul", "the Grand InterContinental Seoul Parnas",
  "JW Marriott Hotel Seoul", "the President Hotel in Jung-gu, Seoul",
  "the Federation of Korean Industries (FKI) Tower in Seoul", "the Lotte Hotel in Ulsan",
]
let orders = [
  "Gold Tower Order of Industrial Service Merit", "Silver Tower Order of Industrial Service Merit",
  "Bronze Tower Order of Industrial Service Merit", "Presidential Citation",
  "Prime Minister’s Citation",
]
let ordinals = [
  "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
]

func ordinal(_ n: Int) -> String {
  let tens = n % 100
  if tens >= 11 && tens <= 13 { return "\(n)th" }
  switch n % 10 {
  case 1: return "\(n)st"
  case 2: return "\(n)nd"
  case 3: return "\(n)rd"
  default: return "\(n)th"
  }
}

/// Title case for headlines: small words stay lower case, "K-food" becomes "K-Food".
func headline(_ text: String) -> String {
  let small: Set<Substring> = [
    "and", "of", "in", "for", "the", "to", "with", "on", "a", "an", "at",
  ]
  var words: [String] = []
  let text = text.hasPrefix("the ") ? String(text.dropFirst(4)) : text
  for (i, word) in text.split(separator: " ").enumerated() {
    if i > 0 && small.contains(word) {
      words.append(String(word))
      continue
    }
    let parts = word.split(separator: "-", omittingEmptySubsequences: false).map { part -> String in
      guard let first = part.first else { return String(part) }
      return first.uppercased() + part.dropFirst()
    }
    words.append(parts.joined(separator: "-"))
  }
  return words.joined(separator: " ")
}

/// An integer with thousands separators: 12345 → "12,345".
func grouped(_ n: Int) -> String {
  let digits = String(n)
  guard digits.count > 3 else { return digits }
  var out = ""
  for (i, digit) in digits.enumerated() {
    if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
    out.append(digit)
  }
  return out
}

/// A decimal with one digit after the point: 123 → "12.3".
func tenths(_ n: Int) -> String { "\(n / 10).\(n % 10)" }

/// Writes the text of one release.
struct ReleaseWriter {
  let population: Population
  var random: SplitMix64
  let published: Day
  let month: Int
  let bodyIndex: Int
  let body: Body
  let era: Era
  let words: SectorWords
  var people: [Int] = []
  /// Surnames already used in short references: a second person with the
  /// same surname is named in full again.
  var shortNames: [String: Int] = [:]

  init(population: Population, random: SplitMix64, published: Day, body: Int) {
    self.population = population
    self.random = random
    self.published = published
    month = published.monthIndex
    bodyIndex = body
    self.body = koreanBodies[body]
    era = self.body.era(month)
    words = sectorWords[self.body.sector.rawValue]
  }

  // MARK: People

  func name(_ person: Int) -> String { population.people[person].name }

  /// The full name, now and then in its second spelling, and noted.
  mutating func full(_ person: Int) -> String {
    people.append(person)
    let p = population.people[person]
    if let variant = p.variant, random.chance(0.03) { return variant }
    return p.name
  }

  func pronoun(_ person: Int) -> String { population.people[person].female ? "She" : "He" }

  /// The official holding post `post` in this release's month.
  func official(post: Int) -> OfficialMention? {
    let p = population.posts[post]
    guard let person = p.holder(month) else { return nil }
    let body = koreanBodies[p.body]
    let era = body.era(month)
    let title: String
    let short: String
    switch p.rank {
    case 0:
      title = era.head
      short = era.head == "Deputy Prime Minister and Minister" ? "Deputy Prime Minister" : era.head
    case 1:
      title = era.vices[min(p.slot, era.vices.count - 1)]
      short = title
    case 2:
      title =
        body.kind == .ministry
        ? "Deputy Minister for \(p.area ?? "")" : "Executive Director for \(p.area ?? "")"
      short = body.kind == .ministry ? "Deputy Minister" : "Executive Director"
    case 3:
      title = (p.slot % 3 == 2 ? "Director General for " : "Director-General for ") + (p.area ?? "")
      short = "Director-General"
    default:
      title = "Director for \(p.area ?? "")"
      short = "Director"
    }
    return OfficialMention(
      person: person, rank: p.rank, title: title, shortTitle: short, body: p.body, era: era)
  }

  /// The head of `body` in this release's month.
  func head(_ body: Int) -> OfficialMention? {
    guard let post = population.postsOfBody[body].first else { return nil }
    return official(post: post)
  }

  /// An official of `body` drawn with the Zipf law over its posts.
  mutating func actor(_ body: Int? = nil, minimumRank: Int = 0) -> OfficialMention? {
    let b = body ?? bodyIndex
    let posts = population.postsOfBody[b]
    guard !posts.isEmpty else { return nil }
    for _ in 0..<4 {
      let index = population.postZipf[b].sample(&random)
      if population.posts[posts[index]].rank < minimumRank { continue }
      if let found = official(post: posts[index]) { return found }
    }
    return official(post: posts[0])
  }

  /// "The Ministry of X (MOX, Minister Y)", the lead's form of a body.
  mutating func bodyWithHead(_ b: Int, article: Bool = true) -> String {
    let era = koreanBodies[b].era(month)
    var text = (article ? "the " : "") + era.name
    var bracket: [String] = []
    if let acronym = era.acronym { bracket.append(acronym) }
    if let head = head(b) { bracket.append("\(era.head) \(full(head.person))") }
    if !bracket.isEmpty { text += " (" + bracket.joined(separator: ", ") + ")" }
    return text
  }

  /// The body's acronym, or its name with "the".
  func short(_ b: Int) -> String {
    let era = koreanBodies[b].era(month)
    return era.acronym ?? "the \(era.name)"
  }

  /// An official named with title and, unless the lead already said it, body.
  mutating func named(_ o: OfficialMention, withBody: Bool) -> String {
    let person = full(o.person)
    if !withBody { return "\(o.title) \(person)" }
    switch random.below(o.rank == 0 && !o.era.headForms.isEmpty ? 4 : 3) {
    case 0: return "\(o.title) \(person) of the \(o.era.name)"
    case 1:
      if let acronym = o.era.acronym { return "\(acronym) \(o.title) \(person)" }
      return "\(o.title) \(person) of the \(o.era.name)"
    case 2: return "\(o.title) \(person) of the \(o.era.name)"
    default: return "\(random.pick(o.era.headForms)) \(person)"
    }
  }

  /// "Minister Kim", or the full name again when another Kim was named.
  mutating func shortRef(_ o: OfficialMention) -> String {
    let surname = population.people[o.person].short
    if let other = shortNames[surname], other != o.person {
      return "\(o.shortTitle) \(name(o.person))"
    }
    shortNames[surname] = o.person
    return "\(o.shortTitle) \(surname)"
  }

  /// A foreign official of a country drawn with the Zipf law.
  mutating func counterpart(country fixed: Int? = nil, ambassador: Bool = false) -> ForeignMention?
  {
    let c = fixed ?? ZipfTable.countries.sample(&random)
    let posts = population.postsOfCountry[c]
    let country = countries[c]
    for _ in 0..<6 {
      let post =
        ambassador
        ? posts[posts.count - 1] : posts[population.foreignZipf[c].sample(&random)]
      let p = population.foreignPosts[post]
      guard let person = p.holder(month) else { continue }
      switch p.place {
      case .embassy:
        return ForeignMention(
          person: person, title: "Ambassador of \(country.phrase) to Korea",
          shortTitle: "Ambassador",
          country: c, bodyPhrase: nil, ambassador: true)
      case .ministry(_, let b):
        let fb = country.bodies[b]
        guard fb.from <= month && month <= fb.until else { continue }
        let title =
          p.rank == 0 ? fb.head : p.rank == 1 ? fb.deputy : "Director-General for \(p.area ?? "")"
        let phrase = fb.namesCountry ? "the \(fb.name)" : "\(country.possessive) \(fb.name)"
        return ForeignMention(
          person: person, title: title, shortTitle: shortTitle(title), country: c,
          bodyPhrase: phrase, ambassador: false)
      case .international: continue
      }
    }
    return nil
  }

  /// The head or deputy of an international body.
  mutating func international() -> (mention: ForeignMention, body: Int)? {
    let i = random.below(internationalBodies.count)
    let post = population.internationalPosts[i][random.chance(0.7) ? 0 : 1]
    let p = population.foreignPosts[post]
    guard let person = p.holder(month) else { return nil }
    let org = internationalBodies[i]
    let title = p.rank == 0 ? org.head : org.deputy
    return (
      ForeignMention(
        person: person, title: title, shortTitle: shortTitle(title), country: nil,
        bodyPhrase: "the \(org.name)", ambassador: false), i
    )
  }

  func shortTitle(_ title: String) -> String {
    if title.contains("Trade Representative") { return "Ambassador" }
    if title.hasPrefix("Director-General") { return "Director-General" }
    var head = title
    for cut in [" of ", " for ", " to "] {
      if let range = head.range(of: cut) { head = String(head[..<range.lowerBound]) }
    }
    for prefix in ["U.S. "] where head.hasPrefix(prefix) {
      head = String(head.dropFirst(prefix.count))
    }
    return head
  }

  /// A foreign official in one of the forms real releases use.
  mutating func foreignNamed(_ f: ForeignMention) -> String {
    let person = full(f.person)
    if let c = f.country {
      let country = countries[c]
      if f.ambassador {
        switch random.below(3) {
        case 0: return "\(person), Ambassador of \(country.phrase) to the Republic of Korea"
        case 1: return "\(country.adjective) Ambassador to Korea \(person)"
        default: return "Ambassador \(person) of \(country.phrase)"
        }
      }
      if f.shortTitle == "Director-General", let body = f.bodyPhrase {
        return random.chance(0.5)
          ? "\(person), \(f.title) at \(body)" : "\(f.title) \(person) of \(body)"
      }
      let plainTitle = f.title.hasPrefix("U.S. ") ? String(f.title.dropFirst(5)) : f.title
      // "Vice Chairman of China" is not how a release says it: a title
      // "of a country" only for ministers and secretaries.
      let ofCountry =
        !f.title.contains("U.S.")
        && ["Minister", "Vice Minister", "Deputy Minister", "Secretary"].contains(f.shortTitle)
      switch random.below(5) {
      case 0 where country.name != "United States":
        return "\(person), \(country.possessive) \(plainTitle)"
      case 1 where !f.title.hasSuffix("Action"):
        return "\(country.adjective) \(plainTitle) \(person)"
      case 2 where country.name == "United States":
        return f.title.contains("U.S.") ? "\(person), \(f.title)" : "\(person), U.S. \(plainTitle)"
      case 2 where ofCountry && !f.title.hasSuffix("Action"):
        return "\(f.title) of \(country.phrase) \(person)"
      case 3 where ofCountry: return "\(person), \(f.title) of \(country.phrase)"
      default:
        return "\(f.shortTitle) \(person) of \(f.bodyPhrase ?? country.phrase)"
      }
    }
    let org = f.bodyPhrase ?? ""
    return random.chance(0.5) ? "\(person), \(f.title) of \(org)" : "\(f.title) \(person) of \(org)"
  }

  /// "Vietnamese Minister of Finance Ho Van Duc": the form that ends with the name.
  mutating func foreignTitled(_ f: ForeignMention) -> String {
    guard let c = f.country else { return "\(f.title) \(full(f.person))" }
    let country = countries[c]
    if f.ambassador { return "\(country.adjective) Ambassador to Korea \(full(f.person))" }
    let plainTitle = f.title.hasPrefix("U.S. ") ? String(f.title.dropFirst(5)) : f.title
    if f.title.hasSuffix("Action") || plainTitle.contains("U.S.")
      || f.shortTitle == "Director-General"
    {
      return "\(country.adjective) \(f.shortTitle) \(full(f.person))"
    }
    return "\(country.adjective) \(plainTitle) \(full(f.person))"
  }

  func foreignShort(_ f: ForeignMention) -> String {
    "\(f.shortTitle) \(population.people[f.person].short)"
  }

  /// A company drawn with the Zipf law, preferring the release's sector.
  mutating func company() -> Int {
    for _ in 0..<3 {
      let c = population.companyZipf.sample(&random)
      if companySectors[population.companies[c].sector].sector == body.sector || random.chance(0.35)
      {
        return c
      }
    }
    return population.companyZipf.sample(&random)
  }

  func executive(_ company: Int, chairman: Bool = false) -> ExecutiveMention? {
    let c = population.companies[company]
    let which = chairman && c.executives.count > 1 ? 1 : 0
    guard let found = c.executive(month, which) else { return nil }
    return ExecutiveMention(person: found.person, title: found.title, company: company)
  }

  /// An executive with the company, in one of three forms.
  mutating func executiveNamed(_ e: ExecutiveMention) -> String {
    let company = population.companies[e.company].name
    let person = full(e.person)
    switch random.below(4) {
    case 0, 3: return "\(person), \(e.title) of \(company)"
    case 1: return "\(company) \(e.title) \(person)"
    default: return "\(e.title) \(person) of \(company)"
    }
  }

  /// An association's chairman; `inList`: in a form that ends with the name.
  mutating func associationHead(inList: Bool = false) -> (name: String, person: Int)? {
    let a = random.below(associations.count)
    var found: Int?
    for entry in population.associationHeads[a] where entry.from <= month { found = entry.person }
    guard let person = found else { return nil }
    let association = associations[a]
    let text: String
    if let acronym = association.acronym, random.chance(0.5) {
      text = "\(association.name) (\(acronym)) \(association.head) \(full(person))"
    } else if !inList {
      text = "\(association.head) \(full(person)) of the \(association.name)"
    } else {
      text = "\(association.name) \(association.head) \(full(person))"
    }
    return (text, person)
  }

  // MARK: Dates and places

  /// "on Tuesday, November 18" and the other forms, for a day near the
  /// publication date.
  mutating func on(_ day: Day) -> String {
    let monthName = monthNames[day.month - 1]
    switch random.below(9) {
    case 0, 1, 2: return "on \(monthName) \(day.day)"
    case 3, 4: return "on \(weekdayNames[day.weekday]), \(monthName) \(day.day)"
    case 5: return "on \(monthAbbreviations[day.month - 1]) \(day.day)"
    case 6: return "on \(day.day) \(monthName) (\(weekdayAbbreviations[day.weekday]))"
    case 7: return "on \(monthName) \(day.day), \(day.year)"
    default: return "on \(monthName) \(day.day) (\(weekdayNames[day.weekday]))"
    }
  }

  /// A day a little before publication.
  mutating func recent() -> Day {
    let day = published.adding(-random.pick([0, 0, 1, 1, 1, 2, 3, 4, 6]))
    switch day.weekday {
    case 0: return day.adding(-2)
    case 6: return day.adding(-1)
    default: return day
    }
  }

  /// "from November 10 to 14", "from November 28 to December 2".
  mutating func span(_ start: Day, days: Int) -> String {
    let end = start.adding(days)
    if end.month == start.month {
      return "from \(monthNames[start.month - 1]) \(start.day) to \(end.day)"
    }
    return
      "from \(monthNames[start.month - 1]) \(start.day) to \(monthNames[end.month - 1]) \(end.day)"
  }

  mutating func venue() -> String { random.pick(venues) }

  func city(_ country: Int?) -> String { country.map { countries[$0].cities[0] } ?? "Seoul" }

  mutating func topic() -> String { random.pick(words.topics) }

  mutating func topics(_ n: Int) -> [String] {
    var picked: [String] = []
    var guard_ = 0
    while picked.count < n && guard_ < 20 {
      let t = random.pick(words.topics)
      if !picked.contains(t) { picked.append(t) }
      guard_ += 1
    }
    return picked
  }

  func list(_ items: [String]) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    case 2: return "\(items[0]) and \(items[1])"
    default: return items.dropLast().joined(separator: ", ") + ", and " + (items.last ?? "")
    }
  }

  // MARK: Paragraphs

  mutating func quote(_ speaker: String, _ person: Int, _ topic: String) -> String {
    var text = random.pick(quotes)
    if let range = text.range(of: "{topic}") { text.replaceSubrange(range, with: topic) }
    var second = random.pick(quotes)
    if let range = second.range(of: "{topic}") { second.replaceSubrange(range, with: topic) }
    let verb = random.pick(["stated", "said", "emphasized", "noted", "remarked"])
    switch random.below(3) {
    case 0: return "\(speaker) \(verb), “\(text)” \(pronoun(person)) added, “\(second)”"
    case 1: return "“\(text)” \(speaker) said. “\(second)”"
    default:
      return
        """
        \(speaker) \(verb) that “\(text.prefix(1).lowercased() + text.dropFirst())” \
        \(pronoun(person)) also said, “\(second)”
        """
    }
  }

  mutating func statistics() -> String {
    let product = random.pick(words.products)
    let previous = Day(published.year, published.month, 1).adding(-1)
    let monthName = monthNames[previous.month - 1]
    let rise = random.between(5, 299)
    let value = random.between(12, 900)
    let imports = random.between(10, 150)
    var text =
      """
      Korea’s \(product) exports in \(monthName) \(previous.year) rose \(tenths(rise)) percent \
      year-on-year to USD \(tenths(value)) billion
      """
    text += random.chance(0.4) ? ", the highest \(monthName) figure on record. " : ". "
    text +=
      """
      Imports fell \(tenths(imports)) percent to USD \(tenths(value * 6 / 10)) billion, \
      resulting in a USD \(tenths(value * 4 / 10)) billion surplus. 
      """
    text +=
      """
      By destination, exports to China (up \(tenths(random.between(1, 90))) percent), Vietnam \
      (up \(tenths(random.between(1, 90))) percent) and the United States (up \
      \(tenths(random.between(1, 90))) percent) increased, while exports to Japan fell \
      \(tenths(random.between(1, 90))) percent.
      """
    return text
  }

  mutating func program() -> String {
    let start = random.between(2001, 2016)
    let items = random.between(10, 90)
    let firms = items + random.between(1, 20)
    let topic = topic()
    return
      """
      The program, launched in \(start), annually selects promising companies and projects in \
      \(topic) to diversify Korea’s growth engines. This year, \(items) items and \(firms) \
      companies were selected, bringing the total number of beneficiaries to \
      \(grouped(firms * random.between(8, 20))). Selected companies will receive support for \
      R&D, overseas marketing and financing for up to \(random.between(2, 5)) years.
      """
  }

  mutating func investmentPlan() -> String {
    let total = random.between(50, 2000)
    let years = random.between(3, 8)
    let start = published.year + 1
    return
      """
      The government plans to invest a total of KRW \(tenths(total * 10)) billion over \(years) \
      years from \(start) to \(start + years - 1), including KRW \(tenths(total * 2)) billion in \
      private investment, to support \(topic()). The plan passed the preliminary feasibility \
      study in \(monthNames[random.below(12)]) \(published.year).
      """
  }

  mutating func discussion() -> String {
    let t = topics(3)
    return
      """
      During the meeting, the two sides discussed ways to expand cooperation in \(list(t)), and \
      agreed to hold the next round of talks in \(random.pick(["Seoul", "Sejong", "Busan"])) \
      next year. They also exchanged views on recent developments in the global economy and on \
      regional issues of mutual interest.
      """
  }

  mutating func bilateral(_ c: Int) -> String {
    let country = countries[c]
    let rank = random.between(3, 40)
    return
      """
      \(capitalized(country.phrase)) is Korea’s \(ordinal(rank))-largest trading partner, with \
      bilateral trade reaching USD \(tenths(random.between(20, 3000))) billion last year. Korean \
      companies have invested a cumulative USD \(tenths(random.between(10, 900))) billion in \
      \(country.phrase), and about \(random.between(20, 900)) Korean companies are operating \
      there.
      """
  }

  mutating func requests() -> String {
    let issues = [
      "delayed refunds of value-added tax", "the smooth implementation of the global minimum tax",
      "customs clearance delays", "visa issuance for Korean engineers",
      "certification requirements for Korean products",
      "the protection of Korean investors", "stable supplies of critical minerals",
      "electricity tariffs for Korean plants",
      "non-tariff barriers", "support for large-scale infrastructure projects",
    ]
    var picked: [String] = []
    while picked.count < 3 {
      let issue = random.pick(issues)
      if !picked.contains(issue) { picked.append(issue) }
    }
    return
      """
      During the discussions, the Korean side raised several key issues faced by Korean \
      businesses and requested swift and effective solutions: ① \(picked[0]), ② \(picked[1]), \
      and ③ \(picked[2]). The two sides agreed on the need for close policy dialogue between \
      their ministries.
      """
  }

  mutating func steps() -> String {
    let t = topics(3)
    let who = short(bodyIndex)
    return
      """
      Under the plan, \(who) will take three steps. First, it will introduce new programs next \
      year to support \(t.first ?? topic()). Second, it will offer hands-on assistance to \
      companies in addressing challenges such as logistics, certification and legal compliance. \
      Lastly, it will expand cooperation with local governments and business associations on \
      \(t.last ?? topic()).
      """
  }

  mutating func eventDetails() -> String {
    let buyers = random.between(30, 300)
    let firms = random.between(50, 400)
    let contracts = random.between(5, 60)
    return
      """
      The event featured a panel discussion on \(topic()) and a business consultation session, \
      bringing together \(buyers) overseas buyers and \(firms) Korean companies. A total of \
      \(contracts) export contracts and MOUs valued at USD \(tenths(random.between(50, 3000))) \
      million were signed. Side events included a job fair and 1:1 consultations for small and \
      medium-sized enterprises.
      """
  }

  mutating func context() -> String {
    """
    The meeting comes as \(random.pick(contexts)). \(capitalized(short(bodyIndex))) has been \
    holding a series of meetings with the industry since \(monthNames[random.below(12)]) to \
    review the impact on Korean companies and to prepare countermeasures.
    """
  }

  mutating func followUp() -> String {
    let earlier = monthNames[(published.month + 9) % 12]
    return
      """
      The two sides previously held a minister-level meeting in \(earlier), and convened a \
      director-general-level meeting as a follow-up, continuing a series of discussions to \
      enhance bilateral cooperation in \(topic()).
      """
  }

  mutating func results() -> String {
    let since = random.between(2010, 2019)
    return
      """
      Since \(since), the program has supported \(random.between(100, 900)) projects, resulting \
      in \(random.between(100, 600)) patents, \(random.between(20, 200)) technology transfers \
      and KRW \(tenths(random.between(100, 9000))) billion in sales. Notable achievements \
      include the localization of key \(random.pick(words.products)) technologies that were \
      previously fully imported.
      """
  }

  mutating func note() -> String {
    let years = random.between(3, 7)
    let start = random.between(2015, max(2016, published.year))
    return
      """
      ※ The program is a \(years)-year initiative (\(start)–\(start + years - 1)) supporting \
      \(topic()), with a total budget of KRW \(tenths(random.between(100, 9000))) billion.
      """
  }

  mutating func outlook() -> String {
    let product = random.pick(words.products)
    return
      """
      Experts expect \(product) exports to grow by \(tenths(random.between(10, 150))) percent \
      next year on the back of rising demand for \(topic()), although \(random.pick(contexts)). \
      The government will closely monitor risks such as exchange rate volatility and logistics \
      costs, and respond promptly with emergency support where needed.
      """
  }

  mutating func keyPoints() -> String {
    let t = topics(3)
    return
      """
      The plan mainly covers ▲ \(t.first ?? topic()) ▲ data and information exchange ▲ expert \
      exchanges and joint studies ▲ training programs and conferences ▲ \(t.last ?? topic()). \
      Both sides agreed to hold a regular working-level meeting \
      \(random.pick(["every year", "twice a year", "every quarter"])) to review progress and to \
      discuss new cooperative projects, including ODA projects.
      """
  }

  mutating func schedule() -> String {
    let month = monthNames[(published.month + random.between(0, 3)) % 12]
    return
      """
      Applications will be accepted through the online platform until the end of \(month), and \
      the final recipients will be announced after document screening and presentation \
      evaluations. Selected projects will receive up to KRW \(random.between(50, 900)) million \
      each, and recipients can start their projects immediately upon completing administrative \
      procedures, including signing project agreements with the implementing agency.
      """
  }

  mutating func regionalEffects() -> String {
    let region = regions[random.below(regions.count)].name(month)
    return
      """
      The measures are expected to create about \(grouped(random.between(200, 9000))) jobs and \
      to attract KRW \(tenths(random.between(100, 9000))) billion in private investment by \
      \(published.year + random.between(2, 5)), with the largest effects expected in \(region) \
      and the industrial complexes around it. Local governments will also provide land, tax \
      incentives and workforce training to support the investment.
      """
  }

  mutating func participants() -> String {
    let t = topics(3)
    return
      """
      The session brought together about \(random.between(40, 400)) participants from \
      government, industry, academia and research institutes, and covered \(list(t)). It was \
      followed by a Q&A session and on-site consultations, and the opinions gathered will be \
      reflected in the detailed implementation plan.
      """
  }

  mutating func history() -> String {
    let since = random.between(1995, 2016)
    return
      """
      The dialogue was launched in \(since) and has served as the main channel for consultations \
      on \(topic()). Over the years, the two sides have expanded its agenda to include \
      \(list(topics(2))), and have agreed to upgrade it to a regular high-level channel from \
      next year.
      """
  }

  mutating func closing() -> String {
    let who = short(bodyIndex)
    switch random.below(4) {
    case 0:
      return
        """
        \(capitalized(who)) will continue to work closely with relevant ministries and the \
        private sector to \(random.pick(goals)).
        """
    case 1:
      return
        """
        The government plans to announce detailed measures in \
        \(monthNames[(published.month) % 12]) after gathering opinions from the industry, and \
        will \(random.pick(goals)).
        """
    case 2:
      return
        """
        \(capitalized(who)) also plans to hold regular meetings to check progress and to \
        \(random.pick(goals)).
        """
    default:
      let area = words.areas[random.below(words.areas.count)]
      return
        """
        \(capitalized(who)) will continue to \(random.pick(goals)). For further information, \
        please contact the \(area) Division.
        """
    }
  }

  func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

  /// "Norvane’s", "Lumen Technologies’".
  func possessive(_ name: String) -> String { name.hasSuffix("s") ? name + "’" : name + "’s" }

  /// What a release is, for its background paragraphs.
  enum Kind { case foreign, company, agreement, event, committee, announcement }

  /// Four to six background paragraphs of the kinds that fit the release.
  mutating func background(_ kind: Kind, country: Int? = nil) -> [String] {
    let choices: [Int]
    switch kind {
    case .foreign:
      choices = country == nil ? [6, 11, 0, 14, 5, 8] : [3, 4, 7, 17, 13, 6, 11, 0, 14]
    case .company: choices = [6, 0, 11, 8, 5, 2, 15]
    case .agreement: choices = [14, 16, 5, 8, 9, 2, 11, 1]
    case .event: choices = [10, 1, 12, 8, 9, 0, 11]
    case .committee: choices = [6, 0, 5, 12, 11, 2, 9]
    case .announcement: choices = [2, 1, 15, 5, 9, 0, 8, 16, 11]
    }
    var picked: [Int] = []
    let count = min(choices.count, random.between(6, 8))
    while picked.count < count {
      let c = random.pick(choices)
      if !picked.contains(c) { picked.append(c) }
    }
    return picked.map { choice in
      switch choice {
      case 0: return statistics()
      case 1: return program()
      case 2: return investmentPlan()
      case 3: return discussion()
      case 4: return bilateral(country ?? 0)
      case 5: return steps()
      case 6: return context()
      case 7: return requests()
      case 8: return results()
      case 9: return note()
      case 10: return eventDetails()
      case 11: return outlook()
      case 12: return participants()
      case 13: return history()
      case 14: return keyPoints()
      case 15: return schedule()
      case 16: return regionalEffects()
      default: return followUp()
      }
    }
  }

}

// MARK: - Release kinds

extension ReleaseWriter {
  /// Writes the release: one of seven kinds, each with its title, lead,
  /// meeting sentences, quotes and background.
  mutating func write() -> GeneratedRelease {
    var paragraphs: [String] = []
    let title: String
    let acronym = era.acronym ?? era.name
    let roll = random.unit()
    if body.sector == .foreign && roll < 0.5 {
      (title, paragraphs) = numberedDiplomatic()
    } else if roll < 0.34 {
      (title, paragraphs) = foreignMeeting(acronym)
    } else if roll < 0.56 {
      (title, paragraphs) = companyMeeting(acronym)
    } else if roll < 0.66 {
      (title, paragraphs) = agreement(acronym)
    } else if roll < 0.76 {
      (title, paragraphs) = ceremony(acronym)
    } else if roll < 0.86 {
      (title, paragraphs) = committee(acronym)
    } else {
      (title, paragraphs) = announcement(acronym)
    }
    return GeneratedRelease(
      title: title, category: body.category, date: published, paragraphs: paragraphs,
      people: people)
  }

  /// The lead's subject: the body with its head, or, for an agency, with its
  /// parent ministry too.
  mutating func leadSubject() -> String {
    var text = bodyWithHead(bodyIndex)
    if let parent = body.parent, parent < population.postsOfBody.count,
      !population.postsOfBody[parent].isEmpty, random.chance(0.6)
    {
      text += " under " + bodyWithHead(parent)
    }
    return capitalized(text)
  }

  // MARK: Kinds

  mutating func foreignMeeting(_ acronym: String) -> (String, [String]) {
    guard let k = actor(), let f = counterpart() ?? counterpart() else {
      return announcement(acronym)
    }
    let c = f.country ?? 0
    let country = countries[c]
    let topic = topic()
    let day = recent()
    var paragraphs: [String] = []
    let abroad = random.chance(0.45) && !f.ambassador
    let place = abroad ? "in \(random.pick(country.cities))" : "at \(venue())"
    let kFull = named(k, withBody: true)
    let date = on(day)
    var lead: String
    var planned = false
    switch random.below(12) {
    case 0:
      lead = "\(kFull) met with \(foreignNamed(f)) \(date) \(place) to discuss \(topic)."
    case 1:
      let o = official(post: population.postsOfBody[bodyIndex][0])
      if k.rank > 0, let o {
        lead =
          """
          \(full(k.person)), \(k.title) at the \(era.name) (\(acronym), \(era.head) \
          \(full(o.person))), met with \(foreignNamed(f)) \(date), \(place).
          """
      } else {
        lead = "\(kFull) met with \(foreignNamed(f)) \(date) \(place)."
      }
    case 2:
      lead =
        """
        \(kFull) held talks with \(foreignNamed(f)) \(date) \(place), and the two sides agreed \
        to strengthen cooperation in \(topic).
        """
    case 3:
      lead =
        """
        \(kFull) had a meeting and an official luncheon with \(foreignNamed(f)) \(date) \(place) \
        to extensively discuss \(topic) and major regional issues.
        """
    case 4:
      if let a = counterpart(country: c, ambassador: true) {
        lead =
          """
          \(kFull) received a courtesy call from \(foreignNamed(a)) \(date) at \
          \(random.pick(["Government Complex Seoul", "Government Complex Sejong"])).
          """
      } else {
        lead = "\(kFull) met with \(foreignNamed(f)) \(date) \(place)."
      }
    case 5:
      lead =
        """
        \(kFull) had a phone call with \(foreignNamed(f)) \(date) and discussed ways to respond \
        to \
        \(random.pick(callTopics)).
        """
    case 6:
      lead = "\(titled(k)) and \(foreignTitled(f)) held talks \(date) \(place)."
    case 7:
      var separately: [String] = [full(f.person)]
      if let g = counterpart(), g.person != f.person { separately.append(full(g.person)) }
      lead =
        """
        \(kFull) attended the \(published.year) \(random.pick(words.events)) in \
        \(random.pick(country.cities)) \(date) and met separately with \(list(separately)).
        """
    case 8:
      lead =
        "\(kFull) welcomed \(foreignTitled(f)) to Seoul \(date), and the two discussed \(topic)."
    case 9:
      let committee = random.pick([
        "Joint Committee on Trade and Industry", "Energy Policy Dialogue",
        "Industrial Cooperation Committee", "Economic Cooperation Joint Committee",
      ])
      lead =
        """
        The \(ordinal(random.between(2, 30))) Korea–\(country.name) \(committee) was held \
        \(place) \(date), co-chaired by \(titled(k)) and \(foreignTitled(f)).
        """
    case 10:
      if let (io, i) = international() {
        let org = internationalBodies[i]
        lead =
          """
          \(kFull) met with \(foreignNamed(io)) \(date) in \(org.city) on the sidelines of the \
          \(internationalMeetings[i]) and discussed \(topic).
          """
      } else {
        lead = "\(kFull) discussed \(topic) with \(foreignNamed(f)) \(date) \(place)."
      }
    default:
      // An announcement of a trip: the meeting is planned.
      planned = true
      let start = published.adding(random.between(2, 9))
      let talks = start.adding(1)
      lead =
        """
        \(kFull) will visit \(random.pick(country.cities)) \
        \(span(start, days: random.between(1, 3))) to attend the \(published.year) \
        \(random.pick(words.events)). During the visit, \(shortRef(k)) will hold talks with \
        \(foreignNamed(f)) \(on(talks)) to discuss \(topic).
        """
    }
    paragraphs.append(lead)
    let kShort = shortRef(k)
    paragraphs.append(
      planned
        ? """
        \(kShort) is expected to stress that \(country.phrase) is a key partner for Korea in \
        \(topic), and to request support for Korean companies operating there.
        """
        : """
        \(kShort) noted that \(random.pick(contexts)), and stressed that \(country.phrase) is a \
        key partner for Korea in \(topic). 
        """
          + random.pick([
            """
            The two officials discussed practical ways to strengthen economic cooperation, \
            including measures to address challenges faced by Korean companies operating in \
            \(country.phrase).
            """,
            """
            Both officials acknowledged that new approaches to cooperation are necessary to \
            respond to global industrial changes.
            """,
            """
            The two sides also agreed to expand exchanges between their governments and \
            businesses.
            """,
          ]))
    paragraphs += background(.foreign, country: c)
    if !planned { paragraphs.append(quote(kShort, k.person, topic)) }
    if !planned && random.chance(0.35) {
      paragraphs.append(
        """
        \(foreignShort(f)) expressed hope for increased investment in \(country.phrase) by \
        Korean enterprises and proposed that the two countries cooperate closely in \
        \(random.pick(words.topics)).
        """
      )
    }
    if !planned && random.chance(0.45), let second = counterpart(), second.person != f.person {
      paragraphs.append(
        """
        On the same day, \(kShort) also had a meeting with \(foreignNamed(second)) and discussed \
        \(random.pick(words.topics)).
        """
      )
    }
    paragraphs.append(closing())
    let surname = population.people[k.person].short
    let title: String
    if planned {
      title =
        """
        \(k.shortTitle) \(surname) to Visit \(capitalized(country.phrase)) to Discuss \
        \(headline(topic))
        """
    } else {
      switch random.below(5) {
      case 0:
        title =
          """
          \(acronym) \(k.shortTitle) Meets \(country.adjective) \(f.shortTitle) to Discuss \
          \(headline(topic))
          """
      case 1:
        title =
          """
          \(k.shortTitle) \(surname) Holds Talks with \(capitalized(country.phrase)) on \
          \(headline(topic))
          """
      case 2:
        title =
          """
          Korea and \(capitalized(country.phrase)) Agree to Strengthen Cooperation on \
          \(headline(topic))
          """
      case 3:
        title =
          """
          \(acronym) Discusses \(headline(topic)) with \(country.possessive) \
          \(f.ambassador ? "Embassy" : "Government")
          """
      default: title = "Outcome of Korea–\(country.name) Meeting on \(headline(topic))"
      }
    }
    return (title, paragraphs)
  }

  /// "Minister Kim Ji-woo", "KOTRA President Kim Ji-woo": a form that ends
  /// with the name, for "A and B held talks".
  mutating func titled(_ o: OfficialMention) -> String {
    let person = full(o.person)
    if random.chance(0.4), let acronym = o.era.acronym { return "\(acronym) \(o.title) \(person)" }
    if o.rank == 0, !o.era.headForms.isEmpty, random.chance(0.5) {
      return "\(random.pick(o.era.headForms)) \(person)"
    }
    return "\(o.title) \(person)"
  }

  mutating func companyMeeting(_ acronym: String) -> (String, [String]) {
    guard let k = actor() else { return announcement(acronym) }
    let c = company()
    let co = population.companies[c]
    let sector = companySectors[co.sector]
    let day = recent()
    let date = on(day)
    let kFull = named(k, withBody: true)
    var paragraphs: [String] = []
    var lead: String
    let topic = topic()
    switch random.below(9) {
    case 0:
      if let e = executive(c) {
        lead =
          """
          \(kFull) visited the headquarters of \(co.name) in \(co.city) \(date) and met with \
          \(e.title) \(full(e.person)) to review \(topic).
          """
      } else {
        lead = "\(kFull) visited the headquarters of \(co.name) in \(co.city) \(date)."
      }
    case 1:
      lead =
        """
        \(kFull) visited \(possessive(co.name)) plant in \(co.city) \(date) to review \(topic) \
        and hear firsthand from industry representatives about the challenges they face.
        """
    case 2:
      if let e = executive(c) {
        lead = "\(kFull) met with \(executiveNamed(e)) \(date) at \(venue())."
      } else {
        lead = "\(kFull) met with executives of \(co.name) \(date) at \(venue())."
      }
    case 3:
      var names: [String] = [co.name]
      for _ in 0..<random.between(2, 4) {
        let other = population.companies[company()].name
        if !names.contains(other) { names.append(other) }
      }
      lead =
        """
        \(kFull) held a roundtable with the heads of \(names.count + random.between(2, 9)) \
        companies, including \(list(names)), \(date) at \(venue()) to discuss \(topic).
        """
    case 4:
      lead =
        """
        \(kFull) sat down with executives of \(co.name) at its headquarters in \(co.city) \
        \(date) to discuss \(topic).
        """
    case 5:
      if let e = executive(c) {
        lead =
          """
          \(possessive(co.name)) \(e.title) \(full(e.person)) met \(kFull) \(date) and explained \
          the company’s investment plans in \(sector.product).
          """
      } else {
        lead = "\(kFull) met executives from \(co.name) \(date)."
      }
    case 6:
      if let e = executive(c) {
        lead =
          """
          \(kFull) received \(full(e.person)), \(e.title) of \(co.name), \(date) at \
          \(random.pick(["Government Complex Seoul", "Government Complex Sejong"])).
          """
      } else {
        lead = "\(kFull) met executives from \(co.name) \(date)."
      }
    case 7:
      let other = population.companies[company()]
      lead =
        """
        \(kFull) convened an emergency meeting with executives of \(co.name) and \(other.name) \
        \(date) to review the impact of \
        \(random.pick(emergencyTopics)).
        """
    default:
      if let a = associationHead() {
        lead = "\(kFull) met with \(a.name) \(date) at \(venue()) to discuss \(topic)."
      } else {
        lead = "\(kFull) met with business leaders \(date) at \(venue())."
      }
    }
    if random.chance(0.5) {
      let opening = lead.hasPrefix("The ") ? "the" + lead.dropFirst(3) : lead
      paragraphs.append("\(leadSubject()) announced that " + opening)
    } else {
      paragraphs.append(lead)
    }
    paragraphs.append(
      """
      \(co.name), \(sector.descriptor), \
      \(random.pick(["employs about", "has about", "operates with some"])) \
      \(grouped(random.between(80, 9000))) workers and \
      \(random.pick(companyReach)) \
      \(random.between(5, 120)) countries. The company plans to invest KRW \
      \(tenths(random.between(50, 9000))) billion in new production lines for \(sector.product) \
      by \(published.year + random.between(1, 4)).
      """
    )
    paragraphs += background(.company)
    let kShort = shortRef(k)
    paragraphs.append(quote(kShort, k.person, topic))
    let other = company()
    if random.chance(0.4), other != c, let e = executive(other) {
      let co2 = population.companies[other]
      paragraphs.append(
        """
        After the meeting, \(kShort) also visited \(possessive(co2.name)) research center in \
        \(co2.city) and met with \(e.title) \(full(e.person)), who briefed \
        \(pronoun(k.person) == "He" ? "him" : "her") on the company’s development of \
        \(companySectors[co2.sector].product) and its plans to expand exports.
        """
      )
    }
    if random.chance(0.4), let e = executive(c) {
      paragraphs.append(
        """
        \(e.title) \(full(e.person)) of \(co.name) asked for \
        \(random.pick(companyRequests)) \
        and said the company would \
        \(random.pick(companyPledges)).
        """
      )
    }
    paragraphs.append(closing())
    let title: String
    switch random.below(4) {
    case 0:
      title =
        """
        \(k.shortTitle) \(population.people[k.person].short) Visits \(co.short) to Review \
        \(headline(topic))
        """
    case 1: title = "\(acronym) Meets Industry to Discuss \(headline(topic))"
    case 2: title = "\(acronym) Seeks to Expand Support for \(headline(sector.product))"
    default: title = "\(acronym) Listens to Companies on \(headline(topic))"
    }
    return (title, paragraphs)
  }

  mutating func agreement(_ acronym: String) -> (String, [String]) {
    guard let k = actor() else { return announcement(acronym) }
    let day = recent()
    let date = on(day)
    let topic = topic()
    var paragraphs: [String] = []
    let title: String
    switch random.below(4) {
    case 0:
      let c = company()
      let co = population.companies[c]
      paragraphs.append(
        """
        \(leadSubject()) signed a memorandum of understanding (MOU) with \(co.name) \(date) at \
        \(venue()) to cooperate on \(topic).
        """
      )
      if let e = executive(c) {
        paragraphs.append(
          """
          The agreement was signed by \(named(k, withBody: false)) and \(executiveNamed(e)), and \
          covers joint research, workforce training and support for exports of \
          \(companySectors[co.sector].product).
          """
        )
      }
      title = "\(acronym) Signs MOU with \(co.short) on \(headline(topic))"
    case 1:
      guard let f = counterpart(), let c = f.country else { return announcement(acronym) }
      paragraphs.append(
        """
        \(named(k, withBody: true)) signed an MOU on \(topic) with \(foreignNamed(f)) \(date) in \
        \(random.pick(countries[c].cities)).
        """
      )
      title = "Korea and \(capitalized(countries[c].phrase)) Sign MOU on \(headline(topic))"
    case 2:
      let r = random.below(regions.count)
      let region = regions[r]
      let c = company()
      let co = population.companies[c]
      var text =
        """
        \(leadSubject()), \(region.name(month)) and \(co.name) signed an investment agreement \
        \(date) in \(region.city)
        """
      var governor: Int?
      for entry in population.regionHeads[r] where entry.from <= month { governor = entry.person }
      if let governor {
        text +=
          """
          , attended by \(named(k, withBody: false)) and \(region.head) \(full(governor)) of \
          \(region.name(month))
          """
      }
      paragraphs.append(text + ".")
      paragraphs.append(
        """
        Under the agreement, \(co.name) will invest KRW \(tenths(random.between(100, 9000))) \
        billion by \(published.year + random.between(2, 5)) to build a new \
        \(companySectors[co.sector].product) plant in \(region.name(month)), creating about \
        \(grouped(random.between(50, 1500))) jobs.
        """
      )
      title = "\(co.short) to Invest in \(region.name(month)) with Government Support"
    default:
      let other = bodies(excluding: bodyIndex)
      paragraphs.append(
        """
        \(leadSubject()) and \(bodyWithHead(other)) signed a business agreement \(date) at \
        \(venue()) to jointly support \(topic).
        """
      )
      title =
        """
        \(acronym) and \(short(other).replacingOccurrences(of: "the ", with: "")) Join Hands on \
        \(headline(topic))
        """
    }
    paragraphs += background(.agreement)
    let kShort = shortRef(k)
    paragraphs.append(quote(kShort, k.person, topic))
    paragraphs.append(closing())
    return (title, paragraphs)
  }

  /// Another publishing body in use.
  mutating func bodies(excluding b: Int) -> Int {
    for _ in 0..<5 {
      let other = random.pick(population.bodies)
      if other != b { return other }
    }
    return b == 0 ? 1 : 0
  }

  mutating func ceremony(_ acronym: String) -> (String, [String]) {
    let event = random.pick(words.events)
    let day = recent()
    var paragraphs: [String] = []
    let venue = venue()
    paragraphs.append(
      """
      \(leadSubject()) hosted the \(published.year) \(event) \(on(day)) at \(venue), \
      \(random.pick(ceremonyPurposes)) \
      \(topic()).
      """
    )
    if let k = actor(minimumRank: 0) {
      var attendees: [String] = []
      if let a = associationHead(inList: true) { attendees.append(a.name) }
      for _ in 0..<random.between(1, 2) {
        let c = company()
        if let e = executive(c, chairman: random.chance(0.3)) {
          let co = population.companies[c]
          attendees.append("\(co.name) \(e.title) \(full(e.person))")
        }
      }
      let kShort: String
      if k.rank == 0 {
        paragraphs.append(
          """
          At the event, \(named(k, withBody: false)) congratulated the award recipients and \
          urged companies to further expand their investment.
          """
        )
        kShort = shortRef(k)
      } else {
        paragraphs.append(
          """
          At the event, \(named(k, withBody: false)) delivered a congratulatory speech on behalf \
          of the government.
          """
        )
        kShort = shortRef(k)
      }
      if !attendees.isEmpty {
        paragraphs.append(
          """
          The ceremony was attended by approximately \(random.between(100, 600)) people, \
          including \(list(attendees)).
          """
        )
      }
      if random.chance(0.6) {
        let c = company()
        if let e = executive(c) {
          paragraphs.append(
            """
            A total of \(random.between(10, 90)) awardees were recognized. \(full(e.person)), \
            \(e.title) of \(population.companies[c].name), received the \(random.pick(orders)).
            """
          )
        }
      }
      paragraphs += background(.event)
      paragraphs.append(quote(kShort, k.person, topic()))
    } else {
      paragraphs += background(.event)
    }
    paragraphs.append(closing())
    let title =
      random.chance(0.5)
      ? "\(acronym) Holds \(published.year) \(event)"
      : "\(published.year) \(event) Held in \(random.pick(["Seoul", "Seoul", "Busan", "Goyang"]))"
    return (title, paragraphs)
  }

  mutating func committee(_ acronym: String) -> (String, [String]) {
    guard let k = actor() else { return announcement(acronym) }
    let committee = random.pick(words.committees)
    let number = ordinal(random.between(2, 80))
    let day = recent()
    var paragraphs: [String] = []
    let topic = topic()
    if random.chance(0.5) {
      paragraphs.append(
        """
        \(named(k, withBody: true)) chaired the \(number) meeting of the \(committee) \(on(day)) \
        at \(venue()) to discuss \(topic).
        """
      )
    } else {
      paragraphs.append(
        """
        \(leadSubject()) convened the \(number) \(committee) \(on(day)) at \(venue()), chaired \
        by \(named(k, withBody: false)), to discuss \(topic).
        """
      )
    }
    var attendees: [String] = []
    for _ in 0..<random.between(1, 3) {
      let other = bodies(excluding: bodyIndex)
      if let o = actor(other, minimumRank: 1), o.rank < 4 {
        let body = o.era.acronym ?? o.era.name
        attendees.append("\(body) \(o.title) \(full(o.person))")
      }
    }
    var text = "The meeting was attended by "
    if attendees.isEmpty { attendees.append("officials of relevant ministries") }
    text += list(attendees)
    if let a = associationHead(inList: true) { text += ", as well as \(a.name)" }
    paragraphs.append(text + ", and experts from academia and research institutes.")
    paragraphs += background(.committee)
    paragraphs.append(quote(shortRef(k), k.person, topic))
    paragraphs.append(closing())
    let title =
      random.chance(0.5)
      ? "\(acronym) Convenes \(committee) to Discuss \(headline(topic))"
      : "\(capitalized(number)) \(committee) Reviews \(headline(topic))"
    return (title, paragraphs)
  }

  mutating func announcement(_ acronym: String) -> (String, [String]) {
    var paragraphs: [String] = []
    let topic = topic()
    if random.chance(0.3) {
      let other = bodies(excluding: bodyIndex)
      paragraphs.append(
        """
        \(leadSubject()) and \(bodyWithHead(other)) announced \(on(published)) plans to \
        \(random.pick(["launch", "expand", "overhaul", "strengthen"])) support for \(topic).
        """
      )
      if random.chance(0.5) {
        paragraphs.append(
          """
          To that end, the two ministries held a joint briefing session \(on(recent())) at \
          \(venue()) to present details of the program to companies and researchers.
          """
        )
      }
    } else {
      paragraphs.append(
        """
        \(leadSubject()) announced \(on(published)) that \
        \(random.pick(["it will", "the government will"])) \
        \(random.pick(["launch", "expand", "overhaul", "strengthen"])) support for \(topic) \
        \(random.pick(["starting next year", "this year", "in the second half of the year"])).
        """
      )
    }
    paragraphs += background(.announcement)
    if let k = actor() {
      paragraphs.append(
        """
        \(named(k, withBody: false)) \(random.pick(["stated", "said", "emphasized"])), \
        “\(random.pick(quotes).replacingOccurrences(of: "{topic}", with: topic))”
        """
      )
    }
    paragraphs.append(closing())
    let title =
      random.chance(0.5)
      ? """
      \(acronym) to \(random.pick(["Expand", "Strengthen", "Launch"])) Support for \
      \(headline(topic))
      """
      : """
      Korea’s \(headline(random.pick(words.products))) Exports Rise \
      \(tenths(random.between(5, 300))) Percent in \(monthNames[(published.month + 10) % 12])
      """
    return (title, paragraphs)
  }

  /// MOFA's numbered style, ending "* unofficial translation".
  mutating func numberedDiplomatic() -> (String, [String]) {
    guard let k = actor(), let f = counterpart(), let c = f.country else {
      return foreignMeeting(era.acronym ?? era.name)
    }
    let country = countries[c]
    let day = recent()
    let topic = topic()
    var paragraphs: [String] = []
    let kFull = named(k, withBody: false)
    let fFull = foreignNamed(f)
    paragraphs.append(
      """
      1. \(kFull) had a meeting with \(fFull) \(on(day)) \
      \(random.chance(0.5) ? "in \(random.pick(country.cities))" : "in Seoul") to discuss \
      \(topic) and major regional and global issues.
      """
    )
    let kShort = shortRef(k)
    paragraphs.append(
      """
      2. \(kShort) stressed that \(country.phrase) is a key partner of Korea, noting that \
      bilateral relations have developed significantly over the past few years. \
      \(pronoun(k.person)) added that \(pronoun(k.person).lowercased()) looked forward to \
      working closely with \(country.phrase) to continue strengthening bilateral ties.
      """
    )
    paragraphs.append(
      """
      ◦ The two sides shared the view that the anniversary of the establishment of diplomatic \
      ties next year will serve as a new turning point, and agreed to elevate cooperation in \
      \(list(topics(2))).
      """
    )
    paragraphs.append(
      """
      3. \(foreignShort(f)) expressed appreciation for Korea’s support and hoped for more active \
      exchanges between the two countries.
      """
    )
    paragraphs += background(.foreign, country: c).prefix(3)
    paragraphs.append("* unofficial translation")
    let title =
      random.chance(0.5)
      ? """
      Outcome of Korea–\(country.name) \
      \(f.shortTitle == "Ambassador" ? "High-Level" : "Ministerial") Meeting
      """
      : "\(k.shortTitle) Meets with \(country.adjective) \(f.shortTitle)"
    return (title, paragraphs)
  }
}

// MARK: - File shapes

/// Escapes text for HTML; `entities` also writes curly quotes as named
/// entities, as some sites do.
func htmlEscaped(_ text: String, entities: Bool) -> String {
  var out = ""
  out.reserveCapacity(text.utf8.count + 16)
  for scalar in text.unicodeScalars {
    switch scalar {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    case "\"": out += "&quot;"
    case "\u{201C}" where entities: out += "&ldquo;"
    case "\u{201D}" where entities: out += "&rdquo;"
    case "\u{2019}" where entities: out += "&rsquo;"
    default: out.unicodeScalars.append(scalar)
    }
  }
  return out
}

/// Hard-wraps a paragraph at about `width` columns.
func wrapped(_ paragraph: String, width: Int, into out: inout String) {
  var column = 0
  for word in paragraph.split(separator: " ") {
    if column > 0 && column + word.count + 1 > width {
      out += "\n"
      column = 0
    } else if column > 0 {
      out += " "
      column += 1
    }
    out += word
    column += word.count
  }
  out += "\n"
}

enum FileShape { case bundle, text, html }

/// Writes releases in one of the three shapes.
struct ShapeWriter {
  var random: SplitMix64

  mutating func bundle(_ releases: [GeneratedRelease], into out: inout String) {
    for release in releases {
      out += "-\n\(release.category)\n\(release.title)\n"
      let separator = random.chance(0.6) ? " " : "\n\n"
      for (i, paragraph) in release.paragraphs.enumerated() {
        if i > 0 { out += separator }
        out += paragraph
      }
      out += " date\(release.date.iso)\n"
    }
  }

  mutating func text(_ release: GeneratedRelease, into out: inout String) {
    out += release.title + "\n"
    let d = release.date
    switch random.below(8) {
    case 0: out += d.iso
    case 1: out += "Date \(d.iso)"
    case 2: out += "Registration date \(d.iso)"
    case 3: out += "Date. \(d.year).\(twoDigits(d.month)).\(twoDigits(d.day))."
    case 4: out += "\(monthNames[d.month - 1]) \(d.day), \(d.year)"
    case 5: out += "\(String(monthNames[d.month - 1].prefix(3))) \(d.day), \(d.year)"
    case 6: out += "Date: \(d.iso)"
    default: out += "Published: \(d.day) \(monthNames[d.month - 1]) \(d.year)"
    }
    out += "\n\n"
    let wrap = random.chance(0.3)
    for paragraph in release.paragraphs {
      if wrap { wrapped(paragraph, width: 76, into: &out) } else { out += paragraph + "\n" }
      out += "\n"
    }
  }

  mutating func html(_ release: GeneratedRelease, publisher: String, into out: inout String) {
    let entities = random.chance(0.3)
    let title = htmlEscaped(release.title, entities: entities)
    let d = release.date
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<title>\(title) | \(htmlEscaped(publisher, entities: false))</title>\n"
    out += "<meta property=\"og:title\" content=\"\(title)\">\n"
    out +=
      """
      <meta property=\"article:published_time\" \
      content=\"\(d.iso)T\(twoDigits(random.between(8, 18))):00:00+09:00\">\n
      """
    out += "<link rel=\"stylesheet\" href=\"/css/site.css\">\n</head>\n<body>\n"
    out += "<header class=\"site-header\"><nav><ul><li><a href=\"/\">Home</a></li>"
    out += "<li><a href=\"/news\">News</a></li><li><a href=\"/news/press\">Press Releases</a></li>"
    out += "</ul></nav></header>\n<main>\n<article>\n<h1>\(title)</h1>\n"
    out +=
      """
      <div class=\"info\"><time datetime=\"\(d.iso)\">\(monthNames[d.month - 1]) \(d.day), \
      \(d.year)</time></div>\n
      """
    for paragraph in release.paragraphs {
      out += "<p>\(htmlEscaped(paragraph, entities: entities))</p>\n"
    }
    out +=
      """
      </article>\n<div class=\"share\"><a href=\"#\">Facebook</a> <a href=\"#\">X</a> <a \
      href=\"#\">Print</a></div>\n
      """
    out +=
      """
      </main>\n<footer><p>Copyright © \(d.year) \(htmlEscaped(publisher, entities: false)). All \
      rights reserved.</p></footer>\n
      """
    out += "<script src=\"/js/site.js\"></script>\n</body>\n</html>\n"
  }
}

// MARK: - The corpus

struct CorpusGeneratorError: Error, CustomStringConvertible {
  var description: String
}

/// What was written, with the population behind it.
struct RealisticCorpus {
  /// The files, sorted by path, then the extra file.
  var files: [URL]
  var releases: Int
  var bytes: Int
  /// People in some post during 2018–2025: Korean officials, foreign
  /// officials, company executives, heads of associations and provinces.
  var officials: Int
  var foreignOfficials: Int
  var executives: Int
  var otherHeads: Int
  var companies: Int
  /// People named in at least one release.
  var peopleMentioned: Int
  /// The most frequent people: name and number of releases.
  var topPeople: [(name: String, releases: Int)]
  /// How many people appear in 1, 2–9, 10–99, 100–999 and 1000+ releases.
  var mentionBands: [Int]
}

/// Writes a realistic corpus of `releases` releases below `folder` (see the
/// file's comment for the model) and returns the files written, sorted by
/// path, followed by one extra small file of 12 releases
/// (`added/added-releases.txt`) that the store benchmark ingests on its own.
func writeRealisticCorpus(releases: Int, folder: URL, seed: UInt64 = 1) throws -> [URL] {
  try generateRealisticCorpus(releases: releases, folder: folder, seed: seed).files
}

/// ``writeRealisticCorpus(releases:folder:seed:)`` with statistics.
func generateRealisticCorpus(releases count: Int, folder: URL, seed: UInt64 = 1) throws
  -> RealisticCorpus
{
  try checkInstitutions()
  let population = Population(releases: count, seed: seed)
  let first = Day(2018, 1, 1).serial
  let last = Day(2025, 12, 31).serial
  let bodyZipf = ZipfTable(count: population.bodies.count, exponent: 0.9)

  struct Spec {
    var body: Int
    var serial: Int
    var index: Int
  }
  func weekday(_ serial: Int) -> Int {
    switch Day(serial: serial).weekday {
    case 0: return serial + 1
    case 6: return serial - 1
    default: return serial
    }
  }
  var specs: [Spec] = []
  specs.reserveCapacity(count)
  for i in 0..<count {
    var random = SplitMix64.stream(seed, 1, i)
    let body = population.bodies[bodyZipf.sample(&random)]
    let serial = min(last, max(first, weekday(first + random.below(last - first + 1))))
    specs.append(Spec(body: body, serial: serial, index: i))
  }
  specs.sort { ($0.body, $0.serial, $0.index) < ($1.body, $1.serial, $1.index) }

  var counts = [Int](repeating: 0, count: population.people.count)
  var files: [URL] = []
  var bytes = 0
  let fileManager = FileManager.default
  try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
  var madeFolders: Set<String> = []

  func generate(_ spec: Spec) -> GeneratedRelease {
    var writer = ReleaseWriter(
      population: population, random: SplitMix64.stream(seed, 3, spec.index),
      published: Day(serial: spec.serial), body: spec.body)
    let release = writer.write()
    var seen = release.people
    seen.sort()
    var previous = -1
    for person in seen where person != previous {
      counts[person] += 1
      previous = person
    }
    return release
  }
  func write(_ text: String, _ relative: String) throws {
    let url = folder.appendingPathComponent(relative)
    let directory = url.deletingLastPathComponent()
    if !madeFolders.contains(directory.path) {
      try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
      madeFolders.insert(directory.path)
    }
    try Data(text.utf8).write(to: url)
    files.append(url)
    bytes += text.utf8.count
  }

  var shapes = SplitMix64.stream(seed, 2, 0)
  var writer = ShapeWriter(random: SplitMix64.stream(seed, 4, 0))
  var cursor = 0
  var number = 0
  while cursor < specs.count {
    let spec = specs[cursor]
    let body = koreanBodies[spec.body]
    let day = Day(serial: spec.serial)
    let stem = "\(body.folder)/\(day.year)/\(body.folder)-\(day.year)-\(twoDigits(day.month))"
    number += 1
    let serial = String(100_000 + number).dropFirst()
    var text = ""
    let roll = shapes.unit()
    if roll < 0.22 {
      // A bundle: the body's next releases.
      let size = shapes.between(4, 24)
      var batch: [GeneratedRelease] = []
      while batch.count < size, cursor < specs.count, specs[cursor].body == spec.body {
        batch.append(generate(specs[cursor]))
        cursor += 1
      }
      text.reserveCapacity(batch.count * 4000)
      writer.bundle(batch, into: &text)
      try write(text, "\(stem)-bundle-\(serial).txt")
    } else if roll < 0.22 + 0.78 * 0.6 {
      let release = generate(spec)
      cursor += 1
      writer.text(release, into: &text)
      try write(text, "\(stem)-\(twoDigits(day.day))-\(serial).txt")
    } else {
      let release = generate(spec)
      cursor += 1
      writer.html(release, publisher: body.era(day.monthIndex).name, into: &text)
      try write(text, "\(stem)-\(twoDigits(day.day))-\(serial).html")
    }
  }
  files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }

  // The extra file: twelve releases of the busiest body in December 2025.
  var extraRandom = SplitMix64.stream(seed, 5, 0)
  var extra: [GeneratedRelease] = []
  for j in 0..<12 {
    let serial = weekday(Day(2025, 12, 1).serial + extraRandom.below(30))
    extra.append(generate(Spec(body: population.bodies[0], serial: serial, index: count + j)))
  }
  extra.sort { $0.date < $1.date }
  var text = ""
  writer.bundle(extra, into: &text)
  try write(text, "added/added-releases.txt")

  var ranked: [(name: String, releases: Int)] = []
  var bands = [0, 0, 0, 0, 0]
  var mentioned = 0
  for (person, n) in counts.enumerated() where n > 0 {
    mentioned += 1
    ranked.append((population.people[person].name, n))
    bands[n == 1 ? 0 : n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : 4] += 1
  }
  ranked.sort { ($0.releases, $1.name) > ($1.releases, $0.name) }

  // The people named, for checking what extraction finds: a hidden file,
  // which corpus scans pass over.
  var manifest = "# name\tkind\treleases naming them (seed \(seed), \(count) releases)\n"
  var named = counts.indices.filter { counts[$0] > 0 }
  named.sort { (counts[$0], $1) > (counts[$1], $0) }
  for person in named {
    let p = population.people[person]
    manifest += "\(p.name)\t\(p.kind.rawValue)\t\(counts[person])\n"
  }
  try Data(manifest.utf8).write(to: folder.appendingPathComponent(".population.tsv"))

  let active = population.active()
  return RealisticCorpus(
    files: files, releases: count + extra.count, bytes: bytes, officials: active[.official] ?? 0,
    foreignOfficials: active[.foreign] ?? 0, executives: active[.executive] ?? 0,
    otherHeads: (active[.association] ?? 0) + (active[.region] ?? 0),
    companies: population.companies.count, peopleMentioned: mentioned,
    topPeople: Array(ranked.prefix(15)), mentionBands: bands)
}

/// Checks the institutions named here against the built-in gazetteer: the
/// name, and the month of a rename.
func checkInstitutions() throws {
  var byID: [String: Gazetteer.Institution] = [:]
  for institution in Gazetteer.builtIn.institutions { byID[institution.id] = institution }
  func month(_ text: String?) -> Int? {
    guard let text else { return nil }
    let parts = text.split(separator: "-").compactMap { Int($0) }
    return parts.count == 2 ? monthIndex(parts[0], parts[1]) : nil
  }
  func check(_ id: String, _ name: String, from: Int?) throws {
    guard let institution = byID[id] else {
      throw CorpusGeneratorError(description: "the gazetteer has no institution \(id)")
    }
    guard institution.name == name || institution.name.hasPrefix(name + " (") else {
      throw CorpusGeneratorError(
        description: "\(id) is \"\(institution.name)\" in the gazetteer, \"\(name)\" here")
    }
    if let from, from != Int.min, let expected = month(institution.validFrom), expected != from {
      throw CorpusGeneratorError(
        description: "\(id) is valid from \(institution.validFrom ?? "") in the gazetteer")
    }
  }
  for body in koreanBodies {
    for era in body.eras { try check(era.id, era.name, from: era.from) }
  }
  for region in regions {
    for era in region.eras { try check(era.id, era.name, from: era.from) }
  }
  for association in associations { try check(association.id, association.name, from: nil) }
  for body in internationalBodies { try check(body.id, body.name, from: nil) }
  for country in countries {
    for body in country.bodies {
      if let id = body.id { try check(id, body.name, from: body.from) }
    }
  }
}
