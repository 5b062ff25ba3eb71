import EntityGraph
import Foundation
import GRDB

/// A release as queries show it.
public struct ReleaseBrief: Hashable, Sendable, Codable {
  /// The release id.
  public var id: String
  /// Its title.
  public var title: String
  /// Its publication date (ISO, possibly partial), when known.
  public var date: String?
  /// The file it came from.
  public var source: String

  /// Creates a brief.
  public init(id: String, title: String, date: String?, source: String) {
    self.id = id
    self.title = title
    self.date = date
    self.source = source
  }

  init(_ row: Row, prefix: String = "release_") throws {
    id = try row.get(prefix + "id")
    title = try row.get(prefix + "title")
    date = try row.get(prefix + "date")
    source = try row.get(prefix + "source")
  }

  /// Columns for `init(_:)`, from a `release` table aliased `r`.
  static let columns =
    "r.id AS release_id, r.title AS release_title, r.date AS release_date, r.file AS release_source"
}

// MARK: - Entities

/// One line of `pressgraph entities`.
public struct EntitySummary: Hashable, Sendable, Codable {
  /// The entity.
  public var entity: EntityBrief
  /// Its country code, when known.
  public var country: String?
  /// How many releases mention it (by name, or through a title or relation).
  public var releases: Int
  /// How many meetings it took part in.
  public var meetings: Int
  /// The earliest and latest publication date of a release mentioning it.
  public var firstSeen: String?
  /// See ``firstSeen``.
  public var lastSeen: String?
}

extension GraphStore {
  /// Entities, by type and name; optionally of one type, or whose name or
  /// alias contains `search` (ignoring case, accents and punctuation).
  public func entities(type: EntityType? = nil, search: String? = nil) throws(GraphStoreError)
    -> [EntitySummary]
  {
    var conditions: [String] = []
    var arguments: [any DatabaseValueConvertible] = []
    if let type {
      conditions.append("e.type = ?")
      arguments.append(type.rawValue)
    }
    if let search {
      let key = LookupKey.fold(search)
      let pattern =
        "%"
        + key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
          of: "%", with: "\\%"
        )
        .replacingOccurrences(of: "_", with: "\\_") + "%"
      conditions.append(
        "e.id IN (SELECT entity FROM lookup WHERE key LIKE ? ESCAPE '\\' AND rank > 0)")
      arguments.append(pattern)
    }
    let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    return try read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT e.id, e.name, e.type, e.country,
            (SELECT COUNT(*) FROM appearance a WHERE a.entity = e.id) AS releases,
            (SELECT COUNT(*) FROM participant p WHERE p.entity = e.id) AS meetings,
            (SELECT MIN(r.date) FROM appearance a JOIN release r ON r.id = a.release
              WHERE a.entity = e.id AND r.date GLOB '[0-9]*') AS first_seen,
            (SELECT MAX(r.date) FROM appearance a JOIN release r ON r.id = a.release
              WHERE a.entity = e.id AND r.date GLOB '[0-9]*') AS last_seen
          FROM entity e \(filter)
          """, arguments: StatementArguments(arguments))
      return try rows.map { row in
        EntitySummary(
          entity: try Self.brief(row), country: (try row.get("country")),
          releases: (try row.get("releases")),
          meetings: (try row.get("meetings")), firstSeen: (try row.get("first_seen")),
          lastSeen: (try row.get("last_seen")))
      }.sorted {
        ($0.entity.type, $0.entity.name, $0.entity.id) < (
          $1.entity.type, $1.entity.name, $1.entity.id
        )
      }
    }
  }
}

// MARK: - Entity card

/// A person's title at an organisation, over the releases that state it.
public struct AffiliationSpan: Hashable, Sendable, Codable {
  /// The person.
  public var person: EntityBrief
  /// The organisation.
  public var org: EntityBrief
  /// The title, as written.
  public var title: String?
  /// Publication date of the first release stating it.
  public var firstSeen: String?
  /// Publication date of the last release stating it.
  public var lastSeen: String?
  /// How many releases state it.
  public var releases: Int
}

/// Everything the store knows about one entity: `pressgraph show`.
public struct EntityCard: Hashable, Sendable, Codable {
  /// The entity.
  public var entity: EntityBrief
  /// Its country code, when known.
  public var country: String?
  /// Every other name it was seen under.
  public var aliases: [String]
  /// For a person: titles and organisations, over time.
  public var affiliations: [AffiliationSpan]
  /// For an organisation: the people with titles there.
  public var members: [AffiliationSpan]
  /// Bodies it sits under.
  public var parents: [EntityBrief]
  /// Bodies under it.
  public var children: [EntityBrief]
  /// Institutions it was renamed from.
  public var predecessors: [EntityBrief]
  /// Institutions it was renamed to.
  public var successors: [EntityBrief]
  /// Meetings it took part in (directly, or through its people), held.
  public var meetingsHeld: Int
  /// The same, planned.
  public var meetingsPlanned: Int
  /// Publication dates of the first and last release mentioning it.
  public var firstSeen: String?
  /// See ``firstSeen``.
  public var lastSeen: String?
  /// The releases that mention it, oldest first.
  public var releases: [ReleaseBrief]
}

extension GraphStore {
  /// The card of the entity with `id`.
  public func card(_ id: String) throws(GraphStoreError) -> EntityCard {
    try read { db in
      guard let entity = try Self.brief(db, id: id) else {
        throw GraphStoreError.notFound(query: id, suggestions: [])
      }
      let country = try String.fetchOne(
        db, sql: "SELECT country FROM entity WHERE id = ?", arguments: [id])
      let aliases = try String.fetchAll(
        db, sql: "SELECT alias FROM alias WHERE entity = ? ORDER BY alias", arguments: [id])
      func spans(_ column: String) throws -> [AffiliationSpan] {
        try Row.fetchAll(
          db,
          sql: """
            SELECT a.title, MIN(a.date) AS first_seen, MAX(a.date) AS last_seen,
              COUNT(DISTINCT a.release) AS releases,
              p.id AS p_id, p.name AS p_name, p.type AS p_type,
              o.id AS o_id, o.name AS o_name, o.type AS o_type
            FROM affiliation a
            JOIN entity p ON p.id = a.person JOIN entity o ON o.id = a.org
            WHERE a.\(column) = ?
            GROUP BY a.person, a.org, a.title
            ORDER BY MIN(a.date), o.name, p.name, a.title
            """, arguments: [id]
        ).map { row in
          AffiliationSpan(
            person: EntityBrief(
              id: (try row.get("p_id")), name: (try row.get("p_name")),
              type: try row.get("p_type")),
            org: EntityBrief(
              id: (try row.get("o_id")), name: (try row.get("o_name")),
              type: try row.get("o_type")),
            title: (try row.get("title")), firstSeen: (try row.get("first_seen")),
            lastSeen: (try row.get("last_seen")),
            releases: (try row.get("releases")))
        }
      }
      func linked(_ sql: String) throws -> [EntityBrief] {
        try Row.fetchAll(db, sql: sql, arguments: [id]).map(Self.brief).sorted()
      }
      let parents = try linked(
        "SELECT DISTINCT e.* FROM parent_link l JOIN entity e ON e.id = l.parent WHERE l.child = ?")
      let children = try linked(
        "SELECT DISTINCT e.* FROM parent_link l JOIN entity e ON e.id = l.child WHERE l.parent = ?")
      let predecessors = try linked(
        """
        SELECT DISTINCT e.* FROM succession s JOIN entity e ON e.id = s.predecessor
        WHERE s.successor = ?
        """)
      let successors = try linked(
        """
        SELECT DISTINCT e.* FROM succession s JOIN entity e ON e.id = s.successor
        WHERE s.predecessor = ?
        """)
      let meetings = try Row.fetchAll(
        db,
        sql: """
          SELECT m.status, COUNT(*) AS n FROM meeting m
          WHERE m.id IN (
            SELECT meeting FROM participant WHERE entity = ?1
            UNION SELECT meeting FROM participant WHERE represents = ?1)
          GROUP BY m.status
          """, arguments: [id])
      func count(_ status: String) throws -> Int {
        try meetings.first { (try $0.get("status") as String) == status }.map { try $0.get("n") }
          ?? 0
      }
      let releases = try Row.fetchAll(
        db,
        sql: """
          SELECT \(ReleaseBrief.columns) FROM release r
          WHERE r.id IN (SELECT release FROM appearance WHERE entity = ?)
          ORDER BY r.date, r.file, r.position
          """, arguments: [id]
      ).map { try ReleaseBrief($0) }
      let dates = releases.compactMap(\.date).filter { $0.first?.isNumber == true }.sorted()
      return EntityCard(
        entity: entity, country: country, aliases: aliases,
        affiliations: try spans("person"), members: try spans("org"), parents: parents,
        children: children, predecessors: predecessors, successors: successors,
        meetingsHeld: try count("held"), meetingsPlanned: try count("planned"),
        firstSeen: dates.first, lastSeen: dates.last, releases: releases)
    }
  }
}
