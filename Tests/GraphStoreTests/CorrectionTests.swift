import EntityGraph
import Foundation
import GRDB
import PressReleases
import Testing

@testable import GraphStore

/// Three single releases with invented names. The extractor sees "Seo Ha-rin"
/// (a.txt) and "HR Seo" (b.txt, c.txt) as two people, and "Baek" as Baek Ji-ho.
enum Files {
  static let a = outcome(
    "a.txt",
    single(
      "Daon Robotics Visit", date: "2025-05-04",
      "Vice Minister Baek Ji-ho of the Ministry of SMEs and Startups visited Daon Robotics on May 3. Lena Okafor, CEO of Daon Robotics, welcomed the delegation. Vice Minister Baek said the ministry would help. Minister Seo Ha-rin of the Ministry of Science and ICT also joined."
    ))
  static let b = outcome(
    "b.txt",
    single(
      "Nuri Materials Forum", date: "2025-06-11",
      "Lena Okafor, CEO of Daon Robotics, met with Tomas Varga, President of Nuri Materials, on June 10 at the Grand Hotel. Minister HR Seo attended the forum."
    ))
  static let c = outcome(
    "c.txt",
    single(
      "Battery Summit", date: "2025-07-02",
      "Minister HR Seo met with Tomas Varga, President of Nuri Materials, on July 1. Vice Minister Baek said exports grew."
    ))

  /// A store with a.txt and b.txt, derived.
  static func store() throws -> GraphStore {
    try GraphStoreTests.store([a, b])
  }

  /// Stores c.txt and derives the graph again.
  static func addThird(_ store: GraphStore) throws {
    #expect(try store.store(c) == .added(releases: 1))
    try store.rebuild(with: extractor)
    #expect(try store.isGraphCurrent())
  }
}

/// The ids of every entity.
func entityIDs(_ store: GraphStore) throws -> Set<String> {
  Set(try column(store, "SELECT id FROM entity"))
}

@Suite("Corrections")
struct CorrectionTests {
  @Test("the synthetic files give the entities the corrections work on")
  func fixture() throws {
    let store = try Files.store()
    let ids = try entityIDs(store)
    #expect(
      ids.isSuperset(of: [
        "person:seo-ha-rin", "person:hr-seo", "person:tomas-varga", "person:baek-ji-ho",
        "person:lena-okafor", "company:nuri-materials", "company:daon-robotics",
      ]))
    #expect(try store.card("person:baek-ji-ho").aliases == ["Vice Minister Baek"])
  }

  @Test("merge: the other entity is folded in, and stays so after a new file")
  func merge() throws {
    let store = try Files.store()
    let stored = try store.add(Correction(action: .merge, entity: "Seo Ha-rin", other: "HR Seo"))
    #expect(stored.entity == "person:seo-ha-rin")
    #expect(stored.entityName == "Seo Ha-rin")
    #expect(stored.other == "person:hr-seo")
    #expect(stored.otherName == "HR Seo")
    let number = try #require(stored.number)
    #expect(try store.corrections() == [stored])
    #expect(try store.counts().corrections == 1)
    #expect(try store.isGraphCurrent() == false)
    #expect(try store.needsRebuild(with: extractor))

    try store.rebuild(with: extractor)
    func checkMerged() throws {
      #expect(try !entityIDs(store).contains("person:hr-seo"))
      #expect(try store.lookup("HR Seo").id == "person:seo-ha-rin")
      let card = try store.card("person:seo-ha-rin")
      #expect(card.entity.name == "Seo Ha-rin")
      #expect(card.aliases.contains("HR Seo"))
      #expect(
        try column(store, "SELECT entity FROM mention WHERE text = 'HR Seo'").allSatisfy {
          $0 == "person:seo-ha-rin"
        })
    }
    try checkMerged()
    #expect(try store.card("person:seo-ha-rin").releases.map(\.source) == ["a.txt", "b.txt"])

    try Files.addThird(store)
    try checkMerged()
    let card = try store.card("person:seo-ha-rin")
    #expect(card.releases.map(\.source) == ["a.txt", "b.txt", "c.txt"])
    // c.txt's meeting of HR Seo is now Seo Ha-rin's.
    let met = try store.meetings(of: "person:seo-ha-rin")
    #expect(met.map(\.counterpart.id) == ["person:tomas-varga"])
    #expect(met.first?.release.source == "c.txt")

    // Removing the correction undoes it at the next rebuild.
    #expect(try store.removeCorrection(number))
    #expect(try store.corrections().isEmpty)
    #expect(try store.isGraphCurrent() == false)
    try store.rebuild(with: extractor)
    #expect(try entityIDs(store).contains("person:hr-seo"))
    #expect(try store.lookup("HR Seo").id == "person:hr-seo")
    #expect(try store.card("person:seo-ha-rin").releases.map(\.source) == ["a.txt"])
    #expect(try store.meetings(of: "person:seo-ha-rin").isEmpty)
    #expect(try store.removeCorrection(number) == false)
    #expect(try store.isGraphCurrent())
  }

  @Test("rename: same id, new name, the old name stays findable")
  func rename() throws {
    let store = try Files.store()
    let stored = try store.add(
      Correction(action: .rename, entity: "Tomas Varga", name: "Tomas A. Varga"))
    #expect(stored.entity == "person:tomas-varga")
    try store.rebuild(with: extractor)
    func checkRenamed() throws {
      let card = try store.card("person:tomas-varga")
      #expect(card.entity.name == "Tomas A. Varga")
      #expect(card.aliases.contains("Tomas Varga"))
      #expect(try store.lookup("Tomas Varga").id == "person:tomas-varga")
      #expect(try store.lookup("Tomas A. Varga").id == "person:tomas-varga")
      #expect(
        try store.meetings(of: "person:lena-okafor").map(\.counterpart.name) == ["Tomas A. Varga"])
    }
    try checkRenamed()
    try Files.addThird(store)
    try checkRenamed()
    #expect(try store.card("person:tomas-varga").releases.count == 2)

    #expect(try store.removeCorrection(try #require(stored.number)))
    try store.rebuild(with: extractor)
    #expect(try store.card("person:tomas-varga").entity.name == "Tomas Varga")
    #expect(try store.card("person:tomas-varga").aliases.isEmpty)
  }

  @Test("alias: the extra name finds the entity")
  func alias() throws {
    let store = try Files.store()
    let missing = error { () throws(GraphStoreError) in try store.lookup("Nuri Mat Co") }
    #expect(missing.map { if case .notFound = $0 { true } else { false } } == true)
    try store.add(
      Correction(action: .alias, entity: "company:nuri-materials", alias: "Nuri Mat Co"))
    try store.rebuild(with: extractor)
    #expect(try store.lookup("Nuri Mat Co").id == "company:nuri-materials")
    #expect(try store.lookup("nuri mat co").id == "company:nuri-materials")
    #expect(try store.card("company:nuri-materials").aliases == ["Nuri Mat Co"])
    #expect(try store.entities(search: "mat co").map(\.entity.id) == ["company:nuri-materials"])
    try Files.addThird(store)
    #expect(try store.lookup("Nuri Mat Co").id == "company:nuri-materials")
    #expect(try store.card("company:nuri-materials").entity.name == "Nuri Materials")
  }

  @Test("split: the forms move to a new entity, and stay there after a new file")
  func split() throws {
    let store = try Files.store()
    try store.add(
      Correction(action: .split, entity: "Baek Ji-ho", name: "Baek Min-jae", forms: ["Baek"]))
    try store.rebuild(with: extractor)
    func checkSplit() throws {
      #expect(try store.lookup("Baek Min-jae").id == "person:baek-min-jae")
      #expect(
        try column(store, "SELECT entity FROM mention WHERE text = 'Baek'") == [
          "person:baek-min-jae"
        ])
      #expect(
        try column(store, "SELECT entity FROM mention WHERE text = 'Baek Ji-ho'") == [
          "person:baek-ji-ho"
        ])
      let new = try store.card("person:baek-min-jae")
      #expect(new.entity.type == .person)
      #expect(new.aliases == ["Baek"])
      #expect(new.releases.map(\.source) == ["a.txt"])
      // Baek Ji-ho is still named in a.txt, so his title and meeting stay his.
      #expect(new.affiliations.isEmpty)
      let old = try store.card("person:baek-ji-ho")
      #expect(old.affiliations.map(\.org.id) == ["ministry:kr-mss"])
      #expect(old.meetingsHeld == 1)
    }
    try checkSplit()
    try Files.addThird(store)
    try checkSplit()
  }

  @Test("split of every form of a release moves its relations too (seeds: 'JK Ki')")
  func splitWholeRelease() throws {
    let store = try store(seedFiles)
    let before = try store.card("person:kim-jung-kwan")
    #expect(before.aliases.contains("JK Ki"))
    try store.add(Correction(action: .split, entity: "JK Kim", name: "JK Ki", forms: ["JK Ki"]))
    try store.rebuild(with: extractor)
    let new = try store.card("person:jk-ki")
    #expect(new.entity.name == "JK Ki")
    #expect(new.releases.count == 1)
    #expect(
      new.affiliations.map { "\($0.title ?? ""), \($0.org.id)" } == ["Minister, ministry:kr-motir"])
    let after = try store.card("person:kim-jung-kwan")
    #expect(!after.aliases.contains("JK Ki"))
    #expect(after.releases.count == before.releases.count - 1)
    #expect(!after.releases.contains { $0.id == new.releases[0].id })
  }

  @Test("a correction whose entity vanished is a warning from rebuild, not an error")
  func vanished() throws {
    let store = try emptyStore()
    let first = outcome(
      "v.txt",
      single(
        "Hanul Bio Signs Deal", date: "2025-08-02",
        "Greta Lindqvist, CEO of Hanul Bio, met with Vice Minister Baek Ji-ho of the Ministry of SMEs and Startups on August 1."
      ))
    #expect(try store.store(first) == .added(releases: 1))
    try store.rebuild(with: extractor)
    try store.add(Correction(action: .alias, entity: "Greta Lindqvist", alias: "GL"))
    try store.add(Correction(action: .merge, entity: "Baek Ji-ho", other: "Greta Lindqvist"))
    try store.add(Correction(action: .split, entity: "Baek Ji-ho", forms: ["Baek Jiho Senior"]))
    let numbers = try store.corrections().compactMap(\.number)
    try #require(numbers.count == 3)
    let (alias, merge, split) = (numbers[0], numbers[1], numbers[2])
    // While Greta Lindqvist is there, only the split finds nothing to do.
    let notes = try store.rebuild(with: extractor).diagnostics.map(\.message)
    #expect(notes.count == 1)
    #expect(notes.first?.contains("#\(split) ") == true)
    #expect(try store.lookup("GL").id == "person:baek-ji-ho")

    let second = outcome(
      "v.txt",
      single(
        "Hanul Bio Signs Deal", date: "2025-08-02",
        "Vice Minister Baek Ji-ho of the Ministry of SMEs and Startups visited Hanul Bio on August 1."
      ))
    #expect(try store.store(second) == .replaced(releases: 1))
    let summary = try store.rebuild(with: extractor)
    #expect(try store.isGraphCurrent())
    #expect(try !entityIDs(store).contains("person:greta-lindqvist"))
    #expect(summary.diagnostics.allSatisfy { $0.severity == .warning && $0.stage == .store })
    let messages = summary.diagnostics.map(\.message)
    #expect(messages.count == 3)
    #expect(messages.contains { $0.contains("#\(alias) ") && $0.contains("no longer matches") })
    #expect(messages.contains { $0.contains("#\(merge) ") && $0.contains("no longer matches") })
    #expect(messages.contains { $0.contains("#\(split) ") && $0.contains("matches no mention") })
    #expect(try store.corrections().count == 3)
  }

  @Test("add returns the number the correction is stored under, which removes it")
  func addNumber() throws {
    let store = try Files.store()
    var returned: [Int?] = []
    for alias in ["Ha-rin One", "Ha-rin Two", "Ha-rin Three", "Ha-rin Four"] {
      returned.append(
        try store.add(Correction(action: .alias, entity: "Seo Ha-rin", alias: alias)).number)
    }
    let stored = try store.corrections()
    #expect(stored.map(\.alias) == ["Ha-rin One", "Ha-rin Two", "Ha-rin Three", "Ha-rin Four"])
    #expect(returned == stored.map(\.number))
    // Removing by the number `add` gave for "Ha-rin One" must remove that one.
    let first = try #require(returned.first ?? nil)
    try store.removeCorrection(first)
    let left = try store.corrections().compactMap(\.alias)
    #expect(left == ["Ha-rin Two", "Ha-rin Three", "Ha-rin Four"])
  }

  @Test("a stored correction finds its entity by name when the id changed")
  func findsByName() throws {
    let store = try Files.store()
    let old = Correction(
      action: .rename, entity: "person:tomas-varga-old-id", entityName: "Tomas Varga",
      name: "Tomas A. Varga")
    let body = String(decoding: try JSONEncoder().encode(old), as: UTF8.self)
    try store.database.write { db in
      try db.execute(sql: "INSERT INTO correction (body) VALUES (?)", arguments: [body])
    }
    let summary = try store.rebuild(with: extractor)
    #expect(summary.diagnostics.isEmpty)
    #expect(try store.card("person:tomas-varga").entity.name == "Tomas A. Varga")
  }

  @Test("corrections run in order: a merge, then a rename of the result")
  func ordered() throws {
    let store = try Files.store()
    try store.add(Correction(action: .merge, entity: "Seo Ha-rin", other: "HR Seo"))
    try store.add(Correction(action: .rename, entity: "Seo Ha-rin", name: "Seo Ha-rin (MSIT)"))
    let summary = try store.rebuild(with: extractor)
    #expect(summary.diagnostics.isEmpty)
    let card = try store.card("person:seo-ha-rin")
    #expect(card.entity.name == "Seo Ha-rin (MSIT)")
    #expect(Set(card.aliases).isSuperset(of: ["HR Seo", "Seo Ha-rin"]))
    #expect(try store.lookup("HR Seo").id == "person:seo-ha-rin")
  }

  /// Each row: a correction that `add` refuses, and why.
  static let refused: [(Correction, String)] = [
    (
      Correction(action: .merge, entity: "Seo Ha-rin", other: "person:seo-ha-rin"),
      "already one entity"
    ),
    (Correction(action: .merge, entity: "Seo Ha-rin", other: "Seo Ha-rin"), "into itself"),
    (Correction(action: .merge, entity: "Seo Ha-rin"), "merge needs"),
    (Correction(action: .rename, entity: "Seo Ha-rin", name: "  "), "rename needs"),
    (Correction(action: .alias, entity: "Seo Ha-rin", alias: ""), "alias needs"),
    (Correction(action: .split, entity: "Seo Ha-rin", forms: []), "split needs"),
  ]

  @Test("invalid corrections are refused, and nothing is stored", arguments: refused)
  func invalid(correction: Correction, reason: String) throws {
    let store = try Files.store()
    let failure = error { () throws(GraphStoreError) in try store.add(correction) }
    guard case .invalidCorrection(let text) = failure else {
      Issue.record("expected invalidCorrection, got \(String(describing: failure))")
      return
    }
    #expect(text.contains(reason))
    #expect(try store.corrections().isEmpty)
    #expect(try store.isGraphCurrent())
  }

  @Test("a correction naming no entity is refused with the lookup's error")
  func unknownEntity() throws {
    let store = try Files.store()
    let failure = error { () throws(GraphStoreError) in
      try store.add(Correction(action: .alias, entity: "Zzyzx Plumbus", alias: "ZP"))
    }
    #expect(failure == .notFound(query: "Zzyzx Plumbus", suggestions: []))
    let other = error { () throws(GraphStoreError) in
      try store.add(Correction(action: .merge, entity: "Seo Ha-rin", other: "Zzyzx Plumbus"))
    }
    #expect(other == .notFound(query: "Zzyzx Plumbus", suggestions: []))
    #expect(try store.corrections().isEmpty)
  }

  @Test("summaries")
  func summaries() {
    #expect(
      Correction(
        action: .merge, entity: "a", entityName: "Kim Jung-kwan", other: "b", otherName: "Kim JK"
      ).summary
        == "merge Kim JK into Kim Jung-kwan")
    #expect(Correction(action: .rename, entity: "KOTRA", name: "K").summary == "rename KOTRA to K")
    #expect(Correction(action: .alias, entity: "X", alias: "Y").summary == "alias X as Y")
    #expect(
      Correction(action: .split, entity: "X", name: "Z", forms: ["A", "B"]).summary
        == "split A, B from X as Z")
  }
}

@Suite("Corrections files")
struct CorrectionsFileTests {
  @Test("the documented example decodes")
  func example() throws {
    let json = """
      [
        {"action": "merge", "entity": "Kim Jung-kwan", "other": "Kim JK"},
        {"action": "rename", "entity": "KOTRA", "name": "KOTRA (Korea Trade-Investment Promotion Agency)"},
        {"action": "alias", "entity": "Ministry of Trade, Industry and Resources", "alias": "Trade Ministry"},
        {"action": "split", "entity": "Kim Min-soo", "forms": ["Kim Min-su"], "name": "Kim Min-su"}
      ]
      """
    let corrections = try GraphStore.decodeCorrections(Data(json.utf8), file: "fixes.json")
    #expect(corrections.map(\.action) == [.merge, .rename, .alias, .split])
    #expect(corrections[0] == Correction(action: .merge, entity: "Kim Jung-kwan", other: "Kim JK"))
    #expect(corrections[3].forms == ["Kim Min-su"])
    #expect(try GraphStore.decodeCorrections(Data("[]".utf8), file: "fixes.json").isEmpty)
  }

  /// Each row: a corrections file, and words its error must contain.
  static let bad: [(String, [String])] = [
    ("", []),
    ("[{", []),
    ("not json", []),
    ("{\"action\": \"merge\"}", []),
    ("[{\"entity\": \"X\", \"alias\": \"Y\"}]", ["item 1", "missing \"action\""]),
    (
      "[{\"action\": \"alias\", \"entity\": \"X\", \"alias\": \"Y\"}, {\"action\": \"alias\", \"alias\": \"Y\"}]",
      ["item 2", "missing \"entity\""]
    ),
    ("[{\"action\": \"frobnicate\", \"entity\": \"X\"}]", []),
    ("[{\"action\": \"merge\", \"entity\": \"X\"}]", ["item 1", "merge needs"]),
    ("[{\"action\": \"merge\", \"entity\": \"X\", \"other\": \"X\"}]", ["item 1", "into itself"]),
    ("[{\"action\": \"split\", \"entity\": \"X\", \"forms\": []}]", ["item 1", "split needs"]),
    ("[{\"action\": \"alias\", \"entity\": 3, \"alias\": \"Y\"}]", ["item 1"]),
    ("[{\"action\": \"alias\", \"entity\": null, \"alias\": \"Y\"}]", ["item 1"]),
  ]

  @Test("malformed files and missing fields are refused, naming the file", arguments: bad)
  func refused(json: String, words: [String]) {
    let failure = error { () throws(GraphStoreError) in
      try GraphStore.decodeCorrections(Data(json.utf8), file: "fixes.json")
    }
    guard case .badCorrections(let file, let reason) = failure else {
      Issue.record("expected badCorrections, got \(String(describing: failure))")
      return
    }
    #expect(file == "fixes.json")
    #expect(failure?.file == "fixes.json")
    #expect(failure?.description.hasPrefix("fixes.json: not a usable corrections file") == true)
    #expect(!reason.isEmpty)
    for word in words {
      #expect(reason.contains(word), "\(reason)")
    }
  }
}
