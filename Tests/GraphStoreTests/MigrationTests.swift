import EntityGraph
import Foundation
import GRDB
import PressReleases
import Testing

@testable import GraphStore

/// `Fixtures/v1-store.sqlite` was written by pressgraph 0.2.0 (schema v1):
/// `pressgraph ingest` of seeds 000 and 002, then three corrections (merge
/// "Oh Young-ju" into "Cho Tae-yul", rename "82Startup" to "82Startup
/// Network", alias "Ministry of SMEs and Startups" as "SME Ministry").
@Suite("Schema migration")
struct MigrationTests {
  /// A copy of the v1 store in a new folder.
  func v1Copy() throws -> (path: String, folder: URL) {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("pressgraph-migrate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("v1.sqlite").path
    try FileManager.default.copyItem(
      atPath: packageRoot.appendingPathComponent("Tests/GraphStoreTests/Fixtures/v1-store.sqlite")
        .path, toPath: path)
    return (path, folder)
  }

  @Test("a v1 store is read-only until written: queries ask for the upgrade")
  func readOnlyOld() throws {
    let (path, folder) = try v1Copy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(throws: GraphStoreError.self) { try GraphStore.open(path: path, access: .read) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test(
    "a v1 store opens for writing, is migrated, and keeps its corrections; the graph is the same")
  func migrate() throws {
    let (path, folder) = try v1Copy()
    defer { try? FileManager.default.removeItem(at: folder) }
    // What v1 stored, read with SQLite alone.
    let v1Entities = try DatabaseQueue(
      path: path, configuration: GraphStore.configuration(readOnly: true)
    )
    .read { db in try String.fetchAll(db, sql: "SELECT id || ' ' || name FROM entity ORDER BY id") }
    #expect(v1Entities.count == 17)
    let store = try GraphStore.open(path: path, access: .write)
    let applied = try column(store, "SELECT identifier FROM grdb_migrations ORDER BY 1")
    #expect(applied == Schema.migrations.map(\.id))
    // The corrections, as they were.
    let corrections = try store.corrections()
    #expect(corrections.map(\.action) == [.merge, .rename, .alias])
    #expect(corrections.map(\.number) == [1, 2, 3])
    // The graph is derived again (the v3 graph tables are new): the same
    // entities, with the corrections applied, from analyses made now.
    #expect(try store.needsRebuild(with: extractor))
    try store.rebuild(with: extractor)
    #expect(try column(store, "SELECT id || ' ' || name FROM entity ORDER BY id") == v1Entities)
    let names = Set(try store.entities().map(\.entity.name))
    #expect(names.contains("82Startup Network"))
    #expect(!names.contains("82Startup"))
    #expect(!names.contains("Oh Young-ju"))
    #expect(try store.lookup("SME Ministry").id == "ministry:kr-mss")
    #expect(try store.lookup("Oh Young-ju").id == "person:cho-tae-yul")
    #expect(
      try column(store, "SELECT COUNT(*) FROM analysis")
        == column(store, "SELECT COUNT(DISTINCT content_hash) FROM release"))
    #expect(try column(store, "PRAGMA foreign_key_check").isEmpty)
    store.finishWriting()
    // Queries open the migrated store read-only.
    let reader = try GraphStore.open(path: path, access: .read)
    #expect(try reader.corrections().count == 3)
  }

  @Test("a query on a v1 store says it needs one writing command to upgrade, and changes nothing")
  func olderForQueries() throws {
    let (path, folder) = try v1Copy()
    defer { try? FileManager.default.removeItem(at: folder) }
    do {
      _ = try GraphStore.open(path: path, access: .read)
      Issue.record("a v1 store opened read-only")
    } catch {
      guard case .olderStore(_, let pending) = error else {
        Issue.record("expected olderStore, got \(error)")
        return
      }
      #expect(pending == Array(Schema.migrations.map(\.id).dropFirst()))
      #expect(error.description.contains("pressgraph ingest"))
    }
  }

  @Test("files stored by v1 have no stamps: they are read once, found unchanged, and stamped")
  func stampsAfterMigration() async throws {
    let (path, folder) = try v1Copy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try GraphStore.open(path: path, access: .write)
    let reader = CorpusReader(scanner: CorpusScanner(workingDirectory: packageRoot))
    let files = reader.scanner.scan([
      "seeds/000_b2091c199c6b9433.txt", "seeds/002_d9c99c24d1cd3b41.txt",
    ]).files
    let first = try await ingest(files, into: store, reader: reader)
    #expect(first.map(\.result) == [.unchanged, .unchanged])
    #expect(first.allSatisfy { !$0.skippedUnread })
    let second = try await ingest(files, into: store, reader: reader)
    #expect(second.allSatisfy { $0.skippedUnread })
    // Nothing changed in the inputs; the graph is out of date only because
    // the migration made new graph tables.
    #expect(try column(store, "SELECT value FROM meta WHERE key = 'graph'") == ["stale"])
  }
}
