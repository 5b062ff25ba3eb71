import EntityGraph
import Foundation
import GRDB
import PressReleases
import Testing

@testable import GraphStore

// MARK: - Inputs

/// The package root, found from this file (Tests/GraphStoreTests/Support.swift).
let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent()
  .deletingLastPathComponent()
  .deletingLastPathComponent()

/// The three seed files, read once, as the scan names them ("seeds/000_….txt").
let seedFiles: [CorpusReader.FileOutcome] =
  CorpusReader(scanner: CorpusScanner(workingDirectory: packageRoot)).read(["seeds"]).files

/// One extractor for every test (the gazetteer is loaded once).
let extractor = EntityExtractor()

/// Hands one in-memory text to the corpus reader, whatever file it is asked for.
struct TextFileReader: FileReading {
  var text: String

  func read(_ file: SourceFile) throws(PressReleasesError) -> [UInt8] {
    Array(text.utf8)
  }
}

/// A file outcome read from `text`, as if it were the file at `path`.
func outcome(_ path: String, _ text: String) -> CorpusReader.FileOutcome {
  let format = SourceFormat(pathExtension: (path as NSString).pathExtension) ?? .text
  let file = SourceFile(
    path: path, url: URL(fileURLWithPath: "/nonexistent/" + path), format: format,
    size: text.utf8.count)
  return CorpusReader(fileReader: TextFileReader(text: text)).read(file)
}

/// A single release: a title line, a date line, then the body.
func single(_ title: String, date: String, _ body: String) -> String {
  "\(title)\nDate: \(date)\n\(body)\n"
}

/// A bundle: releases separated by `-` lines, each with a category, a title
/// and a body ending in `dateYYYY-MM-DD`.
func bundle(_ parts: [(title: String, date: String, body: String)]) -> String {
  parts.map { "-\nTrade/Investment\n\($0.title)\n\($0.body) date\($0.date)\n" }.joined()
}

// MARK: - Stores

/// A new in-memory store.
func emptyStore() throws -> GraphStore {
  try GraphStore(DatabaseQueue())
}

/// A store holding `files`, with its graph derived once.
func store(_ files: [CorpusReader.FileOutcome]) throws -> GraphStore {
  let store = try emptyStore()
  for file in files {
    _ = try store.store(file)
  }
  try store.rebuild(with: extractor)
  return store
}

/// The seeds, stored and derived once, shared by the read-only query tests.
private let seeded: Result<GraphStore, SeedError> = {
  guard seedFiles.count == 3 else { return .failure(.missing(seedFiles.map(\.file.path))) }
  do {
    return .success(try store(seedFiles))
  } catch {
    return .failure(.failed("\(error)"))
  }
}()

enum SeedError: Error {
  case missing([String])
  case failed(String)
}

/// The shared seeded store. Tests that write must make their own.
func seededStore() throws -> GraphStore {
  try seeded.get()
}

// MARK: - Dumps

/// The tables the graph is derived into (entity, alias, lookup, mention,
/// affiliation, parent_link, succession, meeting, participant, edge, …).
let graphTables = Schema.graphTables

/// Every row of each table, as `quote(column)|quote(column)|…` strings,
/// ordered by all columns: a canonical picture of the tables' content.
func dump(_ store: GraphStore, tables: [String] = graphTables) throws -> [String: [String]] {
  try store.database.read { db in
    var result: [String: [String]] = [:]
    for table in tables {
      let columns = try db.columns(in: table).map { "\"\($0.name)\"" }
      let row = columns.map { "quote(\($0))" }.joined(separator: " || '|' || ")
      result[table] = try String.fetchAll(
        db,
        sql: "SELECT \(row) FROM \"\(table)\" ORDER BY \(columns.joined(separator: ", "))")
    }
    return result
  }
}

/// Every ordinary table of the database, inputs, graph, metadata and the
/// full-text indexes' own tables included (virtual tables left out: their
/// content lives in those).
func allTables(_ store: GraphStore) throws -> [String] {
  try store.database.read { db in
    try String.fetchAll(
      db,
      sql: """
        SELECT name FROM sqlite_master
        WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name
        """)
  }
}

/// A dump of every table of the database.
func fullDump(_ store: GraphStore) throws -> [String: [String]] {
  try dump(store, tables: try allTables(store))
}

/// Runs SQL on the store's database (for fault injection).
func execute(_ store: GraphStore, _ sql: String) throws {
  try store.database.writeWithoutTransaction { db in try db.execute(sql: sql) }
}

/// The ids of one table's column, sorted.
func column(_ store: GraphStore, _ sql: String) throws -> [String] {
  try store.database.read { db in try String.fetchAll(db, sql: sql) }
}

// MARK: - Errors

/// The error `body` throws, or nil.
func error<T>(_ body: () throws(GraphStoreError) -> T) -> GraphStoreError? {
  do {
    _ = try body()
    return nil
  } catch {
    return error
  }
}
