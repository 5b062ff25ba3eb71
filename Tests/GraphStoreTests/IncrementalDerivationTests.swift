import EntityGraph
import Foundation
import GRDB
import PressReleases
import Testing

@testable import GraphStore

/// A small corpus of invented releases in which the same people, companies
/// and bodies recur under variant names: typos in single-holder roles
/// ("Tomas Varga" and "Tomas Vargas", President of one company), two
/// spellings of one company ("Hanbit Tech Corp." and "Hanbit-Tech Corp.")
/// with two CEOs, acronyms (one in mixed case, "HaCeMA") defined in some
/// releases and used bare in others, and a ministry under its old and new
/// names.
struct RecurringCorpus {
  var files: [(path: String, text: String)] = []

  init(seed: UInt64, releases: Int = 36) {
    var random = TestRandom(seed)
    let ministers = [
      ("Yoon Da-bin", "Yoon Da-binn", "Ministry of SMEs and Startups"),
      ("Seo Ha-rin", "Seo Ha-rin", "Ministry of Science and ICT"),
      ("Park Mi-rae", "Park Mi-rea", "Ministry of Trade, Industry and Energy"),
      ("Park Mi-rae", "Park Mi-rae", "Ministry of Trade, Industry and Resources"),
    ]
    let executives = [
      ("Lena Okafor", "Lena Okafor", "CEO", "Daon Robotics"),
      ("Tomas Varga", "Tomas Vargas", "President", "Nuri Materials"),
      ("Ines Duarte", "Ines Duarte", "CEO", "Hanbit Tech Corp."),
      ("Marek Novak", "Marek Novak", "CEO", "Hanbit-Tech Corp."),
      ("Aiko Tanabe", "Aiko Tanabe", "President", "Sora Precision"),
    ]
    let months = ["March", "April", "May", "June", "July", "August"]
    // File names in a shuffled order, so that path order is not the order
    // of invention.
    var numbers = Array(0..<releases)
    random.shuffle(&numbers)
    for index in 0..<releases {
      let (minister, ministerVariant, ministry) = random.pick(ministers)
      let (executive, executiveVariant, role, company) = random.pick(executives)
      let other = random.pick(executives.filter { $0.3 != company })
      let who = random.chance(0.3) ? ministerVariant : minister
      let exec = random.chance(0.3) ? executiveVariant : executive
      let month = random.pick(months)
      let day = random.between(1, 27)
      let year = ministry.hasSuffix("Resources") ? 2026 : 2024
      let body: String
      switch random.below(7) {
      case 0:
        body =
          "Minister \(who) of the \(ministry) visited \(company) on \(month) \(day). \(exec), \(role) of \(company), welcomed the delegation. Minister \(who.split(separator: " ")[0]) said the ministry would help."
      case 1:
        body =
          "\(exec), \(role) of \(company), met with \(other.0), \(other.2) of \(other.3), on \(month) \(day) at the Grand Hotel. Minister \(who) of the \(ministry) attended the forum."
      case 2:
        body =
          "Minister \(who) of the \(ministry) met with \(exec), \(role) of \(company), on \(month) \(day). The Korea Lumen Council (KLC) also joined the meeting."
      case 3:
        body =
          "KLC officials met with Minister \(who) of the \(ministry) on \(month) \(day) to discuss exports. \(exec), \(role) of \(company), attended."
      case 5:
        // An acronym in mixed case, defined here and used bare below.
        body =
          "Minister \(who) of the \(ministry) met with the Hanra Cell Makers Association (HaCeMA) on \(month) \(day). \(exec), \(role) of \(company), attended."
      case 6:
        body =
          "KLC and HaCeMA officials met with \(exec), \(role) of \(company), on \(month) \(day)."
      default:
        body =
          "Minister \(who) of the \(ministry) held talks with Minister Nguyen Van An of Vietnam's Ministry of Industry and Trade on \(month) \(day) in Hanoi. \(exec), \(role) of \(company), joined the talks."
      }
      files.append(
        (
          "r\(numbers[index] < 10 ? "0" : "")\(numbers[index]).txt",
          single(
            "Release \(index)", date: "\(year)-09-\(day < 10 ? "0" : "")\(day)", body)
        ))
    }
  }
}

/// A seeded generator (SplitMix64), so that each trial is reproducible.
struct TestRandom {
  var state: UInt64
  init(_ seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1 }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
  mutating func between(_ low: Int, _ high: Int) -> Int { low + below(high - low + 1) }
  mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) * 0x1p-53 < p }
  mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
  mutating func shuffle<T>(_ items: inout [T]) {
    guard items.count > 1 else { return }
    for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, below(i + 1)) }
  }
}

@Suite("Incremental derivation")
struct IncrementalDerivationTests {
  @Test(
    "files added in random orders and batches give the graph one full derivation gives",
    arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
  func sameAsFull(seed: UInt64) throws {
    let corpus = RecurringCorpus(seed: seed)
    let outcomes = corpus.files.map { outcome($0.path, $0.text) }
    let full = try store(outcomes)

    var random = TestRandom(seed &+ 1000)
    var order = outcomes
    random.shuffle(&order)
    let stepwise = try emptyStore()
    var incremental = 0
    var steps = 0
    var start = 0
    while start < order.count {
      let end = min(order.count, start + random.between(1, 6))
      for file in order[start..<end] { _ = try stepwise.store(file) }
      #expect(try !stepwise.isGraphCurrent())
      let summary = try stepwise.rebuild(with: extractor)
      #expect(try stepwise.isGraphCurrent())
      if summary.incremental {
        incremental += 1
        #expect(summary.releasesDerived == end - start)
      }
      steps += 1
      start = end
    }
    #expect(try dump(stepwise) == dump(full))
    // Most steps were incremental (the first is always full; an acronym
    // defined anew that stored releases use bare forces a full one).
    #expect(incremental > 0, "\(incremental) of \(steps) steps were incremental")
  }

  @Test("the corpus exercises merges, typos and renames")
  func corpusIsHard() throws {
    let outcomes = RecurringCorpus(seed: 1).files.map { outcome($0.path, $0.text) }
    let full = try store(outcomes)
    let ids = try column(full, "SELECT id FROM entity ORDER BY id")
    // Typos of one president are one person, and the two spellings of a
    // company one company.
    #expect(ids.contains("person:tomas-varga") != ids.contains("person:tomas-vargas"))
    #expect(ids.filter { $0.hasPrefix("company:hanbit") } == ["company:hanbit-tech-corp"])
    #expect(try !column(full, "SELECT predecessor FROM succession").isEmpty)
    // The mixed-case acronym, defined in some releases, is one entity.
    #expect(ids.filter { $0.contains("hanra-cell-makers-association") }.count == 1)
    // … and found where it is used bare, through another release's definition.
    #expect(
      try column(
        full,
        """
        SELECT DISTINCT m.release FROM mention m WHERE m.text = 'HaCeMA'
          AND m.release NOT IN (SELECT release FROM mention WHERE text LIKE 'Hanra%')
        """
      ).count > 0)
  }

  @Test("an entity's new name and id reach every release that mentions it")
  func renamesReachOldReleases() throws {
    // "Tomas Vargas" first; two later releases spell him "Tomas Varga",
    // which becomes his name (the most frequent form).
    let first = outcome(
      "a.txt",
      single(
        "Forum", date: "2025-05-04",
        "Tomas Vargas, President of Nuri Materials, met with Lena Okafor, CEO of Daon Robotics, on May 3."
      ))
    let later = (1...2).map { n in
      outcome(
        "b\(n).txt",
        single(
          "Forum \(n)", date: "2025-06-0\(n)",
          "Tomas Varga, President of Nuri Materials, met with Ines Duarte, CEO of Sora Precision, on June \(n)."
        ))
    }
    let stepwise = try store([first])
    for file in later { _ = try stepwise.store(file) }
    #expect(try stepwise.rebuild(with: extractor).incremental)
    let full = try store([first] + later)
    #expect(try dump(stepwise) == dump(full))
    #expect(
      try column(stepwise, "SELECT DISTINCT entity FROM mention WHERE release LIKE 'a%' ORDER BY 1")
        .contains("person:tomas-varga"))
  }

  @Test("a store with corrections is derived in full, with them applied")
  func correctionsForceFull() throws {
    let store = try Files.store()
    try store.add(Correction(action: .alias, entity: "Daon Robotics", alias: "Daon"))
    try store.rebuild(with: extractor)
    _ = try store.store(Files.c)
    let summary = try store.rebuild(with: extractor)
    #expect(!summary.incremental)
    #expect(try column(store, "SELECT alias FROM alias WHERE alias = 'Daon'") == ["Daon"])
  }

  @Test("a replaced file makes the next derivation full")
  func replacedFileIsFull() throws {
    let store = try Files.store()
    _ = try store.store(outcome("a.txt", single("Changed", date: "2025-05-04", "Nothing here.")))
    #expect(try !store.rebuild(with: extractor).incremental)
    _ = try store.store(Files.c)
    #expect(try store.rebuild(with: extractor).incremental)
  }
}
