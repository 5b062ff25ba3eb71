import EntityGraph
import Foundation
import GRDB
import PressReleases

/// A user's correction to the derived graph. Corrections are stored and
/// applied again every time the graph is derived, so a later ingest never
/// undoes them.
///
/// Entities are named by id, with the name they had when the correction was
/// made: if a later ingest gives the entity another id (its canonical name
/// changed), the name finds it again.
///
/// In an overrides file (`pressgraph corrections import FILE`), a JSON
/// array of these objects, `entity` and `other` may be any name, alias or
/// id that ``GraphStore/lookup(_:)`` accepts:
///
/// ```json
/// [
///   {"action": "merge", "entity": "Kim Jung-kwan", "other": "Kim JK"},
///   {"action": "rename", "entity": "KOTRA", "name": "KOTRA (Korea Trade-Investment Promotion Agency)"},
///   {"action": "alias", "entity": "Ministry of Trade, Industry and Resources", "alias": "Trade Ministry"},
///   {"action": "split", "entity": "Kim Min-soo", "forms": ["Kim Min-su"], "name": "Kim Min-su"}
/// ]
/// ```
public struct Correction: Hashable, Sendable, Codable {
  /// What a correction does.
  public enum Action: String, Hashable, Sendable, Codable, CaseIterable {
    /// `other` is the same thing as `entity`: fold it in.
    case merge
    /// Mentions written as one of `forms` are a different thing: move them
    /// (and, in releases where only those forms appear, the entity's
    /// relations) to a new entity called `name`.
    case split
    /// Show `entity` as `name`; the old name stays an alias.
    case rename
    /// Also find `entity` by `alias`.
    case alias
  }

  /// The stored correction's number (nil until stored).
  public var number: Int?
  /// What to do.
  public var action: Action
  /// The entity corrected (an id once stored).
  public var entity: String
  /// Its name when the correction was made.
  public var entityName: String?
  /// For `merge`: the entity folded into `entity`.
  public var other: String?
  /// Its name when the correction was made.
  public var otherName: String?
  /// For `rename`, the new name; for `split`, the new entity's name.
  public var name: String?
  /// For `alias`: the extra name.
  public var alias: String?
  /// For `split`: the surface forms that belong to another entity.
  public var forms: [String]?

  /// Creates a correction.
  public init(
    action: Action, entity: String, entityName: String? = nil, other: String? = nil,
    otherName: String? = nil, name: String? = nil, alias: String? = nil, forms: [String]? = nil
  ) {
    self.action = action
    self.entity = entity
    self.entityName = entityName
    self.other = other
    self.otherName = otherName
    self.name = name
    self.alias = alias
    self.forms = forms
  }

  /// "merge Kim JK into Kim Jung-kwan".
  public var summary: String {
    let target = entityName ?? entity
    switch action {
    case .merge: return "merge \(otherName ?? other ?? "?") into \(target)"
    case .split:
      return "split \((forms ?? []).joined(separator: ", ")) from \(target)"
        + (name.map { " as \($0)" } ?? "")
    case .rename: return "rename \(target) to \(name ?? "?")"
    case .alias: return "alias \(target) as \(alias ?? "?")"
    }
  }

  /// Checks that the fields the action needs are there.
  public func validate() throws(GraphStoreError) {
    switch action {
    case .merge:
      guard let other, !other.isEmpty else { throw .invalidCorrection("merge needs \"other\"") }
      if other == entity { throw .invalidCorrection("cannot merge \(entity) into itself") }
    case .split:
      guard let forms, !forms.isEmpty else { throw .invalidCorrection("split needs \"forms\"") }
    case .rename:
      guard let name, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
        throw .invalidCorrection("rename needs \"name\"")
      }
    case .alias:
      guard let alias, !alias.trimmingCharacters(in: .whitespaces).isEmpty else {
        throw .invalidCorrection("alias needs \"alias\"")
      }
    }
  }
}

extension GraphStore {
  /// The stored corrections, in the order they were made.
  public func corrections() throws(GraphStoreError) -> [Correction] {
    try read { db in try Self.corrections(db) }
  }

  static func corrections(_ db: Database) throws -> [Correction] {
    return try Row.fetchAll(db, sql: "SELECT id, body FROM correction ORDER BY id").map { row in
      var correction = try JSONDecoder().decode(
        Correction.self, from: Data((try row.get("body") as String).utf8))
      correction.number = (try row.get("id"))
      return correction
    }
  }

  /// Resolves the correction's entity names with ``lookup(_:)``, stores it,
  /// and returns it as stored. Call ``rebuild(with:)`` to apply it.
  @discardableResult
  public func add(_ correction: Correction) throws(GraphStoreError) -> Correction {
    try correction.validate()
    var stored = correction
    let entity = try lookup(correction.entity)
    stored.entity = entity.id
    stored.entityName = entity.name
    if correction.action == .merge, let other = correction.other {
      let brief = try lookup(other)
      if brief.id == entity.id {
        throw .invalidCorrection("\"\(other)\" and \"\(correction.entity)\" are already one entity")
      }
      stored.other = brief.id
      stored.otherName = brief.name
    }
    stored.number = nil
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let body = String(decoding: (try? encoder.encode(stored)) ?? Data(), as: UTF8.self)
    do {
      stored.number = try database.write { db in
        try db.execute(sql: "INSERT INTO correction (body) VALUES (?)", arguments: [body])
        let number = Int(db.lastInsertedRowID)
        try Self.markStale(db)
        return number
      }
    } catch {
      throw GraphStoreError.classify(error, path: path) { .queryFailed(reason: $0) }
    }
    return stored
  }

  /// Deletes a stored correction; the next ``rebuild(with:)`` undoes it.
  /// - Returns: false when there is no correction with that number.
  @discardableResult
  public func removeCorrection(_ number: Int) throws(GraphStoreError) -> Bool {
    do {
      return try database.write { db in
        try db.execute(sql: "DELETE FROM correction WHERE id = ?", arguments: [number])
        let removed = db.changesCount > 0
        if removed { try Self.markStale(db) }
        return removed
      }
    } catch {
      throw GraphStoreError.classify(error, path: path) { .queryFailed(reason: $0) }
    }
  }

  /// Decodes an overrides file: a JSON array of ``Correction`` objects.
  public static func decodeCorrections(_ data: Data, file: String) throws(GraphStoreError)
    -> [Correction]
  {
    do {
      let corrections = try JSONDecoder().decode([Correction].self, from: data)
      for (n, correction) in corrections.enumerated() {
        do {
          try correction.validate()
        } catch {
          throw GraphStoreError.badCorrections(file: file, reason: "item \(n + 1): \(error)")
        }
      }
      return corrections
    } catch let error as GraphStoreError {
      throw error
    } catch let DecodingError.dataCorrupted(context) {
      throw .badCorrections(file: file, reason: context.debugDescription)
    } catch let DecodingError.keyNotFound(key, context) {
      throw .badCorrections(
        file: file, reason: "item \(itemNumber(context.codingPath)): missing \"\(key.stringValue)\""
      )
    } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context)
    {
      throw .badCorrections(
        file: file,
        reason: "item \(itemNumber(context.codingPath)): \(context.debugDescription)")
    } catch {
      throw .badCorrections(file: file, reason: "\(error)")
    }
  }

  private static func itemNumber(_ path: [any CodingKey]) -> String {
    path.first?.intValue.map { String($0 + 1) } ?? "?"
  }
}

/// Applies corrections to a derived graph.
enum CorrectionEngine {
  struct Result {
    var diagnostics: [Diagnostic] = []
  }

  static func apply(_ corrections: [Correction], to graph: inout EntityGraph) -> Result {
    var result = Result()
    for correction in corrections {
      func note(_ text: String) {
        result.diagnostics.append(
          Diagnostic(
            .warning, stage: .store, file: nil,
            "correction \(correction.number.map { "#\($0) " } ?? "")(\(correction.summary)) \(text)"
          ))
      }
      guard let entity = find(correction.entity, name: correction.entityName, in: graph) else {
        note("no longer matches an entity; left out")
        continue
      }
      switch correction.action {
      case .merge:
        guard let otherID = correction.other,
          let other = find(otherID, name: correction.otherName, in: graph)
        else {
          note("no longer matches an entity; left out")
          continue
        }
        if other.id == entity.id { continue }  // Already one entity.
        merge(other, into: entity, in: &graph)
      case .rename:
        guard let name = correction.name else { continue }
        update(entity.id, in: &graph) { entity in
          if entity.name != name {
            entity.aliases = Set(entity.aliases + [entity.name]).subtracting([name]).sorted()
            entity.name = name
          }
        }
      case .alias:
        guard let alias = correction.alias else { continue }
        update(entity.id, in: &graph) { entity in
          if alias != entity.name { entity.aliases = Set(entity.aliases + [alias]).sorted() }
        }
      case .split:
        if !split(entity, forms: correction.forms ?? [], name: correction.name, in: &graph) {
          note("matches no mention; left out")
        }
      }
    }
    return result
  }

  /// The entity with `id`, or else the one entity with `name` as its name or
  /// alias.
  static func find(_ id: String, name: String?, in graph: EntityGraph) -> Entity? {
    if let entity = graph.entity(id) { return entity }
    guard let name else { return nil }
    let key = LookupKey.fold(name)
    let matches = graph.entities.filter { entity in
      LookupKey.fold(entity.name) == key || entity.aliases.contains { LookupKey.fold($0) == key }
    }
    return matches.count == 1 ? matches[0] : nil
  }

  static func update(_ id: String, in graph: inout EntityGraph, _ body: (inout Entity) -> Void) {
    guard let index = graph.entities.firstIndex(where: { $0.id == id }) else { return }
    body(&graph.entities[index])
  }

  static func merge(_ other: Entity, into entity: Entity, in graph: inout EntityGraph) {
    update(entity.id, in: &graph) { kept in
      kept.aliases = Set(kept.aliases + other.aliases + [other.name]).subtracting([kept.name])
        .sorted()
      if kept.country == nil { kept.country = other.country }
    }
    graph.entities.removeAll { $0.id == other.id }
    let map = [other.id: entity.id]
    for r in graph.releases.indices {
      replace(map, in: &graph.releases[r]) { _ in true }
    }
    graph.successions = graph.successions.map {
      Succession(
        predecessor: map[$0.predecessor] ?? $0.predecessor,
        successor: map[$0.successor] ?? $0.successor)
    }.filter { $0.predecessor != $0.successor }
  }

  /// Rewrites entity ids in one release through `map`; mentions are rewritten
  /// only when `moves` accepts them.
  static func replace(
    _ map: [String: String], in release: inout ReleaseExtraction,
    mentions moves: (Mention) -> Bool, relations: Bool = true
  ) {
    func swap(_ id: String) -> String { map[id] ?? id }
    for m in release.mentions.indices where map[release.mentions[m].entity] != nil {
      if moves(release.mentions[m]) {
        release.mentions[m].entity = swap(release.mentions[m].entity)
      }
    }
    if relations {
      var seen: Set<Affiliation> = []
      release.affiliations = release.affiliations.map {
        Affiliation(person: swap($0.person), org: swap($0.org), title: $0.title)
      }.filter { $0.person != $0.org && seen.insert($0).inserted }
      release.parents = release.parents.map {
        ParentLink(child: swap($0.child), parent: swap($0.parent), evidence: $0.evidence)
      }.filter { $0.child != $0.parent }
      for m in release.meetings.indices {
        release.meetings[m].participants = Set(release.meetings[m].participants.map(swap)).sorted()
      }
    }
    release.entities =
      relations
      ? Set(release.entities.map(swap)).sorted()
      // A partial move: the old and the new entity are both mentioned.
      : Set(release.entities + release.mentions.map(\.entity)).sorted()
  }

  /// Moves the mentions written as `forms` to a new entity. Returns false
  /// when no mention matches.
  static func split(
    _ entity: Entity, forms: [String], name: String?, in graph: inout EntityGraph
  ) -> Bool {
    let keys = Set(forms.map(LookupKey.fold))
    func moves(_ mention: Mention) -> Bool {
      mention.entity == entity.id && keys.contains(LookupKey.fold(mention.text))
    }
    let moved = graph.releases.flatMap(\.mentions).filter(moves)
    guard !moved.isEmpty else { return false }
    let newName = name ?? moved.map(\.text).min() ?? entity.name
    var id = "\(entity.type.rawValue):\(slug(newName))"
    var n = 2
    while graph.entity(id) != nil {
      id = "\(entity.type.rawValue):\(slug(newName))-\(n)"
      n += 1
    }
    let map = [entity.id: id]
    for r in graph.releases.indices {
      let own = graph.releases[r].mentions.filter { $0.entity == entity.id }
      guard own.contains(where: moves) else { continue }
      // Relations move too when every mention in the release moves.
      replace(map, in: &graph.releases[r], mentions: moves, relations: own.allSatisfy(moves))
    }
    let movedForms = Set(moved.map(\.text))
    let remaining = Set(graph.releases.flatMap(\.mentions).filter { $0.entity == entity.id })
    graph.entities.append(
      Entity(
        id: id, name: newName, type: entity.type,
        aliases: movedForms.subtracting([newName]).sorted(), country: entity.country))
    if remaining.isEmpty {
      graph.entities.removeAll { $0.id == entity.id }
    } else {
      update(entity.id, in: &graph) { old in
        let kept = Set(remaining.map(\.text))
        old.aliases = old.aliases.filter { !movedForms.contains($0) || kept.contains($0) }
      }
    }
    graph.entities.sort { $0.id < $1.id }
    return true
  }

  /// A readable id part: lowercase letters and digits joined by dashes.
  static func slug(_ text: String) -> String {
    let words = LookupKey.words(text)
    return words.isEmpty ? "entity" : words.joined(separator: "-")
  }
}
