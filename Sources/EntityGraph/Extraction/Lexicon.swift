import Foundation
import PressReleases

/// The word lists extraction rules use. These describe English and Korean
/// naming conventions, not particular institutions or people.
///
/// Each list is a data file, `Resources/lexicon/NAME.txt`: one entry per
/// line, lowercase, `#` starting a comment line; in typed lists an entry
/// is `word = value` (`ministry = ministry` in `institution-heads.txt`).
/// Edit the files, not this type, to teach extraction a new word.
enum Lexicon {
  /// The entries of the list `name` (see the type's documentation).
  static func words(_ name: String) -> Set<String> {
    Set(entries(name).map(\.word))
  }

  /// The entries of a typed list, `word = value`, as a dictionary.
  static func typedWords<Value: RawRepresentable>(
    _ name: String, as _: Value.Type = Value.self
  ) -> [String: Value] where Value.RawValue == String {
    var table: [String: Value] = [:]
    for entry in entries(name) {
      guard let raw = entry.value, let value = Value(rawValue: raw) else {
        preconditionFailure("lexicon/\(name).txt: \"\(entry.word)\" needs \"= value\"")
      }
      table[entry.word] = value
    }
    return table
  }

  /// Parses one list file: entries, with the value after `=` when present.
  static func parse(_ text: String) -> [(word: String, value: String?)] {
    var result: [(word: String, value: String?)] = []
    for line in text.split(whereSeparator: \.isNewline) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
      if let equals = trimmed.range(of: " = ") {
        result.append(
          (
            String(trimmed[..<equals.lowerBound]).trimmingCharacters(in: .whitespaces),
            String(trimmed[equals.upperBound...]).trimmingCharacters(in: .whitespaces)
          ))
      } else {
        result.append((trimmed, nil))
      }
    }
    return result
  }

  /// The function words of list `list` in `function-words.txt`, in file order.
  static func functionWords(_ list: String) -> [String] {
    let words = functionWordEntries.filter { $0.value == list }.map(\.word)
    precondition(!words.isEmpty, "lexicon/function-words.txt has no list \(list)")
    return words
  }

  /// `function-words.txt`, read once for all its lists.
  private static let functionWordEntries = entries("function-words")

  /// The words of list `name`, or nil when there is no such list.
  static func listIfPresent(_ name: String) -> Set<String>? {
    text(name).map { Set(parse($0).map(\.word)) }
  }

  private static func text(_ name: String) -> String? {
    guard !name.contains("/"),
      let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "lexicon")
    else { return nil }
    return try? String(contentsOf: url, encoding: .utf8)
  }

  private static func entries(_ name: String) -> [(word: String, value: String?)] {
    guard let text = text(name) else {
      preconditionFailure("the built-in lexicon list \(name).txt is missing")
    }
    return parse(text)
  }

  /// Words whose final period belongs to them ("Co.", "Dr.").
  static let periodAbbreviations: Set<String> = Lexicon.words("period-abbreviations")

  /// Words that end a title and may stand right before a name.
  static let titleHeads: Set<String> = Lexicon.words("title-heads")

  /// Words that may precede a title head within one title.
  static let titleModifiers: Set<String> = Lexicon.words("title-modifiers")

  /// Title heads that mark a government official (used to attach an
  /// unaffiliated official to the release's own ministry).
  static let governmentTitles: Set<String> = Lexicon.words("government-titles")

  /// Titles that only one person holds at a time at one body; two name
  /// variants in the same such role at the same body are one person.
  static let singularRoles: Set<String> = Lexicon.words("singular-roles")

  /// Korean family names in romanisation (a naming convention, not people).
  static let koreanFamilyNames: Set<String> = Lexicon.words("korean-family-names")

  /// Head nouns that make a capitalised phrase an institution of a type.
  static let institutionHeads: [String: EntityType] = Lexicon.typedWords("institution-heads")

  /// Heads of bodies named only by generic words ("Technical Subcommittee",
  /// "Working Group"): such names are not entities.
  static let genericBodyWords: Set<String> = Lexicon.words("generic-body-words")

  /// Descriptors after "X, a/an …" that make X a company.
  static let companyDescriptors: Set<String> = Lexicon.words("company-descriptors")

  /// Descriptors after "X, a/an …" that make X an organisation.
  static let organisationDescriptors: Set<String> = Lexicon.words("organisation-descriptors")

  /// Nouns that introduce a list of companies ("firms include A, B and C").
  static let companyNouns: Set<String> = Lexicon.words("company-nouns")

  /// Endings of company names.
  static let companySuffixes: Set<String> = Lexicon.words("company-suffixes")

  /// Nouns naming a gathering: "held a … meeting".
  static let meetingNouns: Set<String> = Lexicon.words("meeting-nouns")

  /// Nouns that refer back to an event already reported ("At the event, …").
  static let eventBackReferences: Set<String> = Lexicon.words("event-back-references")

  /// Verbs of taking part in an event already reported.
  static let attendanceVerbs: Set<String> = Lexicon.words("attendance-verbs")

  /// Words after which a participant list stops: purpose and topic clauses.
  static let clauseBreakers: Set<String> = Lexicon.words("clause-breakers")

  /// Words that mark a statement about the future.
  static let futureMarkers: Set<String> = Lexicon.words("future-markers")

  /// Words that name what a ministry, department or office deals with
  /// ("Foreign Affairs", "Industry and Trade"): they end titles, never names.
  static let topicWords: Set<String> = Lexicon.words("topic-words")

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
    for phase in RuleBook.builtIn.phases.values { add(phase.firstWords, phase.startClass) }
    add(MeetingFinder.awardVerbs, .awardVerb)
    add(MeetingFinder.awardNouns, .awardNoun)
    add(State.parentCueWords, .parentCue)
    return table
  }()

  /// Month and weekday names.
  static let calendarWords: Set<String> =
    Set(WordList.monthNames.keys).union(WordList.weekdayNames)
    .union(WordList.monthAbbreviations.keys.map { $0 + "." })
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
  /// A word that can start a pattern rule's match: tokens without it are
  /// skipped by the rule engine without a lookup.
  static let ruleStart = WordClass(rawValue: 1 << 18)
  static let awardVerb = WordClass(rawValue: 1 << 19)
  static let awardNoun = WordClass(rawValue: 1 << 20)
  /// A word that states a parent body: "under", "arm", "affiliate".
  static let parentCue = WordClass(rawValue: 1 << 21)
  /// The first words of built-in rule phase `n` (in phase-name order), for
  /// the first ten phases; nil for later ones, which share ``ruleStart``.
  static func phaseStart(_ n: Int) -> WordClass? {
    n >= 0 && n < 10 ? WordClass(rawValue: 1 << UInt32(22 + n)) : nil
  }
}
