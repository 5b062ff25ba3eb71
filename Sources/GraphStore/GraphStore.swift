import EntityGraph
import Foundation
import GRDB
import PressReleases

/// The embedded store: releases, the graph derived from them, and the
/// user's corrections, in one SQLite database.
///
/// The store takes any GRDB `DatabaseWriter`, so tests run on an in-memory
/// `DatabaseQueue` and the command-line tool on a file:
///
/// ```swift
/// let store = try GraphStore(DatabaseQueue(path: "pressgraph.sqlite"))
/// let extractor = EntityExtractor()
/// for file in CorpusReader().read(["seeds/"]).files {
///   _ = try store.store(file)          // one transaction per file
/// }
/// _ = try store.rebuild(with: extractor) // one transaction for the graph
/// let rows = try store.meetings(of: store.lookup("Park Jung-sung").id)
/// ```
///
/// Ingest stores each file in its own transaction, then derives the graph
/// from every stored release at once (extraction, resolution across
/// releases, corrections) in a second transaction. The graph is therefore a
/// function of what is stored, whatever order files came in.
public struct GraphStore: Sendable {
  /// The database.
  public let database: any DatabaseWriter
  /// The store file, when the store is one (``open(path:access:writtenBy:)``);
  /// errors name it.
  public let path: String?

  /// Opens a store on `database`, creating or upgrading its tables in one
  /// immediate transaction.
  ///
  /// - Parameter writtenBy: the version of the program writing, recorded
  ///   so that an older pressgraph that meets the store can say which one
  ///   it needs.
  /// - Throws: ``GraphStoreError/newerStore(path:unknownMigrations:writtenBy:)``
  ///   when a newer pressgraph wrote the store; the store's database errors.
  public init(_ database: some DatabaseWriter, writtenBy: String? = nil) throws(GraphStoreError) {
    try self.init(database, path: nil, writtenBy: writtenBy)
  }

  init(_ database: some DatabaseWriter, path: String?, writtenBy: String?) throws(GraphStoreError) {
    self.database = database
    self.path = path
    do {
      try Schema.prepare(database, writtenBy: writtenBy)
    } catch .newerStore(_, let unknown, let writer) as GraphStoreError {
      throw .newerStore(path: path ?? "the store", unknownMigrations: unknown, writtenBy: writer)
    } catch .notAStore(_, let reason) as GraphStoreError {
      throw .notAStore(path: path ?? "the database", reason: reason)
    } catch {
      throw GraphStoreError.classify(error, path: path) {
        .queryFailed(reason: "cannot prepare the tables: \($0)")
      }
    }
  }

  /// A store on a database that is already prepared (read-only opening).
  init(prepared database: some DatabaseWriter, path: String?) {
    self.database = database
    self.path = path
  }

  /// A database configuration for a store file: foreign keys on, and a
  /// busy timeout so two commands on one file wait instead of failing.
  public static func configuration(readOnly: Bool = false) -> Configuration {
    var configuration = Configuration()
    configuration.readonly = readOnly
    configuration.busyMode = .timeout(10)
    configuration.foreignKeysEnabled = true
    return configuration
  }

  /// Runs a read in the database, mapping its errors.
  func read<T>(_ body: (Database) throws -> T) throws(GraphStoreError) -> T {
    do {
      return try database.read { db in try body(db) }
    } catch {
      throw GraphStoreError.classify(error, path: path) { .queryFailed(reason: $0) }
    }
  }

  /// Counts of what the store holds.
  public struct Counts: Hashable, Sendable, Codable {
    /// Source files.
    public var files: Int
    /// Releases.
    public var releases: Int
    /// Resolved entities.
    public var entities: Int
    /// Meetings.
    public var meetings: Int
    /// Affiliation statements.
    public var affiliations: Int
    /// Stored corrections.
    public var corrections: Int
  }

  /// Counts of what the store holds.
  public func counts() throws(GraphStoreError) -> Counts {
    try read { db in
      func count(_ table: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
      }
      return Counts(
        files: try count("file"), releases: try count("release"),
        entities: try count("entity"), meetings: try count("meeting"),
        affiliations: try count("affiliation"), corrections: try count("correction"))
    }
  }
}

/// A JSON array of strings, for `json_each` lists in SQL.
func jsonArray(_ values: [String]) -> String {
  String(decoding: (try? JSONEncoder().encode(values)) ?? Data("[]".utf8), as: UTF8.self)
}

/// A JSON array of integers, for `json_each` lists in SQL.
func jsonArray(_ values: [Int64]) -> String {
  "[" + values.map(String.init).joined(separator: ",") + "]"
}

extension Row {
  /// The value of `column`, decoded; a value of the wrong type (or NULL
  /// where none may be) throws instead of trapping as GRDB's subscripts
  /// do, so that a damaged store is an error, never a crash.
  func get<Value: DatabaseValueConvertible>(_ column: String) throws -> Value {
    try decode(Value.self, forColumn: column)
  }

  /// The value at `index`, decoded; see ``get(_:)-(String)``.
  func get<Value: DatabaseValueConvertible>(_ index: Int) throws -> Value {
    try decode(Value.self, atIndex: index)
  }
}
