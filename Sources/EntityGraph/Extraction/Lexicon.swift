/// The word lists extraction rules use. These describe English and Korean
/// naming conventions, not particular institutions or people.
enum Lexicon {
  /// Words whose final period belongs to them ("Co.", "Dr.").
  static let periodAbbreviations: Set<String> = [
    "co", "corp", "inc", "ltd", "dr", "mr", "mrs", "ms", "prof", "no", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "st", "jr", "sr", "gen", "gov", "sen",
    "rep", "amb", "vs", "etc", "approx", "dept", "assn", "bros",
  ]

  /// Words that end a title and may stand right before a name.
  static let titleHeads: Set<String> = [
    "minister", "president", "chairman", "chairwoman", "chairperson", "chair", "ceo", "cfo", "cto",
    "coo", "director", "director-general", "secretary", "secretary-general", "ambassador", "consul",
    "commissioner", "administrator", "governor", "mayor", "representative", "spokesperson",
    "spokesman", "spokeswoman", "head", "chief", "officer", "envoy", "premier", "chancellor",
    "senator", "lawmaker", "professor", "counselor", "counsellor", "attaché", "attache",
    "superintendent", "advisor", "adviser", "general", "dpm", "vice-minister", "vice-president",
    "co-chair", "founder", "partner", "manager", "commander", "deputy", "dr.", "prof.", "delegate",
  ]

  /// Words that may precede a title head within one title.
  static let titleModifiers: Set<String> = [
    "vice", "deputy", "prime", "acting", "senior", "executive", "managing", "chief", "general",
    "first", "second", "assistant", "associate", "permanent", "special", "trade", "foreign",
    "finance", "industry", "energy", "science", "commerce", "economy", "economic", "unification",
    "defense", "defence", "health", "labor", "labour", "justice", "culture", "environment",
    "agriculture", "education", "interior", "transport", "land", "oceans", "sme", "smes",
    "startups", "and", "co", "honorary", "regional", "country", "national", "principal",
  ]

  /// Title heads that mark a government official (used to attach an
  /// unaffiliated official to the release's own ministry).
  static let governmentTitles: Set<String> = [
    "minister", "director", "director-general", "secretary", "spokesperson", "spokesman",
    "spokeswoman", "commissioner", "administrator", "ambassador", "consul", "counselor",
    "counsellor", "attaché", "attache", "officer", "dpm", "vice-minister", "chief",
  ]

  /// Titles that only one person holds at a time at one body; two name
  /// variants in the same such role at the same body are one person.
  static let singularRoles: Set<String> = [
    "minister", "president", "ceo", "chairman", "chairperson", "chair", "governor", "mayor",
    "president and ceo", "administrator", "commissioner", "trade minister", "foreign minister",
    "deputy prime minister and minister",
  ]

  /// Korean family names in romanisation (a naming convention, not people).
  static let koreanFamilyNames: Set<String> = [
    "kim", "lee", "yi", "rhee", "park", "pak", "choi", "choe", "jung", "jeong", "chung", "kang",
    "cho", "jo", "yoon", "yun", "jang", "chang", "lim", "im", "han", "oh", "seo", "suh", "shin",
    "sin", "kwon", "hwang", "ahn", "an", "song", "yoo", "yu", "ryu", "hong", "jeon", "chun",
    "ko", "go", "moon", "mun", "yang", "son", "sohn", "bae", "baek", "paik", "heo", "huh", "nam",
    "sim", "shim", "noh", "roh", "no", "ha", "kwak", "sung", "seong", "cha", "joo", "ju", "woo",
    "koo", "ku", "min", "na", "ra", "jin", "ji", "eom", "um", "chae", "won", "cheon", "bang",
    "kong", "hyun", "hyeon", "ham", "byun", "byeon", "yeom", "yeo", "chu", "choo", "do", "so",
    "seok", "suk", "sun", "seol", "ma", "gil", "kil", "yeon", "wi", "pyo", "myung", "ki", "ban",
    "wang", "geum", "ok", "yook", "yuk", "in", "maeng", "je", "mo", "tak", "kook", "guk", "eo",
    "hahn", "jun", "lyu", "nah", "pyun", "ryoo", "sa", "seung", "tae", "hur", "kweon", "gwon",
    "ohn", "jee", "bong", "kye", "gye", "kee", "rho", "bin", "chin", "dong",
  ]

  /// Head nouns that make a capitalised phrase an institution of a type.
  static let institutionHeads: [String: EntityType] = [
    "ministry": .ministry, "department": .ministry,
    "agency": .agency, "administration": .agency, "service": .agency, "office": .agency,
    "commission": .agency, "authority": .agency, "bureau": .agency, "institute": .agency,
    "embassy": .agency, "consulate": .agency, "mission": .agency, "government": .agency,
    "province": .agency, "prefecture": .agency, "municipality": .agency, "directorate": .agency,
    "inspectorate": .agency, "secretariat": .organization, "committee": .organization,
    "subcommittee": .organization, "association": .organization, "chamber": .organization,
    "federation": .organization, "organization": .organization, "organisation": .organization,
    "union": .organization, "council": .organization, "alliance": .organization,
    "coalition": .organization, "society": .organization, "foundation": .organization,
    "consortium": .organization, "board": .organization, "group": .organization,
    "bank": .agency,
  ]

  /// Heads of bodies named only by generic words ("Technical Subcommittee",
  /// "Working Group"): such names are not entities.
  static let genericBodyWords: Set<String> = [
    "technical", "joint", "steering", "working", "special", "advisory", "executive", "standing",
    "sub", "relevant", "local", "regional", "new", "first", "second", "third", "inaugural",
    "general", "the", "a", "an", "consultative", "support", "task", "force", "group",
    "committee", "subcommittee", "council", "board", "team", "body", "office", "policy",
    "national", "overseas", "domestic", "international", "trade", "economic",
  ]

  /// Descriptors after "X, a/an …" that make X a company.
  static let companyDescriptors: Set<String> = [
    "company", "firm", "corporation", "manufacturer", "maker", "distributor", "supplier",
    "producer", "provider", "retailer", "specialist", "startup", "start-up", "conglomerate",
    "chain", "brand", "platform", "developer", "operator", "exporter", "importer", "shipbuilder",
    "automaker", "carmaker", "chipmaker", "leader", "enterprise", "unicorn", "subsidiary",
    "affiliate", "vendor", "contractor", "bank", "utility", "steelmaker", "giant",
  ]

  /// Descriptors after "X, a/an …" that make X an organisation.
  static let organisationDescriptors: Set<String> = [
    "group", "association", "network", "community", "organization", "organisation", "nonprofit",
    "non-profit", "think", "coalition", "federation", "alliance", "consortium", "club",
    "society", "union", "institute", "foundation",
  ]

  /// Nouns that introduce a list of companies ("firms include A, B and C").
  static let companyNouns: Set<String> = [
    "companies", "firms", "enterprises", "businesses", "startups", "start-ups", "manufacturers",
    "makers", "producers", "suppliers", "exporters", "corporations", "conglomerates",
    "recipients", "awardees", "winners", "chaebol", "automakers", "chipmakers", "shipbuilders",
    "retailers", "brands",
  ]

  /// Endings of company names.
  static let companySuffixes: Set<String> = [
    "co.", "co", "ltd.", "ltd", "inc.", "inc", "corp.", "corp", "corporation", "company",
    "holdings", "electronics", "motor", "motors", "chemical", "chemicals", "steel",
    "shipbuilding", "pharmaceutical", "pharmaceuticals", "biologics", "telecom", "airlines",
    "plc", "gmbh", "ag", "llc", "semiconductor", "semiconductors", "industries", "energy",
    "engineering", "c&t", "e&c", "solutions", "technologies", "technology", "systems",
  ]

  /// Nouns naming a gathering: "held a … meeting".
  static let meetingNouns: Set<String> = [
    "meeting", "meetings", "talks", "talk", "session", "sessions", "conference", "consultation",
    "consultations", "dialogue", "discussion", "discussions", "briefing", "ceremony", "event",
    "expo", "forum", "summit", "seminar", "workshop", "roundtable", "fair", "exhibition",
    "symposium", "day", "gathering", "reception", "luncheon", "dinner", "breakfast",
    "conversation", "call", "videoconference", "festival", "show", "council", "committee",
  ]

  /// Nouns that refer back to an event already reported ("At the event, …").
  static let eventBackReferences: Set<String> = [
    "event", "ceremony", "expo", "forum", "meeting", "session", "talks", "summit", "conference",
    "seminar", "workshop", "roundtable", "fair", "exhibition", "discussions", "reception",
  ]

  /// Verbs of taking part in an event already reported.
  static let attendanceVerbs: Set<String> = [
    "attended", "participated", "joined", "congratulated", "received", "presided", "chaired",
    "co-chaired", "addressed", "delivered", "presented", "accepted", "welcomed",
  ]

  /// Words after which a participant list stops: purpose and topic clauses.
  static let clauseBreakers: Set<String> = [
    "during", "regarding", "concerning", "about", "following", "after", "before", "since",
    "despite", "amid", "which", "who", "where", "that", "while", "whereas", "including",
  ]

  /// Words that mark a statement about the future.
  static let futureMarkers: Set<String> = [
    "will", "shall", "plans", "plan", "planned", "planning", "scheduled", "schedule", "upcoming",
    "forthcoming", "tentatively", "poised", "expected", "intends", "aims", "to be held",
  ]

  /// Words that name what a ministry, department or office deals with
  /// ("Foreign Affairs", "Industry and Trade"): they end titles, never names.
  static let topicWords: Set<String> = [
    "affairs", "trade", "finance", "economy", "economic", "state", "policy", "industry", "energy",
    "resources", "foreign", "science", "ict", "health", "welfare", "labor", "labour",
    "employment", "environment", "justice", "defense", "defence", "education", "culture",
    "sports", "tourism", "land", "infrastructure", "transport", "transportation", "oceans",
    "fisheries", "agriculture", "food", "rural", "commerce", "interior", "safety", "security",
    "unification", "gender", "equality", "family", "smes", "startups", "planning", "budget",
    "strategy", "development", "investment", "international", "bilateral", "multilateral",
    "cooperation", "climate", "digital", "innovation", "technology", "standards", "public",
    "administration", "legislation", "veterans", "data", "information", "communications",
    "broadcasting", "media", "treasury", "home", "internal", "external", "european", "asian",
    "pacific", "global", "regional", "consular", "protocol", "legal", "political", "north",
    "american", "korean", "peninsula", "peace", "services", "research", "national", "personnel",
    "management", "government", "relations", "ministry", "middle", "market", "enterprise",
    "technologies", "telecommunications", "communication", "mines", "mining", "petroleum",
    "natural", "water", "housing", "urban", "works", "industries", "entrepreneurship",
    "competitiveness", "productivity", "transformation", "ecology", "ecological", "sustainable",
    "investment", "exports", "export", "promotion", "affairs,", "tourism", "youth", "women",
    "health,", "welfare,", "people", "power", "electricity", "transport,", "logistics",
    "maritime", "aviation", "fisheries,", "agrarian", "forestry", "finance,", "planning,",
    "integration", "strategic", "reform", "regulation", "competition", "consumer", "protection",
    "statistics", "customs", "revenue", "taxation", "tax", "monetary", "fiscal", "banking",
    "insurance", "securities", "capital", "markets", "procurement", "audit", "inspection",
    "emergency", "disaster", "space", "aerospace", "nuclear", "atomic", "hydrogen", "renewable",
    "green", "digitalization", "diplomacy", "cultural", "sports", "arts", "labour,", "skills",
  ]

  /// Every lexicon word with the lists it belongs to, so a token is looked
  /// up once and then tested by bits.
  static let wordClasses: [String: WordClass] = {
    var table: [String: WordClass] = [:]
    func add(_ words: some Sequence<String>, _ word: WordClass) {
      for w in words { table[w, default: []].insert(word) }
    }
    add(titleHeads, .titleHead)
    add(titleModifiers, .titleModifier)
    add(institutionHeads.keys, .institutionHead)
    add(topicWords, .topic)
    add(koreanFamilyNames, .koreanFamily)
    add(meetingNouns, .meetingNoun)
    add(companyNouns, .companyNoun)
    add(clauseBreakers, .clauseBreaker)
    add(attendanceVerbs, .attendance)
    add(eventBackReferences, .eventBackReference)
    add(futureMarkers, .futureMarker)
    add(genericBodyWords, .genericBody)
    add(companyDescriptors, .companyDescriptor)
    add(organisationDescriptors, .organisationDescriptor)
    add(calendarWords, .calendar)
    add(MeetingFinder.triggerWords, .trigger)
    add(State.representativeNouns, .representative)
    add(State.dealNouns, .dealNoun)
    return table
  }()

  /// Month and weekday names.
  static let calendarWords: Set<String> = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.",
  ]
}

/// The lexicon lists a word belongs to, as bits.
struct WordClass: OptionSet, Hashable, Sendable {
  let rawValue: UInt32
  static let titleHead = WordClass(rawValue: 1 << 0)
  static let titleModifier = WordClass(rawValue: 1 << 1)
  static let institutionHead = WordClass(rawValue: 1 << 2)
  static let topic = WordClass(rawValue: 1 << 3)
  static let koreanFamily = WordClass(rawValue: 1 << 4)
  static let meetingNoun = WordClass(rawValue: 1 << 5)
  static let companyNoun = WordClass(rawValue: 1 << 6)
  static let clauseBreaker = WordClass(rawValue: 1 << 7)
  static let attendance = WordClass(rawValue: 1 << 8)
  static let eventBackReference = WordClass(rawValue: 1 << 9)
  static let futureMarker = WordClass(rawValue: 1 << 10)
  static let genericBody = WordClass(rawValue: 1 << 11)
  static let companyDescriptor = WordClass(rawValue: 1 << 12)
  static let organisationDescriptor = WordClass(rawValue: 1 << 13)
  static let calendar = WordClass(rawValue: 1 << 14)
  static let trigger = WordClass(rawValue: 1 << 15)
  static let representative = WordClass(rawValue: 1 << 16)
  static let dealNoun = WordClass(rawValue: 1 << 17)
}
