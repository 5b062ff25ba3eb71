import EntityGraph
import Foundation
import GRDB
import PressReleases

extension GraphStore {
  /// What storing one file did.
  public enum FileResult: Hashable, Sendable {
    /// A new file: its releases were stored.
    case added(releases: Int)
    /// A known file whose content changed: its old releases were replaced.
    case replaced(releases: Int)
    /// A known file with the same content: nothing was written.
    case unchanged
    /// A new path whose content is already stored under another path.
    case duplicate(of: String)
    /// No release could be read from the file: nothing was written (the
    /// file's diagnostics say why, and anything stored before is kept).
    case unusable

    /// True when the store changed.
    public var changedStore: Bool {
      switch self {
      case .added, .replaced: true
      case .unchanged, .duplicate, .unusable: false
      }
    }
  }

  /// The fingerprint of a file's content: its releases' content hashes.
  /// Paths play no part, so a file read from another folder matches.
  public static func fingerprint(of releases: [Release]) -> String {
    sha256Hex(Array(releases.map(\.contentHash).joined(separator: "\n").utf8))
  }

  /// Stores one file's releases, in one transaction.
  ///
  /// A file already stored with the same content is skipped; a changed file
  /// replaces its releases. The graph is not derived here: call
  /// ``rebuild(with:)`` once after storing a batch of files. Until then the
  /// store remembers that its graph is out of date. (``IngestSession``
  /// stores many files in fewer transactions, and skips unchanged files
  /// without reading them.)
  /// - Throws: ``GraphStoreError/storeFailed(file:reason:)`` when the database
  ///   fails; the transaction is rolled back and nothing of the file is kept.
  public func store(_ file: CorpusReader.FileOutcome) throws(GraphStoreError) -> FileResult {
    guard !file.releases.isEmpty else { return .unusable }
    do {
      return try database.write { db in
        try Self.write(StoredFile(outcome: file, analyses: [], analysisVersion: nil), db)
      }
    } catch {
      throw GraphStoreError.classify(error, path: self.path) {
        .storeFailed(file: file.file.path, reason: $0)
      }
    }
  }

  /// A file read and analysed, ready to be written.
  struct StoredFile: Sendable {
    var outcome: CorpusReader.FileOutcome
    /// First-pass analyses of releases the store lacks, by content hash.
    var analyses: [(hash: String, data: [UInt8])]
    var analysisVersion: String?
  }

  /// Writes one file (in the caller's transaction or savepoint).
  static func write(_ file: StoredFile, _ db: Database) throws -> FileResult {
    let path = file.outcome.file.path
    let releases = file.outcome.releases
    guard !releases.isEmpty else { return .unusable }
    let fingerprint = Self.fingerprint(of: releases)
    let stamp = file.outcome.file.stamp
    let stored = try String.fetchOne(
      db, sql: "SELECT fingerprint FROM file WHERE path = ?", arguments: [path])
    if let version = file.analysisVersion {
      let insert = try db.cachedStatement(
        sql: "INSERT OR REPLACE INTO analysis (content_hash, version, data) VALUES (?, ?, ?)")
      for analysis in file.analyses {
        try insert.execute(arguments: [analysis.hash, version, Data(analysis.data)])
      }
    }
    if stored == fingerprint {
      // Same content, maybe touched: remember the new stamp.
      try db.execute(
        sql: "UPDATE file SET size = ?, modified = ?, inode = ?, device = ? WHERE path = ?",
        arguments: [stamp?.size, stamp?.modified, stamp?.inode, stamp?.device, path])
      return .unchanged
    }
    if stored == nil,
      let other = try String.fetchOne(
        db, sql: "SELECT path FROM file WHERE fingerprint = ? ORDER BY path LIMIT 1",
        arguments: [fingerprint])
    {
      return .duplicate(of: other)
    }
    if stored != nil {
      try db.execute(
        sql: "DELETE FROM sentence WHERE release IN (SELECT id FROM release WHERE file = ?)",
        arguments: [path])
      try db.execute(sql: "DELETE FROM release WHERE file = ?", arguments: [path])
      try db.execute(sql: "DELETE FROM file WHERE path = ?", arguments: [path])
    }
    try db.execute(
      sql: """
        INSERT INTO file (path, fingerprint, releases, size, modified, inode, device)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        path, fingerprint, releases.count, stamp?.size, stamp?.modified, stamp?.inode,
        stamp?.device,
      ])
    let insertRelease = try db.cachedStatement(
      sql: """
        INSERT INTO release (id, file, position, title, category, date, body, content_hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let insertSentence = try db.cachedStatement(
      sql: "INSERT INTO sentence (release, idx, start, \"end\") VALUES (?, ?, ?, ?)")
    let indexSentence = try db.cachedStatement(
      sql: "INSERT INTO sentence_fts (rowid, text) VALUES (?, ?)")
    for release in releases {
      try insertRelease.execute(arguments: [
        release.id, path, release.position, release.title, release.category,
        release.date?.description, release.body, release.contentHash,
      ])
      for sentence in release.sentences {
        try insertSentence.execute(arguments: [
          release.id, sentence.index, sentence.start, sentence.end,
        ])
        // The index's text must be the body's slice (the view the index
        // reads back); the reader guarantees it.
        try indexSentence.execute(arguments: [db.lastInsertedRowID, sentence.text])
      }
    }
    if stored == nil {
      // New releases only: the graph can take them in without a full
      // derivation (``rebuild(with:)``).
      let pending = try db.cachedStatement(
        sql: "INSERT OR IGNORE INTO pending_release (release) VALUES (?)")
      for release in releases { try pending.execute(arguments: [release.id]) }
      try Self.markChanged(db)
    } else {
      try Self.markStale(db)
    }
    return stored == nil ? .added(releases: releases.count) : .replaced(releases: releases.count)
  }

  /// The stamps of the stored files, by path (files stored before stamps
  /// existed have none).
  func storedStamps() throws(GraphStoreError) -> [String: FileStamp] {
    try read { db in
      var stamps: [String: FileStamp] = [:]
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT path, size, modified, inode, device FROM file
          WHERE size IS NOT NULL AND modified IS NOT NULL AND inode IS NOT NULL
            AND device IS NOT NULL
          """)
      while let row = try rows.next() {
        stamps[try row.get(0)] = FileStamp(
          size: try row.get(1), modified: try row.get(2), inode: try row.get(3),
          device: try row.get(4))
      }
      return stamps
    }
  }

  /// The content hashes whose stored analysis was made under `version`.
  func analysedHashes(version: String) throws(GraphStoreError) -> Set<String> {
    try read { db in
      Set(
        try String.fetchAll(
          db, sql: "SELECT content_hash FROM analysis WHERE version = ?", arguments: [version]))
    }
  }

  /// What deriving the graph produced.
  public struct RebuildSummary: Hashable, Sendable {
    /// Entities, meetings and affiliations before and after.
    public var before: Counts
    /// Counts after the rebuild.
    public var after: Counts
    /// Releases whose content repeats an earlier release (left out).
    public var duplicateReleases: Int
    /// Corrections that no longer match, and similar notes.
    public var diagnostics: [Diagnostic]
    /// True when only new releases were folded into the stored graph;
    /// false when the whole graph was derived again.
    public var incremental: Bool
    /// The releases derived: the new ones, or every release.
    public var releasesDerived: Int
  }

  /// The version of the derivation; stored with the graph, so that a store
  /// written by an older pressgraph is derived again.
  static let derivationVersion = "pressgraph-graph-4"

  /// Identifies the derivation setup: this derivation version and the
  /// extractor's ``EntityExtractor/analysisVersion`` (its code, rules, word
  /// lists and gazetteer), so any change to extraction means a new graph.
  static func derivationKey(analysisVersion: String) -> String {
    derivationVersion + ":" + analysisVersion
  }

  /// Records that the inputs changed: the graph is out of date, and the
  /// revision moves on (a rebuild that read an older revision does not
  /// mark its graph current).
  static func markStale(_ db: Database) throws {
    try db.execute(
      sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('graph', 'stale')")
    try markChanged(db)
  }

  /// Records that the inputs changed (the revision moves on); the graph is
  /// out of date only for the releases listed in `pending_release`.
  static func markChanged(_ db: Database) throws {
    try db.execute(
      sql: """
        INSERT INTO meta (key, value) VALUES ('revision', '1')
        ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1
        """)
  }

  static func revision(_ db: Database) throws -> String {
    try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'revision'") ?? "0"
  }

  /// True when the stored graph does not reflect the stored releases and
  /// corrections, or was derived with another gazetteer or version.
  public func needsRebuild(with extractor: EntityExtractor) throws(GraphStoreError) -> Bool {
    let key = Self.derivationKey(analysisVersion: extractor.analysisVersion)
    return try read { db in
      try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'graph'") != key
        || Self.hasPending(db)
    }
  }

  /// True when the graph was derived from what is stored now (whatever the
  /// gazetteer). Queries warn when it is not.
  public func isGraphCurrent() throws(GraphStoreError) -> Bool {
    try read { db in
      let value = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'graph'")
      let pending = try Self.hasPending(db)
      return value != nil && value != "stale" && !pending
    }
  }

  /// True when releases were stored since the graph was derived.
  static func hasPending(_ db: Database) throws -> Bool {
    try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM pending_release)") ?? false
  }

  /// The stored releases whose content repeats another's.
  func duplicateReleases() throws(GraphStoreError) -> Int {
    try read { db in
      try Int.fetchOne(db, sql: "SELECT COUNT(*) - COUNT(DISTINCT content_hash) FROM release") ?? 0
    }
  }

  /// The releases `ids` (those stored), with their sentences.
  static func releases(ids: [String], _ db: Database) throws -> [Release] {
    let list = jsonArray(ids)
    var offsets: [String: [(index: Int, start: Int, end: Int)]] = [:]
    let sentenceRows = try Row.fetchCursor(
      db,
      sql: """
        SELECT release, idx, start, "end" FROM sentence
        WHERE release IN (SELECT value FROM json_each(?)) ORDER BY release, idx
        """, arguments: [list])
    while let row = try sentenceRows.next() {
      offsets[(try row.get(0)), default: []].append(
        (index: try row.get(1), start: try row.get(2), end: try row.get(3)))
    }
    return try Row.fetchAll(
      db,
      sql: """
        SELECT id, file, position, title, category, date, body, content_hash
        FROM release WHERE id IN (SELECT value FROM json_each(?)) ORDER BY file, position
        """, arguments: [list]
    ).map { row in
      let id: String = row[0]
      let date: String? = row[5]
      let body: String = row[6]
      return Release(
        id: id, source: row[1], position: row[2], title: row[3], category: row[4],
        date: date.flatMap { PartialDate(iso: $0) }, body: body,
        sentences: try Self.sentences(offsets[id] ?? [], of: body, release: id),
        contentHash: row[7])
    }
  }

  /// The stored releases, in file and position order, without repeats.
  public func releases() throws(GraphStoreError) -> (releases: [Release], duplicates: Int) {
    try read { db in try Self.releases(db) }
  }

  static func releases(_ db: Database) throws -> (releases: [Release], duplicates: Int) {
    // Sentences are offsets into the body (Unicode scalars); their text is
    // sliced from it here.
    var offsets: [String: [(index: Int, start: Int, end: Int)]] = [:]
    let sentenceRows = try Row.fetchCursor(
      db, sql: "SELECT release, idx, start, \"end\" FROM sentence ORDER BY release, idx")
    while let row = try sentenceRows.next() {
      offsets[(try row.get(0)), default: []].append(
        (index: try row.get(1), start: try row.get(2), end: try row.get(3)))
    }
    var seen: Set<String> = []
    var duplicates = 0
    var releases: [Release] = []
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT id, file, position, title, category, date, body, content_hash
        FROM release ORDER BY file, position
        """)
    while let row = try rows.next() {
      let hash: String = (try row.get(7))
      guard seen.insert(hash).inserted else {
        duplicates += 1
        continue
      }
      let id: String = (try row.get(0))
      let date: String? = (try row.get(5))
      let body: String = (try row.get(6))
      releases.append(
        Release(
          id: id, source: (try row.get(1)), position: (try row.get(2)), title: (try row.get(3)),
          category: (try row.get(4)),
          date: date.flatMap { PartialDate(iso: $0) }, body: body,
          sentences: try Self.sentences(offsets[id] ?? [], of: body, release: id),
          contentHash: hash))
    }
    return (releases, duplicates)
  }

  /// The sentences at `offsets` (Unicode scalars) of `body`.
  /// - Throws: ``GraphStoreError/damaged(path:reason:)`` when an offset lies
  ///   outside the body.
  static func sentences(
    _ offsets: [(index: Int, start: Int, end: Int)], of body: String, release: String
  ) throws -> [Sentence] {
    guard !offsets.isEmpty else { return [] }
    let scalars = Array(body.unicodeScalars)
    return try offsets.map { offset in
      guard offset.start >= 0, offset.start <= offset.end, offset.end <= scalars.count else {
        throw GraphStoreError.damaged(
          path: nil, reason: "sentence \(offset.index) of release \(release) lies outside its text")
      }
      var text = String.UnicodeScalarView()
      text.append(contentsOf: scalars[offset.start..<offset.end])
      return Sentence(index: offset.index, start: offset.start, end: offset.end, text: String(text))
    }
  }

  /// Brings the stored graph up to date, in one transaction.
  ///
  /// When only new files were stored since the graph was derived (and
  /// there are no corrections, no repeated contents, and no acronym newly
  /// defined that stored releases use bare), their releases are folded in
  /// (``RebuildSummary/incremental``): only the entities they meet, and the
  /// releases of entities that are merged or renamed, are written again.
  /// Otherwise, or when nothing is pending, the graph is derived from every
  /// stored release and correction and replaces the stored one. Both give
  /// the same graph, which does not depend on the order files were
  /// ingested in. Stored corrections are applied every time.
  /// - Throws: ``GraphStoreError/rebuildFailed(reason:)``; the previous graph
  ///   is then kept, and the store still knows it is out of date.
  @discardableResult
  public func rebuild(with extractor: EntityExtractor) throws(GraphStoreError) -> RebuildSummary {
    let before = try counts()
    let version = extractor.analysisVersion
    let key = Self.derivationKey(analysisVersion: version)
    // New files only: fold them into the stored graph. If that fails, its
    // transaction is rolled back and the graph is derived in full instead
    // (which reports the failure, if it is the database's).
    if let folded = try? database.write({ db -> Int? in
      try Self.deriveIncrementally(db, extractor: extractor, key: key)
    }) {
      return RebuildSummary(
        before: before, after: try counts(), duplicateReleases: try duplicateReleases(),
        diagnostics: [], incremental: true, releasesDerived: folded)
    }
    // One snapshot of the inputs, with its revision.
    let (releases, duplicates, corrections, revision, stored) = try read { db in
      let (releases, duplicates) = try Self.releases(db)
      var stored: [String: [UInt8]] = [:]
      let rows = try Row.fetchCursor(
        db, sql: "SELECT content_hash, data FROM analysis WHERE version = ?", arguments: [version])
      while let row = try rows.next() {
        stored[try row.get(0)] = Array(try row.get(1) as Data)
      }
      return (releases, duplicates, try Self.corrections(db), try Self.revision(db), stored)
    }
    // Each release's first pass: the stored one, else made now (on every core).
    var analyses: [ReleaseAnalysis?] = releases.map { release in
      // A damaged or unreadable analysis is made again, never trusted.
      stored[release.contentHash].flatMap { blob in
        (try? Deflate.inflate(blob)).flatMap {
          try? ReleaseAnalysis(decoding: $0, release: release)
        }
      }
    }
    let missing = analyses.indices.filter { analyses[$0] == nil }
    let made = parallelMap(missing.count) { extractor.analyse(releases[missing[$0]]) }
    for (index, analysis) in zip(missing, made) { analyses[index] = analysis }
    let firstPasses = analyses.compactMap { $0 }
    var (graph, snapshot) = extractor.resolveWithSnapshot(firstPasses)
    let applied = CorrectionEngine.apply(corrections, to: &graph)
    do {
      try database.write { db in
        for table in Schema.graphTables {
          try db.execute(sql: "DELETE FROM \(table)")
        }
        try GraphWriter(db: db, gazetteer: extractor.gazetteer).write(graph, releases: releases)
        try StoredResolution.write(snapshot, analyses: firstPasses, db)
        let insert = try db.cachedStatement(
          sql: "INSERT OR REPLACE INTO analysis (content_hash, version, data) VALUES (?, ?, ?)")
        for analysis in made {
          try insert.execute(arguments: [
            analysis.release.contentHash, version, Data(Deflate.compress(analysis.encoded())),
          ])
        }
        // Analyses of releases no longer stored go.
        try db.execute(
          sql: "DELETE FROM analysis WHERE content_hash NOT IN (SELECT content_hash FROM release)")
        // Inputs stored by another process meanwhile are not in this
        // graph: it stays marked out of date.
        if try Self.revision(db) == revision {
          try db.execute(
            sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('graph', ?)", arguments: [key])
          try db.execute(
            sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('resolution', ?)",
            arguments: [key])
          try db.execute(sql: "DELETE FROM pending_release")
        } else {
          try Self.markStale(db)
        }
      }
    } catch {
      throw GraphStoreError.classify(error, path: path) { .rebuildFailed(reason: $0) }
    }
    return RebuildSummary(
      before: before, after: try counts(), duplicateReleases: duplicates,
      diagnostics: applied.diagnostics, incremental: false, releasesDerived: releases.count)
  }
}

extension GraphStore {
  /// The stored files: path, fingerprint and number of releases, by path.
  public func files() throws(GraphStoreError) -> [(path: String, releases: Int)] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT path, releases FROM file ORDER BY path").map {
        (path: (try $0.get("path") as String), releases: (try $0.get("releases") as Int))
      }
    }
  }

  /// Removes the stored files named `path` (a file as it was ingested, or a
  /// folder: every file below it) with their releases, in one transaction.
  /// Call ``rebuild(with:)`` afterwards.
  /// - Returns: the paths removed, sorted.
  @discardableResult
  public func forget(_ path: String) throws(GraphStoreError) -> [String] {
    var folder = path
    while folder.hasSuffix("/") && folder.count > 1 { folder.removeLast() }
    let prefix = folder + "/"
    do {
      return try database.write { db -> [String] in
        let paths = try String.fetchAll(
          db,
          sql: "SELECT path FROM file WHERE path = ? OR substr(path, 1, ?) = ? ORDER BY path",
          arguments: [folder, prefix.count, prefix])
        guard !paths.isEmpty else { return [] }
        let list = jsonArray(paths)
        try db.execute(
          sql: """
            DELETE FROM sentence WHERE release IN (
              SELECT id FROM release WHERE file IN (SELECT value FROM json_each(?)))
            """, arguments: [list])
        try db.execute(
          sql: "DELETE FROM release WHERE file IN (SELECT value FROM json_each(?))",
          arguments: [list])
        try db.execute(
          sql: "DELETE FROM file WHERE path IN (SELECT value FROM json_each(?))", arguments: [list])
        try Self.markStale(db)
        return paths
      }
    } catch {
      throw GraphStoreError.classify(error, path: self.path) {
        .storeFailed(file: path, reason: $0)
      }
    }
  }
}
