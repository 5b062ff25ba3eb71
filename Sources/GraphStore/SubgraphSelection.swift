import EntityGraph
import Foundation
import GRDB

/// Which part of the graph to draw or export.
public struct SubgraphRequest: Hashable, Sendable {
  /// What the subgraph is about.
  public enum Focus: Hashable, Sendable {
    /// An entity (id) and what lies within ``SubgraphRequest/depth`` steps.
    case ego(String)
    /// The shortest chain between two entities (ids), their direct
    /// meetings, and the bodies of the people on it.
    case connection(String, String)
    /// What one release (id) says.
    case release(String)
    /// Everything.
    case whole
  }

  /// What the subgraph is about.
  public var focus: Focus
  /// Steps out from an ego entity.
  public var depth: Int
  /// The relations drawn.
  public var relations: Set<Relation>
  /// The entity types drawn (the focus entities are always drawn); nil for
  /// all.
  public var types: Set<EntityType>?
  /// Only meetings and titles that may fall on or after this ISO day.
  public var since: String?
  /// Only meetings and titles that may fall on or before this ISO day.
  public var until: String?
  /// Leave planned meetings out.
  public var heldOnly: Bool
  /// At most this many nodes: the most relevant are kept (nearest to the
  /// focus, then most meetings, then most recently seen).
  public var limit: Int

  /// The default node limit: what `dot` lays out well.
  public static let defaultLimit = 150

  /// Creates a request.
  public init(
    focus: Focus, depth: Int = 1, relations: Set<Relation> = Set(Relation.allCases),
    types: Set<EntityType>? = nil, since: String? = nil, until: String? = nil,
    heldOnly: Bool = false, limit: Int = SubgraphRequest.defaultLimit
  ) {
    self.focus = focus
    self.depth = depth
    self.relations = relations
    self.types = types
    self.since = since
    self.until = until
    self.heldOnly = heldOnly
    self.limit = limit
  }
}

extension GraphStore {
  /// Selects a subgraph: its nodes, the relations between them with their
  /// evidence, and notes on what was left out.
  public func subgraph(_ request: SubgraphRequest) throws(GraphStoreError) -> Subgraph {
    try read { db in try SubgraphBuilder(db: db, request: request).build() }
  }
}

/// Builds one subgraph inside a read transaction.
struct SubgraphBuilder {
  let db: Database
  let request: SubgraphRequest

  func build() throws -> Subgraph {
    var notes: [String] = []
    var centers: [String] = []
    var candidates: Set<String>
    var releaseFilter: String?
    var title: String
    let kind: Subgraph.Kind
    switch request.focus {
    case .ego(let id):
      guard let center = try GraphStore.brief(db, id: id) else {
        throw GraphStoreError.notFound(query: id, suggestions: [])
      }
      kind = .ego
      centers = [id]
      candidates = [id]
      var frontier = [id]
      for _ in 0..<max(0, request.depth) {
        var next: [String] = []
        for step in try GraphStore.lightSteps(db, from: frontier, relations: request.relations)
        where candidates.insert(step.target.id).inserted {
          next.append(step.target.id)
        }
        frontier = next.sorted()
        if frontier.isEmpty { break }
      }
      title = "\(center.name): network, \(request.depth == 1 ? "1 step" : "\(request.depth) steps")"
    case .connection(let a, let b):
      guard let first = try GraphStore.brief(db, id: a),
        let second = try GraphStore.brief(db, id: b)
      else { throw GraphStoreError.notFound(query: a, suggestions: []) }
      kind = .connection
      centers = [a, b]
      candidates = [a, b]
      var path: [GraphStore.Step]?
      for throughCountries in [false, true] where path == nil {
        path = try GraphStore.search(
          db, from: a, to: b, maxHops: 6, relations: request.relations,
          throughCountries: throughCountries, maxVisited: TraversalLimits().maxVisited
        ).path
      }
      if let path {
        for step in path { candidates.insert(step.target.id) }
      } else {
        notes.append("\(first.name) and \(second.name) are not connected within the store")
      }
      // The bodies of the people on the chain.
      let people = try String.fetchAll(
        db,
        sql:
          "SELECT id FROM entity WHERE type = 'person' AND id IN (SELECT value FROM json_each(?))",
        arguments: [jsonArray(candidates.sorted())])
      if request.relations.contains(.affiliation) {
        candidates.formUnion(
          try String.fetchAll(
            db,
            sql:
              "SELECT DISTINCT org FROM affiliation WHERE person IN (SELECT value FROM json_each(?))",
            arguments: [jsonArray(people)]))
      }
      title = "\(first.name) – \(second.name)"
    case .release(let id):
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT title, date FROM release WHERE id = ?", arguments: [id])
      else { throw GraphStoreError.queryFailed(reason: "no release with id \(id)") }
      kind = .release
      releaseFilter = id
      candidates = Set(
        try String.fetchAll(
          db, sql: "SELECT entity FROM appearance WHERE release = ?", arguments: [id]))
      let date: String? = (try row.get("date"))
      title = (try row.get("title") as String) + (date.map { " (\($0))" } ?? "")
    case .whole:
      kind = .whole
      candidates = Set(try String.fetchAll(db, sql: "SELECT id FROM entity"))
      title = "Who met whom: all releases"
    }
    if let since = request.since, let until = request.until {
      title += ", \(since) to \(until)"
    } else if let since = request.since {
      title += ", from \(since)"
    } else if let until = request.until {
      title += ", until \(until)"
    }

    // Types: the focus entities always stay.
    var briefs = try self.briefs(candidates)
    if let types = request.types {
      let before = briefs.count
      briefs = briefs.filter { types.contains($0.value.type) || centers.contains($0.key) }
      if briefs.count < before {
        notes.append(
          "\(before - briefs.count) entities of other types left out (--type "
            + types.map(\.rawValue).sorted().joined(separator: ", ") + ")")
      }
    }
    let ids = Set(briefs.keys)
    var (edges, meetingCounts, meetingPairs) = try self.edges(among: ids, release: releaseFilter)

    // Which nodes remain: reachable from the focus (ego, connection), or
    // with at least one edge (release, whole).
    var distance: [String: Int] = [:]
    switch kind {
    case .ego, .connection:
      // Distances count a meeting between every two participants: a body
      // met whoever its people met.
      var adjacency: [String: [String]] = [:]
      for (a, b) in edges.map({ ($0.source, $0.target) }) + meetingPairs {
        adjacency[a, default: []].append(b)
        adjacency[b, default: []].append(a)
      }
      var frontier = centers
      for center in centers { distance[center] = 0 }
      var level = 0
      while !frontier.isEmpty {
        level += 1
        var next: [String] = []
        for id in frontier {
          for other in (adjacency[id] ?? []).sorted() where distance[other] == nil {
            distance[other] = level
            next.append(other)
          }
        }
        frontier = next
      }
      if kind == .ego {
        distance = distance.filter { $0.value <= max(0, request.depth) }
      }
    case .release, .whole:
      for edge in edges {
        distance[edge.source] = 0
        distance[edge.target] = 0
      }
      let isolated = ids.count - distance.count
      if isolated > 0 {
        notes.append(
          "\(isolated) \(isolated == 1 ? "entity" : "entities") without relations left out")
      }
    }
    var kept = Set(distance.keys)
    if request.since != nil || request.until != nil || request.heldOnly {
      let dropped = ids.count - kept.count
      if dropped > 0, kind == .ego || kind == .connection {
        notes.append(
          "\(dropped) \(dropped == 1 ? "entity" : "entities") connected only outside the filters left out"
        )
      }
    }

    // The node limit.
    let lastSeen = try self.seen(kept)
    if kept.count > request.limit {
      let ranked = kept.sorted { a, b in
        let ka = (
          centers.contains(a) ? 0 : 1, distance[a] ?? .max, -(meetingCounts[a] ?? 0)
        )
        let kb = (
          centers.contains(b) ? 0 : 1, distance[b] ?? .max, -(meetingCounts[b] ?? 0)
        )
        if ka != kb { return ka < kb }
        let la = lastSeen[a]?.last ?? ""
        let lb = lastSeen[b]?.last ?? ""
        if la != lb { return la > lb }
        return a < b
      }
      let cut = ranked[request.limit...]
      kept = Set(ranked.prefix(request.limit))
      var byType: [EntityType: Int] = [:]
      for id in cut { byType[briefs[id]?.type ?? .organization, default: 0] += 1 }
      let parts = byType.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.rawValue)" }
      notes.append(
        "\(cut.count) of \(ranked.count) nodes beyond the limit of \(request.limit) left out ("
          + parts.joined(separator: ", ")
          + "); the nearest, most-met and most recent were kept. Raise --limit, or narrow with --depth, --since or --type"
      )
      edges = edges.filter { kept.contains($0.source) && kept.contains($0.target) }
      meetingCounts = meetingCounts.filter { kept.contains($0.key) }
    }
    let roles = try self.roles(of: kept)
    let countries = try Dictionary(
      Row.fetchAll(
        db, sql: "SELECT id, country FROM entity WHERE id IN (SELECT value FROM json_each(?))",
        arguments: [jsonArray(kept.sorted())]
      ).map { ((try $0.get("id") as String), (try $0.get("country") as String?)) },
      uniquingKeysWith: { a, _ in a })
    let nodes = kept.compactMap { id -> Subgraph.Node? in
      guard let brief = briefs[id] else { return nil }
      let role = roles[id]
      return Subgraph.Node(
        entity: brief, country: countries[id] ?? nil, role: role?.title,
        organisation: role.flatMap { kept.contains($0.org) ? $0.org : nil },
        meetings: meetingCounts[id] ?? 0, firstSeen: lastSeen[id]?.first,
        lastSeen: lastSeen[id]?.last, isCenter: centers.contains(id))
    }
    return Subgraph(kind: kind, title: title, nodes: nodes, edges: edges, notes: notes)
  }

  func briefs(_ ids: Set<String>) throws -> [String: EntityBrief] {
    var result: [String: EntityBrief] = [:]
    for row in try Row.fetchAll(
      db, sql: "SELECT id, name, type FROM entity WHERE id IN (SELECT value FROM json_each(?))",
      arguments: [jsonArray(ids.sorted())])
    {
      let brief = try GraphStore.brief(row)
      result[brief.id] = brief
    }
    return result
  }

  /// First and last release dates each entity appears on.
  func seen(_ ids: Set<String>) throws -> [String: (first: String?, last: String?)] {
    var result: [String: (first: String?, last: String?)] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT a.entity, MIN(r.date) AS first, MAX(r.date) AS last
        FROM appearance a JOIN release r ON r.id = a.release
        WHERE a.entity IN (SELECT value FROM json_each(?)) AND r.date GLOB '[0-9]*'
        GROUP BY a.entity
        """, arguments: [jsonArray(ids.sorted())])
    {
      result[(try row.get("entity"))] = ((try row.get("first")), (try row.get("last")))
    }
    return result
  }

  /// Each person's latest title and body, preferring bodies in `ids`.
  func roles(of ids: Set<String>) throws -> [String: (title: String?, org: String)] {
    var result: [String: (title: String?, org: String, inside: Bool, date: String)] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT person, org, title, COALESCE(date, '') AS date FROM affiliation
        WHERE person IN (SELECT value FROM json_each(?))
        ORDER BY person, date, org, title
        """, arguments: [jsonArray(ids.sorted())])
    {
      let person: String = (try row.get("person"))
      let org: String = (try row.get("org"))
      let candidate = (
        title: (try row.get("title") as String?), org: org, inside: ids.contains(org),
        date: (try row.get("date") as String)
      )
      if let current = result[person], current.inside, !candidate.inside { continue }
      result[person] = candidate
    }
    return result.mapValues { ($0.title, $0.org) }
  }

  /// The relations among `ids`, within the request's filters, and how many
  /// of the selected meetings each entity took part in.
  func edges(among ids: Set<String>, release: String?) throws -> (
    edges: [Subgraph.Edge], meetings: [String: Int], meetingPairs: [(String, String)]
  ) {
    var meetingPairs: [(String, String)] = []
    let list = jsonArray(ids.sorted())
    var edges: [Subgraph.Edge] = []
    var meetingCounts: [String: Int] = [:]
    func inWindow(low: String?, high: String?) -> Bool {
      if let since = request.since, let high, high < since { return false }
      if let until = request.until, let low, low > until { return false }
      if (request.since != nil || request.until != nil) && low == nil && high == nil {
        return false
      }
      return true
    }
    if request.relations.contains(.affiliation) {
      var byPair: [String: (Subgraph.Edge, String)] = [:]
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT a.person, a.org, a.title, a.date, a.release FROM affiliation a
          WHERE a.person IN (SELECT value FROM json_each(?1))
            AND a.org IN (SELECT value FROM json_each(?1))
            AND (?2 IS NULL OR a.release = ?2)
          ORDER BY a.person, a.org, a.date, a.release, a.title
          """, arguments: [list, release])
      {
        let date: String? = (try row.get("date"))
        guard inWindow(low: date, high: date) else { continue }
        let person: String = (try row.get("person"))
        let org: String = (try row.get("org"))
        let key = person + "\u{1}" + org
        // The latest title wins; the earliest statement is the evidence.
        let sortDate = date ?? ""
        if let (existing, existingDate) = byPair[key] {
          if sortDate >= existingDate {
            var edge = existing
            edge.title = (try row.get("title"))
            byPair[key] = (edge, sortDate)
          }
        } else {
          byPair[key] = (
            Subgraph.Edge(
              source: person, target: org, relation: .affiliation, title: (try row.get("title"))),
            sortDate
          )
        }
      }
      for (edge, _) in byPair.values {
        var edge = edge
        edge.evidence =
          try release.map { try affiliationEvidence(edge.source, edge.target, in: $0) }
          ?? evidence(edge.source, .affiliation, edge.target)
        edges.append(edge)
      }
    }
    if request.relations.contains(.parent) {
      var seen: Set<String> = []
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT l.child, l.parent, l.evidence, \(ReleaseBrief.columns) FROM parent_link l
          JOIN release r ON r.id = l.release
          WHERE l.child IN (SELECT value FROM json_each(?1))
            AND l.parent IN (SELECT value FROM json_each(?1))
            AND (?2 IS NULL OR l.release = ?2)
          ORDER BY l.child, l.parent, r.date, r.id
          """, arguments: [list, release])
      {
        let brief = try ReleaseBrief(row)
        guard inWindow(low: brief.date, high: brief.date) else { continue }
        let key = (try row.get("child") as String) + "\u{1}" + (try row.get("parent") as String)
        guard seen.insert(key).inserted else { continue }
        edges.append(
          Subgraph.Edge(
            source: (try row.get("child")), target: (try row.get("parent")), relation: .parent,
            evidence: [Subgraph.Evidence(sentence: (try row.get("evidence")), release: brief)]))
      }
    }
    if request.relations.contains(.predecessor), release == nil {
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT DISTINCT predecessor, successor FROM succession
          WHERE predecessor IN (SELECT value FROM json_each(?1))
            AND successor IN (SELECT value FROM json_each(?1))
          """, arguments: [list])
      {
        edges.append(
          Subgraph.Edge(
            source: (try row.get("predecessor")), target: (try row.get("successor")),
            relation: .predecessor))
      }
    }
    if request.relations.contains(.meeting) {
      let meetings = try Row.fetchAll(
        db,
        sql: """
          SELECT m.id, m.date, m.end_date, m.low, m.high, m.place, m.status,
            coalesce(m.evidence, \(Schema.sentenceText)) AS evidence, \(ReleaseBrief.columns)
          FROM meeting m JOIN release r ON r.id = m.release
          LEFT JOIN sentence s ON s.release = m.release AND s.idx = m.sentence
          WHERE m.id IN (
            SELECT meeting FROM participant WHERE entity IN (SELECT value FROM json_each(?1)))
            AND (?2 IS NULL OR m.release = ?2)
          ORDER BY m.low, m.id
          """, arguments: [list, release])
      var participants: [String: [(entity: String, represents: String?)]] = [:]
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT meeting, entity, represents FROM participant
          WHERE meeting IN (
            SELECT meeting FROM participant WHERE entity IN (SELECT value FROM json_each(?)))
          ORDER BY meeting, entity
          """, arguments: [list])
      {
        participants[(try row.get("meeting")), default: []].append(
          ((try row.get("entity")), (try row.get("represents"))))
      }
      var byPair: [String: Subgraph.Edge] = [:]
      for meeting in meetings {
        let status: String = (try meeting.get("status"))
        if request.heldOnly, status != "held" { continue }
        guard inWindow(low: (try meeting.get("low")), high: (try meeting.get("high"))) else {
          continue
        }
        let id: String = (try meeting.get("id"))
        let all = participants[id] ?? []
        // Bodies represented by a person present are drawn through that
        // person; the pairs are among the others.
        let represented = Set(all.compactMap(\.represents))
        let principals = all.map(\.entity).filter { !represented.contains($0) && ids.contains($0) }
          .sorted()
        let present = all.map(\.entity).filter { ids.contains($0) }.sorted()
        for entity in Set(present) {
          meetingCounts[entity, default: 0] += 1
        }
        for (i, a) in present.enumerated() {
          for b in present[(i + 1)...] { meetingPairs.append((a, b)) }
        }
        let date: String? = (try meeting.get("date"))
        let end: String? = (try meeting.get("end_date"))
        let evidence = Subgraph.Evidence(
          sentence: (try meeting.get("evidence")), release: try ReleaseBrief(meeting),
          date: date.map { d in end.map { "\(d)/\($0)" } ?? d }, place: (try meeting.get("place")),
          status: status)
        for (i, a) in principals.enumerated() {
          for b in principals[(i + 1)...] {
            let key = a + "\u{1}" + b
            var edge =
              byPair[key]
              ?? Subgraph.Edge(source: a, target: b, relation: .meeting, planned: true)
            if let date = evidence.date, !edge.dates.contains(date) { edge.dates.append(date) }
            edge.planned = edge.planned && status == "planned"
            edge.evidence.append(evidence)
            byPair[key] = edge
          }
        }
      }
      edges += byPair.values.map { edge in
        var edge = edge
        edge.dates.sort()
        return edge
      }
    }
    return (edges, meetingCounts, meetingPairs)
  }

  /// The first sentence of `release` that mentions both the person and the
  /// body (else the person).
  func affiliationEvidence(_ person: String, _ org: String, in release: String) throws
    -> [Subgraph.Evidence]
  {
    guard
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT \(Schema.sentenceText) AS text, \(ReleaseBrief.columns) FROM mention m
          JOIN sentence s ON s.release = m.release AND s.idx = m.sentence
          JOIN release r ON r.id = m.release
          WHERE m.release = ?1 AND m.entity = ?2
          ORDER BY EXISTS (
            SELECT 1 FROM mention o WHERE o.release = ?1 AND o.sentence = m.sentence AND o.entity = ?3
          ) DESC, m.sentence
          LIMIT 1
          """, arguments: [release, person, org])
    else { return [] }
    return [Subgraph.Evidence(sentence: (try row.get("text")), release: try ReleaseBrief(row))]
  }

  /// The stored evidence of a relation (from the edge table).
  func evidence(_ source: String, _ relation: Relation, _ target: String) throws
    -> [Subgraph.Evidence]
  {
    guard
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT coalesce(e.evidence, \(Schema.sentenceText)) AS evidence, \(ReleaseBrief.columns)
          FROM edge e JOIN release r ON r.id = e.release
          LEFT JOIN sentence s ON s.release = e.release AND s.idx = e.sentence
          WHERE e.source = ? AND e.relation = ? AND e.target = ?
            AND (e.evidence IS NOT NULL OR s.id IS NOT NULL)
          """, arguments: [source, relation.rawValue, target])
    else { return [] }
    return [Subgraph.Evidence(sentence: (try row.get("evidence")), release: try ReleaseBrief(row))]
  }
}

extension GraphStore {
  /// True when a release with this id is stored.
  public func releaseExists(_ id: String) throws(GraphStoreError) -> Bool {
    try read { db in
      try Bool.fetchOne(
        db, sql: "SELECT EXISTS (SELECT 1 FROM release WHERE id = ?)", arguments: [id])
        ?? false
    }
  }
}
