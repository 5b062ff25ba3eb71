import EntityGraph
import Foundation
import GRDB
import Testing

@testable import GraphStore

/// The statements `body` runs on `store`, with their arguments inlined.
func statements(_ store: GraphStore, _ body: () throws -> Void) throws -> [String] {
  nonisolated(unsafe) var captured: [String] = []
  try store.database.writeWithoutTransaction { db in
    db.trace(options: .statement) { event in captured.append(event.expandedDescription) }
  }
  defer {
    try? store.database.writeWithoutTransaction { db in db.trace(options: [], nil) }
  }
  try body()
  return captured
}

/// The lines of each statement's query plan that read a whole table or
/// view (`SCAN entity`, `SCAN s` for an alias, `SCAN meeting USING COVERING
/// INDEX …`). Allowed: lists passed as JSON (`json_each`), constant rows,
/// and full-text indexes searched by MATCH (`… VIRTUAL TABLE INDEX n:M…`,
/// or `n:=M…` with rowids).
func fullScans(_ store: GraphStore, _ sql: [String]) throws -> [String] {
  var scans: [String] = []
  try store.database.read { db in
    for statement in sql
    where statement.hasPrefix("SELECT") || statement.hasPrefix("WITH") {
      for row in try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement) {
        let detail: String = try row.get("detail")
        let words = detail.split(separator: " ")
        guard words.count >= 2, words[0] == "SCAN" else { continue }
        // "INDEX 0:M1" (MATCH), "INDEX 0:=M1" (rowid and MATCH).
        let matched =
          detail.contains("VIRTUAL TABLE INDEX")
          && (detail.contains(":M") || detail.contains(":=M"))
        if words[1] == "json_each" || words[1] == "CONSTANT" || matched { continue }
        scans.append("\(detail)  ←  \(statement.prefix(160))")
      }
    }
  }
  return scans
}

@Suite("Query plans")
struct QueryPlanTests {
  /// The hot queries, by name, each run against the seeded store.
  static let queries: [(String, @Sendable (GraphStore) throws -> Void)] = [
    ("lookup by name", { _ = try $0.lookup("Park Jung-sung") }),
    ("lookup by acronym", { _ = try $0.lookup("MOTIR") }),
    ("met person", { _ = try $0.meetings(of: "person:park-jung-sung") }),
    ("met hub page", { _ = try $0.meetingPage(of: "ministry:kr-motir", limit: 50) }),
    (
      "met hub page as organisations",
      {
        _ = try $0.meetingPage(
          of: "ministry:kr-motir", filter: MeetingFilter(asOrganisations: true), limit: 50)
      }
    ),
    (
      "met with a window and a type",
      {
        _ = try $0.meetingPage(
          of: "ministry:kr-motir",
          filter: MeetingFilter(since: "2025-11-01", until: "2025-11-30", type: .company))
      }
    ),
    ("show", { _ = try $0.card("person:park-jung-sung") }),
    ("path", { _ = try $0.path(from: "person:park-jung-sung", to: "ministry:kr-mofa") }),
    ("neighbors", { _ = try $0.neighbors(of: "person:park-jung-sung", depth: 2) }),
    ("search", { _ = try $0.search("semiconductor") }),
  ]

  @Test("hot queries read through indexes, never a whole table", arguments: 0..<queries.count)
  func noFullScans(query: Int) throws {
    // A store of its own: the trace is per connection.
    let store = try GraphStoreTests.store(seedFiles)
    let (name, body) = Self.queries[query]
    let sql = try statements(store) { try body(store) }
    #expect(!sql.isEmpty, "\(name) ran no statement")
    let scans = try fullScans(store, sql)
    #expect(scans.isEmpty, "\(name):\n\(scans.joined(separator: "\n"))")
  }

  @Test("the check itself sees a full scan")
  func detectsScans() throws {
    let store = try GraphStoreTests.store(seedFiles)
    let sql = try statements(store) {
      _ = try store.database.read { db in
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mention WHERE text LIKE '%Kim%'")
      }
    }
    #expect(!(try fullScans(store, sql)).isEmpty)
  }
}
