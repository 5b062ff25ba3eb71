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

/// How far traversals go before they stop and say so.
public struct TraversalLimits: Hashable, Sendable, Codable {
  /// The most entities a neighbourhood lists (nearest first).
  public var maxResults: Int
  /// An entity with more links than this is listed, but a neighbourhood
  /// does not walk on through it: a ministry with thousands of
  /// counterparts would drown everything two steps out.
  public var maxDegree: Int
  /// The most entities a path search visits before it gives up.
  public var maxVisited: Int

  /// Limits; the defaults answer in milliseconds on a store of 100,000 releases.
  public init(maxResults: Int = 500, maxDegree: Int = 1000, maxVisited: Int = 20_000) {
    self.maxResults = max(1, maxResults)
    self.maxDegree = max(1, maxDegree)
    self.maxVisited = max(1, maxVisited)
  }
}

/// The entities around one (``GraphStore/neighborhood(of:depth:relations:limits:)``),
/// with what the limits left out.
public struct Neighborhood: Hashable, Sendable, Codable {
  /// The entities reached, nearest first.
  public var neighbors: [Neighbor]
  /// True when more entities lay within the depth than
  /// ``TraversalLimits/maxResults``: the list stops there.
  public var truncated: Bool
  /// Entities listed but not walked through, with their number of links,
  /// because they have more than ``TraversalLimits/maxDegree``.
  public var hubs: [Hub]

  /// An entity not walked through.
  public struct Hub: Hashable, Sendable, Codable {
    /// The entity.
    public var entity: EntityBrief
    /// Its links (over the relations asked for).
    public var links: Int
  }
}

/// The outcome of a path search (``GraphStore/connection(from:to:maxHops:relations:limits:)``).
public struct PathSearch: Hashable, Sendable, Codable {
  /// The shortest connection found, or nil.
  public var hops: [Hop]?
  /// Entities the search visited.
  public var visited: Int
  /// True when the search stopped at ``TraversalLimits/maxVisited``
  /// before trying every path within the hops: a longer search might
  /// still find one.
  public var stoppedAtLimit: Bool
}

extension GraphStore {
  /// The shortest connection from `source` to `target` (ids), at most
  /// `maxHops` steps over the given relations; nil when there is none
  /// (or none was found within the default ``TraversalLimits``).
  public func path(
    from source: String, to target: String, maxHops: Int = 4,
    relations: Set<Relation> = Set(Relation.allCases)
  ) throws(GraphStoreError) -> [Hop]? {
    try connection(from: source, to: target, maxHops: maxHops, relations: relations).hops
  }

  /// The shortest connection from `source` to `target` (ids), at most
  /// `maxHops` steps over the given relations, visiting at most
  /// ``TraversalLimits/maxVisited`` entities.
  ///
  /// Paths through countries are tried last: that two bodies met "Korea"
  /// says little about how they are connected. Among paths of the same
  /// length, the first in id order is taken, so answers are stable.
  public func connection(
    from source: String, to target: String, maxHops: Int = 4,
    relations: Set<Relation> = Set(Relation.allCases), limits: TraversalLimits = TraversalLimits()
  ) throws(GraphStoreError) -> PathSearch {
    if source == target { return PathSearch(hops: [], visited: 1, stoppedAtLimit: false) }
    guard maxHops > 0 else { return PathSearch(hops: nil, visited: 0, stoppedAtLimit: false) }
    return try read { db in
      guard let start = try Self.brief(db, id: source) else {
        return PathSearch(hops: nil, visited: 0, stoppedAtLimit: false)
      }
      var visited = 0
      var stopped = false
      for throughCountries in [false, true] {
        let search = try Self.search(
          db, from: source, to: target, maxHops: maxHops, relations: relations,
          throughCountries: throughCountries, maxVisited: limits.maxVisited)
        visited = max(visited, search.visited)
        stopped = stopped || search.stopped
        if let steps = search.path {
          // The search reads edges without their evidence; read it now.
          var briefs = [start.id: start]
          let hops = try steps.map { light in
            let step =
              try Self.steps(
                db, from: [light.source], relations: [light.relation], to: light.target.id
              )
              .first ?? light
            briefs[step.target.id] = step.target
            return step.hop(from: briefs[step.source] ?? start)
          }
          return PathSearch(hops: hops, visited: visited, stoppedAtLimit: false)
        }
      }
      return PathSearch(hops: nil, visited: visited, stoppedAtLimit: stopped)
    }
  }

  /// Entities within `depth` hops of `entity` (an id), nearest first,
  /// within the default ``TraversalLimits``.
  public func neighbors(
    of entity: String, depth: Int = 1, relations: Set<Relation> = Set(Relation.allCases)
  ) throws(GraphStoreError) -> [Neighbor] {
    try neighborhood(of: entity, depth: depth, relations: relations).neighbors
  }

  /// Entities within `depth` hops of `entity` (an id), nearest first: at
  /// most ``TraversalLimits/maxResults`` of them, not walking on through
  /// entities with more than ``TraversalLimits/maxDegree`` links (they are
  /// listed, and named in ``Neighborhood/hubs``). The start is always
  /// walked from, whatever its links.
  public func neighborhood(
    of entity: String, depth: Int = 1, relations: Set<Relation> = Set(Relation.allCases),
    limits: TraversalLimits = TraversalLimits()
  ) throws(GraphStoreError) -> Neighborhood {
    var result = Neighborhood(neighbors: [], truncated: false, hubs: [])
    guard depth > 0 else { return result }
    return try read { db in
      guard let start = try Self.brief(db, id: entity) else { return result }
      var briefs = [start.id: start]
      var seen: Set<String> = [entity]
      var frontier = [entity]
      levels: for level in 1...depth {
        if level > 1 {
          // Hubs are listed, not walked through.
          let degrees = try Self.degrees(db, of: frontier, relations: relations)
          var walked: [String] = []
          for id in frontier {
            let links = degrees[id] ?? 0
            if links > limits.maxDegree, let brief = briefs[id] {
              result.hubs.append(Neighborhood.Hub(entity: brief, links: links))
            } else {
              walked.append(id)
            }
          }
          frontier = walked
        }
        var next: [String] = []
        // One source at a time (the order of one query over all of them),
        // so that a level stops reading once the list is full.
        for source in frontier {
          for step in try Self.steps(db, from: [source], relations: relations, withEvidence: false)
          where seen.insert(step.target.id).inserted {
            if result.neighbors.count == limits.maxResults {
              result.truncated = true
              break levels
            }
            next.append(step.target.id)
            briefs[step.target.id] = step.target
            let hop = step.hop(from: briefs[step.source] ?? start)
            result.neighbors.append(Neighbor(entity: step.target, depth: level, hop: hop))
          }
        }
        frontier = next.sorted()
        if frontier.isEmpty { break }
      }
      // Evidence is read for the hops kept only: a level can hold
      // thousands of edges, and each one's evidence is a slice of a body.
      let evidence = try Self.evidence(db, of: result.neighbors.map(\.hop))
      for index in result.neighbors.indices {
        let hop = result.neighbors[index].hop
        let found = evidence[EdgeCollector.Key(hop)]
        result.neighbors[index].hop.evidence = found?.evidence
        result.neighbors[index].hop.release = found?.release
      }
      return result
    }
  }

  /// The evidence sentence and release of each hop's edge.
  static func evidence(_ db: Database, of hops: [Hop]) throws -> [EdgeCollector.Key: (
    evidence: String?, release: ReleaseBrief?
  )] {
    guard !hops.isEmpty else { return [:] }
    let keys = hops.map { [$0.from.id, $0.relation.rawValue, $0.to.id] }
    let list = String(decoding: try JSONEncoder().encode(keys), as: UTF8.self)
    var result: [EdgeCollector.Key: (evidence: String?, release: ReleaseBrief?)] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT edge.source, edge.relation, edge.target,
          coalesce(edge.evidence, \(Schema.sentenceText)) AS evidence, \(ReleaseBrief.columns)
        FROM json_each(?)
        JOIN edge ON edge.source = json_extract(json_each.value, '$[0]')
          AND edge.relation = json_extract(json_each.value, '$[1]')
          AND edge.target = json_extract(json_each.value, '$[2]')
        LEFT JOIN release r ON r.id = edge.release
        LEFT JOIN sentence s ON s.release = edge.release AND s.idx = edge.sentence
        """, arguments: [list])
    {
      let release: String? = (try row.get("release_id"))
      result[
        EdgeCollector.Key(source: row[0], relation: row[1], target: row[2])] = (
          (try row.get("evidence")), release == nil ? nil : try ReleaseBrief(row)
        )
    }
    return result
  }

  /// The number of links of each of `ids` over `relations`.
  static func degrees(_ db: Database, of ids: [String], relations: Set<Relation>) throws
    -> [String: Int]
  {
    guard !ids.isEmpty else { return [:] }
    var degrees: [String: Int] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT source, COUNT(*) AS links FROM edge
        WHERE source IN (SELECT value FROM json_each(?))
          AND relation IN (SELECT value FROM json_each(?))
        GROUP BY source
        """, arguments: [jsonArray(ids), jsonArray(relations.map(\.rawValue).sorted())])
    {
      degrees[try row.get("source")] = try row.get("links")
    }
    return degrees
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
  ///
  /// Without `withEvidence`, steps carry no evidence or release (read
  /// them for the steps kept with ``evidence(_:of:)``).
  static func steps(
    _ db: Database, from sources: [String], relations: Set<Relation>, to target: String? = nil,
    withEvidence: Bool = true
  ) throws -> [Step] {
    guard !sources.isEmpty else { return [] }
    let evidence =
      withEvidence
      ? """
      coalesce(edge.evidence, \(Schema.sentenceText)) AS evidence, \(ReleaseBrief.columns)
      """
      : "NULL AS evidence, NULL AS release_id"
    let joins =
      withEvidence
      ? """
      LEFT JOIN release r ON r.id = edge.release
      LEFT JOIN sentence s ON s.release = edge.release AND s.idx = edge.sentence
      """ : ""
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT edge.source, edge.relation, edge.forward, edge.label, edge.count,
          t.id, t.name, t.type, \(evidence)
        FROM edge JOIN entity t ON t.id = edge.target \(joins)
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
        relation: try row.get("relation"),
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
  static func lightSteps(
    _ db: Database, from sources: [String], relations: Set<Relation>, to target: String? = nil
  ) throws -> [Step] {
    guard !sources.isEmpty else { return [] }
    return try Row.fetchAll(
      db,
      sql: """
        SELECT edge.source, edge.relation, edge.target, t.type FROM edge
        JOIN entity t ON t.id = edge.target
        WHERE edge.source IN (SELECT value FROM json_each(?))
          AND edge.relation IN (SELECT value FROM json_each(?))
          AND (? IS NULL OR edge.target = ?)
        ORDER BY edge.source, \(relationOrder), edge.target
        """,
      arguments: [
        jsonArray(sources), jsonArray(relations.map(\.rawValue).sorted()), target, target,
      ]
    ).map { row in
      let target: String = (try row.get("target"))
      return Step(
        source: (try row.get("source")),
        target: EntityBrief(
          id: target, name: target,
          type: try row.get("type")),
        relation: try row.get("relation"), forward: true,
        label: nil,
        evidence: nil, release: nil, count: 1)
    }
  }

  /// Edges read during one search, by source, in the order
  /// ``lightSteps(_:from:relations:to:)`` gives them: the path is rebuilt
  /// from them without reading a hub's edges again.
  struct Adjacency {
    let db: Database
    let relations: Set<Relation>
    private var edges: [String: [Step]] = [:]

    init(db: Database, relations: Set<Relation>) {
      self.db = db
      self.relations = relations
    }

    /// The edges leaving `sources`, in order (read once per source).
    mutating func steps(from sources: [String]) throws -> [Step] {
      let missing = sources.filter { edges[$0] == nil }
      if !missing.isEmpty {
        for source in missing { edges[source] = [] }
        for step in try GraphStore.lightSteps(db, from: missing, relations: relations) {
          edges[step.source, default: []].append(step)
        }
      }
      return sources.flatMap { edges[$0] ?? [] }
    }
  }

  /// Breadth-first search from both ends, one query per level, the
  /// smaller frontier first, until `maxVisited` entities have been seen.
  ///
  /// The path is the one a breadth-first search from `source` alone finds
  /// (``Hop``s in a stable order): of the entities one step nearer the
  /// source on a shortest path, the first in id order, and between two
  /// entities the first relation (affiliation, parent, predecessor,
  /// meeting). Entities other than the two ends are walked through only
  /// when `throughCountries` or they are not countries.
  static func search(
    _ db: Database, from source: String, to target: String, maxHops: Int,
    relations: Set<Relation>, throughCountries: Bool, maxVisited: Int
  ) throws -> (path: [Step]?, visited: Int, stopped: Bool) {
    func walkable(_ step: Step) -> Bool {
      throughCountries || step.target.type != .country || step.target.id == source
        || step.target.id == target
    }
    // Distance from each end, for the entities reached.
    var fromSource: [String: Int] = [source: 0]
    var fromTarget: [String: Int] = [target: 0]
    var sourceFrontier = [source]
    var targetFrontier = [target]
    var sourceDepth = 0
    var targetDepth = 0
    var seen: Set<String> = [source, target]
    /// The entities both searches reached, where a path can pass.
    func meeting() -> [String] {
      fromSource.keys.filter { fromTarget[$0] != nil && walkableIDs.contains($0) }
    }
    var walkableIDs: Set<String> = [source, target]
    var adjacency = Adjacency(db: db, relations: relations)
    while sourceDepth + targetDepth < maxHops {
      guard !sourceFrontier.isEmpty, !targetFrontier.isEmpty else { break }
      // The smaller frontier goes one level further.
      let forward = sourceFrontier.count <= targetFrontier.count
      let frontier = forward ? sourceFrontier : targetFrontier
      let level = (forward ? sourceDepth : targetDepth) + 1
      var next: Set<String> = []
      for step in try adjacency.steps(from: frontier) {
        let id = step.target.id
        seen.insert(id)
        if forward {
          guard fromSource[id] == nil else { continue }
          fromSource[id] = level
        } else {
          guard fromTarget[id] == nil else { continue }
          fromTarget[id] = level
        }
        if walkable(step) {
          walkableIDs.insert(id)
          // An end is never walked on from by the other end's search.
          if id != (forward ? target : source) { next.insert(id) }
        }
      }
      if forward {
        sourceDepth = level
        sourceFrontier = next.sorted()
      } else {
        targetDepth = level
        targetFrontier = next.sorted()
      }
      let met = meeting()
      if !met.isEmpty {
        let length = met.map { (fromSource[$0] ?? 0) + (fromTarget[$0] ?? 0) }.min() ?? 0
        return (
          try shortestPath(
            &adjacency, length: length, from: source, to: target,
            fromSource: fromSource, fromTarget: fromTarget, walkable: walkableIDs),
          seen.count, false
        )
      }
      if seen.count >= maxVisited { return (nil, seen.count, true) }
    }
    return (nil, seen.count, false)
  }

  /// The path of `length` hops that a breadth-first search from `source`
  /// finds, given both searches' distances (each entity on a shortest path
  /// has a known distance from at least one end).
  private static func shortestPath(
    _ adjacency: inout Adjacency, length: Int, from source: String, to target: String,
    fromSource: [String: Int], fromTarget: [String: Int], walkable: Set<String>
  ) throws -> [Step] {
    // The entities k hops from the source on a shortest path, from the
    // level where the searches met outwards.
    var onPath = [Set<String>](repeating: [], count: length + 1)
    let meetingLevels = fromSource.compactMap { id, k -> (String, Int)? in
      guard let rest = fromTarget[id], k + rest == length, walkable.contains(id) else {
        return nil
      }
      return (id, k)
    }
    for (id, k) in meetingLevels { onPath[k].insert(id) }
    let known = meetingLevels.map(\.1)
    let low = known.min() ?? 0
    let high = known.max() ?? 0
    // Towards the source: neighbours one hop nearer it.
    if low > 0 {
      for k in stride(from: low - 1, through: 0, by: -1) {
        let nearer = try adjacency.steps(from: onPath[k + 1].sorted())
          .map(\.target.id)
          .filter { fromSource[$0] == k && walkable.contains($0) }
        onPath[k].formUnion(nearer)
      }
    }
    // Towards the target: neighbours one hop nearer it.
    if high < length {
      for k in (high + 1)...length {
        let nearer = try adjacency.steps(from: onPath[k - 1].sorted())
          .map(\.target.id)
          .filter { fromTarget[$0] == length - k && walkable.contains($0) }
        onPath[k].formUnion(nearer)
      }
    }
    // From the target back: the first entity in id order one level nearer
    // the source, and the first relation between the two.
    var path: [Step] = []
    var current = target
    for k in stride(from: length - 1, through: 0, by: -1) {
      let candidates = onPath[k].sorted()
      guard
        let step = try adjacency.steps(from: candidates).first(where: { $0.target.id == current })
      else { break }
      path.insert(step, at: 0)
      current = step.source
    }
    return path
  }
}

extension EdgeCollector.Key {
  /// The key of the edge a hop follows.
  init(_ hop: Hop) {
    self.init(source: hop.from.id, relation: hop.relation.rawValue, target: hop.to.id)
  }
}
