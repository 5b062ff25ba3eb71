import EntityGraph
import Foundation
import GRDB
import PressReleases

/// What ``GraphStore/check(path:)`` found in a store file.
public struct StoreHealth: Hashable, Sendable, Codable {
  /// One thing found wrong.
  public struct Problem: Hashable, Sendable, Codable {
    /// What part of the store: `file`, `schema`, `integrity`,
    /// `foreign keys` or a table's name.
    public var area: String
    /// SQLite's words, or ours.
    public var detail: String

    /// Creates a problem.
    public init(area: String, detail: String) {
      self.area = area
      self.detail = detail
    }
  }

  /// Rows of the inputs that can still be read: what a recovery keeps.
  public struct Readable: Hashable, Sendable, Codable {
    /// Stored files.
    public var files = 0
    /// Releases (and so their sentences, which are derived from them).
    public var releases = 0
    /// Releases that could not be read.
    public var unreadableReleases = 0
    /// Corrections.
    public var corrections = 0
    /// Corrections that could not be read.
    public var unreadableCorrections = 0
  }

  /// The file checked.
  public var path: String
  /// What was found wrong; empty for a healthy store.
  public var problems: [Problem]
  /// What can be read.
  public var readable: Readable
  /// True when the store could be opened as a pressgraph store at all.
  public var isStore: Bool

  /// No problem found.
  public var isHealthy: Bool { isStore && problems.isEmpty }
}

/// What ``GraphStore/recover(from:into:with:writtenBy:)`` saved.
public struct RecoverySummary: Hashable, Sendable {
  /// Files written to the new store.
  public var files: Int
  /// Releases written.
  public var releases: Int
  /// Releases that could not be read from the damaged store.
  public var lostReleases: Int
  /// Corrections written.
  public var corrections: Int
  /// Corrections that could not be read.
  public var lostCorrections: Int
  /// Files of which some releases were lost: ingesting them again restores
  /// them (their stored fingerprint no longer matches, so they are read).
  public var incompleteFiles: [String]
  /// The new store's counts after its graph was derived.
  public var after: GraphStore.Counts
}

extension GraphStore {
  /// Checks the store file at `path` without changing it: the file's
  /// header, SQLite's `integrity_check`, the schema (migrations, tables),
  /// foreign keys, and how many releases and corrections can be read.
  public static func check(path: String) -> StoreHealth {
    var health = StoreHealth(path: path, problems: [], readable: .init(), isStore: false)
    do {
      let kind = try StoreFileKind.inspect(path)
      switch kind {
      case .missing:
        health.problems.append(.init(area: "file", detail: "there is no file"))
        return health
      case .empty:
        health.problems.append(.init(area: "file", detail: "the file is empty"))
        return health
      case .notSQLite:
        health.problems.append(
          .init(area: "file", detail: "not an SQLite database (its header is damaged or missing)"))
        return health
      case .otherApplication(let id):
        health.problems.append(
          .init(area: "file", detail: "a database of another application (id \(id))"))
        return health
      case .store, .unstampedSQLite:
        break
      }
    } catch {
      health.problems.append(.init(area: "file", detail: "\(error)"))
      return health
    }
    let queue: DatabaseQueue
    do {
      queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: true))
    } catch {
      health.problems.append(.init(area: "file", detail: message(error)))
      return health
    }
    health.isStore = true
    inspectSchema(queue, into: &health)
    inspectIntegrity(queue, into: &health)
    let salvage = Salvage(queue)
    health.readable.files = salvage.files().count
    let releases = salvage.releases()
    health.readable.releases = releases.rows.count
    health.readable.unreadableReleases = releases.lost
    let corrections = salvage.corrections()
    health.readable.corrections = corrections.rows.count
    health.readable.unreadableCorrections = corrections.lost
    if releases.lost > 0 {
      health.problems.append(
        .init(area: "release", detail: "\(releases.lost) releases cannot be read"))
    }
    if corrections.lost > 0 {
      health.problems.append(
        .init(area: "correction", detail: "\(corrections.lost) corrections cannot be read"))
    }
    try? queue.close()
    return health
  }

  private static func inspectSchema(_ queue: DatabaseQueue, into health: inout StoreHealth) {
    do {
      try queue.read { db in
        switch try Schema.state(db) {
        case .empty:
          health.problems.append(
            .init(area: "schema", detail: "pressgraph's tables were never made"))
        case .older(let pending):
          health.problems.append(
            .init(area: "schema", detail: "migrations not run: " + pending.joined(separator: ", ")))
        case .newer(let unknown):
          health.problems.append(
            .init(
              area: "schema",
              detail: "written by a newer pressgraph (migrations "
                + unknown.joined(separator: ", ") + ")"))
        case .current:
          break
        }
        let present = Set(
          try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
        for table in Schema.tables where !present.contains(table) {
          health.problems.append(.init(area: "schema", detail: "the table \(table) is missing"))
        }
      }
    } catch {
      health.problems.append(.init(area: "schema", detail: message(error)))
    }
  }

  private static func inspectIntegrity(_ queue: DatabaseQueue, into health: inout StoreHealth) {
    // The check reports what it found row by row, and may then fail on a
    // page it cannot read: keep the rows it gave before the failure.
    var rows: [String] = []
    var failure: String?
    do {
      try queue.read { db in
        let cursor = try String.fetchCursor(db, sql: "PRAGMA integrity_check(100)")
        do {
          while let row = try cursor.next() { rows.append(row) }
        } catch {
          failure = message(error)
        }
      }
    } catch {
      failure = message(error)
    }
    // One problem per line, though SQLite may put several in one row.
    let lines = rows.flatMap { $0.split(separator: "\n").map(String.init) }
      .filter { $0 != "ok" && !$0.hasPrefix("*** in database") }
    for line in lines.prefix(10) {
      health.problems.append(.init(area: "integrity", detail: line))
    }
    if lines.count > 10 {
      health.problems.append(
        .init(area: "integrity", detail: "\(lines.count - 10) more problems like these"))
    }
    if let failure { health.problems.append(.init(area: "integrity", detail: failure)) }
    do {
      let orphans = try queue.read { db in
        try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count
      }
      if orphans > 0 {
        health.problems.append(
          .init(area: "foreign keys", detail: "\(orphans) rows point at rows that are gone"))
      }
    } catch {
      health.problems.append(.init(area: "foreign keys", detail: message(error)))
    }
  }

  /// SQLite's message for `error`, without the SQL.
  static func message(_ error: any Error) -> String {
    if let error = error as? DatabaseError {
      return error.message ?? "SQLite error \(error.resultCode.rawValue)"
    }
    return "\(error)"
  }

  /// Copies what can still be read from the store at `path` (files,
  /// releases, corrections) into a new store at `newPath`, then derives
  /// its graph. Releases get their sentences again from the sentence
  /// splitter (as the reader made them), so a damaged sentence table loses
  /// nothing. The damaged file is only read.
  ///
  /// - Throws: ``GraphStoreError/unusablePath(path:reason:)`` when `newPath`
  ///   exists; the new store's errors.
  public static func recover(
    from path: String, into newPath: String, with extractor: EntityExtractor,
    writtenBy: String? = nil
  ) throws(GraphStoreError) -> RecoverySummary {
    guard case .missing = try StoreFileKind.inspect(newPath) else {
      throw .unusablePath(path: newPath, reason: "it exists; recover into a new file")
    }
    let queue: DatabaseQueue
    do {
      queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: true))
    } catch {
      throw GraphStoreError.classify(error, path: path) { .cannotAccess(path: path, reason: $0) }
    }
    let salvage = Salvage(queue)
    let releases = salvage.releases()
    let corrections = salvage.corrections()
    let files = Dictionary(salvage.files().map { ($0.path, $0.releases) }) { a, _ in a }
    try? queue.close()

    let store = try open(path: newPath, access: .write, writtenBy: writtenBy)
    var byFile: [String: [Release]] = [:]
    for release in releases.rows { byFile[release.source, default: []].append(release) }
    // Files that lost releases, some or all.
    var incomplete = files.filter { byFile[$0.key] == nil }.map(\.key)
    for (file, list) in byFile.sorted(by: { $0.key < $1.key }) {
      let sorted = list.sorted { $0.position < $1.position }
      if let expected = files[file], expected != sorted.count { incomplete.append(file) }
      let source = SourceFile(
        path: file, url: URL(fileURLWithPath: file), format: .text, size: 0)
      _ = try store.store(
        CorpusReader.FileOutcome(file: source, releases: sorted, diagnostics: []))
    }
    for correction in corrections.rows {
      do {
        try store.database.write { db in
          try db.execute(sql: "INSERT INTO correction (body) VALUES (?)", arguments: [correction])
          try markStale(db)
        }
      } catch {
        throw GraphStoreError.classify(error, path: newPath) { .queryFailed(reason: $0) }
      }
    }
    let summary = try store.rebuild(with: extractor)
    store.finishWriting()
    incomplete.sort()
    return RecoverySummary(
      files: byFile.count, releases: releases.rows.count, lostReleases: releases.lost,
      corrections: corrections.rows.count, lostCorrections: corrections.lost,
      incompleteFiles: incomplete, after: summary.after)
  }
}

/// Reads rows from a possibly damaged store one at a time, so that a bad
/// page costs only the rows on it.
struct Salvage {
  let queue: DatabaseQueue

  init(_ queue: DatabaseQueue) { self.queue = queue }

  /// The stored files (path and number of releases) that can be read.
  func files() -> [(path: String, releases: Int)] {
    rows(table: "file", columns: "path, releases") { row in
      (path: try row.get(0) as String, releases: try row.get(1) as Int)
    }.rows
  }

  /// The releases that can be read (with sentences from the splitter), and
  /// how many could not.
  func releases() -> (rows: [Release], lost: Int) {
    rows(
      table: "release", columns: "id, file, position, title, category, date, body, content_hash"
    ) { row in
      let body: String = try row.get(6)
      let date: String? = try row.get(5)
      return Release(
        id: try row.get(0), source: try row.get(1), position: try row.get(2),
        title: try row.get(3), category: try row.get(4),
        date: date.flatMap { PartialDate(iso: $0) }, body: body,
        sentences: SentenceSplitter.split(body), contentHash: try row.get(7))
    }
  }

  /// The corrections' bodies (JSON) that can be read, in order.
  func corrections() -> (rows: [String], lost: Int) {
    rows(table: "correction", columns: "body") { row in try row.get(0) as String }
  }

  /// Every readable row of `table`: a whole scan when it works, else row
  /// by row. Row by row, each step asks for the next rowid after the last
  /// (`rowid > ? ORDER BY rowid LIMIT 1`), so a table with few rows but
  /// huge rowids costs no more than its rows; where the B-tree cannot be
  /// walked past a damaged page, the following rowids are tried one at a
  /// time (at most ``skipLimit`` of them) until the walk can go on. At most
  /// ``visitLimit`` rowids are looked at in all.
  private func rows<T>(
    table: String, columns: String, _ make: (Row) throws -> T
  ) -> (rows: [T], lost: Int) {
    if let all = try? queue.read({ db in
      try Row.fetchAll(db, sql: "SELECT \(columns) FROM \(table) ORDER BY rowid").map(make)
    }) {
      return (all, 0)
    }
    var found: [T] = []
    var lost = 0
    var last: Int64 = 0
    var visits = 0
    func next(after rowid: Int64) -> Int64?? {
      let outcome: Result<Int64?, any Error> = Result {
        try queue.read { db in
          try Int64.fetchOne(
            db, sql: "SELECT rowid FROM \(table) WHERE rowid > ? ORDER BY rowid LIMIT 1",
            arguments: [rowid])
        }
      }
      switch outcome {
      case .success(let rowid): return .some(rowid)
      case .failure: return .none  // the walk is blocked here
      }
    }
    walk: while visits < Self.visitLimit {
      var rowid: Int64
      switch next(after: last) {
      case .some(.some(let value)):
        rowid = value
      case .some(.none):
        break walk  // no more rows
      case .none:
        // Try the rowids after the damage one by one.
        var skipped = 0
        var resumed: Int64?
        while skipped < Self.skipLimit, last < Int64.max {
          last += 1
          skipped += 1
          if case .some = next(after: last) {
            resumed = last
            break
          }
        }
        guard resumed != nil else { break walk }
        lost += 1
        continue walk
      }
      visits += 1
      let outcome: Result<T?, any Error> = Result {
        try queue.read { db in
          try Row.fetchOne(
            db, sql: "SELECT \(columns) FROM \(table) WHERE rowid = ?", arguments: [rowid]
          ).map(make)
        }
      }
      switch outcome {
      case .success(let value?): found.append(value)
      case .success(nil): break
      case .failure: lost += 1
      }
      last = rowid
    }
    return (found, lost)
  }

  /// The most rowids looked at in one table.
  static let visitLimit = 10_000_000
  /// The most rowids tried one by one past one damaged page.
  static let skipLimit = 100_000
}
