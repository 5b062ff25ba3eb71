import GRDB
import PressReleases

/// The errors of the store.
///
/// Problems with one file or one correction become ``Diagnostic`` values and
/// the work goes on; these are thrown when a whole operation cannot be done.
public enum GraphStoreError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The database failed while storing a file; nothing of that file was kept.
  case storeFailed(file: String, reason: String)
  /// The database failed while deriving the graph; the previous graph is kept.
  case rebuildFailed(reason: String)
  /// A query or correction failed in the database.
  case queryFailed(reason: String)
  /// No entity matches the text.
  case notFound(query: String, suggestions: [EntityBrief])
  /// Several entities match the text equally well.
  case ambiguous(query: String, candidates: [EntityBrief])
  /// A corrections file could not be used.
  case badCorrections(file: String, reason: String)
  /// A correction does not make sense (merging an entity into itself, say).
  case invalidCorrection(String)
  /// There is no store file at `path`.
  case noStore(path: String)
  /// `path` is not a pressgraph store (another application's database, a
  /// file of another kind, an empty file, a folder); it was not changed.
  case notAStore(path: String, reason: String)
  /// The store was written by a newer pressgraph (it has migrations this
  /// one does not know); it was not changed.
  case newerStore(path: String, unknownMigrations: [String], writtenBy: String?)
  /// The store was written by an older pressgraph: a writing command
  /// upgrades it in place (queries open stores read-only and cannot).
  case olderStore(path: String, pendingMigrations: [String])
  /// SQLite found the store damaged (a malformed page, a missing table).
  case damaged(path: String?, reason: String)
  /// Another process held the store longer than the busy timeout.
  case busy(reason: String)
  /// The disk is full; the transaction was rolled back.
  case diskFull(reason: String)
  /// The store file or its folder cannot be written (permissions, a
  /// read-only file system), or read.
  case cannotAccess(path: String?, reason: String)
  /// The store path cannot be used (empty, a folder, in a missing folder).
  case unusablePath(path: String, reason: String)

  /// The failing stage.
  public var stage: Diagnostic.Stage { .store }

  /// The file concerned, when there is one.
  public var file: String? {
    switch self {
    case .storeFailed(let file, _), .badCorrections(let file, _): file
    case .olderStore(let path, _): path
    case .noStore(let path), .notAStore(let path, _), .newerStore(let path, _, _),
      .unusablePath(let path, _):
      path
    case .damaged(let path, _), .cannotAccess(let path, _): path
    default: nil
    }
  }

  /// A message naming the file (or the query) and the problem.
  public var description: String {
    switch self {
    case .storeFailed(let file, let reason):
      "\(file): not stored (the store is as it was before this file): \(reason)"
    case .rebuildFailed(let reason):
      "could not derive the graph (the previous graph is kept): \(reason)"
    case .queryFailed(let reason):
      "the store could not answer: \(reason)"
    case .notFound(let query, let suggestions):
      suggestions.isEmpty
        ? "no entity matches \"\(query)\""
        : "no entity matches \"\(query)\"; did you mean "
          + suggestions.map { "\"\($0.name)\"" }.joined(separator: ", ") + "?"
    case .ambiguous(let query, let candidates):
      "\"\(query)\" matches \(candidates.count) entities: "
        + candidates.map { "\($0.name) (\($0.id))" }.joined(separator: "; ")
    case .badCorrections(let file, let reason):
      "\(file): not a usable corrections file: \(reason)"
    case .invalidCorrection(let reason):
      "invalid correction: \(reason)"
    case .noStore(let path):
      "no store at \(path)"
    case .notAStore(let path, let reason):
      "\(path) is not a pressgraph store (\(reason)); it was left as it is"
    case .newerStore(let path, let unknown, let writer):
      "\(path) was written by a newer pressgraph"
        + (writer.map { " (\($0))" } ?? "")
        + " that added the schema migration\(unknown.count == 1 ? "" : "s") "
        + unknown.joined(separator: ", ")
        + "; this pressgraph knows "
        + Schema.migrations.map(\.id).joined(separator: ", ")
        + ". Use that pressgraph or a later one; the store was left as it is"
    case .olderStore(let path, let pending):
      "\(path): the store was written by an older pressgraph (its schema lacks "
        + pending.joined(separator: ", ")
        + "); a writing command upgrades it in place, keeping releases and corrections: "
        + "run `pressgraph ingest` on your folders once"
    case .damaged(let path, let reason):
      (path.map { "\($0): " } ?? "") + "the store is damaged: \(reason)"
    case .busy(let reason):
      "the store is busy (another pressgraph is writing to it): \(reason)"
    case .diskFull(let reason):
      "the disk is full; nothing was changed: \(reason)"
    case .cannotAccess(let path, let reason):
      (path.map { "\($0): " } ?? "") + "cannot use the store: \(reason)"
    case .unusablePath(let path, let reason):
      "\"\(path)\" cannot be a store: \(reason)"
    }
  }

  /// `error`, thrown by GRDB or SQLite, as the store's error: damage, a
  /// full disk, a busy store and access problems get their own cases (with
  /// SQLite's message, never the SQL); anything else becomes `otherwise`
  /// with that message.
  static func classify(
    _ error: any Error, path: String? = nil, otherwise: (String) -> GraphStoreError
  ) -> GraphStoreError {
    if let error = error as? GraphStoreError { return error }
    if error is RowDecodingError {
      // A value of the wrong type, or NULL where the schema allows none.
      // (GRDB's description holds the SQL and the whole row: not shown.)
      return .damaged(path: path, reason: "a stored value has the wrong type or is missing")
    }
    guard let database = error as? DatabaseError else { return otherwise("\(error)") }
    let message = database.message ?? "SQLite error \(database.resultCode.rawValue)"
    switch database.resultCode {
    case .SQLITE_CORRUPT, .SQLITE_NOTADB:
      return .damaged(path: path, reason: message)
    case .SQLITE_FULL:
      return .diskFull(reason: message)
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      return .busy(reason: message)
    case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
      return .cannotAccess(path: path, reason: message)
    case .SQLITE_IOERR:
      return .cannotAccess(path: path, reason: "input/output error (\(message))")
    case .SQLITE_ERROR
    where message.hasPrefix("no such table") || message.hasPrefix("no such column"):
      // The schema is fixed: a missing table means a damaged store.
      return .damaged(path: path, reason: message)
    default:
      return otherwise(message)
    }
  }
}
