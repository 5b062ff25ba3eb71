import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension GraphStore {
  /// The application id in the SQLite header of every pressgraph store
  /// (`PRAGMA application_id`, bytes 68–71 of the file): "PGst" in ASCII.
  /// A database without it is not opened as a store (stores written before
  /// the id existed are recognised by their tables and stamped on their
  /// next write).
  public static let applicationID: Int32 = 0x5047_7374

  /// How a store file is opened.
  public enum Access: Hashable, Sendable {
    /// Queries: the file is opened read-only and must already be a
    /// pressgraph store. Nothing is created or changed, ever.
    case read
    /// Ingest and corrections: the file must be a pressgraph store, or not
    /// exist yet, or be empty; then the store is created.
    case write
  }

  /// Opens the store file at `path`.
  ///
  /// Before SQLite opens anything, the file's header says what it is: a
  /// file that is not an SQLite database, or a database of another
  /// application, is refused and left untouched. Writable stores use
  /// SQLite's write-ahead log, so queries read a consistent snapshot while
  /// an ingest writes, and never wait for it.
  ///
  /// - Parameters:
  ///   - access: ``Access/read`` for queries, ``Access/write`` for changes.
  ///   - writtenBy: the writing program's version, recorded in the store.
  /// - Throws: ``GraphStoreError/noStore(path:)`` (reading a missing file),
  ///   ``GraphStoreError/notAStore(path:reason:)``,
  ///   ``GraphStoreError/newerStore(path:unknownMigrations:writtenBy:)``,
  ///   ``GraphStoreError/damaged(path:reason:)``,
  ///   ``GraphStoreError/unusablePath(path:reason:)`` and
  ///   ``GraphStoreError/cannotAccess(path:reason:)``.
  public static func open(
    path: String, access: Access, writtenBy: String? = nil
  ) throws(GraphStoreError) -> GraphStore {
    let kind = try StoreFileKind.inspect(path)
    switch (kind, access) {
    case (.missing, .read):
      throw .noStore(path: path)
    case (.empty, .read):
      throw .notAStore(path: path, reason: "the file is empty")
    case (.otherApplication(let id), _):
      throw .notAStore(
        path: path,
        reason: "an SQLite database of another application (application id \(id))")
    case (.notSQLite, _):
      throw .notAStore(path: path, reason: "not an SQLite database")
    case (.store, .read), (.unstampedSQLite, .read):
      return try openForReading(path, stamped: kind == .store)
    case (.missing, .write), (.empty, .write), (.store, .write), (.unstampedSQLite, .write):
      if kind == .unstampedSQLite { try requireLegacyStore(path) }
      do {
        var configuration = configuration()
        configuration.prepareDatabase { db in
          try useWriteAheadLog(db)
          // A writer's page cache: inserts into the large indexes (mentions,
          // edges, the full-text index) touch pages all over them, and
          // SQLite's default 2 MB cache makes each insert read and write
          // pages again. 64 MB, well within the memory aim.
          try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        return try GraphStore(queue, path: path, writtenBy: writtenBy)
      } catch {
        throw GraphStoreError.classify(error, path: path) {
          .cannotAccess(path: path, reason: $0)
        }
      }
    }
  }

  /// Ends a write session on a store file: moves the write-ahead log into
  /// the file and returns it to SQLite's rollback journal, so that queries
  /// opening it read-only later find a single file and create nothing
  /// beside it. Best effort, and without waiting: when another connection
  /// is still using the store (a query reading, another ingest), the store
  /// stays in write-ahead mode, which that connection's writer ends.
  public func finishWriting() {
    _ = try? database.writeWithoutTransaction { db in
      let timeout = try Int.fetchOne(db, sql: "PRAGMA busy_timeout") ?? 0
      try db.execute(sql: "PRAGMA busy_timeout = 0")
      defer { try? db.execute(sql: "PRAGMA busy_timeout = \(timeout)") }
      try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
      try db.execute(sql: "PRAGMA journal_mode = DELETE")
    }
  }

  /// Switches the database to SQLite's write-ahead log, unless it is in it.
  ///
  /// The journal mode is persistent, and cannot change inside a
  /// transaction, so this runs when a connection opens, before the schema
  /// is prepared. SQLite answers a mode change that another connection's
  /// lock blocks with SQLITE_BUSY at once, without the busy handler (two
  /// first ingests of one new store meet here), so it is retried for up to
  /// the busy timeout.
  static func useWriteAheadLog(_ db: Database) throws {
    let deadline = Date().addingTimeInterval(10)
    while true {
      do {
        // Under the write-ahead log, NORMAL syncs at checkpoints only: a
        // crash of the process loses nothing committed, a power cut at
        // most the last transactions, and the store stays consistent.
        try db.execute(sql: "PRAGMA synchronous = NORMAL")
        if try String.fetchOne(db, sql: "PRAGMA journal_mode")?.lowercased() == "wal" { return }
        try db.execute(sql: "PRAGMA journal_mode = WAL")
        return
      } catch let error as DatabaseError
        where error.resultCode == .SQLITE_BUSY && Date() < deadline
      {
        usleep(20_000)
      }
    }
  }

  /// Opens a store read-only and checks its schema.
  private static func openForReading(_ path: String, stamped: Bool) throws(GraphStoreError)
    -> GraphStore
  {
    let queue: DatabaseQueue
    do {
      queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: true))
    } catch {
      throw GraphStoreError.classify(error, path: path) { .cannotAccess(path: path, reason: $0) }
    }
    do {
      try queue.read { db in
        switch try Schema.state(db) {
        case .empty where !stamped:
          throw GraphStoreError.notAStore(
            path: path, reason: "an SQLite database without pressgraph's tables")
        case .older(let pending) where pending != Schema.migrations.map(\.id):
          throw GraphStoreError.olderStore(path: path, pendingMigrations: pending)
        case .empty, .older:
          throw GraphStoreError.damaged(path: path, reason: "its tables were never completed")
        case .newer(let unknown):
          throw GraphStoreError.newerStore(
            path: path, unknownMigrations: unknown,
            writtenBy: try? String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'writer'"))
        case .current:
          break
        }
        if !stamped, try !db.tableExists("meta") {
          throw GraphStoreError.notAStore(
            path: path, reason: "an SQLite database without pressgraph's tables")
        }
        let present = Set(
          try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
        if let missing = Schema.tables.first(where: { !present.contains($0) }) {
          throw GraphStoreError.damaged(path: path, reason: "the table \(missing) is missing")
        }
      }
    } catch {
      throw GraphStoreError.classify(error, path: path) { .damaged(path: path, reason: $0) }
    }
    return GraphStore(prepared: queue, path: path)
  }

  /// A database without pressgraph's application id is opened for writing
  /// only if it is a store written before the id existed (it has the
  /// migration table and pressgraph's `meta` and `release` tables), or has
  /// no tables at all (a store another process is creating this moment).
  private static func requireLegacyStore(_ path: String) throws(GraphStoreError) {
    do {
      let queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: true))
      let isStore = try queue.read { db in
        let tables = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") ?? 0
        return try tables == 0
          || (db.tableExists("grdb_migrations") && db.tableExists("meta")
            && db.tableExists("release"))
      }
      try queue.close()
      if !isStore {
        throw GraphStoreError.notAStore(
          path: path, reason: "an SQLite database without pressgraph's tables")
      }
    } catch {
      throw GraphStoreError.classify(error, path: path) { .notAStore(path: path, reason: $0) }
    }
  }
}

/// What a path holds, read from the file's first 100 bytes (the SQLite
/// header) without opening it as a database.
enum StoreFileKind: Hashable {
  /// Nothing at the path.
  case missing
  /// A file of zero bytes.
  case empty
  /// An SQLite database with pressgraph's application id.
  case store
  /// An SQLite database with no application id: an old store, or another
  /// program's database.
  case unstampedSQLite
  /// An SQLite database with another application id.
  case otherApplication(Int32)
  /// Not an SQLite database.
  case notSQLite

  /// The kind of `path`.
  /// - Throws: ``GraphStoreError/unusablePath(path:reason:)`` for an empty
  ///   path, a folder or a special file; ``GraphStoreError/cannotAccess(path:reason:)``
  ///   when it cannot be read.
  static func inspect(_ path: String) throws(GraphStoreError) -> StoreFileKind {
    if path.isEmpty { throw .unusablePath(path: path, reason: "the name is empty") }
    var info = stat()
    guard stat(path, &info) == 0 else {
      let code = errno
      if code == ENOENT {
        let folder = (path as NSString).deletingLastPathComponent
        var folderInfo = stat()
        if stat(folder.isEmpty ? "." : folder, &folderInfo) != 0
          || (folderInfo.st_mode & S_IFMT) != S_IFDIR
        {
          throw .unusablePath(path: path, reason: "the folder \(folder) does not exist")
        }
        return .missing
      }
      throw .cannotAccess(path: path, reason: String(cString: strerror(code)))
    }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: throw .unusablePath(path: path, reason: "it is a folder")
    case S_IFREG: break
    default: throw .unusablePath(path: path, reason: "it is not a regular file")
    }
    if info.st_size == 0 { return .empty }
    let descriptor = openat(AT_FDCWD, path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw .cannotAccess(path: path, reason: String(cString: strerror(errno)))
    }
    defer { close(descriptor) }
    var header = [UInt8](repeating: 0, count: 100)
    let count = header.withUnsafeMutableBytes { buffer in
      buffer.baseAddress.map { pread(descriptor, $0, 100, 0) } ?? -1
    }
    return kind(ofHeader: count > 0 ? Array(header[0..<count]) : [])
  }

  /// The kind of a file that starts with `header` (up to 100 bytes).
  static func kind(ofHeader header: [UInt8]) -> StoreFileKind {
    // "SQLite format 3\0": the first 16 bytes of every database file
    // (https://www.sqlite.org/fileformat.html, 1.3).
    guard header.count >= 72, Array(header[0..<16]) == Array("SQLite format 3\0".utf8) else {
      return .notSQLite
    }
    // The application id: a big-endian 32-bit integer at offset 68.
    let id = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    let signed = Int32(bitPattern: id)
    if signed == GraphStore.applicationID { return .store }
    return signed == 0 ? .unstampedSQLite : .otherApplication(signed)
  }
}
