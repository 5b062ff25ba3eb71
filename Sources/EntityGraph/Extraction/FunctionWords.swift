/// Function words that the extraction code tests tokens against.
///
/// They are grammar, not domain vocabulary (that lives in
/// `Resources/lexicon`). Each list is a constant array: a test is a few string
/// comparisons, where an array literal at the call site was allocated on every
/// call, inside loops over every token.
extension State {
  /// Words that join the parts of a name ("Trade and Investment", "R&D Office of …").
  static let nameConnectors: [String] = ["and", "&", "of", "for"]
  /// Words inside an institution's name ("Ministry of Trade, Industry and Energy").
  static let institutionConnectors: [String] = ["of", "for", "and", "&", "to", "the", "in"]
  /// Words that open a list of examples after a noun ("firms include …").
  static let listIntroducers: [String] = [
    "include", "included", "including", "such", "like", "are", ":",
  ]
  /// Marks and words after which a list of names continues.
  static let nameListLeads: [String] = [":", ",", "-", "\u{2013}", "and"]
  /// Bodies whose names take "in" and a place ("Embassy in Seoul").
  static let missionWords: [String] = ["embassy", "consulate", "mission", "office"]
  /// Apostrophes and possessive endings, straight and curly.
  static let apostropheMarks: [String] = ["'", "\u{2019}", "'s", "\u{2019}s"]
  /// Possessive endings and bare apostrophes, straight and curly.
  static let possessiveMarks: [String] = ["'s", "'", "’s", "’"]
  /// Relative pronouns: a clause, not a name, follows.
  static let relativePronouns: [String] = ["that", "which", "who"]
  /// Marks that join the items of a list.
  static let listJoiners: [String] = ["and", "&", ","]
  /// Prepositions that tie a title to its body ("Director at …").
  static let atOfIn: [String] = ["at", "of", "in"]
  /// Prepositions inside a body's name ("Committee on …").
  static let ofForOn: [String] = ["of", "for", "on"]
  /// Words that open examples after a comma ("…, including A and B").
  static let exampleIntroducers: [String] = ["including", "like"]
  /// Prepositions after a representative noun ("executives from …").
  static let fromOf: [String] = ["from", "of"]
  /// Prepositions that tie a title to its body ("Professor of …").
  static let ofAt: [String] = ["of", "at"]
  /// Prepositions that extend a title ("Minister for …").
  static let forOf: [String] = ["for", "of"]
  /// "and", in words and as a sign.
  static let andWords: [String] = ["and", "&"]
  /// The indefinite article.
  static let indefiniteArticles: [String] = ["a", "an"]
}
