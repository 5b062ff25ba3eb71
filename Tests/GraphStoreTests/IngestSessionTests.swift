import EntityGraph
import Foundation
import GRDB
import PressReleases
import Testing

@testable import GraphStore

/// A temporary folder holding a copy of the seeds under `seeds/`, with a
/// scanner and a reader whose paths are relative to it ("seeds/000_….txt").
struct SeedCopy {
  let root: URL
  let reader: CorpusReader

  init() throws {
    root = FileManager.default.temporaryDirectory
      .appendingPathComponent("pressgraph-session-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("seeds"), withIntermediateDirectories: true)
    for name in try FileManager.default.contentsOfDirectory(
      atPath: packageRoot.appendingPathComponent("seeds").path)
    {
      try FileManager.default.copyItem(
        at: packageRoot.appendingPathComponent("seeds/\(name)"),
        to: root.appendingPathComponent("seeds/\(name)"))
    }
    reader = CorpusReader(scanner: CorpusScanner(workingDirectory: root))
  }

  var files: [SourceFile] { reader.scanner.scan(["seeds"]).files }

  func url(_ path: String) -> URL { root.appendingPathComponent(path) }

  func remove() { try? FileManager.default.removeItem(at: root) }
}

/// Runs a session over `files`, returning its reports in order.
func ingest(
  _ files: [SourceFile], into store: GraphStore, reader: CorpusReader, batchSize: Int = 64
) async throws -> [IngestSession.FileReport] {
  let session = IngestSession(
    store: store, extractor: extractor, reader: reader, batchSize: batchSize)
  var reports: [IngestSession.FileReport] = []
  try await session.store(files) { reports.append($0) }
  return reports
}

/// A store with the seeds ingested by a session and derived, and a dump
/// of its graph.
func derivedSeedStore() async throws -> (GraphStore, [String: [String]]) {
  let copy = try SeedCopy()
  defer { copy.remove() }
  let store = try emptyStore()
  _ = try await ingest(copy.files, into: store, reader: copy.reader)
  try store.rebuild(with: extractor)
  return (store, try dump(store))
}

@Suite("Ingest sessions")
struct IngestSessionTests {
  @Test(
    "a session stores what store() stores, and the same graph is derived", arguments: [1, 2, 64])
  func sameAsOneByOne(batchSize: Int) async throws {
    let copy = try SeedCopy()
    defer { copy.remove() }
    let session = try emptyStore()
    let reports = try await ingest(
      copy.files, into: session, reader: copy.reader, batchSize: batchSize)
    #expect(reports.map(\.file.path) == copy.files.map(\.path))
    #expect(reports.allSatisfy { $0.result?.changedStore == true && !$0.skippedUnread })
    try session.rebuild(with: extractor)
    let oneByOne = try store(seedFiles)
    var expected = try dump(oneByOne, tables: graphTables + ["release", "sentence"])
    var actual = try dump(session, tables: graphTables + ["release", "sentence"])
    #expect(actual == expected)
    expected = try dump(oneByOne, tables: ["file"])
    actual = try dump(session, tables: ["file"])
    // The session's files carry stamps; store() had none to record.
    #expect(actual["file"]?.count == expected["file"]?.count)
    #expect(try column(session, "SELECT path FROM file WHERE modified IS NULL").isEmpty)
  }

  @Test("unchanged files are skipped unread; a touched file is read and kept; an edit replaces")
  func stamps() async throws {
    let copy = try SeedCopy()
    defer { copy.remove() }
    let store = try emptyStore()
    _ = try await ingest(copy.files, into: store, reader: copy.reader)
    try store.rebuild(with: extractor)
    let again = try await ingest(copy.files, into: store, reader: copy.reader)
    #expect(again.allSatisfy { $0.skippedUnread && $0.result == .unchanged })
    #expect(try !store.needsRebuild(with: extractor))

    // Touched: same content, new modification time.
    let touched = copy.url("seeds/001_eb9092cc9fc49135.txt")
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: touched.path)
    let afterTouch = try await ingest(copy.files, into: store, reader: copy.reader)
    #expect(afterTouch.map(\.skippedUnread) == [true, false, true])
    #expect(afterTouch[1].result == .unchanged)
    #expect(try !store.needsRebuild(with: extractor))
    // Its new stamp is remembered: the next run skips it unread.
    let thirdRun = try await ingest(copy.files, into: store, reader: copy.reader)
    #expect(thirdRun.allSatisfy { $0.skippedUnread })

    // Edited: the content changed, so the file's releases are replaced.
    let text = try String(contentsOf: touched, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "Lotte Hotel", with: "Grand Hotel").utf8).write(
      to: touched)
    let afterEdit = try await ingest(copy.files, into: store, reader: copy.reader)
    #expect(afterEdit[1].result == .replaced(releases: afterEdit[1].releases))
    #expect(try store.needsRebuild(with: extractor))
  }

  @Test("each release's first pass is stored once, under the extractor's version")
  func analysesStored() async throws {
    let copy = try SeedCopy()
    defer { copy.remove() }
    let store = try emptyStore()
    _ = try await ingest(copy.files, into: store, reader: copy.reader)
    let hashes = try column(store, "SELECT DISTINCT content_hash FROM release ORDER BY 1")
    #expect(try column(store, "SELECT content_hash FROM analysis ORDER BY 1") == hashes)
    #expect(
      try column(store, "SELECT DISTINCT version FROM analysis") == [extractor.analysisVersion])
    // The stored bytes are the analysis of the release.
    for release in try store.releases().releases {
      let stored = try await store.database.read { db in
        try Data.fetchOne(
          db, sql: "SELECT data FROM analysis WHERE content_hash = ?",
          arguments: [release.contentHash])
      }
      let bytes = try stored.map { try Deflate.inflate(Array($0)) }
      #expect(bytes == extractor.analyse(release).encoded())
    }
  }

  @Test("rebuild reads the stored first pass instead of extracting again")
  func rebuildUsesAnalyses() async throws {
    let (store, honest) = try await derivedSeedStore()
    // Replace one release's analysis with that of an empty release: the
    // rebuilt graph loses what that release said, which shows the stored
    // analysis was used.
    let victim = try #require(
      try store.releases().releases.max { $0.sentences.count < $1.sentences.count })
    let empty = extractor.analyse(
      Release(
        id: victim.id, source: victim.source, position: victim.position, title: "Nothing",
        category: nil, date: victim.date, body: "", sentences: [],
        contentHash: victim.contentHash))
    try await store.database.write { db in
      try db.execute(
        sql: "UPDATE analysis SET data = ? WHERE content_hash = ?",
        arguments: [Data(Deflate.compress(empty.encoded())), victim.contentHash])
    }
    try store.rebuild(with: extractor)
    #expect(try dump(store) != honest)
    #expect(
      try column(store, "SELECT DISTINCT release FROM mention WHERE release = '\(victim.id)'")
        .isEmpty)
    // A stale version is not trusted: the release is analysed again, and
    // the analysis replaced.
    try execute(
      store,
      "UPDATE analysis SET version = 'older' WHERE content_hash = '\(victim.contentHash)'")
    try store.rebuild(with: extractor)
    #expect(try dump(store) == honest)
    #expect(
      try column(
        store, "SELECT version FROM analysis WHERE content_hash = '\(victim.contentHash)'")
        == [extractor.analysisVersion])
  }

  @Test("a damaged stored analysis is made again, never trusted")
  func damagedAnalysis() async throws {
    let (store, honest) = try await derivedSeedStore()
    try execute(store, "UPDATE analysis SET data = X'50474131FFFF'")
    try store.rebuild(with: extractor)
    #expect(try dump(store) == honest)
  }

  @Test("store() and older stores without analyses: rebuild analyses and stores them")
  func rebuildFillsIn() throws {
    let store = try store(seedFiles)
    #expect(try column(store, "SELECT COUNT(*) FROM analysis") == ["12"])
    try store.forget("seeds/001_eb9092cc9fc49135.txt")
    try store.rebuild(with: extractor)
    // The forgotten file's analyses go with it.
    #expect(
      try column(store, "SELECT COUNT(*) FROM analysis")
        == column(store, "SELECT COUNT(DISTINCT content_hash) FROM release"))
  }

  @Test("a file that fails to write is rolled back alone; the rest of its batch is kept")
  func failingFileInBatch() async throws {
    let copy = try SeedCopy()
    defer { copy.remove() }
    let store = try emptyStore()
    try execute(
      store,
      """
      CREATE TRIGGER refuse BEFORE INSERT ON sentence
      WHEN NEW.release IN (SELECT id FROM release WHERE file LIKE '%001_%')
      BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
      """)
    let reports = try await ingest(copy.files, into: store, reader: copy.reader)
    #expect(reports.map { $0.error == nil } == [true, false, true])
    #expect(reports[1].error?.description.contains("refused by the test") == true)
    #expect(
      try column(store, "SELECT path FROM file ORDER BY path")
        == ["seeds/000_b2091c199c6b9433.txt", "seeds/002_d9c99c24d1cd3b41.txt"])
    #expect(
      try column(store, "SELECT COUNT(*) FROM release WHERE file LIKE '%001_%'") == ["0"])
    // Fixed, the next run stores it (its stamp was never recorded).
    try execute(store, "DROP TRIGGER refuse")
    let retry = try await ingest(copy.files, into: store, reader: copy.reader)
    #expect(retry.map(\.skippedUnread) == [true, false, true])
    #expect(retry[1].result?.changedStore == true)
  }
}
