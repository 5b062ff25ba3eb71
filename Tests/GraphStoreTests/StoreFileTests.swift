import EntityGraph
import Foundation
import GRDB
import PressReleases
import Testing

@testable import GraphStore

/// A fresh folder for store files; the caller removes it.
private func storeFolder() throws -> URL {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("pressgraph-store-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  return folder
}

/// A store file at `path` holding one invented release.
private func writeStore(_ path: String) throws {
  let store = try GraphStore.open(path: path, access: .write, writtenBy: "pressgraph test")
  _ = try store.store(
    outcome(
      "a.txt",
      single(
        "Ministry Meets Invented Firm", date: "2025-03-04",
        "Vice Minister Hana Orlov met Kestrel Rail CEO Tomas Brandt on March 3.")))
  _ = try store.rebuild(with: extractor)
}

@Suite("Store files: identity, creation, damage")
struct StoreFileTests {
  /// A 100-byte SQLite header with `id` at offset 68.
  static func header(applicationID id: [UInt8]) -> [UInt8] {
    var bytes = Array("SQLite format 3\0".utf8) + [UInt8](repeating: 0, count: 84)
    bytes.replaceSubrange(68..<72, with: id)
    return bytes
  }

  static let headers: [([UInt8], StoreFileKind)] = [
    ([], .notSQLite),
    (Array("hello, world".utf8), .notSQLite),
    (header(applicationID: [0, 0, 0, 0]), .unstampedSQLite),
    (header(applicationID: [0x50, 0x47, 0x73, 0x74]), .store),
    (header(applicationID: [0, 0, 0, 7]), .otherApplication(7)),
    (Array(header(applicationID: [0, 0, 0, 0]).prefix(60)), .notSQLite),
  ]

  @Test(arguments: headers)
  func headersSayWhatAFileIs(header: [UInt8], kind: StoreFileKind) {
    #expect(StoreFileKind.kind(ofHeader: header) == kind)
  }

  @Test func aNewStoreIsStampedAndUsesTheWriteAheadLog() throws {
    let folder = try storeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("s.sqlite").path
    try writeStore(path)
    let queue = try DatabaseQueue(path: path)
    let (id, mode, writer) = try queue.read { db in
      (
        try Int32.fetchOne(db, sql: "PRAGMA application_id"),
        try String.fetchOne(db, sql: "PRAGMA journal_mode"),
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'writer'")
      )
    }
    #expect(id == GraphStore.applicationID)
    #expect(mode == "wal")
    #expect(writer == "pressgraph test")
    let reader = try GraphStore.open(path: path, access: .read)
    #expect(try reader.counts().releases == 1)
  }

  /// A finished write session leaves one file; the next writer returns
  /// to the write-ahead log. While a reader holds the store, finishing
  /// neither waits nor fails, and the store stays in write-ahead mode.
  @Test func finishingAWriteSessionLeavesOneFile() throws {
    let folder = try storeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("s.sqlite").path
    let journal = { (db: DatabaseQueue) in
      try db.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
    }
    do {
      let store = try GraphStore.open(path: path, access: .write, writtenBy: "pressgraph test")
      try writeStore(path)
      do {
        let reader = try DatabaseQueue(path: path)
        try reader.read { db in
          _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM release")
          let started = Date()
          store.finishWriting()
          #expect(Date().timeIntervalSince(started) < 2)
        }
        #expect(try journal(reader) == "wal")
      }
      #expect(try store.counts().releases == 1)
      store.finishWriting()
    }
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(files == ["s.sqlite"])
    #expect(try journal(try DatabaseQueue(path: path)) == "delete")
    let again = try GraphStore.open(path: path, access: .write, writtenBy: "pressgraph test")
    #expect(try again.counts().releases == 1)
    #expect(try journal(try DatabaseQueue(path: path)) == "wal")
  }

  @Test func readingNeverCreatesOrChangesAFile() throws {
    let folder = try storeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = folder.appendingPathComponent("missing.sqlite").path
    #expect(throws: GraphStoreError.noStore(path: missing)) {
      _ = try GraphStore.open(path: missing, access: .read)
    }
    #expect(!FileManager.default.fileExists(atPath: missing))

    let empty = folder.appendingPathComponent("empty.sqlite").path
    _ = FileManager.default.createFile(atPath: empty, contents: Data())
    #expect(throws: GraphStoreError.notAStore(path: empty, reason: "the file is empty")) {
      _ = try GraphStore.open(path: empty, access: .read)
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: empty)).isEmpty)
  }

  @Test(arguments: [GraphStore.Access.read, .write])
  func anotherApplicationsDatabaseIsLeftAlone(access: GraphStore.Access) throws {
    let folder = try storeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("notes.db").path
    let other = try DatabaseQueue(path: path)
    try other.write { db in
      try db.execute(sql: "CREATE TABLE note (text TEXT); INSERT INTO note VALUES ('keep me')")
    }
    try other.close()
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect {
      _ = try GraphStore.open(path: path, access: access)
    } throws: { error in
      guard case .notAStore(let named, _) = error as? GraphStoreError else { return false }
      return named == path
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
  }

  @Test func aFileThatIsNotADatabaseIsRefused() throws {
    let folder = try storeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("text.sqlite").path
    try Data("just some text, long enough to have a header of sorts\n".utf8).write(
      to: URL(fileURLWithPath: path))
    #expect(throws: GraphStoreError.notAStore(path: path, reason: "not an SQLite database")) {
      _ = try GraphStore.open(path: path, access: .write)
    }
  }

  @Test(arguments: ["", "/"])
  func unusablePathsAreRefused(path: String) throws {
    #expect {
      _ = try GraphStore.open(path: path, access: .write)
    } throws: { error in
      if case .unusablePath = error as? GraphStoreError { return true }
      return false
    }
  }

  @Test func aStoreFromANewerPressgraphIsRefusedWithTheVersionItNeeds() throws {
    let folder = try storeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("s.sqlite").path
    try writeStore(path)
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v7-future')")
      try db.execute(sql: "UPDATE meta SET value = 'pressgraph 7.0.0' WHERE key = 'writer'")
    }
    try queue.close()
    for access in [GraphStore.Access.read, .write] {
      #expect(
        throws: GraphStoreError.newerStore(
          path: path, unknownMigrations: ["v7-future"], writtenBy: "pressgraph 7.0.0")
      ) {
        _ = try GraphStore.open(path: path, access: access)
      }
    }
    let message = GraphStoreError.newerStore(
      path: path, unknownMigrations: ["v7-future"], writtenBy: "pressgraph 7.0.0"
    ).description
    #expect(message.contains("pressgraph 7.0.0") && message.contains("v7-future"))
  }

  @Test func aStoreWrittenBeforeTheApplicationIDIsReadAndStamped() throws {
    let folder = try storeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("old.sqlite").path
    try writeStore(path)
    let queue = try DatabaseQueue(path: path)
    try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA application_id = 0") }
    try queue.close()
    #expect(try GraphStore.open(path: path, access: .read).counts().releases == 1)
    _ = try GraphStore.open(path: path, access: .write)
    let check = try DatabaseQueue(path: path)
    #expect(try check.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") } == 0x5047_7374)
  }

  @Test func aDroppedTableIsDamage() throws {
    let folder = try storeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("s.sqlite").path
    try writeStore(path)
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in try db.execute(sql: "DROP TABLE meeting") }
    try queue.close()
    #expect(throws: GraphStoreError.damaged(path: path, reason: "the table meeting is missing")) {
      _ = try GraphStore.open(path: path, access: .read)
    }
    let health = GraphStore.check(path: path)
    #expect(!health.isHealthy)
    #expect(health.problems.contains { $0.detail == "the table meeting is missing" })
    #expect(health.readable.releases == 1)
  }

  /// Four connections create one new store at once: the tables are made
  /// once, and every opening succeeds.
  @Test func concurrentFirstOpensCreateTheStoreOnce() async throws {
    let folder = try storeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for trial in 0..<5 {
      let path = folder.appendingPathComponent("new-\(trial).sqlite").path
      try await withThrowingTaskGroup(of: Void.self) { group in
        for _ in 0..<4 {
          group.addTask { _ = try GraphStore.open(path: path, access: .write) }
        }
        try await group.waitForAll()
      }
      let store = try GraphStore.open(path: path, access: .read)
      #expect(try store.counts().releases == 0)
    }
  }

  @Test func readersDoNotWaitForAWriter() throws {
    let folder = try storeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("s.sqlite").path
    try writeStore(path)
    let writer = try GraphStore.open(path: path, access: .write)
    try writer.database.writeWithoutTransaction { db in
      try db.execute(sql: "BEGIN IMMEDIATE")
      try db.execute(sql: "DELETE FROM participant")
      let start = Date()
      let reader = try GraphStore.open(path: path, access: .read)
      #expect(try reader.counts().releases == 1)
      #expect(Date().timeIntervalSince(start) < 5)
      try db.execute(sql: "ROLLBACK")
    }
  }

  @Test func zeroedPagesAreReportedAndWhatIsReadableIsRecovered() throws {
    let folder = try storeFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("s.sqlite").path
    let store = try GraphStore(
      DatabaseQueue(path: path, configuration: GraphStore.configuration()))
    for n in 0..<40 {
      _ = try store.store(
        outcome(
          "f\(n).txt",
          single(
            "Invented Release \(n)", date: "2025-03-04",
            "Vice Minister Hana Orlov met Kestrel Rail CEO Tomas Brandt on March \(n % 28 + 1)."
              + String(repeating: " More text about rail links.", count: 60))))
    }
    try store.database.close()
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    // Pages in the second half: the schema's pages, written first, stay.
    let page = 4096
    for number in stride(from: bytes.count / page / 2, to: bytes.count / page, by: 5) {
      bytes.replaceSubrange(
        (number * page)..<((number + 1) * page), with: Data(count: page))
    }
    try bytes.write(to: URL(fileURLWithPath: path))

    let health = GraphStore.check(path: path)
    #expect(!health.isHealthy)
    #expect(health.problems.contains { $0.area == "integrity" })
    #expect(health.readable.releases > 0)
    #expect(health.readable.releases + health.readable.unreadableReleases <= 40)

    let newPath = folder.appendingPathComponent("recovered.sqlite").path
    let summary = try GraphStore.recover(from: path, into: newPath, with: extractor)
    #expect(summary.releases == health.readable.releases)
    #expect(GraphStore.check(path: newPath).isHealthy)
    #expect(try GraphStore.open(path: newPath, access: .read).counts().releases == summary.releases)
    #expect(throws: GraphStoreError.self) {
      _ = try GraphStore.recover(from: path, into: newPath, with: extractor)
    }
  }

  @Test(arguments: [
    (ResultCode.SQLITE_CORRUPT, "damaged"), (.SQLITE_NOTADB, "damaged"), (.SQLITE_FULL, "full"),
    (.SQLITE_BUSY, "busy"), (.SQLITE_READONLY, "access"), (.SQLITE_CONSTRAINT, "other"),
  ])
  func databaseErrorsAreClassified(code: ResultCode, kind: String) {
    let error = DatabaseError(resultCode: code, message: "msg", sql: "SELECT secret")
    let classified = GraphStoreError.classify(error, path: "s.sqlite") { .queryFailed(reason: $0) }
    let found =
      switch classified {
      case .damaged: "damaged"
      case .diskFull: "full"
      case .busy: "busy"
      case .cannotAccess: "access"
      default: "other"
      }
    #expect(found == kind)
    #expect(!classified.description.contains("SELECT secret"))
  }

  @Test func aMissingTableMessageIsDamage() {
    let error = DatabaseError(resultCode: .SQLITE_ERROR, message: "no such table: entity")
    #expect(
      GraphStoreError.classify(error) { .queryFailed(reason: $0) }
        == .damaged(path: nil, reason: "no such table: entity"))
  }
}
