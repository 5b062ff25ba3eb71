import EntityGraph
import Testing

/// Renamed ministries: a title or short name resolves to the body that
/// existed on the release's date, through the gazetteer's `validFrom`,
/// `validUntil` and `predecessor` chain.
@Suite("Institutions by date")
struct EraTests {
  @Test(
    "a head title resolves to the ministry of the release's year",
    arguments: [
      ("2024-03-05", "Ministry of Trade, Industry and Energy"),
      ("2019-06-11", "Ministry of Trade, Industry and Energy"),
      ("2026-02-10", "Ministry of Trade, Industry and Resources"),
      (nil, "Ministry of Trade, Industry and Resources"),
    ] as [(String?, String)])
  func titleByDate(date: String?, ministry: String) {
    let g = graph(
      "Trade Minister Doh Min-seo met Ilse Varga of Lumen Standards Council. The Trade Ministry said so.",
      date: date)
    #expect(g.affiliationNames.contains(["Doh Min-seo", ministry]))
  }

  @Test("a short title alone names no ministry: the official stands for the country")
  func shortTitleAlone() {
    let g = graph("Trade Minister Doh Min-seo met Ilse Varga of Lumen Standards Council.")
    #expect(g.affiliationNames.contains(["Doh Min-seo", "South Korea"]))
    #expect(g.names(.ministry).isEmpty)
    let spelled = graph("Minister of Foreign Affairs Doh Min-seo met Ilse Varga.")
    #expect(spelled.affiliationNames.contains(["Doh Min-seo", "Ministry of Foreign Affairs"]))
  }

  @Test(
    "a ministry's fields listed before 'Minister' name that ministry",
    arguments: [
      ("Trade, Industry and Energy Minister Doh Min-seo", "Ministry of Trade, Industry and Energy"),
      ("Oceans and Fisheries Minister Doh Min-seo", "Ministry of Oceans and Fisheries"),
    ])
  func fieldsBeforeMinister(phrase: String, ministry: String) {
    let g = graph("\(phrase) visited Ulsan on June 3 and met Ilse Varga there.", date: "2019-06-04")
    #expect(g.affiliationNames.contains(["Doh Min-seo", ministry]))
    #expect(!g.names(.ministry).contains("Ministry of Climate, Energy and Environment"))
  }

  @Test("the body's own full name keeps its era in a later release")
  func ownNameKeepsEra() {
    let g = graph(
      "The Ministry of Trade, Industry and Energy signed the plan in 2019, the report recalls.",
      date: "2026-01-20")
    #expect(g.names(.ministry) == ["Ministry of Trade, Industry and Energy"])
  }

  @Test("a short alias follows the date, like a title")
  func aliasByDate() {
    let g = graph("The Trade Ministry said exports rose.", date: "2023-07-01")
    #expect(g.names(.ministry) == ["Ministry of Trade, Industry and Energy"])
  }

  @Test("parent bodies from the gazetteer follow the release's era")
  func knownParents() {
    let g = EntityExtractor().extract([
      release(
        "KATS held a standards forum. The Ministry of Trade, Industry and Energy said so.",
        date: "2019-06-11", path: "a.txt"),
      release("KATS held a standards forum. MOTIR said so.", date: "2026-02-10", path: "b.txt"),
    ])
    let pairs = Set(g.knownParents.map { [$0.child, $0.parent] })
    #expect(pairs.contains(["agency:kr-kats", "ministry:kr-motie"]), "\(pairs)")
    #expect(pairs.contains(["agency:kr-kats", "ministry:kr-motir"]), "\(pairs)")
    // Stated parents stay per release; these are not stated.
    #expect(g.releases.allSatisfy { $0.parents.isEmpty })
  }
}
