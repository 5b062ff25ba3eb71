import EntityGraph
import Foundation
import GRDB
import Testing

@testable import GraphStore

@Suite("Lookup")
struct LookupTests {
  /// Each row: what a user types, and the entity it must find in the seeds.
  static let found: [(String, String)] = [
    ("Park Jung-sung", "person:park-jung-sung"),  // canonical name
    ("MOTIR", "ministry:kr-motir"),  // acronym seen in releases
    ("Trade Minister Yeo", "person:yeo-han-koo"),  // alias seen in releases
    ("JK Kim", "person:kim-jung-kwan"),  // alias seen in releases
    ("Trade Ministry", "ministry:kr-motir"),  // a name the gazetteer knows
    ("ministry:kr-motir", "ministry:kr-motir"),  // id
    ("  person:park-jung-sung  ", "person:park-jung-sung"),  // id, padded
    ("PARK JUNG-SUNG", "person:park-jung-sung"),  // case
    ("park jung sung", "person:park-jung-sung"),  // punctuation and spaces
    ("ParkJungSung", "person:park-jung-sung"),  // no spaces at all
    ("ministry of trade industry and resources", "ministry:kr-motir"),
    ("Tran Quoc", "person:tran-quoc-phuong"),  // unique prefix
    ("Korea Trade-Inv", "agency:kr-kotra"),  // unique prefix
    ("Park J S", "person:park-jung-sung"),  // prefix of each word
    ("Tran Quoc Phong", "person:tran-quoc-phuong"),  // one typo (a letter left out)
    ("Tran Quoc Phuomg", "person:tran-quoc-phuong"),  // one typo (a letter changed)
    ("Tran Quoc Phoung", "person:tran-quoc-phuong"),  // two letters swapped, a long name
    ("Phuong", "person:tran-quoc-phuong"),  // a later word of the name
    ("silicon2", "company:silicon2"),  // case, a whole name
  ]

  @Test("finds the entity", arguments: found)
  func finds(text: String, id: String) throws {
    let store = try seededStore()
    #expect(try store.lookup(text).id == id)
  }

  @Test("the brief carries the canonical name and type")
  func brief() throws {
    let store = try seededStore()
    let brief = try store.lookup("MOTIR")
    #expect(
      brief
        == EntityBrief(
          id: "ministry:kr-motir", name: "Ministry of Trade, Industry and Resources",
          type: .ministry))
  }

  @Test("several equally good matches are ambiguous, with every candidate")
  func ambiguous() throws {
    let store = try seededStore()
    let failure = error { () throws(GraphStoreError) in try store.lookup("Kim") }
    guard case .ambiguous(let query, let candidates) = failure else {
      Issue.record("expected ambiguous, got \(String(describing: failure))")
      return
    }
    #expect(query == "Kim")
    let ids = candidates.map(\.id)
    #expect(ids.contains("person:kim-jung-kwan"))
    #expect(ids.contains("person:kim-sun-young"))
    #expect(ids.contains("person:kim-dae-ja"))
    #expect(ids.allSatisfy { $0.hasPrefix("person:kim-") })
    #expect(candidates == candidates.sorted())
    #expect(failure?.description.contains("Kim Sun-young (person:kim-sun-young)") == true)
  }

  /// Each row: text that matches nothing, and the id that must be suggested
  /// (nil: no suggestion at all).
  static let misses: [(String, String?)] = [
    ("Yeo Han-kxxx", "person:yeo-han-koo"),  // three edits away
    ("MOTX", "ministry:kr-motir"),  // one edit, but too short to guess
    ("Zzyzx Qwerty Plumbus", nil),
    ("!!!", nil),
    ("", nil),
  ]

  @Test("an unknown name is not found, with suggestions for a near miss", arguments: misses)
  func notFound(text: String, suggestion: String?) throws {
    let store = try seededStore()
    let failure = error { () throws(GraphStoreError) in try store.lookup(text) }
    guard case .notFound(let query, let suggestions) = failure else {
      Issue.record("expected notFound, got \(String(describing: failure))")
      return
    }
    #expect(query == text)
    if let suggestion {
      #expect(suggestions.map(\.id).contains(suggestion))
      #expect(failure?.description.contains("did you mean") == true)
    } else {
      #expect(suggestions.isEmpty)
    }
  }

  @Test("an empty store finds nothing")
  func emptyStore() throws {
    let store = try GraphStore(DatabaseQueue())
    let failure = error { () throws(GraphStoreError) in try store.lookup("Park Jung-sung") }
    #expect(failure == .notFound(query: "Park Jung-sung", suggestions: []))
  }

  @Test("names fold: case, accents, spaces and punctuation")
  func fold() {
    #expect(LookupKey.fold("Park Jung-sung") == "parkjungsung")
    #expect(LookupKey.fold("PARK  JUNGSUNG") == "parkjungsung")
    #expect(LookupKey.fold("Trần Quốc Phương") == "tranquocphuong")
    #expect(LookupKey.fold("S-OIL") == "soil")
    #expect(LookupKey.words("Korea Trade-Investment") == ["korea", "trade", "investment"])
  }

  /// Each row: two strings, a limit, and their edit distance (or limit + 1).
  static let distances: [(String, String, Int, Int)] = [
    ("kitten", "sitting", 3, 3),
    ("abc", "abc", 2, 0),
    ("", "abc", 3, 3),
    ("abc", "", 1, 2),
    ("abcdef", "a", 2, 3),
    ("parkjungsung", "parkjungsang", 2, 1),
  ]

  @Test("edit distance", arguments: distances)
  func distance(a: String, b: String, limit: Int, expected: Int) {
    #expect(editDistance(a, b, limit: limit) == expected)
  }

  @Test("entities(type:search:) filters by type and by a folded part of a name")
  func entitiesSearch() throws {
    let store = try seededStore()
    let people = try store.entities(type: .person)
    #expect(!people.isEmpty)
    #expect(people.allSatisfy { $0.entity.type == .person })
    #expect(people.map(\.entity.name) == people.map(\.entity.name).sorted())

    let kims = try store.entities(type: .person, search: "kim")
    #expect(
      Set(kims.map(\.entity.id)).isSuperset(of: ["person:kim-jung-kwan", "person:kim-sun-young"]))
    #expect(kims.allSatisfy { $0.entity.type == .person })
    #expect(!kims.map(\.entity.id).contains("person:park-jung-sung"))

    // An alias matches too; the id alone does not.
    #expect(try store.entities(search: "motir").map(\.entity.id).contains("ministry:kr-motir"))
    #expect(try store.entities(search: "kr-motir").isEmpty)
    #expect(try store.entities(search: "zzyzx").isEmpty)

    let park = try #require(try store.entities(search: "park jung").first)
    #expect(park.entity.id == "person:park-jung-sung")
    #expect(park.releases == 1)
    #expect(park.meetings == 1)
    #expect(park.firstSeen == "2025-11-14")
    #expect(park.lastSeen == "2025-11-14")
  }
}
