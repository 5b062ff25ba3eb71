import EntityGraph
import Foundation
import GRDB
import Testing

@testable import GraphStore

/// The search `pressgraph path` used before the search from both ends: a
/// breadth-first search from the source alone, one query per level (the
/// reference the new search must agree with).
func forwardSearch(
  _ db: Database, from source: String, to target: String, maxHops: Int,
  relations: Set<Relation>, throughCountries: Bool
) throws -> [GraphStore.Step]? {
  var reachedBy: [String: GraphStore.Step] = [:]
  var seen: Set<String> = [source]
  var frontier = [source]
  for _ in 0..<maxHops {
    var next: [String] = []
    for step in try GraphStore.lightSteps(db, from: frontier, relations: relations)
    where seen.insert(step.target.id).inserted {
      reachedBy[step.target.id] = step
      if step.target.id == target {
        var path = [step]
        while let previous = reachedBy[path[0].source] { path.insert(previous, at: 0) }
        return path
      }
      if throughCountries || step.target.type != .country { next.append(step.target.id) }
    }
    frontier = next.sorted()
    if frontier.isEmpty { break }
  }
  return nil
}

/// A store holding only a random graph: `count` entities (some of them
/// countries) and random edges of every relation, stored both ways.
func randomGraphStore(seed: UInt64, count: Int, edges: Int) throws -> GraphStore {
  var random = TestRandom(seed)
  let store = try emptyStore()
  try store.database.write { db in
    for n in 0..<count {
      let type: EntityType = random.chance(0.15) ? .country : random.pick([.person, .ministry])
      try db.execute(
        sql: "INSERT INTO entity (id, name, type) VALUES (?, ?, ?)",
        arguments: ["e\(n < 10 ? "0" : "")\(n)", "E\(n)", type.rawValue])
    }
    for _ in 0..<edges {
      let a = random.below(count)
      let b = random.below(count)
      guard a != b else { continue }
      let relation = random.pick(Relation.allCases).rawValue
      for (source, target, forward) in [(a, b, 1), (b, a, 0)] {
        try db.execute(
          sql: """
            INSERT OR IGNORE INTO edge (source, target, relation, forward, count)
            VALUES (?, ?, ?, ?, 1)
            """,
          arguments: [
            "e\(source < 10 ? "0" : "")\(source)", "e\(target < 10 ? "0" : "")\(target)",
            relation, forward,
          ])
      }
    }
  }
  return store
}

@Suite("Path search from both ends")
struct PathSearchTests {
  @Test(
    "finds the path a search from the source alone finds, in random graphs",
    arguments: [(1, 60), (2, 90), (3, 140), (4, 40), (5, 200)] as [(UInt64, Int)])
  func sameAsForward(seed: UInt64, edges: Int) throws {
    let store = try randomGraphStore(seed: seed, count: 40, edges: edges)
    var random = TestRandom(seed &+ 7)
    var found = 0
    try store.database.read { db in
      for _ in 0..<150 {
        let source = "e\(String(format: "%02d", random.below(40)))"
        let target = "e\(String(format: "%02d", random.below(40)))"
        guard source != target else { continue }
        let hops = random.between(1, 5)
        let relations: Set<Relation> =
          random.chance(0.3) ? [.meeting, .affiliation] : Set(Relation.allCases)
        for throughCountries in [false, true] {
          let expected = try forwardSearch(
            db, from: source, to: target, maxHops: hops, relations: relations,
            throughCountries: throughCountries)
          let actual = try GraphStore.search(
            db, from: source, to: target, maxHops: hops, relations: relations,
            throughCountries: throughCountries, maxVisited: 1_000_000
          ).path
          func shape(_ steps: [GraphStore.Step]?) -> [String]? {
            steps?.map { "\($0.source) \($0.relation.rawValue) \($0.target.id)" }
          }
          #expect(
            shape(actual) == shape(expected),
            "\(source) → \(target), \(hops) hops, through countries: \(throughCountries)")
          if expected != nil { found += 1 }
        }
      }
    }
    // The graphs are connected enough for most searches to find a path.
    #expect(found > 30)
  }
}
