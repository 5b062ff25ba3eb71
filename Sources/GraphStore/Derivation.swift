import EntityGraph
import Foundation
import GRDB
import PressReleases

/// The resolver's state as the store keeps it (the `resolve_*` tables),
/// read on demand by ``IncrementalResolver``.
struct StoredResolution: ResolutionState {
  let db: Database

  func clusters(owning keys: Set<String>) throws -> [String: Int64] {
    var result: [String: Int64] = [:]
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT key, cluster FROM resolve_key WHERE key IN (SELECT value FROM json_each(?))
        """, arguments: [jsonArray(keys.sorted())])
    while let row = try rows.next() { result[row[0]] = row[1] }
    return result
  }

  func summaries(of clusters: Set<Int64>) throws -> [Int64: ClusterSummary] {
    var result: [Int64: ClusterSummary] = [:]
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT number, summary FROM resolve_cluster
        WHERE number IN (SELECT value FROM json_each(?))
        """, arguments: [jsonArray(clusters.sorted())])
    while let row = try rows.next() {
      result[row[0]] = try JSONDecoder().decode(ClusterSummary.self, from: row[1] as Data)
    }
    return result
  }

  func roleHolders(at orgs: Set<Int64>) throws -> [RoleHolder] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT org, title, plain, person FROM resolve_role
        WHERE org IN (SELECT value FROM json_each(?))
        """, arguments: [jsonArray(orgs.sorted())]
    ).map { RoleHolder(org: $0[0], title: $0[1], plain: $0[2], person: $0[3]) }
  }

  func records() throws -> [ClusterRecord] {
    try Row.fetchAll(db, sql: "SELECT number, entity, sort_key, draft FROM resolve_cluster").map {
      ClusterRecord(number: $0[0], id: $0[1], sortKey: $0[2], draft: $0[3])
    }
  }

  /// The entity a local with `keys` belongs to.
  func entity(ofKeys keys: Set<String>) throws -> String {
    let select = try db.cachedStatement(
      sql: """
        SELECT c.entity FROM resolve_key k JOIN resolve_cluster c ON c.number = k.cluster
        WHERE k.key = ?
        """)
    guard let key = keys.min(), let id = try String.fetchOne(select, arguments: [key]) else {
      throw GraphStoreError.damaged(
        path: nil, reason: "the resolution tables know no entity for \(keys.sorted())")
    }
    return id
  }

  /// Replaces the tables with a full resolution.
  static func write(
    _ snapshot: ResolutionSnapshot, analyses: [ReleaseAnalysis], _ db: Database
  ) throws {
    for table in Schema.resolutionTables { try db.execute(sql: "DELETE FROM \(table)") }
    for (record, summary) in snapshot.clusters {
      try insert(record, summary, db)
    }
    let insertKey = try db.cachedStatement(
      sql: "INSERT INTO resolve_key (key, cluster) VALUES (?, ?)")
    for (key, cluster) in snapshot.keys { try insertKey.execute(arguments: [key, cluster]) }
    for holder in snapshot.roleHolders { try insert(holder, db) }
    var defined: Set<String> = []
    for analysis in analyses {
      for acronym in analysis.definedAcronyms.sorted() where defined.insert(acronym).inserted {
        try db.execute(
          sql: "INSERT INTO resolve_acronym (acronym, release) VALUES (?, ?)",
          arguments: [acronym, analysis.release.id])
      }
      try insertUses(analysis, db)
    }
  }

  /// Writes a cluster's row (an update, never a replacement: replacing
  /// would delete the row first, and with it, by cascade, its keys).
  static func insert(_ record: ClusterRecord, _ summary: ClusterSummary, _ db: Database) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try db.cachedStatement(
      sql: """
        INSERT INTO resolve_cluster (number, entity, sort_key, draft, summary)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (number) DO UPDATE SET entity = excluded.entity,
          sort_key = excluded.sort_key, draft = excluded.draft, summary = excluded.summary
        """
    ).execute(arguments: [
      record.number, record.id, record.sortKey, record.draft, try encoder.encode(summary),
    ])
  }

  static func insert(_ holder: RoleHolder, _ db: Database) throws {
    try db.cachedStatement(
      sql: """
        INSERT OR REPLACE INTO resolve_role (org, title, plain, person) VALUES (?, ?, ?, ?)
        """
    ).execute(arguments: [holder.org, holder.title, holder.plain, holder.person])
  }

  static func insertUses(_ analysis: ReleaseAnalysis, _ db: Database) throws {
    let insert = try db.cachedStatement(
      sql: "INSERT OR IGNORE INTO resolve_acronym_use (acronym, release) VALUES (?, ?)")
    for acronym in analysis.unresolvedAcronyms.sorted() {
      try insert.execute(arguments: [acronym, analysis.release.id])
    }
  }

  /// Applies a delta to the tables.
  func apply(_ delta: ResolutionDelta) throws {
    for (cluster, gone) in delta.absorbed.sorted(by: { $0.key < $1.key }) {
      let moves = [
        "UPDATE resolve_key SET cluster = ? WHERE cluster = ?",
        "UPDATE OR REPLACE resolve_role SET org = ? WHERE org = ?",
        "UPDATE OR REPLACE resolve_role SET person = ? WHERE person = ?",
      ]
      for sql in moves { try db.execute(sql: sql, arguments: [gone.survivor, cluster]) }
      try db.execute(sql: "DELETE FROM resolve_cluster WHERE number = ?", arguments: [cluster])
    }
    for (record, summary, _) in delta.clusters { try Self.insert(record, summary, db) }
    let insertKey = try db.cachedStatement(
      sql: "INSERT OR REPLACE INTO resolve_key (key, cluster) VALUES (?, ?)")
    for (key, cluster) in delta.keys.sorted(by: { $0.key < $1.key }) {
      try insertKey.execute(arguments: [key, cluster])
    }
    for holder in delta.roleHolders { try Self.insert(holder, db) }
  }
}

extension GraphStore {
  /// Folds the pending releases into the stored graph, in the caller's
  /// write transaction, when the store allows it: the graph is current but
  /// for them, the resolution tables match the extractor, there are no
  /// corrections, and no pending release changes what stored releases
  /// say (a repeated content, or an acronym defined anew that stored
  /// releases use bare). Returns nil, having written nothing, when it is
  /// not possible; the caller derives in full.
  static func deriveIncrementally(
    _ db: Database, extractor: EntityExtractor, key: String
  ) throws -> Int? {
    func meta(_ name: String) throws -> String? {
      try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [name])
    }
    guard try meta("graph") == key, try meta("resolution") == key,
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM correction") == 0
    else { return nil }
    let pending = try String.fetchAll(
      db, sql: "SELECT release FROM pending_release ORDER BY release")
    // Nothing new: a derivation asked for anyway is a full one.
    guard !pending.isEmpty else { return nil }
    let pendingList = jsonArray(pending)
    // A pending release whose content another release has decides which
    // of them counts: derive in full.
    let repeated = try Int.fetchOne(
      db,
      sql: """
        SELECT COUNT(*) FROM release p JOIN release o
          ON o.content_hash = p.content_hash AND o.id != p.id
        WHERE p.id IN (SELECT value FROM json_each(?))
        """, arguments: [pendingList])
    guard repeated == 0 else { return nil }

    var loader = AnalysisLoader(db: db, extractor: extractor)
    let newReleases = try loader.releases(pending)
    let state = StoredResolution(db: db)

    // Acronyms: the first definer of each, in file order.
    var definers: [String: String] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT acronym, release FROM resolve_acronym") {
      definers[row[0]] = row[1]
    }
    var newDefiners: [String: String] = [:]
    var definedBy: [String: [String]] = [:]
    for id in pending {
      for acronym in try loader.analysis(id).definedAcronyms {
        definedBy[acronym, default: []].append(id)
      }
    }
    for (acronym, releases) in definedBy.sorted(by: { $0.key < $1.key }) {
      let stored = definers[acronym]
      guard
        let first = try String.fetchOne(
          db,
          sql: """
            SELECT id FROM release WHERE id IN (SELECT value FROM json_each(?))
            ORDER BY file, position LIMIT 1
            """, arguments: [jsonArray(releases + (stored.map { [$0] } ?? []))])
      else { continue }
      if let stored {
        guard first != stored else { continue }
        // An earlier definition: harmless only when it says the same.
        guard try loader.analysis(first).defines(acronym, as: try loader.analysis(stored)) else {
          return nil
        }
      } else if try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM resolve_acronym_use WHERE acronym = ?",
        arguments: [acronym]) != 0
      {
        // Stored releases use it bare: they read differently now.
        return nil
      }
      newDefiners[acronym] = first
    }
    definers.merge(newDefiners) { _, new in new }
    loader.definers = definers

    // Resolve the new releases into the stored clusters.
    let applied = try pending.map { try loader.applied($0) }
    let delta = try extractor.resolve(adding: applied, to: state)

    // Releases whose entities changed id, or were merged, are written again.
    let renamed = delta.renamed.keys.sorted()
    let rewrite = try String.fetchAll(
      db,
      sql: """
        SELECT DISTINCT release FROM appearance WHERE entity IN (SELECT value FROM json_each(?))
        ORDER BY release
        """, arguments: [jsonArray(renamed)])
    let rewriteReleases = try loader.releases(rewrite)
    var old: [ReleaseExtraction] = []
    for id in rewrite {
      old.append(
        try extractor.releaseExtraction(try loader.applied(id)) { try state.entity(ofKeys: $0) })
    }

    // The resolution tables move on.
    try state.apply(delta)
    for (acronym, release) in newDefiners.sorted(by: { $0.key < $1.key }) {
      try db.execute(
        sql: "INSERT OR REPLACE INTO resolve_acronym (acronym, release) VALUES (?, ?)",
        arguments: [acronym, release])
    }
    for id in pending { try StoredResolution.insertUses(try loader.analysis(id), db) }

    // Entities: new and changed ones written, gone ones removed last.
    let writer = GraphWriter(db: db, gazetteer: extractor.gazetteer)
    let upsert = try db.cachedStatement(
      sql: """
        INSERT INTO entity (id, name, type, country) VALUES (?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type,
          country = excluded.country
        """)
    for (_, _, entity) in delta.clusters {
      try upsert.execute(arguments: [entity.id, entity.name, entity.type.rawValue, entity.country])
      try db.execute(sql: "DELETE FROM alias WHERE entity = ?", arguments: [entity.id])
      try db.execute(sql: "DELETE FROM lookup WHERE entity = ?", arguments: [entity.id])
    }
    try writer.writeNames(delta.clusters.map(\.entity))

    // What the rewritten releases said before goes; what they and the
    // new releases say now is written.
    let rewriteList = jsonArray(rewrite)
    for table in ["mention", "appearance", "affiliation", "parent_link", "meeting"] {
      try db.execute(
        sql: "DELETE FROM \(table) WHERE release IN (SELECT value FROM json_each(?))",
        arguments: [rewriteList])
    }
    var added: [EdgeContribution] = []
    for id in rewrite + pending {
      let extraction = try extractor.releaseExtraction(try loader.applied(id)) {
        try state.entity(ofKeys: $0)
      }
      let release = rewriteReleases[id] ?? newReleases[id]
      try writer.writeRows(extraction, release: release)
      added += GraphWriter.contributions(extraction, release: release)
    }
    var removed: [EdgeContribution] = []
    for (extraction, id) in zip(old, rewrite) {
      removed += GraphWriter.contributions(extraction, release: rewriteReleases[id])
    }
    let gone = delta.goneIDs
    try EdgeDelta(removed: removed, added: added, gone: gone).apply(db) { source, target in
      // Every release where both ends appear, as it reads now.
      let releases = try String.fetchAll(
        db,
        sql: """
          SELECT a.release FROM appearance a
          JOIN appearance b ON b.entity = ? AND b.release = a.release
          WHERE a.entity = ? ORDER BY a.release
          """, arguments: [target, source])
      let loaded = try loader.releases(releases)
      return try releases.flatMap { id in
        GraphWriter.contributions(
          try extractor.releaseExtraction(try loader.applied(id)) {
            try state.entity(ofKeys: $0)
          }, release: loaded[id])
      }
    }
    for id in gone.sorted() {
      for table in ["alias", "lookup"] {
        try db.execute(sql: "DELETE FROM \(table) WHERE entity = ?", arguments: [id])
      }
      try db.execute(sql: "DELETE FROM edge WHERE target = ?", arguments: [id])
      try db.execute(sql: "DELETE FROM entity WHERE id = ?", arguments: [id])
    }

    // Successions follow the institutions present.
    try db.execute(
      sql: "DELETE FROM edge WHERE relation = ?", arguments: [Relation.predecessor.rawValue])
    try db.execute(sql: "DELETE FROM succession")
    let candidates = extractor.gazetteer.institutions.map { "\($0.type.rawValue):\($0.id)" }
    let present = Set(
      try String.fetchAll(
        db, sql: "SELECT id FROM entity WHERE id IN (SELECT value FROM json_each(?))",
        arguments: [jsonArray(candidates)]))
    var successionEdges = EdgeCollector()
    try writer.writeSuccessions(extractor.successions(among: present), into: &successionEdges)
    try successionEdges.write(db)

    // Analyses made now are kept.
    try loader.storeMade()
    try db.execute(sql: "DELETE FROM pending_release")
    return pending.count
  }
}

/// Reads releases and their analyses for a derivation, once each.
struct AnalysisLoader {
  let db: Database
  let extractor: EntityExtractor
  /// The release that first defines each acronym.
  var definers: [String: String] = [:]
  private var releaseCache: [String: Release] = [:]
  private var analysisCache: [String: ReleaseAnalysis] = [:]
  private var appliedCache: [String: ReleaseAnalysis] = [:]
  private var made: [ReleaseAnalysis] = []

  init(db: Database, extractor: EntityExtractor) {
    self.db = db
    self.extractor = extractor
  }

  /// The releases `ids`, by id.
  mutating func releases(_ ids: [String]) throws -> [String: Release] {
    let missing = ids.filter { releaseCache[$0] == nil }
    if !missing.isEmpty {
      for release in try GraphStore.releases(ids: missing, db) {
        releaseCache[release.id] = release
      }
    }
    var result: [String: Release] = [:]
    for id in ids { result[id] = releaseCache[id] }
    return result
  }

  /// A release's first-pass analysis: the stored one, else made now.
  mutating func analysis(_ id: String) throws -> ReleaseAnalysis {
    if let analysis = analysisCache[id] { return analysis }
    guard let release = try releases([id])[id] else {
      throw GraphStoreError.damaged(path: nil, reason: "release \(id) is not stored")
    }
    let version = extractor.analysisVersion
    let blob = try Data.fetchOne(
      db, sql: "SELECT data FROM analysis WHERE content_hash = ? AND version = ?",
      arguments: [release.contentHash, version])
    let stored = blob.flatMap { blob in
      (try? Deflate.inflate(Array(blob))).flatMap {
        try? ReleaseAnalysis(decoding: $0, release: release)
      }
    }
    let analysis: ReleaseAnalysis
    if let stored {
      analysis = stored
    } else {
      analysis = extractor.analyse(release)
      made.append(analysis)
    }
    analysisCache[id] = analysis
    return analysis
  }

  /// A release's analysis with the corpus's acronyms applied.
  mutating func applied(_ id: String) throws -> ReleaseAnalysis {
    if let analysis = appliedCache[id] { return analysis }
    let first = try analysis(id)
    var needed: [String: ReleaseAnalysis] = [:]
    for acronym in first.unresolvedAcronyms.sorted() {
      if let definer = definers[acronym] { needed[acronym] = try analysis(definer) }
    }
    let applied = extractor.applyingCorpusAcronyms(first, definers: needed)
    appliedCache[id] = applied
    return applied
  }

  /// Stores the analyses made while loading.
  func storeMade() throws {
    let insert = try db.cachedStatement(
      sql: "INSERT OR REPLACE INTO analysis (content_hash, version, data) VALUES (?, ?, ?)")
    for analysis in made {
      try insert.execute(arguments: [
        analysis.release.contentHash, extractor.analysisVersion,
        Data(Deflate.compress(analysis.encoded())),
      ])
    }
  }
}

/// The change a derivation makes to the edge table: contributions that go
/// (the old reading of rewritten releases) and that come.
struct EdgeDelta {
  var removed: [EdgeContribution]
  var added: [EdgeContribution]
  /// Entities that go: their edges are removed wholesale.
  var gone: Set<String>

  /// Applies the change. An edge whose earliest evidence goes is counted
  /// again from every release behind it (`recount(source, target)` gives
  /// their contributions); any other edge is adjusted in place.
  func apply(
    _ db: Database, recount: (String, String) throws -> [EdgeContribution]
  ) throws {
    var removals: [EdgeCollector.Key: [EdgeContribution]] = [:]
    var additions: [EdgeCollector.Key: [(EdgeContribution, Bool)]] = [:]
    for contribution in removed where contribution.a != contribution.b {
      for (key, _) in contribution.directed { removals[key, default: []].append(contribution) }
    }
    for contribution in added where contribution.a != contribution.b {
      for (key, forward) in contribution.directed {
        additions[key, default: []].append((contribution, forward))
      }
    }
    let keys = Set(removals.keys).union(additions.keys).sorted()
    for key in keys where !gone.contains(key.source) && !gone.contains(key.target) {
      let stored = try EdgeCollector.stored(key, db)
      let out = removals[key] ?? []
      let into = additions[key] ?? []
      var edge: EdgeCollector.Edge?
      let earliestGoes =
        stored.map { stored in
          out.contains { $0.release == stored.release && $0.order == stored.order }
        } ?? !out.isEmpty
      if earliestGoes {
        for contribution in try recount(key.source, key.target) {
          for (directed, forward) in contribution.directed where directed == key {
            EdgeCollector.Edge.fold(&edge, contribution, forward: forward)
          }
        }
      } else {
        edge = stored
        if var kept = edge {
          kept.count -= out.count
          edge = kept.count > 0 ? kept : nil
        }
        for (contribution, forward) in into {
          EdgeCollector.Edge.fold(&edge, contribution, forward: forward)
        }
      }
      if let edge {
        try EdgeCollector.write(key, edge, db)
      } else if stored != nil {
        try db.execute(
          sql: "DELETE FROM edge WHERE source = ? AND relation = ? AND target = ?",
          arguments: [key.source, key.relation, key.target])
      }
    }
  }
}
