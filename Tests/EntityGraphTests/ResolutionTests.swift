import EntityGraph
import Foundation
import PressReleases
import Testing

@Suite("Resolution, gazetteer and output")
struct ResolutionTests {
  @Test("an entity has the same id in every release that mentions it")
  func stableIDs() throws {
    let g = EntityExtractor().extract([
      release(
        "The Korea Trade-Investment Promotion Agency (KOTRA) opened an office.", path: "a.txt"),
      release("KOTRA President Yoon Seo-jun visited the office.", path: "b.txt"),
    ])
    let kotra = try #require(g.named("KOTRA"))
    #expect(g.releases.allSatisfy { $0.entities.contains(kotra.id) })
    #expect(kotra.id == "agency:kr-kotra")
  }

  @Test("acronyms defined in one release resolve bare uses in another")
  func corpusAcronyms() {
    let g = EntityExtractor().extract([
      release("The Gyeonggi Robot Industry Promotion Agency (GRIPA) opened a lab.", path: "a.txt"),
      release(
        "GRIPA signed an MOU with the Korea Trade-Investment Promotion Agency on May 3.",
        path: "b.txt"),
    ])
    #expect(g.entities.filter { $0.name == "Gyeonggi Robot Industry Promotion Agency" }.count == 1)
    #expect(
      g.meetingNames == [
        ["Gyeonggi Robot Industry Promotion Agency", "Korea Trade-Investment Promotion Agency"]
      ])
  }

  @Test("the same input gives the same bytes")
  func deterministic() throws {
    let releases = [
      release(
        "Trade Minister Lee Ha-neul met with Indonesian Trade Minister Budi Santoso on May 3.",
        path: "a.txt"),
      release(
        "The Ministry of Foreign Affairs held talks with the U.S. Department of State.",
        path: "b.txt"),
    ]
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let first = try encoder.encode(ExtractionDocument(EntityExtractor().extract(releases)))
    let second = try encoder.encode(ExtractionDocument(EntityExtractor().extract(releases)))
    #expect(first == second)
  }

  @Test("a user gazetteer adds institutions and replaces built-in ones")
  func userGazetteer() throws {
    let json = """
      {"institutions": [{"id": "kr-nuri", "name": "Nuri Space Agency", "type": "agency", "country": "KR",
        "acronyms": ["NSA"], "aliases": ["Nuri Agency"]}]}
      """
    let extra = try Gazetteer.decode(Data(json.utf8), file: "mine.json")
    let extractor = EntityExtractor(gazetteer: .builtIn.merging(extra))
    let g = extractor.extract([release("NSA launched a satellite with the Nuri Agency team.")])
    #expect(g.named("NSA")?.id == "agency:kr-nuri")
    #expect(g.entities.filter { $0.type == .agency }.count == 1)
  }

  @Test("a broken gazetteer file is reported with its name and the problem")
  func badGazetteer() {
    #expect(
      throws: EntityGraphError.badGazetteer(
        file: "mine.json", reason: "missing key \"name\" at .institutions[0]")
    ) {
      try Gazetteer.decode(
        Data(#"{"institutions": [{"id": "x", "type": "agency"}]}"#.utf8), file: "mine.json")
    }
  }

  @Test("the built-in gazetteer lists institutions and countries, never people")
  func builtIn() {
    let gazetteer = Gazetteer.builtIn
    #expect(gazetteer.institutions.count > 150)
    #expect(gazetteer.countries.count > 190)
    #expect(Set(gazetteer.institutions.map(\.id)).count == gazetteer.institutions.count)
    let ids = Set(gazetteer.institutions.map(\.id))
    for institution in gazetteer.institutions {
      if let parent = institution.parent { #expect(ids.contains(parent), "\(institution.id)") }
      if let predecessor = institution.predecessor {
        #expect(ids.contains(predecessor), "\(institution.id)")
      }
    }
    #expect(gazetteer.ambiguousAcronyms.contains("MOU"))
  }

  @Test("extract JSON has the documented shape")
  func documentShape() throws {
    let g = graph(
      "Trade Minister Lee Ha-neul met with Indonesian Trade Minister Budi Santoso on May 3.")
    let data = try JSONEncoder().encode(ExtractionDocument(g))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let release = try #require((json["releases"] as? [[String: Any]])?.first)
    #expect(
      Set(release.keys).isSuperset(of: [
        "id", "source", "title", "date", "entities", "affiliations", "parents", "meetings",
      ]))
    let meeting = try #require((release["meetings"] as? [[String: Any]])?.first)
    #expect(meeting["date"] as? String == "2025-05-03")
    #expect(meeting["status"] as? String == "held")
    #expect((meeting["participants"] as? [String])?.count == 2)
    let entity = try #require((release["entities"] as? [[String: Any]])?.first)
    #expect(Set(entity.keys).isSuperset(of: ["id", "name", "type", "aliases"]))
  }

  @Test("case variants of a name are one entity across releases")
  func caseVariants() {
    let g = EntityExtractor().extract([
      release("Anwar Saleh, CEO of S-OIL, received the award.", path: "a.txt"),
      release("Lina Park, CFO of S-Oil, received the award.", path: "b.txt"),
    ])
    #expect(g.entities.filter { $0.type == .company }.count == 1)
  }
}
