import EntityGraph
import Testing

@Suite("Explain")
struct ExplainTests {
  @Test("every mention, affiliation and meeting names the rule that made it")
  func traces() throws {
    let trace = try #require(
      EntityExtractor().explain([
        release(
          "Vice Minister Doh Min-seo sat down with Ilse Varga, President of Lumen Council, on May 3."
        )
      ]).first)
    let meeting = try #require(trace.items.first { $0.kind == .meeting })
    #expect(meeting.rules == ["meet.sat-down-with"])
    #expect(meeting.names.contains("Doh Min-seo") && meeting.names.contains("Ilse Varga"))
    let doh = try #require(trace.items.first { $0.kind == .mention && $0.text == "Doh Min-seo" })
    #expect(doh.rules == ["person.title-name"])
    #expect(doh.type == .person)
    #expect(trace.items.allSatisfy { !$0.rules.isEmpty && $0.rules.allSatisfy { !$0.isEmpty } })
  }
}
