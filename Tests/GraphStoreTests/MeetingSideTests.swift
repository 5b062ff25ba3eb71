import EntityGraph
import Foundation
import GRDB
import PressReleases
import Testing

@testable import GraphStore

/// Meetings between two sides, in releases with invented names: people of a
/// ministry meet people of a company.
@Suite("Meeting sides")
struct MeetingSideTests {
  static let hwang = "person:hwang-do-yeon"
  static let joo = "person:joo-eun-byul"
  static let velasquez = "person:maria-velasquez"
  static let mss = "ministry:kr-mss"
  static let hanbit = "company:hanbit-robotics"

  /// Vice Minister Hwang (of the MSS) meets Maria Velasquez (CEO of Hanbit Robotics).
  static func oneOnOne() throws -> GraphStore {
    try store([
      outcome(
        "hanbit.txt",
        single(
          "Hanbit Robotics Meets Ministry", date: "2025-05-04",
          "Vice Minister Hwang Do-yeon of the Ministry of SMEs and Startups met with Maria Velasquez, CEO of Hanbit Robotics, on May 3 at the Grand Hotel. They discussed robot exports."
        ))
    ])
  }

  /// The same, with Hwang's colleague Joo Eun-byul on the ministry's side.
  static func twoOnOne() throws -> GraphStore {
    try store([
      outcome(
        "hanbit2.txt",
        single(
          "Hanbit Robotics Meets Ministry", date: "2025-05-04",
          "Vice Minister Hwang Do-yeon and Director General Joo Eun-byul of the Ministry of SMEs and Startups met with Maria Velasquez, CEO of Hanbit Robotics, on May 3 at the Grand Hotel."
        ))
    ])
  }

  @Test("the person met is listed with the body they represent, not the person's own ministry")
  func personSide() throws {
    let store = try Self.oneOnOne()
    let rows = try store.meetings(of: Self.hwang)
    #expect(rows.count == 1)
    let row = try #require(rows.first)
    #expect(
      row.counterpart == EntityBrief(id: Self.velasquez, name: "Maria Velasquez", type: .person))
    #expect(
      row.representing == EntityBrief(id: Self.hanbit, name: "Hanbit Robotics", type: .company))
    #expect(row.representing?.id != Self.mss)
    #expect(row.role == "CEO")
    #expect(row.date == PartialDate(iso: "2025-05-03"))
    #expect(row.place == "Grand Hotel")
    #expect(row.status == .held)
    #expect(row.release.source == "hanbit.txt")
    #expect(row.release.date == "2025-05-04")
    #expect(
      row.evidence.hasPrefix(
        "Vice Minister Hwang Do-yeon of the Ministry of SMEs and Startups met with"))
    #expect(row.sentence == 0)
    #expect(Set(row.side.map(\.id)) == [Self.hwang, Self.mss])
  }

  @Test("as organisations, the person's body is listed, and never the own ministry")
  func asOrganisations() throws {
    let store = try Self.oneOnOne()
    let rows = try store.meetings(of: Self.hwang, filter: MeetingFilter(asOrganisations: true))
    #expect(rows.map(\.counterpart.id) == [Self.hanbit])
    #expect(rows.first?.representing == nil)
    #expect(rows.first?.role == nil)
    #expect(
      try store.meetings(
        of: Self.hwang, filter: MeetingFilter(type: .company, asOrganisations: true)
      ).count == 1)
    #expect(
      try store.meetings(
        of: Self.hwang, filter: MeetingFilter(type: .ministry, asOrganisations: true)
      ).isEmpty)
    // Without lifting, a type matches the person or the body they represent.
    let companies = try store.meetings(of: Self.hwang, filter: MeetingFilter(type: .company))
    #expect(companies.map(\.counterpart.id) == [Self.velasquez])
    #expect(try store.meetings(of: Self.hwang, filter: MeetingFilter(type: .person)).count == 1)
    #expect(try store.meetings(of: Self.hwang, filter: MeetingFilter(type: .ministry)).isEmpty)
  }

  @Test("each side sees the other: the ministry, the company and its CEO")
  func everySide() throws {
    let store = try Self.oneOnOne()
    let ministry = try store.meetings(of: Self.mss)
    #expect(ministry.map(\.counterpart.id) == [Self.velasquez])
    #expect(ministry.first?.representing?.id == Self.hanbit)
    #expect(Set(ministry.first?.side.map(\.id) ?? []) == [Self.hwang, Self.mss])

    let company = try store.meetings(of: Self.hanbit)
    #expect(company.map(\.counterpart.id) == [Self.hwang])
    #expect(company.first?.representing?.id == Self.mss)
    #expect(company.first?.role == "Vice Minister")
    #expect(Set(company.first?.side.map(\.id) ?? []) == [Self.hanbit, Self.velasquez])
    #expect(
      try store.meetings(of: Self.hanbit, filter: MeetingFilter(asOrganisations: true)).map(
        \.counterpart.id)
        == [Self.mss])

    let ceo = try store.meetings(of: Self.velasquez)
    #expect(ceo.map(\.counterpart.id) == [Self.hwang])
    #expect(ceo.first?.representing?.id == Self.mss)
  }

  @Test("'with' matches the person or the body they represent")
  func with() throws {
    let store = try Self.oneOnOne()
    #expect(
      try store.meetings(of: Self.hwang, filter: MeetingFilter(with: Self.velasquez)).count == 1)
    #expect(try store.meetings(of: Self.hwang, filter: MeetingFilter(with: Self.hanbit)).count == 1)
    #expect(try store.meetings(of: Self.hwang, filter: MeetingFilter(with: Self.mss)).isEmpty)
    #expect(
      try store.meetings(
        of: Self.hwang, filter: MeetingFilter(with: Self.hanbit, asOrganisations: true)
      )
      .count == 1)
  }

  @Test("a colleague of the same body is on the own side, not a counterpart")
  func colleague() throws {
    let store = try Self.twoOnOne()
    let participants = try column(
      store, "SELECT entity || ' ' || IFNULL(represents, '-') FROM participant ORDER BY entity")
    try #require(participants.contains("\(Self.joo) \(Self.mss)"))
    let rows = try store.meetings(of: Self.hwang)
    #expect(rows.map(\.counterpart.id) == [Self.velasquez])
    #expect(Set(rows.first?.side.map(\.id) ?? []) == [Self.hwang, Self.joo, Self.mss])
    let company = try store.meetings(of: Self.hanbit)
    #expect(Set(company.map(\.counterpart.id)) == [Self.hwang, Self.joo])
    #expect(company.allSatisfy { $0.representing?.id == Self.mss })
    #expect(
      try store.meetings(of: Self.hanbit, filter: MeetingFilter(asOrganisations: true)).map(
        \.counterpart.id)
        == [Self.mss])
    // The card counts the meeting once for the body, whoever went.
    #expect(try store.card(Self.mss).meetingsHeld == 1)
    #expect(try store.card(Self.hanbit).meetingsHeld == 1)
  }

  @Test("the meeting is an edge between every pair of participants")
  func edges() throws {
    let store = try Self.oneOnOne()
    let hops = try #require(
      try store.path(from: Self.hwang, to: Self.velasquez, relations: [.meeting]))
    #expect(hops.count == 1)
    #expect(hops.first?.label == "2025-05-03")
    #expect(hops.first?.explanation == "Hwang Do-yeon met Maria Velasquez on 2025-05-03")
    let neighbors = try store.neighbors(of: Self.hwang, relations: [.meeting])
    #expect(Set(neighbors.map(\.entity.id)) == [Self.mss, Self.velasquez, Self.hanbit])
  }

  /// A participant can represent a body that is not itself a participant:
  /// GraphWriter falls back to the person's first stated title
  /// (`stated.first { participants.contains($0.org) } ?? stated.first`).
  /// The meeting is written here the way GraphWriter writes it in that case,
  /// in place of the derived one.
  @Test("a counterpart's body is shown even when the body is not a participant")
  func bodyNotParticipant() throws {
    let store = try Self.oneOnOne()
    try store.database.write { db in
      try db.execute(
        sql: """
          DELETE FROM participant;
          DELETE FROM meeting;
          INSERT INTO meeting (id, release, sentence, date, low, high, place, status, evidence)
          SELECT 'extra/1', id, 1, '2025-05-03', '2025-05-03', '2025-05-03', NULL, 'held',
            'They discussed robot exports.' FROM release;
          INSERT INTO participant (meeting, entity, role, represents) VALUES
            ('extra/1', '\(Self.hwang)', 'Vice Minister', '\(Self.mss)'),
            ('extra/1', '\(Self.velasquez)', 'CEO', '\(Self.hanbit)');
          """)
    }
    let rows = try store.meetings(of: Self.hwang).filter { $0.meeting == "extra/1" }
    #expect(rows.map(\.counterpart.id) == [Self.velasquez])
    let organisations = try store.meetings(
      of: Self.hwang, filter: MeetingFilter(asOrganisations: true)
    )
    .filter { $0.meeting == "extra/1" }
    #expect(rows.first?.representing?.id == Self.hanbit)
    #expect(organisations.map(\.counterpart.id) == [Self.hanbit])
  }
}
