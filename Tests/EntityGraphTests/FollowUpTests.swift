import EntityGraph
import Testing

/// Sentences after a meeting that add to it: who attended, hosted or was
/// given an award there.
@Suite("Follow-up sentences")
struct FollowUpTests {
  @Test(
    "a later sentence that refers back to the event adds its people and bodies",
    arguments: [
      "The gathering was attended by Lumen Network Chairman Park Jae-won.",
      "The Lumen Network attending the meeting today pledged support.",
      "Attended by Lumen Network Chairman Park Jae-won, this year's event drew 200 guests.",
      "The meeting was hosted by the Lumen Network.",
    ])
  func joins(follow: String) {
    let g = graph(
      "Minister Doh Min-seo held a meeting with Ilse Varga of Norvik Council on May 2. \(follow)")
    #expect(g.meetings.count == 1, "\(g.meetingNames)")
    #expect(g.meetingNames.first?.contains("Lumen Network") == true, "\(g.meetingNames)")
  }

  @Test("people the minister gives awards to at the ceremony are its participants")
  func awards() {
    let g = graph(
      """
      Minister Doh Min-seo attended the Lumen Export Day ceremony in Seoul on May 2. Minister Doh awarded orders and medals to 16 people, including Norvik Chairman Park Jae-won and Aster CEO Kim Ha-eun.
      """)
    #expect(g.meetings.count == 1)
    #expect(
      g.meetingNames.first?.isSuperset(of: ["Doh Min-seo", "Park Jae-won", "Kim Ha-eun"]) == true)
  }

  @Test("an award sentence whose subject was not at the event adds nobody")
  func awardsElsewhere() {
    let g = graph(
      """
      Minister Doh Min-seo attended the Lumen Export Day ceremony in Seoul on May 2. Last year, Governor Lim Ji-ho awarded medals to Norvik Chairman Park Jae-won.
      """)
    #expect(g.meetingNames.allSatisfy { !$0.contains("Park Jae-won") })
  }
}
