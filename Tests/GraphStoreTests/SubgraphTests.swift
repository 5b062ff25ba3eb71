import EntityGraph
import Testing

@testable import GraphStore

@Suite("Selecting subgraphs")
struct SubgraphTests {
  static let motir = "ministry:kr-motir"

  func names(_ subgraph: Subgraph) -> Set<String> { Set(subgraph.nodes.map(\.entity.name)) }

  @Test("an ego network at depth 1 holds the body's people and everyone they met")
  func ego() throws {
    let subgraph = try seededStore().subgraph(SubgraphRequest(focus: .ego(Self.motir)))
    #expect(subgraph.kind == .ego)
    #expect(subgraph.title == "Ministry of Trade, Industry and Resources: network, 1 step")
    let names = names(subgraph)
    for name in [
      "Kim Jung-kwan", "Yeo Han-koo", "Park Jung-sung", "SILICON2", "Ministry of Finance (Vietnam)",
      "Ministry of Food and Drug Safety", "Korean Agency for Technology and Standards",
    ] {
      #expect(names.contains(name), "\(name) is missing")
    }
    #expect(!names.contains("Oh Yu-kyoung"))  // two steps: MFDS's minister
    #expect(subgraph.nodes.filter(\.isCenter).map(\.entity.id) == [Self.motir])
    let yeo = try #require(subgraph.nodes.first { $0.entity.name == "Yeo Han-koo" })
    #expect(yeo.role == "Trade Minister")
    #expect(yeo.organisation == Self.motir)
    // Every edge joins two nodes.
    let ids = Set(subgraph.nodes.map(\.entity.id))
    #expect(subgraph.edges.allSatisfy { ids.contains($0.source) && ids.contains($0.target) })
  }

  @Test("a meeting is drawn between the people, not again between their bodies")
  func principals() throws {
    let subgraph = try seededStore().subgraph(SubgraphRequest(focus: .ego(Self.motir)))
    let meetings = subgraph.edges.filter { $0.relation == .meeting }
    #expect(
      meetings.contains {
        $0.source == "person:park-jung-sung" && $0.target == "person:tran-quoc-phuong"
          && $0.dates == ["2025-11-13"] && $0.evidence.first?.place == "Lotte Hotel Seoul"
      })
    #expect(
      !meetings.contains {
        Set([$0.source, $0.target]) == [Self.motir, "ministry:vn-mof"] && $0.dates == ["2025-11-13"]
      })
  }

  @Test("depth 2 reaches further; a type filter keeps only those types and the focus")
  func depthAndTypes() throws {
    let store = try seededStore()
    let two = try store.subgraph(SubgraphRequest(focus: .ego(Self.motir), depth: 2))
    #expect(names(two).contains("Oh Yu-kyoung"))
    let companies = try store.subgraph(
      SubgraphRequest(focus: .ego(Self.motir), depth: 2, types: [.company]))
    #expect(Set(companies.nodes.map(\.entity.type)) == [.company, .ministry])
    #expect(companies.nodes.filter { $0.entity.type == .ministry }.map(\.entity.id) == [Self.motir])
    #expect(companies.notes.contains { $0.contains("of other types left out") })
  }

  @Test("the node limit keeps the focus and the nearest, and says what was cut")
  func limit() throws {
    let subgraph = try seededStore().subgraph(
      SubgraphRequest(focus: .ego(Self.motir), depth: 2, limit: 6))
    #expect(subgraph.nodes.count == 6)
    #expect(subgraph.nodes.contains { $0.entity.id == Self.motir })
    let note = try #require(subgraph.notes.first { $0.contains("beyond the limit of 6") })
    #expect(note.contains("Raise --limit"))
  }

  @Test("a date window and held-only drop the meetings outside them")
  func filters() throws {
    let store = try seededStore()
    let all = try store.subgraph(SubgraphRequest(focus: .ego(Self.motir)))
    #expect(names(all).contains("Office of the United States Trade Representative"))  // planned
    let held = try store.subgraph(SubgraphRequest(focus: .ego(Self.motir), heldOnly: true))
    #expect(!names(held).contains("Office of the United States Trade Representative"))
    let early = try store.subgraph(
      SubgraphRequest(focus: .ego(Self.motir), since: "2025-11-13", until: "2025-11-13"))
    let meetings = early.edges.filter { $0.relation == .meeting }
    #expect(!meetings.isEmpty)
    #expect(meetings.allSatisfy { $0.dates.allSatisfy { $0.hasPrefix("2025-11-1") } })
    #expect(!names(early).contains("SILICON2"))  // met on 2025-11-06
  }

  @Test("a connection holds the chain, the direct meeting and the people's bodies")
  func connection() throws {
    let subgraph = try seededStore().subgraph(
      SubgraphRequest(focus: .connection("person:park-jung-sung", "person:tran-quoc-phuong")))
    #expect(
      names(subgraph) == [
        "Park Jung-sung", "Tran Quoc Phuong", "Ministry of Trade, Industry and Resources",
        "Ministry of Finance (Vietnam)",
      ])
    #expect(subgraph.title == "Park Jung-sung – Tran Quoc Phuong")
    #expect(subgraph.nodes.filter(\.isCenter).count == 2)
  }

  @Test("a release's own graph holds what that release says, and only that")
  func release() throws {
    let store = try seededStore()
    let id = try #require(
      try column(store, "SELECT id FROM release WHERE title LIKE 'MOTIR Discusses Corporate%'")
        .first)
    let subgraph = try store.subgraph(SubgraphRequest(focus: .release(id)))
    #expect(subgraph.kind == .release)
    #expect(names(subgraph).contains("Tran Quoc Phuong"))
    #expect(!names(subgraph).contains("SILICON2"))
    #expect(subgraph.edges.flatMap(\.evidence).allSatisfy { $0.release.id == id })
  }

  @Test("the whole graph leaves out entities without relations, and is the same every time")
  func whole() throws {
    let store = try seededStore()
    let subgraph = try store.subgraph(SubgraphRequest(focus: .whole, limit: .max))
    #expect(subgraph.nodes.count > 20)
    #expect(subgraph.notes.contains { $0.contains("without relations left out") })
    let ids = Set(subgraph.nodes.map(\.entity.id))
    for id in ids {
      #expect(subgraph.edges.contains { $0.source == id || $0.target == id })
    }
    #expect(try store.subgraph(SubgraphRequest(focus: .whole, limit: .max)) == subgraph)
  }
}
