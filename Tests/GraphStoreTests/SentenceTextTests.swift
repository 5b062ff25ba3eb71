import Foundation
import GRDB
import PressReleases
import Testing

@testable import GraphStore

/// Checks the full-text index against its content (SQLite's FTS5
/// `integrity-check`, which compares every indexed token with the text).
func checkFullText(_ store: GraphStore) throws {
  try store.database.writeWithoutTransaction { db in
    try db.execute(sql: "INSERT INTO sentence_fts (sentence_fts) VALUES ('integrity-check')")
    try db.execute(sql: "INSERT INTO release_fts (release_fts) VALUES ('integrity-check')")
  }
}

@Suite("Sentence text, stored once")
struct SentenceTextTests {
  @Test("a sentence's text is its slice of the release body, non-ASCII text included")
  func slices() throws {
    let store = try store([
      outcome(
        "a.txt",
        single(
          "Café talks", date: "2026-02-02",
          "Minister Seo Ha-eun met Élodie Marchand, CEO of Crème Brûlée Société, on February 1. "
            + "They discussed “green” steel — and 5G.")),
      seedFiles[0],
    ])
    let stored = try store.releases().releases
    for release in stored {
      let viewTexts = try column(
        store,
        "SELECT text FROM sentence_text WHERE release = '\(release.id)' ORDER BY idx")
      #expect(viewTexts == release.sentences.map(\.text))
    }
    // The releases read back have the sentences the reader made.
    let original = outcome(
      "a.txt",
      single(
        "Café talks", date: "2026-02-02",
        "Minister Seo Ha-eun met Élodie Marchand, CEO of Crème Brûlée Société, on February 1. "
          + "They discussed “green” steel — and 5G.")
    ).releases
    #expect(stored.filter { $0.source == "a.txt" }.map(\.sentences) == original.map(\.sentences))
    #expect(try store.search("Brûlée").contains { $0.text.contains("Crème Brûlée") })
    try checkFullText(store)
  }

  @Test("replacing and forgetting files keeps the full-text index exact")
  func indexStaysExact() throws {
    let store = try store(seedFiles)
    try checkFullText(store)
    let path = seedFiles[1].file.path
    let changed = outcome(
      path, single("Harbour plan", date: "2026-03-03", "The Ministry of Harbours met Nordkai."))
    #expect(try store.store(changed) == .replaced(releases: 1))
    try checkFullText(store)
    #expect(try store.search("Nordkai").count == 1)
    #expect(try store.search("cosmetics").allSatisfy { $0.release.source != path })
    try store.forget(path)
    try checkFullText(store)
    #expect(try store.search("Nordkai").isEmpty)
    // Deleting a release by hand takes its sentences, and their index entries.
    try execute(store, "DELETE FROM release WHERE file = '\(seedFiles[0].file.path)'")
    try checkFullText(store)
    #expect(
      try column(store, "SELECT COUNT(*) FROM sentence_fts")
        == column(store, "SELECT COUNT(*) FROM sentence"))
  }

  @Test("sentences and release text are replaced, never updated in place")
  func noUpdates() throws {
    let store = try store(seedFiles)
    #expect(throws: (any Error).self) {
      try execute(store, "UPDATE release SET body = 'other' WHERE rowid = 1")
    }
    #expect(throws: (any Error).self) {
      try execute(store, "UPDATE sentence SET start = start + 1 WHERE id = 1")
    }
    try checkFullText(store)
  }

  @Test("a sentence offset outside its release is a damaged store, not a crash")
  func badOffsets() throws {
    let store = try store(seedFiles)
    try execute(
      store,
      """
      DROP TRIGGER sentence_fixed;
      UPDATE sentence SET "end" = 1000000 WHERE id = (SELECT MIN(id) FROM sentence)
      """)
    #expect(throws: GraphStoreError.self) { try store.releases() }
  }
}

@Suite("Compressed blobs")
struct DeflateTests {
  static let samples: [[UInt8]] = [
    [], [0], Array("PGA1".utf8), Array(repeating: 7, count: 100_000),
    Array((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }),
  ]

  @Test("inflating a compressed blob gives its bytes back", arguments: 0..<samples.count)
  func roundTrip(sample: Int) throws {
    let bytes = Self.samples[sample]
    let blob = Deflate.compress(bytes)
    #expect(try Deflate.inflate(blob) == bytes)
    if bytes.count > 1000 { #expect(blob.count < bytes.count) }
  }

  @Test("damaged, truncated and oversized blobs are errors, never crashes")
  func damaged() throws {
    let blob = Deflate.compress(Array(repeating: 42, count: 10_000))
    for length in 0..<blob.count {
      #expect(throws: Deflate.Failure.self) { try Deflate.inflate(Array(blob[0..<length])) }
    }
    var flipped = blob
    flipped[blob.count / 2] ^= 0x55
    #expect(throws: Deflate.Failure.self) { try Deflate.inflate(flipped) }
    // A length over the limit is refused before anything is allocated.
    #expect(throws: Deflate.Failure.self) { try Deflate.inflate([0x7F, 0, 0, 0, 0x78, 0x9C]) }
    // A stream that inflates to less than it claims.
    var short = blob
    short[3] &+= 1
    #expect(throws: Deflate.Failure.self) { try Deflate.inflate(short) }
  }
}
