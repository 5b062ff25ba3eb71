import EntityGraph
import Foundation
import GRDB

/// An entity's id, name and type: enough to show it and to find it again.
public struct EntityBrief: Hashable, Sendable, Codable, Comparable {
  /// The stable id (`person:park-jung-sung`).
  public var id: String
  /// The canonical name.
  public var name: String
  /// The type.
  public var type: EntityType

  /// Creates a brief.
  public init(id: String, name: String, type: EntityType) {
    self.id = id
    self.name = name
    self.type = type
  }

  public static func < (lhs: EntityBrief, rhs: EntityBrief) -> Bool {
    (lhs.name, lhs.id) < (rhs.name, rhs.id)
  }
}

/// How names are compared in lookups: case, accents, spaces and punctuation
/// are ignored ("park jung sung", "Park Jung-sung" and "PARK JUNGSUNG" are
/// one key).
enum LookupKey {
  static func fold(_ text: String) -> String {
    var key = ""
    for scalar in text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      .unicodeScalars
    where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
      key.unicodeScalars.append(scalar)
    }
    return key.lowercased()
  }

  /// The folded words of `text`.
  static func words(_ text: String) -> [String] {
    text.split { !$0.isLetter && !$0.isNumber }.map { fold(String($0)) }.filter { !$0.isEmpty }
  }
}

extension GraphStore {
  /// Finds the entity a user means by `text`, the same way in every command.
  ///
  /// In order, the first rule that matches decides:
  /// 1. the id itself (`ministry:kr-motir`);
  /// 2. the canonical name, then a name seen in releases (aliases, acronyms),
  ///    then a name the built-in data knows (a former or official name);
  /// 3. a prefix of a name ("Tran Quoc", "Korea Trade-Inv"), a prefix of
  ///    each word ("Park J S"), or a later word of a name ("Sefcovic");
  /// 4. a name one or two typing errors away ("Park Jung-sun").
  ///
  /// Case, accents, spaces and punctuation are ignored throughout. When
  /// several entities match at the deciding rule, the text is ambiguous;
  /// when none does, the closest names are suggested.
  /// - Throws: ``GraphStoreError/ambiguous(query:candidates:)`` or
  ///   ``GraphStoreError/notFound(query:suggestions:)``.
  public func lookup(_ text: String) throws(GraphStoreError) -> EntityBrief {
    let key = LookupKey.fold(text)
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    return try read { db throws -> EntityBrief in
      if let exact = try Self.brief(db, id: trimmed) { return exact }
      guard !key.isEmpty else { throw GraphStoreError.notFound(query: text, suggestions: []) }
      // Exact names, best rank first.
      let exact = try Row.fetchAll(
        db, sql: "SELECT entity, rank FROM lookup WHERE key = ? ORDER BY rank, entity",
        arguments: [key])
      if let best = try exact.first.map({ try $0.get("rank") as Int }) {
        let ids = try exact.filter { (try $0.get("rank") as Int) == best }.map {
          (try $0.get("entity") as String)
        }
        return try Self.decide(db, ids, query: text)
      }
      // Prefixes of a whole name.
      let prefixed = try String.fetchAll(
        db, sql: "SELECT DISTINCT entity FROM lookup WHERE key > ? AND key < ? ORDER BY entity",
        arguments: [key, key + "\u{10FFFF}"])
      if !prefixed.isEmpty { return try Self.decide(db, prefixed, query: text) }
      // Prefixes of each word, and near misses, over the names.
      let names = try Row.fetchAll(
        db,
        sql: """
          SELECT entity.id, entity.name, entity.type, alias.alias FROM entity
          LEFT JOIN alias ON alias.entity = entity.id ORDER BY entity.id
          """)
      let queryWords = LookupKey.words(text)
      let longWords = Set(queryWords.filter { $0.count >= 3 })
      var wordMatches: Set<String> = []
      var distances: [String: Int] = [:]
      var sharedWords: [String: Int] = [:]
      for row in names {
        let id: String = (try row.get(0))
        for name in [(try row.get(1)), (try row.get(3))] as [String?] {
          guard let name else { continue }
          let words = LookupKey.words(name)
          if queryWords.count > 1, queryWords.count <= words.count,
            zip(queryWords, words).allSatisfy({ $1.hasPrefix($0) })
          {
            wordMatches.insert(id)
          }
          // One whole word of a name: "Sefcovic" for "Maroš Šefčovič".
          if queryWords.count == 1, queryWords[0].count >= 3,
            words.dropFirst().contains(queryWords[0])
          {
            wordMatches.insert(id)
          }
          let distance = editDistance(key, LookupKey.fold(name), limit: 3)
          distances[id] = min(distances[id] ?? .max, distance)
          let shared = longWords.intersection(words).count
          sharedWords[id] = max(sharedWords[id] ?? 0, shared)
        }
      }
      if !wordMatches.isEmpty { return try Self.decide(db, wordMatches.sorted(), query: text) }
      let allowed = key.count >= 12 ? 2 : key.count >= 5 ? 1 : 0
      let near = distances.filter { $0.value <= allowed }
      if let best = near.values.min() {
        return try Self.decide(
          db, near.filter { $0.value == best }.keys.sorted(), query: text)
      }
      // Suggestions: names a few edits away, or sharing whole words.
      let suggestions = distances.keys.filter {
        (distances[$0] ?? .max) <= 3 || (sharedWords[$0] ?? 0) > 0
      }.sorted {
        (-(sharedWords[$0] ?? 0), distances[$0] ?? .max, $0)
          < (-(sharedWords[$1] ?? 0), distances[$1] ?? .max, $1)
      }.prefix(5)
      throw GraphStoreError.notFound(
        query: text, suggestions: try suggestions.compactMap { try Self.brief(db, id: $0) })
    }
  }

  private static func decide(_ db: Database, _ ids: [String], query: String) throws -> EntityBrief {
    let briefs = try ids.compactMap { try brief(db, id: $0) }.sorted()
    if briefs.count == 1 { return briefs[0] }
    if briefs.isEmpty { throw GraphStoreError.notFound(query: query, suggestions: []) }
    throw GraphStoreError.ambiguous(query: query, candidates: briefs)
  }

  static func brief(_ db: Database, id: String) throws -> EntityBrief? {
    try Row.fetchOne(db, sql: "SELECT id, name, type FROM entity WHERE id = ?", arguments: [id])
      .map(brief)
  }

  static func brief(_ row: Row) throws -> EntityBrief {
    EntityBrief(
      id: (try row.get("id")), name: (try row.get("name")),
      type: try row.get("type"))
  }
}

/// Levenshtein distance between `a` and `b`, or `limit + 1` once it is
/// certain to exceed `limit`.
func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
  let a = Array(a.unicodeScalars)
  let b = Array(b.unicodeScalars)
  if abs(a.count - b.count) > limit { return limit + 1 }
  if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    var rowMin = current[0]
    for j in 1...b.count {
      let cost = a[i - 1] == b[j - 1] ? 0 : 1
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      rowMin = min(rowMin, current[j])
    }
    if rowMin > limit { return limit + 1 }
    swap(&previous, &current)
  }
  return previous[b.count]
}
