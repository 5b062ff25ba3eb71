import EntityGraph
import Foundation
import GRDB
import PressReleases
import Testing

@testable import GraphStore

@Suite("Meetings on the seeds")
struct SeedMeetingTests {
  @Test("Park Jung-sung met Tran Quoc Phuong at Lotte Hotel Seoul on 2025-11-13")
  func parkMeetsTran() throws {
    let store = try seededStore()
    let park = try store.lookup("Park Jung-sung")
    let rows = try store.meetings(of: park.id)
    #expect(rows.count == 1)
    let row = try #require(rows.first { $0.counterpart.name == "Tran Quoc Phuong" })
    #expect(row.counterpart.id == "person:tran-quoc-phuong")
    #expect(row.counterpart.type == .person)
    #expect(row.representing?.id == "ministry:vn-mof")
    #expect(row.role == "Vice Minister of Finance")
    #expect(row.date == PartialDate(iso: "2025-11-13"))
    #expect(row.endDate == nil)
    #expect(row.place == "Lotte Hotel Seoul")
    #expect(row.status == .held)
    #expect(row.evidence.contains("met with Tran Quoc Phuong"))
    #expect(row.release.date == "2025-11-14")
    #expect(row.release.source == "seeds/001_eb9092cc9fc49135.txt")
    #expect(row.meeting.hasPrefix(row.release.id + "/"))
    #expect(row.side.map(\.id).contains(park.id))
    #expect(row.side.map(\.id).contains("ministry:kr-motir"))
    #expect(!row.side.map(\.id).contains("person:tran-quoc-phuong"))
    // Neither Park's own ministry nor the body Tran represents is a row of its own.
    #expect(!rows.contains { $0.counterpart.id == "ministry:kr-motir" })
    #expect(!rows.contains { $0.counterpart.id == "ministry:vn-mof" })
  }

  @Test("'with' keeps meetings with the counterpart or the body it represents")
  func withFilter() throws {
    let store = try seededStore()
    let park = "person:park-jung-sung"
    #expect(
      try store.meetings(of: park, filter: MeetingFilter(with: "person:tran-quoc-phuong")).count
        == 1)
    #expect(try store.meetings(of: park, filter: MeetingFilter(with: "ministry:vn-mof")).count == 1)
    #expect(try store.meetings(of: park, filter: MeetingFilter(with: "company:silicon2")).isEmpty)
    #expect(try store.meetings(of: park, filter: MeetingFilter(type: .person)).count == 1)
    #expect(try store.meetings(of: park, filter: MeetingFilter(type: .ministry)).count == 1)
    #expect(try store.meetings(of: park, filter: MeetingFilter(type: .company)).isEmpty)
  }

  @Test("MOTIR as organisations: the bodies it met, never itself")
  func motirAsOrganisations() throws {
    let store = try seededStore()
    let motir = try store.lookup("MOTIR").id
    let rows = try store.meetings(of: motir, filter: MeetingFilter(asOrganisations: true))
    let met = Set(rows.map(\.counterpart.id))
    #expect(
      met.isSuperset(of: [
        "ministry:vn-mof", "ministry:kr-msit", "ministry:kr-mohw", "ministry:kr-mfds",
        "company:silicon2",
      ]))
    #expect(!met.contains(motir))
    #expect(rows.allSatisfy { $0.status == .held })
    #expect(rows.allSatisfy { $0.representing == nil && $0.role == nil })
    #expect(rows.allSatisfy { $0.counterpart.type != .person })
    // One row per body per meeting.
    let pairs = rows.map { "\($0.meeting) \($0.counterpart.id)" }
    #expect(Set(pairs).count == pairs.count)
    // Oldest first.
    let dates = rows.compactMap(\.date)
    #expect(dates == dates.sorted())
    // The planned FTA committee meeting with the USTR only with includePlanned.
    #expect(!met.contains("agency:us-ustr"))
    let planned = try store.meetings(
      of: motir, filter: MeetingFilter(includePlanned: true, asOrganisations: true))
    let ustr = try #require(planned.first { $0.counterpart.id == "agency:us-ustr" })
    #expect(ustr.status == .planned)
    #expect(ustr.date == PartialDate(iso: "2025-12"))
    #expect(planned.count == rows.count + 1)
  }

  @Test("MOTIR as people: counterparts are shown with the body they represent")
  func motirAsPeople() throws {
    let store = try seededStore()
    let rows = try store.meetings(of: "ministry:kr-motir")
    let tran = try #require(rows.first { $0.counterpart.id == "person:tran-quoc-phuong" })
    #expect(tran.representing?.id == "ministry:vn-mof")
    // A body whose person is listed is not listed again on its own row.
    #expect(!rows.contains { $0.meeting == tran.meeting && $0.counterpart.id == "ministry:vn-mof" })
    // MOTIR's own people are its side, not counterparts.
    for own in ["person:park-jung-sung", "person:kim-jung-kwan", "person:yeo-han-koo"] {
      #expect(!rows.contains { $0.counterpart.id == own })
    }
    #expect(!rows.contains { $0.representing?.id == "ministry:kr-motir" })
  }

  /// Each row: since, until, and the bodies MOTIR met in that window.
  static let windows: [(String?, String?, Set<String>)] = [
    (
      "2025-11-13", nil,
      ["ministry:vn-mof", "company:s-oil", "company:onsemi-korea"]
    ),
    ("2025-08-01", "2025-08-31", ["ministry:vn-mof"]),
    (
      nil, "2025-11-05",
      ["ministry:vn-mof", "ministry:kr-msit", "ministry:kr-mohw", "ministry:kr-mfds"]
    ),
    // A range (November 6 to 8) is kept when it overlaps the window.
    (
      "2025-11-07", "2025-11-07",
      ["agency:kr-kotra", "agency:consulate-general-of-the-republic-of-korea-in-new-york"]
    ),
    ("2025-11-20", nil, []),
    (nil, "2025-07-31", []),
  ]

  @Test("since and until keep meetings that may fall in the window", arguments: windows)
  func window(since: String?, until: String?, expected: Set<String>) throws {
    let store = try seededStore()
    let rows = try store.meetings(
      of: "ministry:kr-motir",
      filter: MeetingFilter(since: since, until: until, asOrganisations: true))
    #expect(Set(rows.map(\.counterpart.id)) == expected)
  }

  @Test("an entity without meetings, or unknown, has no rows")
  func noMeetings() throws {
    let store = try seededStore()
    #expect(try store.meetings(of: "person:cho-tae-yul").isEmpty)
    #expect(try store.meetings(of: "person:nobody").isEmpty)
  }
}

@Suite("Cards")
struct CardTests {
  @Test("JK Kim is Kim Jung-kwan, Minister at MOTIR from 2025-11-06 to 2025-11-19")
  func kimJungKwan() throws {
    let store = try seededStore()
    let brief = try store.lookup("JK Kim")
    #expect(brief.id == "person:kim-jung-kwan")
    #expect(brief.type == .person)
    let card = try store.card(brief.id)
    #expect(card.entity == brief)
    #expect(card.entity.name == "Kim Jung-kwan")
    #expect(card.firstSeen == "2025-11-06")
    #expect(card.lastSeen == "2025-11-19")
    #expect(card.aliases.contains("JK Kim"))
    #expect(card.aliases == card.aliases.sorted())
    let minister = try #require(card.affiliations.first { $0.title == "Minister" })
    #expect(minister.org.id == "ministry:kr-motir")
    #expect(minister.org.type == .ministry)
    #expect(minister.person == brief)
    #expect(minister.firstSeen == "2025-11-06")
    #expect(minister.lastSeen == "2025-11-19")
    #expect(minister.releases == 10)
    #expect(card.releases.count == 10)
    let dates = card.releases.compactMap(\.date)
    #expect(dates == dates.sorted())
    #expect(card.meetingsHeld == 2)
    #expect(card.meetingsPlanned == 0)
    #expect(card.members.isEmpty)
  }

  @Test("a body's card lists its people, its parent and its children")
  func bodies() throws {
    let store = try seededStore()
    let motir = try store.card("ministry:kr-motir")
    let members = Set(motir.members.map { "\($0.person.name): \($0.title ?? "")" })
    #expect(members.contains("Park Jung-sung: Deputy Minister for Trade"))
    #expect(members.contains("Kim Jung-kwan: Minister"))
    #expect(members.contains("Yeo Han-koo: Trade Minister"))
    #expect(motir.affiliations.isEmpty)
    #expect(motir.children.map(\.id) == ["agency:kr-kats"])
    #expect(motir.aliases.contains("MOTIR"))
    #expect(motir.country == "KR")
    // Meetings held by the body itself or by its people.
    #expect(motir.meetingsPlanned == 1)
    #expect(motir.meetingsHeld == 7)

    let kats = try store.card("agency:kr-kats")
    #expect(kats.parents.map(\.id) == ["ministry:kr-motir"])
    #expect(kats.children.isEmpty)
  }

  @Test("an undated release gives no first or last date")
  func undated() throws {
    let store = try seededStore()
    let card = try store.card("person:kim-sun-young")
    #expect(card.releases.count == 1)
    #expect(card.releases.first?.date == nil)
    #expect(card.firstSeen == nil)
    #expect(card.lastSeen == nil)
  }

  @Test("the card of an unknown id is not found")
  func unknown() throws {
    let store = try seededStore()
    let failure = error { () throws(GraphStoreError) in try store.card("person:nobody") }
    #expect(failure == .notFound(query: "person:nobody", suggestions: []))
  }
}

@Suite("Paths and neighbours")
struct TraversalTests {
  @Test("Yeo Han-koo is connected to Oh Yu-kyoung, each step with evidence")
  func yeoToOh() throws {
    let store = try seededStore()
    let yeo = try store.lookup("Yeo Han-koo").id
    let oh = try store.lookup("Oh Yu-kyoung").id
    let hops = try #require(try store.path(from: yeo, to: oh))
    #expect(!hops.isEmpty)
    #expect(hops.count <= 4)
    #expect(hops.first?.from.id == yeo)
    #expect(hops.last?.to.id == oh)
    for (a, b) in zip(hops, hops.dropFirst()) {
      #expect(a.to == b.from)
    }
    for hop in hops {
      #expect(hop.evidence?.isEmpty == false)
      #expect(hop.release != nil)
      #expect(hop.count >= 1)
      #expect(!hop.explanation.isEmpty)
    }
    // The first step is Yeo's title at MOTIR.
    let first = try #require(hops.first)
    #expect(first.relation == .affiliation)
    #expect(first.forward)
    #expect(first.to.id == "ministry:kr-motir")
    #expect(
      first.explanation
        == "Yeo Han-koo is Trade Minister at Ministry of Trade, Industry and Resources")
    // The same path, backwards.
    let back = try #require(try store.path(from: oh, to: yeo))
    #expect(back.count == hops.count)
  }

  @Test("paths: to itself, too far, restricted relations, unknown ids")
  func pathLimits() throws {
    let store = try seededStore()
    let yeo = "person:yeo-han-koo"
    let oh = "person:oh-yu-kyoung"
    #expect(try store.path(from: yeo, to: yeo) == [])
    let hops = try #require(try store.path(from: yeo, to: oh))
    #expect(try store.path(from: yeo, to: oh, maxHops: hops.count - 1) == nil)
    #expect(try store.path(from: yeo, to: oh, maxHops: hops.count) == hops)
    #expect(try store.path(from: yeo, to: oh, relations: [.parent]) == nil)
    #expect(try store.path(from: yeo, to: "person:nobody") == nil)
    let direct = try #require(
      try store.path(from: "agency:kr-kats", to: "ministry:kr-motir", relations: [.parent]))
    #expect(direct.count == 1)
    #expect(direct.first?.relation == .parent)
    #expect(direct.first?.forward == true)
    #expect(
      direct.first?.explanation
        == "Korean Agency for Technology and Standards is under Ministry of Trade, Industry and Resources"
    )
  }

  @Test("a path of at most zero hops between two entities does not exist")
  func zeroHops() throws {
    let store = try seededStore()
    let hops = try store.path(from: "person:park-jung-sung", to: "ministry:kr-motir", maxHops: 0)
    let neighbors = try store.neighbors(of: "person:park-jung-sung", depth: 0)
    #expect(hops == nil)
    #expect(neighbors.isEmpty)
  }

  @Test("a neighbourhood stops at its result limit, and says so; the list is a prefix")
  func neighbourhoodLimit() throws {
    let store = try seededStore()
    let park = "person:park-jung-sung"
    let all = try store.neighborhood(of: park, depth: 2)
    #expect(!all.truncated)
    #expect(all.hubs.isEmpty)
    for limit in [1, 3, all.neighbors.count - 1] {
      let cut = try store.neighborhood(
        of: park, depth: 2, limits: TraversalLimits(maxResults: limit))
      #expect(cut.truncated)
      #expect(cut.neighbors == Array(all.neighbors.prefix(limit)))
    }
    let exact = try store.neighborhood(
      of: park, depth: 2, limits: TraversalLimits(maxResults: all.neighbors.count))
    #expect(!exact.truncated)
  }

  @Test("entities with more links than the degree limit are listed, not walked through")
  func neighbourhoodHubs() throws {
    let store = try seededStore()
    let park = "person:park-jung-sung"
    let all = try store.neighborhood(of: park, depth: 2)
    let limited = try store.neighborhood(
      of: park, depth: 2, limits: TraversalLimits(maxDegree: 2))
    // The first step is the same: the start is always walked from.
    #expect(limited.neighbors.filter { $0.depth == 1 } == all.neighbors.filter { $0.depth == 1 })
    let hubs = Set(limited.hubs.map(\.entity.id))
    #expect(hubs.contains("ministry:kr-motir"))
    #expect(limited.hubs.allSatisfy { $0.links > 2 })
    for neighbor in limited.neighbors where neighbor.depth == 2 {
      #expect(!hubs.contains(neighbor.hop.from.id))
    }
    #expect(limited.neighbors.count < all.neighbors.count)
  }

  @Test("a path search stops at its visit limit and says so")
  func pathVisitLimit() throws {
    let store = try seededStore()
    let yeo = try store.lookup("Yeo Han-koo").id
    let oh = try store.lookup("Oh Yu-kyoung").id
    let found = try store.connection(from: yeo, to: oh)
    #expect(found.hops != nil)
    #expect(!found.stoppedAtLimit)
    let stopped = try store.connection(from: yeo, to: oh, limits: TraversalLimits(maxVisited: 2))
    #expect(stopped.hops == nil)
    #expect(stopped.stoppedAtLimit)
    #expect(stopped.visited >= 2)
    // No path at all within the hops: the search did not stop early.
    let none = try store.connection(from: yeo, to: "person:nobody", maxHops: 2)
    #expect(none.hops == nil)
    #expect(!none.stoppedAtLimit)
  }

  @Test("neighbours at depth 1, then 2")
  func neighbors() throws {
    let store = try seededStore()
    let park = "person:park-jung-sung"
    let one = try store.neighbors(of: park)
    #expect(
      Set(one.map(\.entity.id)) == [
        "ministry:kr-motir", "ministry:vn-mof", "person:tran-quoc-phuong",
      ])
    #expect(one.allSatisfy { $0.depth == 1 && $0.hop.from.id == park && $0.hop.to == $0.entity })
    let motir = try #require(one.first { $0.entity.id == "ministry:kr-motir" })
    #expect(motir.hop.relation == .affiliation)
    #expect(motir.hop.label == "Deputy Minister for Trade")

    let two = try store.neighbors(of: park, depth: 2)
    let ids = two.map(\.entity.id)
    #expect(Set(ids).count == ids.count)
    #expect(!ids.contains(park))
    #expect(Array(two.prefix(one.count)) == one)
    #expect(two.dropFirst(one.count).allSatisfy { $0.depth == 2 })
    #expect(ids.contains("person:kim-jung-kwan"))
    #expect(ids.contains("company:silicon2"))
    #expect(two.count > one.count)
    for neighbor in two where neighbor.depth == 2 {
      #expect(ids.prefix(one.count).contains(neighbor.hop.from.id))
    }

    let affiliations = try store.neighbors(of: park, depth: 2, relations: [.affiliation])
    #expect(affiliations.allSatisfy { $0.hop.relation == .affiliation })
    #expect(affiliations.map(\.entity.id).contains("person:kim-jung-kwan"))
    #expect(!affiliations.map(\.entity.id).contains("person:tran-quoc-phuong"))
    #expect(try store.neighbors(of: "person:nobody").isEmpty)
  }
}

@Suite("Full-text search")
struct SearchTests {
  @Test("'tariff negotiations' finds the sentences and the title that say it")
  func tariffNegotiations() throws {
    let store = try seededStore()
    let hits = try store.search("tariff negotiations")
    #expect(hits.contains { $0.sentence != nil })
    #expect(hits.contains { $0.sentence == nil })
    for hit in hits {
      #expect(hit.text.lowercased().contains("tariff"))
      #expect(hit.text.lowercased().contains("negotiations"))
      #expect(hit.snippet.contains("«"))
      #expect(hit.release.source == "seeds/001_eb9092cc9fc49135.txt")
    }
    let sentence = try #require(hits.first { $0.sentence != nil })
    #expect(sentence.snippet.lowercased().contains("«tariff» «negotiations»"))
  }

  @Test("a trailing * matches a prefix; a bare prefix does not")
  func prefix() throws {
    let store = try seededStore()
    #expect(try store.search("semicond").isEmpty)
    let hits = try store.search("semicond*")
    #expect(!hits.isEmpty)
    #expect(hits.allSatisfy { $0.text.lowercased().contains("semicond") })
  }

  @Test("a quoted phrase must appear as a phrase")
  func phrase() throws {
    let store = try seededStore()
    let phrase = try store.search("\"Lotte Hotel Seoul\"")
    #expect(!phrase.isEmpty)
    #expect(phrase.allSatisfy { $0.text.contains("Lotte Hotel Seoul") })
    #expect(try store.search("\"Seoul Hotel Lotte\"").isEmpty)
  }

  @Test("the limit caps the hits")
  func limit() throws {
    let store = try seededStore()
    #expect(try store.search("MOTIR").count == 20)
    #expect(try store.search("MOTIR", limit: 3).count == 3)
    #expect(try store.search("MOTIR", limit: 0).isEmpty)
  }

  static let syntax = [
    "\"tariff", "tariff\"", "(tariff", "tariff)", "tariff*", "*", "**tariff",
    "NEAR(tariff negotiations)",
    "NEAR", "-tariff", "tariff -negotiations", "tariff:", "title:tariff", "text:tariff", "\"\"",
    "AND OR NOT", "tariff AND", "^tariff", "{tariff}", "'", "", "   ", "tariff + negotiations",
    "a\"b\"c\"", "“tariff”", "tariff\0negotiations", "%_", "🇰🇷",
  ]

  @Test("text with FTS5 syntax never throws", arguments: syntax)
  func ftsSyntax(text: String) throws {
    let store = try seededStore()
    _ = try store.search(text)
  }

  @Test("FTS5 operators are words: NEAR, AND and column filters are searched for literally")
  func operatorsAreWords() throws {
    let store = try seededStore()
    #expect(try store.search("NEAR(tariff negotiations)").isEmpty)
    let and = try store.search("tariff AND negotiations")
    #expect(!and.isEmpty)
    #expect(and.allSatisfy { $0.text.lowercased().contains(" and ") })
    #expect(try store.search("tariff:negotiations") == store.search("tariff negotiations"))
    #expect(try store.search("-tariff") == store.search("tariff"))
  }

  @Test("search with a zero or negative limit returns nothing")
  func negativeLimit() throws {
    let store = try seededStore()
    #expect(try store.search("tariff", limit: -1).isEmpty)
    #expect(try store.search("tariff", limit: 0).isEmpty)
    #expect(try store.search("tariff", limit: 1).count == 1)
  }
}

@Suite("Meeting filter dates")
struct MeetingFilterTests {
  /// Each row: what the user typed, whether it is an upper bound, the ISO day.
  static let bounds: [(String, Bool, String?)] = [
    ("2025", false, "2025-01-01"),
    ("2025", true, "2025-12-31"),
    ("2025-02", false, "2025-02-01"),
    ("2025-02", true, "2025-02-28"),
    ("2024-02", true, "2024-02-29"),
    ("2025-11", true, "2025-11-30"),
    ("2025-11-13", false, "2025-11-13"),
    ("2025-11-13", true, "2025-11-13"),
    ("2025-1-5", false, "2025-01-05"),
    ("2025-13", false, nil),
    ("2025-00", true, nil),
    ("2025-02-29", false, nil),
    ("2025-11-31", true, nil),
    ("2025-11-00", true, nil),
    ("25", false, nil),
    ("20251", false, nil),
    ("2025-", false, nil),
    ("-2025", false, nil),
    ("2025-11-13-1", false, nil),
    ("2025/11/13", false, nil),
    ("November", false, nil),
    ("", true, nil),
    ("２０２５", false, nil),
  ]

  @Test("bound turns a typed date into the first or last day", arguments: bounds)
  func bound(text: String, upper: Bool, expected: String?) {
    #expect(MeetingFilter.bound(text, upper: upper) == expected)
  }

  @Test("a four-digit year before 1000 keeps its four digits")
  func earlyYear() {
    #expect(MeetingFilter.bound("0999", upper: false) == "0999-01-01")
  }

  @Test("the default filter shows every held meeting, people not bodies")
  func defaults() {
    let filter = MeetingFilter()
    #expect(filter.with == nil && filter.since == nil && filter.until == nil && filter.type == nil)
    #expect(!filter.includePlanned)
    #expect(!filter.asOrganisations)
  }
}

@Suite("Explanations and messages")
struct ExplanationTests {
  static let a = EntityBrief(id: "person:a", name: "Ana Quill", type: .person)
  static let b = EntityBrief(id: "company:b", name: "Brindle Works", type: .company)

  static func hop(_ relation: Relation, forward: Bool = true, label: String? = nil, count: Int = 1)
    -> Hop
  {
    Hop(
      from: a, to: b, relation: relation, forward: forward, label: label, evidence: nil,
      release: nil, count: count)
  }

  /// Each row: a hop and how it reads.
  static let explanations: [(Hop, String)] = [
    (hop(.affiliation, label: "CEO"), "Ana Quill is CEO at Brindle Works"),
    (hop(.affiliation), "Ana Quill is affiliated with Brindle Works"),
    (hop(.affiliation, forward: false, label: "CEO"), "Brindle Works is CEO at Ana Quill"),
    (hop(.parent), "Ana Quill is under Brindle Works"),
    (hop(.parent, forward: false), "Brindle Works is under Ana Quill"),
    (hop(.predecessor), "Ana Quill was renamed Brindle Works"),
    (hop(.predecessor, forward: false), "Brindle Works was renamed Ana Quill"),
    (hop(.meeting, label: "2025-05-03"), "Ana Quill met Brindle Works on 2025-05-03"),
    (hop(.meeting, count: 3), "Ana Quill met Brindle Works (3 meetings)"),
  ]

  @Test("a hop in words", arguments: explanations)
  func explanation(hop: Hop, expected: String) {
    #expect(hop.explanation == expected)
  }

  /// Each row: an error and the start of its message.
  static let messages: [(GraphStoreError, String)] = [
    (
      .storeFailed(file: "x.txt", reason: "disk"),
      "x.txt: not stored (the store is as it was before this file): disk"
    ),
    (
      .rebuildFailed(reason: "disk"),
      "could not derive the graph (the previous graph is kept): disk"
    ),
    (.queryFailed(reason: "disk"), "the store could not answer: disk"),
    (.notFound(query: "Zed", suggestions: []), "no entity matches \"Zed\""),
    (
      .notFound(query: "Ana Quil", suggestions: [a]),
      "no entity matches \"Ana Quil\"; did you mean \"Ana Quill\"?"
    ),
    (
      .ambiguous(query: "A", candidates: [a, b]),
      "\"A\" matches 2 entities: Ana Quill (person:a); Brindle Works (company:b)"
    ),
    (.badCorrections(file: "f.json", reason: "bad"), "f.json: not a usable corrections file: bad"),
    (.invalidCorrection("no"), "invalid correction: no"),
  ]

  @Test("error messages name the file or the query", arguments: messages)
  func message(error: GraphStoreError, expected: String) {
    #expect(error.description == expected)
    #expect(error.stage == .store)
  }
}
