import Testing

@testable import GraphStore

@Suite("Forgetting files")
struct ForgetTests {
  @Test("forgetting a file and ingesting it again gives the store it had")
  func forgetAndReingest() throws {
    let store = try store(seedFiles)
    let before = try dump(store)
    let path = try #require(seedFiles.first?.file.path)
    #expect(try store.forget(path) == [path])
    try store.rebuild(with: extractor)
    #expect(try store.counts().files == 2)
    #expect(try dump(store) != before)
    #expect(try column(store, "SELECT COUNT(*) FROM release WHERE file = '\(path)'") == ["0"])
    #expect(
      try column(store, "SELECT COUNT(*) FROM sentence_fts")
        == column(store, "SELECT COUNT(*) FROM sentence"))
    _ = try store.store(try #require(seedFiles.first))
    try store.rebuild(with: extractor)
    #expect(try dump(store) == before)
  }

  @Test("a folder forgets every file below it, and nothing else")
  func folder() throws {
    let store = try store([
      outcome(
        "press/a.txt",
        single(
          "Alpha Plan", date: "2026-01-05",
          "Minister Han Ji-won of the Ministry of Harbours met Lars Berg, CEO of Nordkai, on January 4."
        )),
      outcome(
        "press/old/b.txt",
        single("Beta Plan", date: "2026-01-06", "The Ministry of Harbours announced a plan.")),
      outcome(
        "pressroom/c.txt",
        single("Gamma Plan", date: "2026-01-07", "The Ministry of Harbours announced another plan.")
      ),
    ])
    #expect(try store.forget("press/") == ["press/a.txt", "press/old/b.txt"])
    #expect(try store.files().map(\.path) == ["pressroom/c.txt"])
    #expect(try store.forget("nowhere") == [])
    #expect(try store.isGraphCurrent() == false)
    try store.rebuild(with: extractor)
    #expect(try store.isGraphCurrent())
    #expect(try store.counts().releases == 1)
  }
}
