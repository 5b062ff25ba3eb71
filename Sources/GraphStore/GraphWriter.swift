import EntityGraph
import GRDB
import PressReleases

/// Writes a derived ``EntityGraph`` into the graph tables.
struct GraphWriter {
  let db: Database
  let gazetteer: Gazetteer

  func write(_ graph: EntityGraph, releases: [Release]) throws {
    try writeEntities(graph.entities)
    let releasesByID = Dictionary(
      releases.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var edges = EdgeCollector()
    for extraction in graph.releases {
      let release = releasesByID[extraction.release]
      try writeRows(extraction, release: release)
      for contribution in Self.contributions(extraction, release: release) {
        edges.add(contribution)
      }
    }
    try writeSuccessions(graph.successions, into: &edges)
    try edges.write(db)
  }

  /// Writes the successions, and adds their edges to `edges`.
  func writeSuccessions(_ successions: [Succession], into edges: inout EdgeCollector) throws {
    let insertSuccession = try db.cachedStatement(
      sql: "INSERT INTO succession (predecessor, successor) VALUES (?, ?)")
    for succession in successions {
      try insertSuccession.execute(arguments: [succession.predecessor, succession.successor])
      edges.add(
        EdgeContribution(
          a: succession.predecessor, b: succession.successor, relation: .predecessor, label: nil,
          evidence: nil, release: nil, order: ("", "", 0)))
    }
  }

  /// Writes what one release says (its appearances, mentions,
  /// affiliations, parent links, meetings and participants); its edges
  /// are ``contributions(_:release:)``.
  func writeRows(_ extraction: ReleaseExtraction, release: Release?) throws {
    let insertMention = try db.cachedStatement(
      sql:
        "INSERT INTO mention (entity, release, sentence, start, \"end\", text) VALUES (?,?,?,?,?,?)"
    )
    let insertAffiliation = try db.cachedStatement(
      sql: "INSERT INTO affiliation (person, org, title, release, date) VALUES (?,?,?,?,?)")
    let insertParent = try db.cachedStatement(
      sql: "INSERT INTO parent_link (child, parent, evidence, release) VALUES (?,?,?,?)")
    let insertMeeting = try db.cachedStatement(
      sql: """
        INSERT INTO meeting (id, release, sentence, date, end_date, low, high, place, status, evidence)
        VALUES (?,?,?,?,?,?,?,?,?,?)
        """)
    let insertParticipant = try db.cachedStatement(
      sql: "INSERT OR IGNORE INTO participant (meeting, entity, role, represents) VALUES (?,?,?,?)")
    let insertAppearance = try db.cachedStatement(
      sql: "INSERT OR IGNORE INTO appearance (entity, release) VALUES (?, ?)")
    let releaseDate = extraction.date?.description
    for entity in extraction.entities {
      try insertAppearance.execute(arguments: [entity, extraction.release])
    }
    for mention in extraction.mentions {
      try insertMention.execute(arguments: [
        mention.entity, extraction.release, mention.sentence, mention.start, mention.end,
        mention.text,
      ])
    }
    for affiliation in extraction.affiliations {
      try insertAffiliation.execute(arguments: [
        affiliation.person, affiliation.org, affiliation.title, extraction.release, releaseDate,
      ])
    }
    for link in extraction.parents {
      try insertParent.execute(arguments: [
        link.child, link.parent, link.evidence, extraction.release,
      ])
    }
    var roles: [String: [Affiliation]] = [:]
    for affiliation in extraction.affiliations {
      roles[affiliation.person, default: []].append(affiliation)
    }
    for (n, meeting) in extraction.meetings.enumerated() {
      let id = "\(extraction.release)/\(n + 1)"
      let window = Self.window(meeting.date, release: extraction.date)
      // The evidence is kept only when it is not the meeting's sentence.
      let isSentence = Self.sentenceText(meeting.sentence, of: release) == meeting.evidence
      try insertMeeting.execute(arguments: [
        id, extraction.release, meeting.sentence, meeting.date?.start.description,
        meeting.date?.end?.description, window?.low, window?.high, meeting.place,
        meeting.status.rawValue, isSentence ? nil : meeting.evidence,
      ])
      let participants = Set(meeting.participants)
      var represents: [String: String] = [:]
      for entity in meeting.participants {
        let stated = roles[entity] ?? []
        let affiliation = stated.first { participants.contains($0.org) } ?? stated.first
        try insertParticipant.execute(arguments: [
          id, entity, affiliation?.title, affiliation?.org,
        ])
        if represents[entity] == nil, let org = affiliation?.org { represents[entity] = org }
      }
      try writeSides(
        meeting: id, participants: meeting.participants, represents: represents,
        low: window?.low, high: window?.high, status: meeting.status)
    }
  }

  /// Writes a meeting's `entity_meeting` rows: one for each participant
  /// and each body a participant represents, saying whether the meeting
  /// has someone not on that entity's side (neither the entity, nor the
  /// body it represents there, nor anyone representing either).
  func writeSides(
    meeting: String, participants: [String], represents: [String: String], low: String?,
    high: String?, status: MeetingStatus
  ) throws {
    let insert = try db.cachedStatement(
      sql: """
        INSERT OR IGNORE INTO entity_meeting (entity, low_key, meeting, high, status, gives)
        VALUES (?, ?, ?, ?, ?, ?)
        """)
    var entities: [String] = []
    for entity in participants + participants.compactMap({ represents[$0] })
    where !entities.contains(entity) {
      entities.append(entity)
    }
    for entity in entities {
      let body = represents[entity]
      let gives = participants.contains { other in
        guard other != entity, other != body else { return false }
        guard let theirs = represents[other] else { return true }
        return theirs != entity && theirs != body
      }
      try insert.execute(arguments: [entity, low ?? "", meeting, high, status.rawValue, gives])
    }
  }

  static func sentenceText(_ index: Int, of release: Release?) -> String? {
    guard let release, release.sentences.indices.contains(index) else { return nil }
    return release.sentences[index].text
  }

  /// The edges one release contributes, in the release's order: its
  /// affiliations, parent links and meetings (every pair of participants).
  static func contributions(_ extraction: ReleaseExtraction, release: Release?)
    -> [EdgeContribution]
  {
    var result: [EdgeContribution] = []
    let releaseDate = extraction.date?.description
    // Which entities each sentence mentions, for affiliation evidence.
    var sentenceEntities: [Int: Set<String>] = [:]
    for mention in extraction.mentions {
      sentenceEntities[mention.sentence, default: []].insert(mention.entity)
    }
    let sentences = sentenceEntities.keys.sorted()
    /// The sentence whose text `evidence` is (`hint` first).
    func sentenceIndex(of evidence: String, hint: Int? = nil) -> Int? {
      if let hint, sentenceText(hint, of: release) == evidence { return hint }
      return release?.sentences.firstIndex { $0.text == evidence }
    }
    for affiliation in extraction.affiliations {
      let both = sentences.first {
        sentenceEntities[$0]?.isSuperset(of: [affiliation.person, affiliation.org]) == true
      }
      let either = sentences.first {
        sentenceEntities[$0]?.contains(affiliation.person) == true
      }
      let sentence = (both ?? either).flatMap { sentenceText($0, of: release) == nil ? nil : $0 }
      result.append(
        EdgeContribution(
          a: affiliation.person, b: affiliation.org, relation: .affiliation,
          label: affiliation.title, evidence: sentence.map(EdgeEvidence.sentence),
          release: extraction.release,
          order: (releaseDate ?? "", extraction.release, both ?? either ?? 0)))
    }
    for link in extraction.parents {
      result.append(
        EdgeContribution(
          a: link.child, b: link.parent, relation: .parent, label: nil,
          evidence: sentenceIndex(of: link.evidence).map(EdgeEvidence.sentence)
            ?? .text(link.evidence),
          release: extraction.release, order: (releaseDate ?? "", extraction.release, 0)))
    }
    for meeting in extraction.meetings {
      let window = Self.window(meeting.date, release: extraction.date)
      let evidence: EdgeEvidence =
        sentenceIndex(of: meeting.evidence, hint: meeting.sentence).map(EdgeEvidence.sentence)
        ?? .text(meeting.evidence)
      let sorted = meeting.participants.sorted()
      for (i, a) in sorted.enumerated() {
        for b in sorted[(i + 1)...] {
          result.append(
            EdgeContribution(
              a: a, b: b, relation: .meeting, label: meeting.date?.description,
              evidence: evidence, release: extraction.release,
              order: (window?.low ?? releaseDate ?? "", extraction.release, meeting.sentence)))
        }
      }
    }
    return result
  }

  func writeEntities(_ entities: [Entity]) throws {
    let insertEntity = try db.cachedStatement(
      sql: "INSERT INTO entity (id, name, type, country) VALUES (?, ?, ?, ?)")
    for entity in entities {
      try insertEntity.execute(arguments: [
        entity.id, entity.name, entity.type.rawValue, entity.country,
      ])
    }
    try writeNames(entities)
  }

  /// Writes the entities' aliases and lookup keys.
  func writeNames(_ entities: [Entity]) throws {
    let institutions = Dictionary(
      gazetteer.institutions.map { ("\($0.type.rawValue):\($0.id)", $0) },
      uniquingKeysWith: { first, _ in first })
    let countries = Dictionary(
      gazetteer.countries.map { ("country:\($0.code.lowercased())", $0) },
      uniquingKeysWith: { first, _ in first })
    let insertAlias = try db.cachedStatement(
      sql: "INSERT OR IGNORE INTO alias (entity, alias) VALUES (?, ?)")
    let insertLookup = try db.cachedStatement(
      sql: "INSERT INTO lookup (key, entity, rank) VALUES (?, ?, ?)")
    for entity in entities {
      for alias in entity.aliases {
        try insertAlias.execute(arguments: [entity.id, alias])
      }
      var keys: [String: Int] = [:]
      func add(_ text: String, rank: Int) {
        let key = LookupKey.fold(text)
        guard !key.isEmpty else { return }
        keys[key] = min(keys[key] ?? rank, rank)
      }
      add(entity.id, rank: 0)
      add(entity.name, rank: 1)
      for alias in entity.aliases { add(alias, rank: 2) }
      if let known = institutions[entity.id] {
        for name in [known.name] + known.acronyms + known.aliases { add(name, rank: 3) }
      }
      if let known = countries[entity.id] {
        for name in [known.name] + known.aliases { add(name, rank: 3) }
      }
      for (key, rank) in keys.sorted(by: { $0.key < $1.key }) {
        try insertLookup.execute(arguments: [key, entity.id, rank])
      }
    }
  }

  /// The first and last day a meeting may fall on, as ISO dates; the
  /// release's date when the text gives none (or gives no year).
  static func window(_ span: DateSpan?, release: PartialDate?) -> (low: String, high: String)? {
    func bounds(_ date: PartialDate) -> (String, String)? {
      guard let year = date.year else { return nil }
      let low = PartialDate(year: year, month: date.month, day: date.day ?? 1)
      let high = PartialDate(
        year: year, month: date.month,
        day: date.day ?? PartialDate.daysIn(month: date.month, year: year))
      return (low.description, high.description)
    }
    if let span, let start = bounds(span.start) {
      let end = span.end.flatMap(bounds) ?? start
      return (start.0, end.1)
    }
    return release.flatMap(bounds).map { (low: $0.0, high: $0.1) }
  }
}

/// A kind of relation between two entities.
public enum Relation: String, Hashable, Sendable, Codable, CaseIterable {
  /// A person's title at an organisation.
  case affiliation
  /// A body and the body it sits under.
  case parent
  /// A renamed institution and its successor.
  case predecessor
  /// Two participants of the same meeting.
  case meeting
}

/// What an edge cites: a sentence of its release (by index), or text.
enum EdgeEvidence {
  case sentence(Int)
  case text(String)
}

/// One release's (or one succession's) evidence for an edge between `a`
/// and `b`; `a` plays the relation's first role.
struct EdgeContribution {
  var a: String
  var b: String
  var relation: Relation
  var label: String?
  var evidence: EdgeEvidence?
  var release: String?
  /// (date, release, sentence): the earliest contribution is the edge's
  /// evidence.
  var order: (String, String, Int)

  /// The contribution from each end: (key, plays the first role).
  var directed: [(key: EdgeCollector.Key, forward: Bool)] {
    [
      (EdgeCollector.Key(source: a, relation: relation.rawValue, target: b), true),
      (EdgeCollector.Key(source: b, relation: relation.rawValue, target: a), false),
    ]
  }
}

/// Collects edges, one per pair and relation, keeping the earliest evidence.
struct EdgeCollector {
  struct Key: Hashable, Comparable {
    var source: String
    var relation: String
    var target: String

    static func < (a: Key, b: Key) -> Bool {
      (a.source, a.relation, a.target) < (b.source, b.relation, b.target)
    }
  }
  /// An edge as stored: its earliest evidence and its number of
  /// contributions.
  struct Edge {
    var forward: Bool
    var label: String?
    var evidence: EdgeEvidence?
    var release: String?
    var count: Int
    var order: (String, String, Int)

    /// Counts one more contribution; the earlier evidence wins (on a tie,
    /// the one counted first).
    mutating func add(_ contribution: EdgeContribution, forward: Bool) {
      count += 1
      if contribution.order < order {
        self.forward = forward
        label = contribution.label
        evidence = contribution.evidence
        release = contribution.release
        order = contribution.order
      }
    }

    /// Counts a contribution into `edge`, which starts with it when nil.
    static func fold(_ edge: inout Edge?, _ contribution: EdgeContribution, forward: Bool) {
      if var existing = edge {
        existing.add(contribution, forward: forward)
        edge = existing
      } else {
        edge = Edge(contribution, forward: forward)
      }
    }

    init(_ contribution: EdgeContribution, forward: Bool) {
      self.forward = forward
      label = contribution.label
      evidence = contribution.evidence
      release = contribution.release
      count = 1
      order = contribution.order
    }

    init(
      forward: Bool, label: String?, evidence: EdgeEvidence?, release: String?, count: Int,
      order: (String, String, Int)
    ) {
      self.forward = forward
      self.label = label
      self.evidence = evidence
      self.release = release
      self.count = count
      self.order = order
    }
  }
  private(set) var edges: [Key: Edge] = [:]

  mutating func add(_ contribution: EdgeContribution) {
    guard contribution.a != contribution.b else { return }
    for (key, forward) in contribution.directed {
      Edge.fold(&edges[key], contribution, forward: forward)
    }
  }

  func write(_ db: Database) throws {
    for (key, edge) in edges.sorted(by: { $0.key < $1.key }) {
      try Self.write(key, edge, db)
    }
  }

  /// Writes (or replaces) one edge row.
  static func write(_ key: Key, _ edge: Edge, _ db: Database) throws {
    let insert = try db.cachedStatement(
      sql: """
        INSERT OR REPLACE INTO edge (source, target, relation, forward, label, release, sentence,
          evidence, count, order_date, order_sentence)
        VALUES (?,?,?,?,?,?,?,?,?,?,?)
        """)
    var sentence: Int?
    var text: String?
    switch edge.evidence {
    case .sentence(let index): sentence = index
    case .text(let evidence): text = evidence
    case nil: break
    }
    try insert.execute(arguments: [
      key.source, key.target, key.relation, edge.forward, edge.label, edge.release, sentence,
      text, edge.count, edge.order.0, edge.order.2,
    ])
  }

  /// The stored edge at `key`, if any.
  static func stored(_ key: Key, _ db: Database) throws -> Edge? {
    let select = try db.cachedStatement(
      sql: """
        SELECT forward, label, release, sentence, evidence, count, order_date, order_sentence
        FROM edge WHERE source = ? AND relation = ? AND target = ?
        """)
    guard
      let row = try Row.fetchOne(
        select, arguments: [key.source, key.relation, key.target])
    else { return nil }
    let sentence: Int? = row[3]
    let text: String? = row[4]
    let release: String? = row[2]
    return Edge(
      forward: row[0], label: row[1],
      evidence: sentence.map(EdgeEvidence.sentence) ?? text.map(EdgeEvidence.text),
      release: release, count: row[5],
      order: (row[6] ?? "", release ?? "", row[7] ?? 0))
  }
}
