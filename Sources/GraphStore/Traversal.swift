import EntityGraph
import Foundation
import GRDB

/// One step of a connection between two entities.
public struct Hop: Hashable, Sendable, Codable {
  /// Where the step starts.
  public var from: EntityBrief
  /// Where it ends.
  public var to: EntityBrief
  /// How the two are related.
  public var relation: Relation
  /// True when `from` plays the relation's first role: the person of an
  /// affiliation, the child of a parent link, the predecessor of a renamed
  /// body. Meetings have no direction.
  public var forward: Bool
  /// The title (affiliation) or date (meeting), when known.
  public var label: String?
  /// The earliest sentence stating it.
  public var evidence: String?
  /// The release of that sentence.
  public var release: ReleaseBrief?
  /// How many times the store states it (meetings, releases).
  public var count: Int

  /// "Park Jung-sung — Deputy Minister for Trade at → MOTIR", in words.
  public var explanation: String {
    switch relation {
    case .affiliation:
      let title = label.map { "\($0) " } ?? ""
      return forward
        ? "\(from.name) is \(title.isEmpty ? "affiliated with" : title + "at") \(to.name)"
        : "\(to.name) is \(title.isEmpty ? "affiliated with" : title + "at") \(from.name)"
    case .parent:
      return forward ? "\(from.name) is under \(to.name)" : "\(to.name) is under \(from.name)"
    case .predecessor:
      return forward
        ? "\(from.name) was renamed \(to.name)" : "\(to.name) was renamed \(from.name)"
    case .meeting:
      let times = count > 1 ? " (\(count) meetings)" : ""
      return "\(from.name) met \(to.name)" + (label.map { " on \($0)" } ?? "") + times
    }
  }
}

/// An entity reached from another, for `pressgraph neighbors`.
public struct Neighbor: Hashable, Sendable, Codable {
  /// The entity reached.
  public var entity: EntityBrief
  /// How many hops away.
  public var depth: Int
  /// The step that reached it.
  public var hop: Hop
}

extension GraphStore {
  /// The shortest connection from `source` to `target` (ids), at most
  /// `maxHops` steps over the given relations; nil when there is none.
  ///
  /// Paths through countries are tried last: that two bodies met "Korea"
  /// says little about how they are connected. Among paths of the same
  /// length, the first in id order is taken, so answers are stable.
  public func path(
    from source: String, to target: String, maxHops: Int = 4,
    relations: Set<Relation> = Set(Relation.allCases)
  ) throws(GraphStoreError) -> [Hop]? {
    if source == target { return [] }
    guard maxHops > 0 else { return nil }
    return try read { db in
      guard let start = try Self.brief(db, id: source) else { return nil }
      for throughCountries in [false, true] {
        if let steps = try Self.search(
          db, from: source, to: target, maxHops: maxHops, relations: relations,
          throughCountries: throughCountries)
        {
          // The search reads edges without their evidence; read it now.
          var briefs = [start.id: start]
          return try steps.map { light in
            let step =
              try Self.steps(
                db, from: [light.source], relations: [light.relation], to: light.target.id
              )
              .first ?? light
            briefs[step.target.id] = step.target
            return step.hop(from: briefs[step.source] ?? start)
          }
        }
      }
      return nil
    }
  }

  /// Entities within `depth` hops of `entity` (an id), nearest first.
  public func neighbors(
    of entity: String, depth: Int = 1, relations: Set<Relation> = Set(Relation.allCases)
  ) throws(GraphStoreError) -> [Neighbor] {
    guard depth > 0 else { return [] }
    return try read { db in
      guard let start = try Self.brief(db, id: entity) else { return [] }
      var briefs = [start.id: start]
      var seen: Set<String> = [entity]
      var frontier = [entity]
      var result: [Neighbor] = []
      for level in 1...depth {
        var next: [String] = []
        for step in try Self.steps(db, from: frontier, relations: relations)
        where seen.insert(step.target.id).inserted {
          next.append(step.target.id)
          briefs[step.target.id] = step.target
          let hop = step.hop(from: briefs[step.source] ?? start)
          result.append(Neighbor(entity: step.target, depth: level, hop: hop))
        }
        frontier = next.sorted()
        if frontier.isEmpty { break }
      }
      return result
    }
  }

  /// An edge leaving an entity, with what a ``Hop`` shows.
  struct Step {
    var source: String
    var target: EntityBrief
    var relation: Relation
    var forward: Bool
    var label: String?
    var evidence: String?
    var release: ReleaseBrief?
    var count: Int

    func hop(from: EntityBrief) -> Hop {
      Hop(
        from: from, to: target, relation: relation, forward: forward, label: label,
        evidence: evidence, release: release, count: count)
    }
  }

  /// Every edge leaving `sources` (and reaching `target`, when given), in a
  /// stable order.
  static func steps(
    _ db: Database, from sources: [String], relations: Set<Relation>, to target: String? = nil
  ) throws -> [Step] {
    guard !sources.isEmpty else { return [] }
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT edge.source, edge.relation, edge.forward, edge.label, edge.evidence, edge.count,
          t.id, t.name, t.type, \(ReleaseBrief.columns)
        FROM edge JOIN entity t ON t.id = edge.target LEFT JOIN release r ON r.id = edge.release
        WHERE edge.source IN (SELECT value FROM json_each(?))
          AND edge.relation IN (SELECT value FROM json_each(?))
          AND (? IS NULL OR edge.target = ?)
        ORDER BY edge.source, \(relationOrder), edge.target
        """,
      arguments: [
        jsonArray(sources), jsonArray(relations.map(\.rawValue).sorted()), target, target,
      ])
    return try rows.map { row in
      let release: String? = (try row.get("release_id"))
      return Step(
        source: (try row.get("source")), target: try brief(row),
        relation: Relation(rawValue: (try row.get("relation"))) ?? .meeting,
        forward: (try row.get("forward")),
        label: (try row.get("label")), evidence: (try row.get("evidence")),
        release: release == nil ? nil : try ReleaseBrief(row), count: (try row.get("count")))
    }
  }

  static let relationOrder = """
    CASE edge.relation WHEN 'affiliation' THEN 0 WHEN 'parent' THEN 1 WHEN 'predecessor' THEN 2
    ELSE 3 END
    """

  /// Edges leaving `sources` with only what a search needs.
  static func lightSteps(_ db: Database, from sources: [String], relations: Set<Relation>)
    throws -> [Step]
  {
    try Row.fetchAll(
      db,
      sql: """
        SELECT edge.source, edge.relation, edge.target, t.type FROM edge
        JOIN entity t ON t.id = edge.target
        WHERE edge.source IN (SELECT value FROM json_each(?))
          AND edge.relation IN (SELECT value FROM json_each(?))
        ORDER BY edge.source, \(relationOrder), edge.target
        """, arguments: [jsonArray(sources), jsonArray(relations.map(\.rawValue).sorted())]
    ).map { row in
      let target: String = (try row.get("target"))
      return Step(
        source: (try row.get("source")),
        target: EntityBrief(
          id: target, name: target,
          type: EntityType(rawValue: (try row.get("type"))) ?? .organization),
        relation: Relation(rawValue: (try row.get("relation"))) ?? .meeting, forward: true,
        label: nil,
        evidence: nil, release: nil, count: 1)
    }
  }

  /// Breadth-first search, level by level, one query per level.
  static func search(
    _ db: Database, from source: String, to target: String, maxHops: Int,
    relations: Set<Relation>, throughCountries: Bool
  ) throws -> [Step]? {
    var reachedBy: [String: Step] = [:]
    var seen: Set<String> = [source]
    var frontier = [source]
    for _ in 0..<maxHops {
      var next: [String] = []
      for step in try lightSteps(db, from: frontier, relations: relations)
      where seen.insert(step.target.id).inserted {
        reachedBy[step.target.id] = step
        if step.target.id == target {
          var path = [step]
          while let previous = reachedBy[path[0].source] { path.insert(previous, at: 0) }
          return path
        }
        if throughCountries || step.target.type != .country { next.append(step.target.id) }
      }
      frontier = next.sorted()
      if frontier.isEmpty { break }
    }
    return nil
  }
}
