import EntityGraph
import Testing

/// Parent bodies the text states: "under", "an arm of", a possessive
/// "arm", and "the Bureau of the Ministry"; never a body merely named in
/// the same sentence.
@Suite("Parent bodies")
struct ParentTests {
  @Test(
    "stated parents are found",
    arguments: [
      (
        "The Lumen Institute, affiliated under the Ministry of Foreign Affairs, opened a branch.",
        "Lumen Institute", "Ministry of Foreign Affairs"
      ),
      (
        "The Lumen Standards Agency (LSA, President Ola Berg) under the Ministry of Foreign Affairs issued a notice.",
        "Lumen Standards Agency", "Ministry of Foreign Affairs"
      ),
      (
        "Invest Lumen, an arm of the Korea Trade-Investment Promotion Agency, hosted investors.",
        "Invest Lumen", "Korea Trade-Investment Promotion Agency"
      ),
      (
        "The Lumen Investment Agency, the Korea Trade-Investment Promotion Agency's inbound investment promotion arm, hosted investors.",
        "Lumen Investment Agency", "Korea Trade-Investment Promotion Agency"
      ),
      (
        "The Korea Trade-Investment Promotion Agency's inbound investment promotion arm Invest Lumen presented its plan.",
        "Invest Lumen", "Korea Trade-Investment Promotion Agency"
      ),
      (
        "The Trade Policy Bureau of the Ministry of Foreign Affairs prepared the plan.",
        "Trade Policy Bureau", "Ministry of Foreign Affairs"
      ),
    ])
  func stated(sentence: String, child: String, parent: String) throws {
    let g = graph(sentence)
    let c = try #require(g.named(child), "\(g.entities.map(\.name))")
    let p = try #require(g.named(parent), "\(g.entities.map(\.name))")
    #expect(g.releases[0].parents.contains { $0.child == c.id && $0.parent == p.id })
  }

  @Test(
    "bodies that are only named together have no parent",
    arguments: [
      "The Lumen Standards Agency issued a notice under the new rules of the Ministry of Foreign Affairs.",
      "The Lumen Investment Agency, a partner of the Korea Trade-Investment Promotion Agency, hosted investors.",
      "The Ministry of Foreign Affairs and the Lumen Standards Agency prepared the plan.",
    ])
  func notStated(sentence: String) {
    #expect(graph(sentence).releases[0].parents.isEmpty)
  }
}
