/// Function words that the extraction code tests tokens against, read from
/// `lexicon/function-words.txt` (one list per concept). Each list is a constant
/// array: a test is a few string comparisons, where an array literal at the
/// call site was allocated on every call, inside loops over every token.
extension State {
  /// "and", in words and as a sign.
  static let andWords = Lexicon.functionWords("and-words")
  /// The indefinite article.
  static let indefiniteArticles = Lexicon.functionWords("indefinite-articles")
  /// Relative pronouns: a clause, not a name, follows.
  static let relativePronouns = Lexicon.functionWords("relative-pronouns")
  /// Marks that join the items of a list.
  static let listJoiners = Lexicon.functionWords("list-joiners")
  /// Words that join the parts of a name ("Trade and Investment").
  static let nameConnectors = Lexicon.functionWords("name-connectors")
  /// Words inside an institution's name ("Ministry of Trade, Industry and Energy").
  static let institutionConnectors = Lexicon.functionWords("institution-connectors")
  /// Marks and words after which a list of names continues.
  static let nameListLeads = Lexicon.functionWords("name-list-leads")
  /// Words that open a list of examples after a noun ("firms include …").
  static let listIntroducers = Lexicon.functionWords("list-introducers")
  /// Words that open examples after a comma (", including A and B").
  static let exampleIntroducers = Lexicon.functionWords("example-introducers")
  /// Bodies whose names take "in" and a place ("Embassy in Seoul").
  static let missionWords = Lexicon.functionWords("mission-words")
  /// Possessive endings and bare apostrophes, straight and curly.
  static let apostrophes = Lexicon.functionWords("apostrophes")
  /// Prepositions that tie a title to its body ("Director at …", "Professor of …").
  static let titleBodyPrepositions = Lexicon.functionWords("title-body-prepositions")
  /// Prepositions that extend a title ("Minister for …").
  static let titleExtensions = Lexicon.functionWords("title-extensions")
  /// Prepositions inside a body's name ("Committee on …").
  static let bodyNamePrepositions = Lexicon.functionWords("body-name-prepositions")
  /// Prepositions after a representative noun ("executives from …").
  static let representativePrepositions = Lexicon.functionWords("representative-prepositions")
  /// Prepositions between a title and its body when no other cue is given.
  static let affiliationPrepositions = Lexicon.functionWords("affiliation-prepositions")
}
