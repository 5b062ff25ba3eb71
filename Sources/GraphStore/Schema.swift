import GRDB

/// The store's tables, created and upgraded by GRDB's `DatabaseMigrator`.
///
/// Two kinds of table live side by side:
///
/// - **Inputs**, written one file per transaction by ingest: `file`,
///   `release`, `sentence` (with the `sentence_fts` and `release_fts`
///   full-text indexes) and `correction`.
/// - **The graph**, derived from the inputs by ``GraphStore/rebuild(with:)``:
///   `entity`, `alias`, `lookup`, `appearance`, `mention`, `affiliation`,
///   `parent_link`, `succession`, `meeting`, `participant`, `edge` and
///   `entity_meeting`. New files are folded into it (the releases listed in
///   `pending_release`, with the resolver's state in the `resolve_*`
///   tables); anything else rewrites it whole, in one transaction.
///
/// Because the graph is a function of the inputs, ingesting files one at a
/// time gives the same graph as ingesting them together, and a correction is
/// applied again every time the graph is derived.
enum Schema {
  /// The migrations, oldest first. Their ids are recorded in the
  /// `grdb_migrations` table (the name GRDB's migrator used, so stores
  /// written before this runner existed are read as they are).
  static let migrations: [(id: String, run: @Sendable (Database) throws -> Void)] = [
    (
      "v1",
      { db in
        try createInputs(db)
        try createGraph(db)
      }
    ),
    ("v2", { db in try migrateToV2(db) }),
    ("v3", { db in try migrateToV3(db) }),
    ("v4", { db in try migrateToV4(db) }),
    ("v5", { db in try db.execute(sql: "DROP TRIGGER sentence_fts_insert") }),
    ("v6", { db in try migrateToV6(db) }),
    ("v7", { db in try migrateToV7(db) }),
  ]

  /// The tables every store has (the FTS indexes' shadow tables aside).
  static var tables: [String] {
    [
      "meta", "file", "release", "sentence", "sentence_fts", "release_fts", "correction",
      "analysis", "pending_release",
    ]
      + graphTables + resolutionTables
  }

  /// What a store's schema is, compared with this pressgraph's.
  enum State: Equatable {
    /// No migration has run: a new, empty database.
    case empty
    /// Some known migrations are still to run.
    case older(pending: [String])
    /// Every migration has run.
    case current
    /// Migrations this pressgraph does not know have run: a newer
    /// pressgraph wrote the store.
    case newer(unknown: [String])
  }

  /// The schema state of `db`.
  static func state(_ db: Database) throws -> State {
    guard try db.tableExists("grdb_migrations") else { return .empty }
    let applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
    let known = migrations.map(\.id)
    let unknown = applied.subtracting(known).sorted()
    if !unknown.isEmpty { return .newer(unknown: unknown) }
    if applied.isEmpty { return .empty }
    let pending = known.filter { !applied.contains($0) }
    return pending.isEmpty ? .current : .older(pending: pending)
  }

  /// Creates or upgrades the tables, in one immediate transaction, so that
  /// two processes creating one new store at once do it once: the second
  /// waits for the first's lock (the busy timeout), then finds the tables
  /// made. Stamps the store's application id.
  ///
  /// - Throws: ``GraphStoreError/newerStore(path:unknownMigrations:writtenBy:)``
  ///   (with an empty path; the caller names the file) when the store was
  ///   written by a newer pressgraph; database errors otherwise.
  static func prepare(_ writer: some DatabaseWriter, writtenBy version: String?) throws {
    try writer.writeWithoutTransaction { db in
      try db.inTransaction(.immediate) {
        let state = try state(db)
        if state == .empty,
          try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") ?? 0 > 0
        {
          throw GraphStoreError.notAStore(
            path: "", reason: "an SQLite database without pressgraph's tables")
        }
        if case .newer(let unknown) = state {
          throw GraphStoreError.newerStore(
            path: "", unknownMigrations: unknown,
            writtenBy: try? String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'writer'"))
        }
        if state != .current {
          try db.execute(
            sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)"
          )
          let applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
          for migration in migrations where !applied.contains(migration.id) {
            try migration.run(db)
            try db.execute(
              sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.id])
          }
        }
        if try Int32.fetchOne(db, sql: "PRAGMA application_id") != GraphStore.applicationID {
          try db.execute(sql: "PRAGMA application_id = \(GraphStore.applicationID)")
        }
        if let version {
          try db.execute(
            sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('writer', ?)",
            arguments: [version])
        }
        return .commit
      }
    }
  }

  private static func createInputs(_ db: Database) throws {
    try db.create(table: "meta") { t in
      t.primaryKey("key", .text)
      t.column("value", .text).notNull()
    }
    // One row per source file, keyed by the path as the user named it.
    try db.create(table: "file") { t in
      t.primaryKey("path", .text)
      // SHA-256 over the content hashes of the file's releases, in order.
      t.column("fingerprint", .text).notNull().indexed()
      t.column("releases", .integer).notNull()
    }
    try db.create(table: "release") { t in
      t.primaryKey("id", .text)
      t.column("file", .text).notNull().indexed().references("file", onDelete: .cascade)
      t.column("position", .integer).notNull()
      t.column("title", .text).notNull()
      t.column("category", .text)
      t.column("date", .text)
      t.column("body", .text).notNull()
      t.column("content_hash", .text).notNull().indexed()
    }
    try db.create(table: "sentence") { t in
      t.autoIncrementedPrimaryKey("id")
      t.column("release", .text).notNull().references("release", onDelete: .cascade)
      t.column("idx", .integer).notNull()
      t.column("start", .integer).notNull()
      t.column("end", .integer).notNull()
      t.column("text", .text).notNull()
      t.uniqueKey(["release", "idx"])
    }
    try db.create(virtualTable: "sentence_fts", using: FTS5()) { t in
      t.synchronize(withTable: "sentence")
      t.tokenizer = .unicode61()
      t.column("text")
    }
    try db.create(virtualTable: "release_fts", using: FTS5()) { t in
      t.synchronize(withTable: "release")
      t.tokenizer = .unicode61()
      t.column("title")
    }
    try db.create(table: "correction") { t in
      t.autoIncrementedPrimaryKey("id")
      // The correction as JSON (see ``Correction``).
      t.column("body", .text).notNull()
    }
  }

  /// Schema v2, step 1: what ingest needs to skip work it has done.
  ///
  /// - `file` gains the stamp the file had when stored (size, modification
  ///   time, inode, device), so an unchanged file is passed over before it
  ///   is read. Stores from v1 have no stamps: their files are read once
  ///   more and compared by content, then stamped.
  /// - `analysis` keeps each release's first-pass extraction, keyed by
  ///   content hash, with the extractor version it was made under, so a
  ///   release is extracted once in its life (and again only when the
  ///   extractor or the gazetteer changes).
  private static func migrateToV2(_ db: Database) throws {
    try db.alter(table: "file") { t in
      t.add(column: "size", .integer)
      t.add(column: "modified", .integer)
      t.add(column: "inode", .integer)
      t.add(column: "device", .integer)
    }
    try db.create(table: "analysis") { t in
      t.primaryKey("content_hash", .text)
      // ``EntityExtractor/analysisVersion`` when it was made.
      t.column("version", .text).notNull()
      // ``ReleaseAnalysis/encoded()``, compressed (``Deflate``).
      t.column("data", .blob).notNull()
    }
  }

  /// Schema v3: the graph tables, compact and checked.
  ///
  /// - Tables keyed by several columns (`alias`, `lookup`, `appearance`,
  ///   `participant`, `edge`) are `WITHOUT ROWID`: the key is the table,
  ///   with no second copy of it in an index.
  /// - Evidence that is a sentence of its release is not copied: `meeting`
  ///   and `edge` name the sentence (`release`, `sentence`), and keep
  ///   `evidence` text only when it is something else.
  /// - References to an entity, a release or a meeting are foreign keys
  ///   with `ON DELETE CASCADE`: forgetting a release takes what was
  ///   derived from it, and no row can point at nothing. (An edge's target
  ///   and evidence release, and `lookup`'s entity, are the exceptions,
  ///   explained where they are declared.)
  ///
  /// The graph is derived, so the migration drops the v1 graph tables and
  /// creates the new ones empty: the store is marked out of date, and the
  /// next ingest (or correction) derives the graph again, from the stored
  /// analyses, with the corrections applied.
  private static func migrateToV3(_ db: Database) throws {
    // The graph tables v1 had (later versions add more).
    let v1Graph = [
      "edge", "participant", "meeting", "succession", "parent_link", "affiliation", "mention",
      "appearance", "lookup", "alias", "entity",
    ]
    for table in v1Graph { try db.drop(table: table) }
    try createGraphV3(db)
    try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('graph', 'stale')")
  }

  /// Schema v4: a sentence's text is not stored twice.
  ///
  /// A sentence is its offsets into the release's body (Unicode scalars,
  /// which are SQLite's characters in UTF-8 text). The view `sentence_text`
  /// gives its text, sliced from the body; the full-text index reads that
  /// view as its external content, so the text lives once, in `release`.
  ///
  /// Triggers keep the index in step: a sentence is taken out of the index
  /// before it is deleted (while its release still exists: deleting a
  /// release first deletes its sentences). Since v5 the writer indexes a
  /// sentence as it inserts it, with the text it has in hand
  /// (``GraphStore/write(_:_:)``): a trigger reading the text back from the
  /// release body for each sentence made storing three times slower. Release text is
  /// never changed in place (a changed file replaces its releases), and a
  /// trigger refuses an update that would leave the index stale.
  /// The text of sentence `s` of release `r`, in SQL: the queries join
  /// `sentence s` and `release r` and slice the body themselves, because
  /// SQLite cannot flatten the `sentence_text` view (a join) into the right
  /// side of a LEFT JOIN, and would materialise every sentence instead.
  static let sentenceText = "substr(r.body, s.start + 1, s.\"end\" - s.start)"

  private static func migrateToV4(_ db: Database) throws {
    for trigger in ["__sentence_fts_ai", "__sentence_fts_ad", "__sentence_fts_au"] {
      try db.execute(sql: "DROP TRIGGER IF EXISTS \(trigger)")
    }
    try db.drop(table: "sentence_fts")
    try db.execute(sql: "ALTER TABLE sentence DROP COLUMN text")
    try db.execute(
      sql: """
        CREATE VIEW sentence_text (id, release, idx, start, "end", text) AS
          SELECT s.id, s.release, s.idx, s.start, s."end",
            substr(r.body, s.start + 1, s."end" - s.start)
          FROM sentence s JOIN release r ON r.id = s.release;
        CREATE VIRTUAL TABLE sentence_fts USING fts5(
          text, content = 'sentence_text', content_rowid = 'id', tokenize = 'unicode61');
        CREATE TRIGGER sentence_fts_insert AFTER INSERT ON sentence BEGIN
          INSERT INTO sentence_fts (rowid, text)
            SELECT new.id, substr(body, new.start + 1, new."end" - new.start)
            FROM release WHERE id = new.release;
        END;
        CREATE TRIGGER sentence_fts_delete BEFORE DELETE ON sentence BEGIN
          INSERT INTO sentence_fts (sentence_fts, rowid, text)
            SELECT 'delete', old.id, substr(body, old.start + 1, old."end" - old.start)
            FROM release WHERE id = old.release;
        END;
        CREATE TRIGGER sentence_fixed BEFORE UPDATE ON sentence BEGIN
          SELECT RAISE(ABORT, 'sentences are replaced, never updated');
        END;
        CREATE TRIGGER release_sentences_first BEFORE DELETE ON release BEGIN
          DELETE FROM sentence WHERE release = old.id;
        END;
        CREATE TRIGGER release_text_fixed BEFORE UPDATE OF body ON release BEGIN
          SELECT RAISE(ABORT, 'release text is replaced, never updated');
        END;
        INSERT INTO sentence_fts (sentence_fts) VALUES ('rebuild');
        """)
  }

  private static func createGraphV3(_ db: Database) throws {
    try db.create(table: "entity") { t in
      t.primaryKey("id", .text)
      t.column("name", .text).notNull()
      t.column("type", .text).notNull().indexed()
      t.column("country", .text)
    }
    try db.create(table: "alias", options: .withoutRowID) { t in
      t.column("entity", .text).notNull().references("entity", onDelete: .cascade)
      t.column("alias", .text).notNull()
      t.primaryKey(["entity", "alias"])
    }
    // Folded names for lookup: rank 0 id, 1 name, 2 alias seen, 3 known name.
    try db.create(table: "lookup", options: .withoutRowID) { t in
      t.column("key", .text).notNull()
      // Not a foreign key: a key per name of every entity, written with
      // the entity and deleted with the graph; a foreign key would need a
      // second index as large as the table.
      t.column("entity", .text).notNull()
      t.column("rank", .integer).notNull()
      t.primaryKey(["key", "entity"])
    }
    // Which releases each entity appears in (by mention, title or relation).
    try db.create(table: "appearance", options: .withoutRowID) { t in
      t.column("entity", .text).notNull().references("entity", onDelete: .cascade)
      t.column("release", .text).notNull().indexed().references("release", onDelete: .cascade)
      t.primaryKey(["entity", "release"])
    }
    try db.create(table: "mention") { t in
      t.column("entity", .text).notNull().indexed().references("entity", onDelete: .cascade)
      t.column("release", .text).notNull().indexed().references("release", onDelete: .cascade)
      t.column("sentence", .integer).notNull()
      t.column("start", .integer).notNull()
      t.column("end", .integer).notNull()
      t.column("text", .text).notNull()
    }
    try db.create(table: "affiliation") { t in
      t.column("person", .text).notNull().indexed().references("entity", onDelete: .cascade)
      t.column("org", .text).notNull().indexed().references("entity", onDelete: .cascade)
      t.column("title", .text)
      t.column("release", .text).notNull().indexed().references("release", onDelete: .cascade)
      t.column("date", .text)
    }
    try db.create(table: "parent_link") { t in
      t.column("child", .text).notNull().indexed().references("entity", onDelete: .cascade)
      t.column("parent", .text).notNull().indexed().references("entity", onDelete: .cascade)
      t.column("evidence", .text).notNull()
      t.column("release", .text).notNull().indexed().references("release", onDelete: .cascade)
    }
    try db.create(table: "succession") { t in
      t.column("predecessor", .text).notNull().indexed().references("entity", onDelete: .cascade)
      t.column("successor", .text).notNull().indexed().references("entity", onDelete: .cascade)
    }
    try db.create(table: "meeting") { t in
      // "<release id>/<n>": stable across re-ingests.
      t.primaryKey("id", .text)
      t.column("release", .text).notNull().indexed().references("release", onDelete: .cascade)
      t.column("sentence", .integer).notNull()
      t.column("date", .text)
      t.column("end_date", .text)
      // The first and last day the meeting may fall on (release date when
      // the text gives none), for date-window filters.
      t.column("low", .text).indexed()
      t.column("high", .text)
      t.column("place", .text)
      t.column("status", .text).notNull()
      // NULL when the evidence is the sentence itself.
      t.column("evidence", .text)
    }
    try db.create(table: "participant", options: .withoutRowID) { t in
      t.column("meeting", .text).notNull().references("meeting", onDelete: .cascade)
      t.column("entity", .text).notNull().indexed().references("entity", onDelete: .cascade)
      // The person's title in the release, when stated.
      t.column("role", .text)
      // The organisation a person represents in this meeting.
      t.column("represents", .text).indexed().references("entity", onDelete: .setNull)
      t.primaryKey(["meeting", "entity"])
    }
    // Relations as undirected adjacency (both directions stored), one row per
    // pair and relation, with the earliest evidence.
    try db.create(table: "edge", options: .withoutRowID) { t in
      t.column("source", .text).notNull().references("entity", onDelete: .cascade)
      t.column("relation", .text).notNull()
      // Not a foreign key: every edge is stored in both directions, and
      // its twin's source is this target (a foreign key here would need
      // a second index on the largest table).
      t.column("target", .text).notNull()
      // 1 when source plays the relation's first role (the person of an
      // affiliation, the child of a parent link, the predecessor).
      t.column("forward", .integer).notNull()
      t.column("label", .text)
      // The release and sentence of the earliest evidence (a pointer for
      // display, not a foreign key: the edge is derived from many releases).
      t.column("release", .text)
      t.column("sentence", .integer)
      // The evidence, when it is not that sentence.
      t.column("evidence", .text)
      t.column("count", .integer).notNull()
      t.primaryKey(["source", "relation", "target"])
    }
  }

  private static func createGraph(_ db: Database) throws {
    try db.create(table: "entity") { t in
      t.primaryKey("id", .text)
      t.column("name", .text).notNull()
      t.column("type", .text).notNull().indexed()
      t.column("country", .text)
    }
    try db.create(table: "alias") { t in
      t.column("entity", .text).notNull()
      t.column("alias", .text).notNull()
      t.primaryKey(["entity", "alias"])
    }
    // Folded names for lookup: rank 0 id, 1 name, 2 alias seen, 3 known name.
    try db.create(table: "lookup") { t in
      t.column("key", .text).notNull()
      t.column("entity", .text).notNull()
      t.column("rank", .integer).notNull()
      t.primaryKey(["key", "entity"])
    }
    // Which releases each entity appears in (by mention, title or relation).
    try db.create(table: "appearance") { t in
      t.column("entity", .text).notNull()
      t.column("release", .text).notNull().indexed()
      t.primaryKey(["entity", "release"])
    }
    try db.create(table: "mention") { t in
      t.column("entity", .text).notNull().indexed()
      t.column("release", .text).notNull().indexed()
      t.column("sentence", .integer).notNull()
      t.column("start", .integer).notNull()
      t.column("end", .integer).notNull()
      t.column("text", .text).notNull()
    }
    try db.create(table: "affiliation") { t in
      t.column("person", .text).notNull().indexed()
      t.column("org", .text).notNull().indexed()
      t.column("title", .text)
      t.column("release", .text).notNull()
      t.column("date", .text)
    }
    try db.create(table: "parent_link") { t in
      t.column("child", .text).notNull().indexed()
      t.column("parent", .text).notNull().indexed()
      t.column("evidence", .text).notNull()
      t.column("release", .text).notNull()
    }
    try db.create(table: "succession") { t in
      t.column("predecessor", .text).notNull().indexed()
      t.column("successor", .text).notNull().indexed()
    }
    try db.create(table: "meeting") { t in
      // "<release id>/<n>": stable across re-ingests.
      t.primaryKey("id", .text)
      t.column("release", .text).notNull().indexed()
      t.column("sentence", .integer).notNull()
      t.column("date", .text)
      t.column("end_date", .text)
      // The first and last day the meeting may fall on (release date when
      // the text gives none), for date-window filters.
      t.column("low", .text)
      t.column("high", .text)
      t.column("place", .text)
      t.column("status", .text).notNull()
      t.column("evidence", .text).notNull()
    }
    try db.create(table: "participant") { t in
      t.column("meeting", .text).notNull().indexed()
      t.column("entity", .text).notNull().indexed()
      // The person's title in the release, when stated.
      t.column("role", .text)
      // The organisation a person represents in this meeting.
      t.column("represents", .text).indexed()
      t.primaryKey(["meeting", "entity"])
    }
    // Relations as undirected adjacency (both directions stored), one row per
    // pair and relation, with the earliest evidence.
    try db.create(table: "edge") { t in
      t.column("source", .text).notNull()
      t.column("target", .text).notNull()
      t.column("relation", .text).notNull()
      // 1 when source plays the relation's first role (the person of an
      // affiliation, the child of a parent link, the predecessor).
      t.column("forward", .integer).notNull()
      t.column("label", .text)
      t.column("evidence", .text)
      t.column("release", .text)
      t.column("count", .integer).notNull()
      t.primaryKey(["source", "relation", "target"])
    }
  }

  /// Schema v6: what deriving the graph incrementally needs.
  ///
  /// - `pending_release` lists releases stored since the graph was last
  ///   derived, when the graph still holds for everything else (new files
  ///   only: a changed or forgotten file, or a correction, marks the whole
  ///   graph out of date).
  /// - The resolution tables keep the resolver's state as of the stored
  ///   graph (before corrections), so that new releases are folded into
  ///   the entities their keys meet (``IncrementalResolver``):
  ///   `resolve_cluster` (one row per entity, with its summary),
  ///   `resolve_key` (which entity owns each key), `resolve_role` (the
  ///   holders of single-holder roles, for the typo rule),
  ///   `resolve_acronym` (the release that first defines each acronym) and
  ///   `resolve_acronym_use` (releases that use an acronym bare).
  /// - `edge` keeps the order of its earliest evidence (`order_date`,
  ///   `order_sentence`, with `release`), so that a new contribution can be
  ///   compared with it without reading the releases behind the edge.
  ///
  /// The graph is marked out of date: the next ingest derives it in full
  /// once, which fills the new tables.
  private static func migrateToV6(_ db: Database) throws {
    try db.create(table: "pending_release", options: .withoutRowID) { t in
      t.primaryKey("release", .text).references("release", onDelete: .cascade)
    }
    try db.alter(table: "edge") { t in
      t.add(column: "order_date", .text)
      t.add(column: "order_sentence", .integer)
    }
    try db.create(table: "resolve_cluster") { t in
      t.primaryKey("number", .integer)
      // The entity's id (not unique while a delta swaps two ids).
      t.column("entity", .text).notNull().indexed()
      t.column("sort_key", .text).notNull()
      t.column("draft", .text).notNull()
      // ``ClusterSummary`` as JSON with sorted keys.
      t.column("summary", .blob).notNull()
    }
    try db.create(table: "resolve_key", options: .withoutRowID) { t in
      t.primaryKey("key", .text)
      t.column("cluster", .integer).notNull().indexed()
        .references("resolve_cluster", onDelete: .cascade)
    }
    try db.create(table: "resolve_role", options: .withoutRowID) { t in
      t.column("org", .integer).notNull().references("resolve_cluster", onDelete: .cascade)
      t.column("title", .text).notNull()
      t.column("plain", .text).notNull()
      t.column("person", .integer).notNull().indexed()
        .references("resolve_cluster", onDelete: .cascade)
      t.primaryKey(["org", "title", "plain"])
    }
    try db.create(table: "resolve_acronym", options: .withoutRowID) { t in
      t.primaryKey("acronym", .text)
      t.column("release", .text).notNull().indexed().references("release", onDelete: .cascade)
    }
    try db.create(table: "resolve_acronym_use", options: .withoutRowID) { t in
      t.column("acronym", .text).notNull()
      t.column("release", .text).notNull().indexed().references("release", onDelete: .cascade)
      t.primaryKey(["acronym", "release"])
    }
    try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('graph', 'stale')")
  }

  /// Schema v7: each entity's meetings, newest first, for the hub query.
  ///
  /// `entity_meeting` has a row for every entity in a meeting (a
  /// participant, or a body a participant represents), with the meeting's
  /// window (`low_key` is `low`, or '' without one, so that it can be part
  /// of the key), `high` and `status`, and `gives`: whether the meeting has
  /// a participant not on the entity's side (the test
  /// ``GraphStore/meetingSQL(count:idsOnly:newestFirst:paged:prefilter:)``
  /// makes when no counterpart or type is asked for). A page of
  /// `met MOTIE` and its total are then one range of this table's key,
  /// however many meetings the hub has. The table is derived with the
  /// graph: the migration marks it out of date.
  private static func migrateToV7(_ db: Database) throws {
    try db.create(table: "entity_meeting", options: .withoutRowID) { t in
      t.column("entity", .text).notNull().references("entity", onDelete: .cascade)
      t.column("low_key", .text).notNull()
      t.column("meeting", .text).notNull().indexed().references("meeting", onDelete: .cascade)
      t.column("high", .text)
      t.column("status", .text).notNull()
      t.column("gives", .boolean).notNull()
      t.primaryKey(["entity", "low_key", "meeting"])
    }
    try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('graph', 'stale')")
  }

  /// The resolver's state, in deletion order (rewritten with the graph).
  static let resolutionTables = [
    "resolve_acronym_use", "resolve_acronym", "resolve_role", "resolve_key", "resolve_cluster",
  ]

  /// Every table the graph is derived into, in deletion order: the tables
  /// that refer to others first.
  static let graphTables = [
    "entity_meeting", "edge", "participant", "meeting", "succession", "parent_link", "affiliation",
    "mention",
    "appearance", "lookup", "alias", "entity",
  ]
}
