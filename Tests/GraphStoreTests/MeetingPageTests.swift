import EntityGraph
import Foundation
import GRDB
import PressReleases
import Testing

@testable import GraphStore

/// A store of random meetings written straight into the tables: people
/// who sometimes represent a body (taking part or not), bodies of every
/// type, dates and statuses.
func randomMeetingStore(seed: UInt64) throws -> (GraphStore, [String]) {
  var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
  func below(_ n: Int) -> Int {
    state ^= state << 13
    state ^= state >> 7
    state ^= state << 17
    return Int(state % UInt64(n))
  }
  let people = (0..<6).map { "person:p\($0)" }
  let bodies = [
    "ministry:m0", "ministry:m1", "company:c0", "company:c1", "agency:a0", "country:k0",
  ]
  let entities = people + bodies
  let store = try emptyStore()
  try store.database.write { db in
    for id in entities {
      let type = String(id.split(separator: ":")[0])
      try db.execute(
        sql: "INSERT INTO entity (id, name, type) VALUES (?, ?, ?)",
        arguments: [id, id.uppercased(), type])
    }
    try db.execute(sql: "INSERT INTO file (path, fingerprint, releases) VALUES ('f', 'x', 1)")
    try db.execute(
      sql: """
        INSERT INTO release (id, file, position, title, body, content_hash, date)
        VALUES ('r', 'f', 0, 'T', 'B', 'h', '2025-01-01')
        """)
    for n in 0..<40 {
      let day = below(3) == 0 ? nil : String(format: "2025-%02d-%02d", 1 + below(12), 1 + below(28))
      let status = below(4) == 0 ? "planned" : "held"
      try db.execute(
        sql: """
          INSERT INTO meeting (id, release, sentence, date, low, high, status, evidence)
          VALUES (?, 'r', ?, ?, ?, ?, ?, 'E')
          """,
        arguments: [String(format: "r/%02d", n), n, day, day, day, status])
      var chosen: Set<String> = []
      for _ in 0..<(2 + below(4)) { chosen.insert(entities[below(entities.count)]) }
      var sides: [String: String] = [:]
      for id in chosen.sorted() {
        let represents = id.hasPrefix("person:") && below(3) > 0 ? bodies[below(bodies.count)] : nil
        try db.execute(
          sql: "INSERT INTO participant (meeting, entity, role, represents) VALUES (?, ?, NULL, ?)",
          arguments: [String(format: "r/%02d", n), id, represents])
        sides[id] = represents
      }
      // Each entity's meetings, as the writer records them with a meeting.
      try GraphWriter(db: db, gazetteer: extractor.gazetteer).writeSides(
        meeting: String(format: "r/%02d", n), participants: chosen.sorted(), represents: sides,
        low: day, high: day, status: try #require(MeetingStatus(rawValue: status)))
    }
  }
  return (store, entities)
}

@Suite("Meeting pages")
struct MeetingPageTests {
  /// The filters tried on every entity.
  static func filters(_ entities: [String]) -> [MeetingFilter] {
    var filters = [
      MeetingFilter(), MeetingFilter(asOrganisations: true), MeetingFilter(includePlanned: true),
      MeetingFilter(since: "2025-06-01"), MeetingFilter(until: "2025-03-31"),
    ]
    for type in EntityType.allCases {
      filters.append(MeetingFilter(type: type))
      filters.append(MeetingFilter(type: type, asOrganisations: true))
    }
    for id in entities {
      filters.append(MeetingFilter(with: id))
      filters.append(MeetingFilter(with: id, asOrganisations: true))
    }
    return filters
  }

  @Test(
    "pages and totals count exactly the meetings that give rows, newest first",
    arguments: 0..<8 as Range<UInt64>)
  func pagesMatchRows(seed: UInt64) throws {
    let (store, entities) = try randomMeetingStore(seed: seed)
    for entity in entities {
      for filter in Self.filters(entities) {
        // The reference: every candidate meeting, rows built in Swift.
        let reference = try store.database.read { db in
          try GraphStore.rows(
            db, of: entity, filter: filter,
            meetings: try GraphStore.meetingRows(
              db, of: entity, filter: filter, newestFirst: false, limit: nil, offset: 0,
              prefilter: false))
        }
        #expect(try store.meetings(of: entity, filter: filter) == reference)
        var order: [String] = []
        for row in reference where order.last != row.meeting { order.append(row.meeting) }
        let newest = order.reversed().flatMap { id in reference.filter { $0.meeting == id } }
        var paged: [MeetingRow] = []
        var offset = 0
        while true {
          let page = try store.meetingPage(of: entity, filter: filter, limit: 7, offset: offset)
          #expect(page.total == order.count, "\(entity) \(filter)")
          paged += page.rows
          offset += page.meetings
          if !page.hasMore || page.meetings == 0 { break }
        }
        #expect(paged == newest, "\(entity) \(filter)")
      }
    }
  }

  @Test("a page past the end is empty and still gives the total")
  func pastTheEnd() throws {
    let (store, _) = try randomMeetingStore(seed: 3)
    let all = try store.meetingPage(of: "ministry:m0", limit: 1000)
    let beyond = try store.meetingPage(of: "ministry:m0", limit: 10, offset: all.total + 5)
    #expect(beyond.rows.isEmpty)
    #expect(beyond.total == all.total)
    #expect(!beyond.hasMore)
    #expect(all.total > 0)
  }
}

@Suite("Typed values read from the store")
struct TypedValueTests {
  @Test(
    "a value the store should never hold is a damaged store, not a guess",
    arguments: [
      "UPDATE entity SET type = 'robot' WHERE id = 'person:park-jung-sung'",
      "UPDATE meeting SET status = 'maybe'",
      "UPDATE meeting SET date = '2025-13-40'",
      "UPDATE entity SET type = 'robot' WHERE id = 'ministry:kr-motir'",
    ])
  func badValues(sql: String) throws {
    let store = try store(seedFiles)
    try execute(store, "PRAGMA ignore_check_constraints = ON; \(sql)")
    func damaged(_ body: () throws -> Void) -> Bool {
      do {
        try body()
        return false
      } catch {
        if case .damaged = error as? GraphStoreError { return true }
        return false
      }
    }
    let park = "person:park-jung-sung"
    let meetings = damaged {
      _ = try store.meetings(of: park, filter: MeetingFilter(includePlanned: true))
    }
    let neighbors = damaged { _ = try store.neighbors(of: park) }
    let lookup = damaged { _ = try store.lookup("Park Jung-sung") }
    #expect(meetings || neighbors || lookup)
  }

  @Test("dates and statuses come back typed")
  func typed() throws {
    let store = try store(seedFiles)
    let rows = try store.meetings(of: "person:park-jung-sung")
    let row = try #require(rows.first)
    #expect(row.date == PartialDate(year: 2025, month: 11, day: 13))
    #expect(row.status == .held)
  }
}
