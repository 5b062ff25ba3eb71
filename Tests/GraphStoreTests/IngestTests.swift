import EntityGraph
import Foundation
import GRDB
import PressReleases
import Testing

@testable import GraphStore

/// Synthetic bundles with invented names, for ingest tests.
enum Bundles {
  static let first = (
    title: "Daon Robotics Opens Plant",
    date: "2025-05-04",
    body:
      "Vice Minister Baek Ji-ho of the Ministry of SMEs and Startups met with Lena Okafor, CEO of Daon Robotics, on May 3 at the Grand Hotel. They discussed robot exports."
  )
  static let second = (
    title: "Nuri Materials Expands",
    date: "2025-06-11",
    body:
      "Tomas Varga, President of Nuri Materials, met with Minister Seo Ha-rin of the Ministry of Science and ICT on June 10. The talks covered battery separators."
  )
  static let third = (
    title: "Hanul Bio Signs Vaccine Deal",
    date: "2025-07-02",
    body:
      "Greta Lindqvist, CEO of Hanul Bio, met with Vice Minister Baek Ji-ho of the Ministry of SMEs and Startups on July 1. Quokkavax exports were discussed."
  )
  static let changedSecond = (
    title: "Nuri Materials Expands Again",
    date: "2025-06-12",
    body:
      "Tomas Varga, President of Nuri Materials, announced a second plant on June 11. Zephyrine output will double."
  )
}

@Suite("Ingest")
struct IngestTests {
  @Test("the seeds read as three files and twelve releases")
  func seedsAreThere() {
    #expect(seedFiles.map(\.file.path).allSatisfy { $0.hasPrefix("seeds/") })
    #expect(seedFiles.count == 3)
    #expect(seedFiles.map(\.releases.count).reduce(0, +) == 12)
  }

  /// Orders to ingest the three seeds in, one file at a time.
  static let orders: [[Int]] = [[0, 1, 2], [2, 1, 0], [1, 2, 0]]

  @Test("one file at a time, in any order, gives the graph of all files at once", arguments: orders)
  func orderIndependent(order: [Int]) throws {
    try #require(seedFiles.count == 3)
    #expect(
      Set(graphTables).isSuperset(of: [
        "entity", "alias", "mention", "affiliation", "parent_link", "succession", "meeting",
        "participant", "edge",
      ]))
    let together = try store(seedFiles)
    let expected = try dump(together)
    #expect(expected["entity"]?.isEmpty == false)
    #expect(expected["meeting"]?.isEmpty == false)
    #expect(expected["edge"]?.isEmpty == false)

    let oneByOne = try emptyStore()
    for index in order {
      let result = try oneByOne.store(seedFiles[index])
      #expect(result == .added(releases: seedFiles[index].releases.count))
      try oneByOne.rebuild(with: extractor)
      #expect(try oneByOne.isGraphCurrent())
    }
    let actual = try dump(oneByOne)
    for table in graphTables {
      #expect(actual[table] == expected[table], "table \(table)")
    }
    #expect(try oneByOne.counts() == together.counts())
    #expect(
      try column(oneByOne, "SELECT id FROM release ORDER BY id")
        == column(together, "SELECT id FROM release ORDER BY id"))
  }

  @Test("the stored graph is the graph extracted in memory from the same releases")
  func storedGraphMatchesExtraction() throws {
    let store = try seededStore()
    let graph = extractor.extract(seedFiles.flatMap(\.releases))
    #expect(
      try column(store, "SELECT id FROM entity ORDER BY id") == graph.entities.map(\.id).sorted())
    #expect(
      try column(store, "SELECT name FROM entity ORDER BY id")
        == graph.entities.sorted { $0.id < $1.id }.map(\.name))
    let meetings = try column(store, "SELECT COUNT(*) FROM meeting")
    #expect(meetings == ["\(graph.releases.flatMap(\.meetings).count)"])
    let mentions = try column(store, "SELECT COUNT(*) FROM mention")
    #expect(mentions == ["\(graph.releases.flatMap(\.mentions).count)"])
  }

  @Test("re-ingesting the same files changes nothing")
  func reingestUnchanged() throws {
    let store = try store(seedFiles)
    let before = try fullDump(store)
    let counts = try store.counts()
    #expect(counts.files == 3)
    #expect(counts.releases == 12)
    for file in seedFiles {
      #expect(try store.store(file) == .unchanged)
    }
    #expect(try store.needsRebuild(with: extractor) == false)
    #expect(try store.isGraphCurrent())
    #expect(try store.counts() == counts)
    #expect(try fullDump(store) == before)
  }

  @Test("a new store needs a rebuild; storing marks the graph stale; rebuilding clears it")
  func staleness() throws {
    let store = try emptyStore()
    #expect(try store.needsRebuild(with: extractor))
    #expect(try store.isGraphCurrent() == false)
    let first = outcome("a.txt", bundle([Bundles.first]))
    #expect(try store.store(first) == .added(releases: 1))
    #expect(try store.needsRebuild(with: extractor))
    #expect(try store.isGraphCurrent() == false)
    let summary = try store.rebuild(with: extractor)
    #expect(summary.before.entities == 0)
    #expect(summary.after.releases == 1)
    #expect(summary.after.entities > 0)
    #expect(summary.duplicateReleases == 0)
    #expect(try store.needsRebuild(with: extractor) == false)
    #expect(try store.isGraphCurrent())
  }

  @Test("a changed file replaces its releases; the old ones disappear")
  func changedFileReplaces() throws {
    let store = try emptyStore()
    let old = outcome("a.txt", bundle([Bundles.first, Bundles.second]))
    try #require(old.releases.count == 2)
    #expect(try store.store(old) == .added(releases: 2))
    try store.rebuild(with: extractor)
    let oldIDs = old.releases.map(\.id)
    #expect(try column(store, "SELECT id FROM release ORDER BY id") == oldIDs.sorted())

    let new = outcome("a.txt", bundle([Bundles.first, Bundles.changedSecond, Bundles.third]))
    try #require(new.releases.count == 3)
    #expect(new.releases[0].id == old.releases[0].id)
    #expect(new.releases[1].id != old.releases[1].id)
    #expect(try store.store(new) == .replaced(releases: 3))
    #expect(try store.isGraphCurrent() == false)
    try store.rebuild(with: extractor)

    #expect(
      try column(store, "SELECT id FROM release ORDER BY id") == new.releases.map(\.id).sorted())
    #expect(
      try column(store, "SELECT DISTINCT release FROM sentence ORDER BY release")
        == new.releases.map(\.id).sorted())
    #expect(try column(store, "SELECT releases FROM file WHERE path = 'a.txt'") == ["3"])
    let gone = old.releases[1].id
    for table in ["mention", "affiliation", "meeting"] {
      #expect(
        try column(store, "SELECT release FROM \(table) WHERE release = '\(gone)'").isEmpty,
        "\(table) still points at \(gone)")
    }
    // The old text is no longer searchable, the new one is.
    #expect(try store.search("separators").isEmpty)
    #expect(try store.search("Zephyrine").map(\.release.id) == [new.releases[1].id])
    #expect(try store.lookup("Greta Lindqvist").id == "person:greta-lindqvist")
  }

  @Test("the same content under another path is a duplicate, and writes nothing")
  func duplicate() throws {
    let store = try emptyStore()
    let text = bundle([Bundles.first, Bundles.second])
    #expect(try store.store(outcome("news/a.txt", text)) == .added(releases: 2))
    try store.rebuild(with: extractor)
    let before = try fullDump(store)
    #expect(try store.store(outcome("copy/b.txt", text)) == .duplicate(of: "news/a.txt"))
    #expect(try fullDump(store) == before)
    #expect(try store.isGraphCurrent())
  }

  @Test("a file with no releases is unusable and writes nothing")
  func unusable() throws {
    let store = try emptyStore()
    let good = outcome("a.txt", bundle([Bundles.first]))
    #expect(try store.store(good) == .added(releases: 1))
    try store.rebuild(with: extractor)
    let before = try fullDump(store)

    let empty = outcome("empty.txt", "")
    #expect(empty.releases.isEmpty)
    #expect(try store.store(empty) == .unusable)
    // A stored file that now reads as nothing keeps what was stored.
    let emptied = outcome("a.txt", "\n\n")
    #expect(emptied.releases.isEmpty)
    #expect(try store.store(emptied) == .unusable)
    #expect(try fullDump(store) == before)
    #expect(try store.isGraphCurrent())
  }

  @Test("FileResult.changedStore")
  func changedStore() {
    #expect(GraphStore.FileResult.added(releases: 1).changedStore)
    #expect(GraphStore.FileResult.replaced(releases: 1).changedStore)
    #expect(!GraphStore.FileResult.unchanged.changedStore)
    #expect(!GraphStore.FileResult.duplicate(of: "x").changedStore)
    #expect(!GraphStore.FileResult.unusable.changedStore)
  }

  @Test("releases repeated across files are derived once and counted as duplicates")
  func repeatedReleases() throws {
    let store = try emptyStore()
    #expect(
      try store.store(outcome("a.txt", bundle([Bundles.first, Bundles.second])))
        == .added(releases: 2))
    #expect(
      try store.store(outcome("b.txt", bundle([Bundles.second, Bundles.third])))
        == .added(releases: 2))
    let summary = try store.rebuild(with: extractor)
    #expect(summary.duplicateReleases == 1)
    #expect(summary.after.releases == 4)
    // Tomas Varga is mentioned in one release only: the repeat is left out.
    #expect(try store.card("person:tomas-varga").releases.map(\.source) == ["a.txt"])
  }
}

@Suite("Fault injection")
struct FaultTests {
  static let badText = bundle([Bundles.first, Bundles.second, Bundles.third])

  /// Fails the third sentence insert of any release of bad.txt.
  static let sentenceTrigger = """
    CREATE TEMP TRIGGER fail_bad BEFORE INSERT ON sentence
    WHEN (SELECT COUNT(*) FROM sentence
          WHERE release IN (SELECT id FROM release WHERE file = 'bad.txt')) >= 3
    BEGIN SELECT RAISE(ABORT, 'injected fault'); END
    """

  @Test("a file failing halfway leaves the store exactly as before it")
  func failingFile() throws {
    let store = try store([seedFiles[0]])
    let bad = outcome("bad.txt", Self.badText)
    try #require(bad.releases.count == 3)
    try #require(bad.releases.map(\.sentences.count).reduce(0, +) > 3)
    try execute(store, Self.sentenceTrigger)
    let before = try fullDump(store)
    #expect(before["sentence"]?.isEmpty == false)
    #expect(before["meta"]?.isEmpty == false)

    let failure = error { () throws(GraphStoreError) in try store.store(bad) }
    guard case .storeFailed(let file, let reason) = failure else {
      Issue.record("expected storeFailed, got \(String(describing: failure))")
      return
    }
    #expect(file == "bad.txt")
    #expect(reason.contains("injected fault"))
    #expect(failure?.file == "bad.txt")
    #expect(failure?.description.hasPrefix("bad.txt: not stored") == true)

    #expect(try fullDump(store) == before)
    #expect(try store.search("Quokkavax").isEmpty)
    #expect(try store.isGraphCurrent())

    // Another file still goes in, and the bad one once the fault is gone.
    let good = outcome("good.txt", bundle([Bundles.third]))
    #expect(try store.store(good) == .added(releases: 1))
    try execute(store, "DROP TRIGGER fail_bad")
    #expect(try store.store(bad) == .added(releases: 3))
    try store.rebuild(with: extractor)
    #expect(try store.counts().files == 3)
    #expect(try store.search("Quokkavax").count == 2)
  }

  @Test("a failing replacement keeps the old version of the file")
  func failingReplacement() throws {
    let store = try emptyStore()
    #expect(try store.store(outcome("bad.txt", bundle([Bundles.first]))) == .added(releases: 1))
    try store.rebuild(with: extractor)
    let before = try fullDump(store)
    try execute(store, Self.sentenceTrigger)
    let failure = error { () throws(GraphStoreError) in
      try store.store(outcome("bad.txt", Self.badText))
    }
    #expect(failure?.file == "bad.txt")
    #expect(try fullDump(store) == before)
    #expect(try store.isGraphCurrent())
  }

  @Test("a fault while deriving the graph keeps the previous graph, marked out of date")
  func failingRebuild() throws {
    let store = try store([seedFiles[0]])
    let graph = try dump(store)
    #expect(graph["entity"]?.isEmpty == false)
    #expect(try store.store(seedFiles[2]) == .added(releases: 1))
    try execute(
      store,
      "CREATE TEMP TRIGGER fail_entity BEFORE INSERT ON entity BEGIN SELECT RAISE(ABORT, 'injected fault'); END"
    )
    let failure = error { () throws(GraphStoreError) in try store.rebuild(with: extractor) }
    guard case .rebuildFailed(let reason) = failure else {
      Issue.record("expected rebuildFailed, got \(String(describing: failure))")
      return
    }
    #expect(reason.contains("injected fault"))
    #expect(try dump(store) == graph)
    #expect(try store.isGraphCurrent() == false)
    #expect(try store.needsRebuild(with: extractor))

    try execute(store, "DROP TRIGGER fail_entity")
    try store.rebuild(with: extractor)
    #expect(try store.isGraphCurrent())
    #expect(try store.lookup("Oh Young-ju").id == "person:oh-young-ju")
  }
}
