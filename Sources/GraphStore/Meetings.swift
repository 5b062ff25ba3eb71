import EntityGraph
import GRDB
import PressReleases

/// Which meetings `pressgraph met` shows.
public struct MeetingFilter: Hashable, Sendable {
  /// Only meetings with this counterpart (an entity id), met directly or
  /// through the people representing it.
  public var with: String?
  /// Only meetings that may fall on or after this ISO date.
  public var since: String?
  /// Only meetings that may fall on or before this ISO date.
  public var until: String?
  /// Only counterparts of this type, or people representing a body of this
  /// type ("which companies met the ministry?").
  public var type: EntityType?
  /// Include meetings that are only planned.
  public var includePlanned: Bool
  /// Show the organisations people represent instead of the people.
  public var asOrganisations: Bool

  /// Creates a filter; the default shows every held meeting.
  public init(
    with: String? = nil, since: String? = nil, until: String? = nil, type: EntityType? = nil,
    includePlanned: Bool = false, asOrganisations: Bool = false
  ) {
    self.with = with
    self.since = since
    self.until = until
    self.type = type
    self.includePlanned = includePlanned
    self.asOrganisations = asOrganisations
  }
}

/// A page of an entity's meetings, newest first
/// (``GraphStore/meetingPage(of:filter:limit:offset:)``).
public struct MeetingPage: Hashable, Sendable, Codable {
  /// The rows of the page's meetings, newest meeting first.
  public var rows: [MeetingRow]
  /// Meetings matching the filter, on every page.
  public var total: Int
  /// Meetings skipped before this page.
  public var offset: Int
  /// The most meetings a page holds.
  public var limit: Int
  /// Meetings on this page.
  public var meetings: Int

  /// Creates a page.
  public init(rows: [MeetingRow], total: Int, offset: Int, limit: Int, meetings: Int) {
    self.rows = rows
    self.total = total
    self.offset = offset
    self.limit = limit
    self.meetings = meetings
  }

  /// True when meetings follow this page.
  public var hasMore: Bool { offset + meetings < total }
}

/// One counterpart at one meeting: a line of `pressgraph met`.
public struct MeetingRow: Hashable, Sendable, Codable {
  /// The meeting's id (`<release id>/<n>`).
  public var meeting: String
  /// Who (or which body) was met.
  public var counterpart: EntityBrief
  /// The body the counterpart represented, when a person.
  public var representing: EntityBrief?
  /// The counterpart's title, when stated.
  public var role: String?
  /// The date as the text gives it (possibly partial), when stated.
  public var date: PartialDate?
  /// The end of a date range.
  public var endDate: PartialDate?
  /// The venue, when stated.
  public var place: String?
  /// Held, or only planned.
  public var status: MeetingStatus
  /// The sentence that reports the meeting.
  public var evidence: String
  /// Its index in the release.
  public var sentence: Int
  /// The release.
  public var release: ReleaseBrief
  /// The queried entity's own side, as it took part (itself, or its people).
  public var side: [EntityBrief]
}

extension GraphStore {
  /// Who met `entity` (an id): one row per counterpart per meeting, oldest
  /// first.
  ///
  /// A counterpart is a participant that is not on the entity's side: for a
  /// person, neither the person, nor the body they represented, nor that
  /// body's other people; for an organisation, neither the body nor its
  /// people. A person's body is shown beside them, not on a row of its own.
  public func meetings(of entity: String, filter: MeetingFilter = MeetingFilter())
    throws(GraphStoreError) -> [MeetingRow]
  {
    try read { db in
      try Self.rows(
        db, of: entity, filter: filter,
        meetings: try Self.meetingRows(
          db, of: entity, filter: filter, newestFirst: false, limit: nil, offset: 0))
    }
  }

  /// One page of the meetings of `entity`, newest first, and how many
  /// meetings there are in all: the hub query (`pressgraph met MOTIR`),
  /// which reads only the page's meetings however many the entity has.
  ///
  /// The page counts meetings, not rows: a meeting with three counterparts
  /// gives three rows. Every meeting counted gives at least one row under
  /// `filter`.
  public func meetingPage(
    of entity: String, filter: MeetingFilter = MeetingFilter(), limit: Int = 50, offset: Int = 0
  ) throws(GraphStoreError) -> MeetingPage {
    try read { db in
      let total: Int
      let page: [String]
      if filter.with == nil, filter.type == nil {
        // The entity's range of `entity_meeting`, newest first: the total
        // and the page without reading a meeting.
        let window = """
          FROM entity_meeting WHERE entity = :e AND gives
            AND (:planned OR status = 'held')
            AND (:since IS NULL OR high >= :since)
            AND (:until IS NULL OR (low_key != '' AND low_key <= :until))
          """
        let arguments = Self.arguments(entity, filter)
        total = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(window)", arguments: arguments) ?? 0
        page = try String.fetchAll(
          db,
          sql: """
            SELECT meeting \(window) ORDER BY low_key DESC, meeting DESC
            LIMIT :limit OFFSET :offset
            """, arguments: arguments + ["limit": max(0, limit), "offset": max(0, offset)])
      } else {
        // One pass finds every meeting that gives rows, newest first (its
        // count is the total); only the page's meetings are then read whole.
        let ids = try String.fetchAll(
          db, sql: Self.meetingSQL(count: false, idsOnly: true, newestFirst: true, paged: false),
          arguments: Self.arguments(entity, filter))
        total = ids.count
        let start = min(max(0, offset), total)
        page = Array(ids[start..<min(total, start + max(0, limit))])
      }
      let meetings = try Row.fetchAll(
        db,
        sql: """
          SELECT m.*, coalesce(m.evidence, \(Schema.sentenceText)) AS evidence_text,
            \(ReleaseBrief.columns)
          FROM meeting m JOIN release r ON r.id = m.release
          LEFT JOIN sentence s ON s.release = m.release AND s.idx = m.sentence
          WHERE m.id IN (SELECT value FROM json_each(?))
          ORDER BY m.low DESC, m.id DESC
          """, arguments: [jsonArray(page)])
      return MeetingPage(
        rows: try Self.rows(db, of: entity, filter: filter, meetings: meetings), total: total,
        offset: max(0, offset), limit: max(0, limit), meetings: meetings.count)
    }
  }

  /// The meetings of `entity` that give at least one row under `filter`.
  ///
  /// A meeting gives a row when one of its participants is not on the
  /// entity's side (neither the entity, nor the body it represented there,
  /// nor someone representing either), and that participant (or, with
  /// ``MeetingFilter/asOrganisations``, the body it represents) passes
  /// ``MeetingFilter/with`` and ``MeetingFilter/type``. This mirrors, in
  /// SQL, what ``rows(_:of:filter:meetings:)`` keeps, so that pages and
  /// totals are counted before any row is built.
  ///
  /// With `prefilter` false, every meeting of the entity in the date window
  /// is listed (the tests' reference).
  ///
  /// With `idsOnly`, only the meetings' ids are selected (in order).
  static func meetingSQL(
    count: Bool, idsOnly: Bool = false, newestFirst: Bool, paged: Bool, prefilter: Bool = true
  ) -> String {
    let order = newestFirst ? "m.low DESC, m.id DESC" : "m.low, m.id"
    let bare = count || idsOnly
    return """
      SELECT \(count ? "COUNT(*)" : idsOnly ? "m.id" : "m.*, coalesce(m.evidence, \(Schema.sentenceText)) AS evidence_text, \(ReleaseBrief.columns)")
      FROM meeting m \(bare ? "" : """
        JOIN release r ON r.id = m.release
        LEFT JOIN sentence s ON s.release = m.release AND s.idx = m.sentence
        """)
      WHERE m.id IN (
          SELECT meeting FROM participant WHERE entity = :e
          UNION SELECT meeting FROM participant WHERE represents = :e)
        AND (:planned OR m.status = 'held')
        AND (:since IS NULL OR m.high >= :since)
        AND (:until IS NULL OR m.low <= :until)
        AND (NOT \(prefilter ? 1 : 0) OR EXISTS (
          SELECT 1 FROM participant p
          JOIN entity pe ON pe.id = p.entity
          LEFT JOIN entity re ON re.id = p.represents
          WHERE p.meeting = m.id
            AND p.entity != :e
            AND p.entity IS NOT (
              SELECT o.represents FROM participant o WHERE o.meeting = m.id AND o.entity = :e)
            AND (p.represents IS NULL OR (p.represents != :e AND p.represents IS NOT (
              SELECT o.represents FROM participant o WHERE o.meeting = m.id AND o.entity = :e)))
            AND (:with IS NULL OR (CASE WHEN :orgs THEN coalesce(re.id, pe.id) = :with
                 ELSE (p.entity = :with OR p.represents = :with) END))
            AND (:type IS NULL OR (CASE WHEN :orgs THEN coalesce(re.type, pe.type) = :type
                 ELSE (pe.type = :type OR re.type = :type) END))))
      \(count ? "" : "ORDER BY \(order)") \(paged ? "LIMIT :limit OFFSET :offset" : "")
      """
  }

  static func arguments(_ entity: String, _ filter: MeetingFilter) -> StatementArguments {
    [
      "e": entity, "planned": filter.includePlanned, "since": filter.since,
      "until": filter.until, "with": filter.with, "type": filter.type?.rawValue,
      "orgs": filter.asOrganisations,
    ]
  }

  static func meetingRows(
    _ db: Database, of entity: String, filter: MeetingFilter, newestFirst: Bool, limit: Int?,
    offset: Int, prefilter: Bool = true
  ) throws -> [Row] {
    var arguments = Self.arguments(entity, filter)
    if let limit {
      arguments += ["limit": limit, "offset": offset]
    }
    return try Row.fetchAll(
      db,
      sql: meetingSQL(
        count: false, newestFirst: newestFirst, paged: limit != nil, prefilter: prefilter),
      arguments: arguments)
  }

  /// The rows `meetings` give for `entity`, in their order.
  static func rows(_ db: Database, of entity: String, filter: MeetingFilter, meetings: [Row])
    throws -> [MeetingRow]
  {
    guard !meetings.isEmpty else { return [] }
    var participants: [String: [Participant]] = [:]
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT p.meeting, p.role, p.represents, e.id, e.name, e.type
        FROM participant p JOIN entity e ON e.id = p.entity
        WHERE p.meeting IN (SELECT value FROM json_each(?))
        ORDER BY p.meeting, e.name, e.id
        """, arguments: [jsonArray(meetings.map { (try $0.get("id") as String) })])
    var briefs: [String: EntityBrief] = [:]
    for row in rows {
      let brief = try Self.brief(row)
      briefs[brief.id] = brief
      participants[(try row.get("meeting")), default: []].append(
        Participant(
          entity: brief, role: (try row.get("role")), represents: (try row.get("represents"))))
    }
    // Bodies people represented without taking part themselves.
    let missing = Set(participants.values.joined().compactMap(\.represents)).subtracting(
      briefs.keys)
    for id in missing.sorted() {
      if let brief = try Self.brief(db, id: id) { briefs[id] = brief }
    }
    var result: [MeetingRow] = []
    for meeting in meetings {
      let id: String = (try meeting.get("id"))
      let all = participants[id] ?? []
      let ownSide = Self.side(of: entity, among: all)
      let others = all.filter {
        !ownSide.contains($0.entity.id) && !($0.represents.map(ownSide.contains) ?? false)
      }
      // (counterpart, representing, role) per row.
      var lines: [(EntityBrief, EntityBrief?, String?)] = []
      if filter.asOrganisations {
        var seen: Set<String> = []
        for other in others {
          let lifted = other.represents.flatMap { briefs[$0] } ?? other.entity
          if !ownSide.contains(lifted.id), seen.insert(lifted.id).inserted {
            lines.append((lifted, nil, nil))
          }
        }
      } else {
        let represented = Set(others.compactMap(\.represents))
        for other in others where !represented.contains(other.entity.id) {
          lines.append((other.entity, other.represents.flatMap { briefs[$0] }, other.role))
        }
      }
      let side = all.filter { ownSide.contains($0.entity.id) }.map(\.entity)
      for (counterpart, representing, role) in lines {
        if let with = filter.with, counterpart.id != with, representing?.id != with { continue }
        if let type = filter.type, counterpart.type != type, representing?.type != type {
          continue
        }
        result.append(
          MeetingRow(
            meeting: id, counterpart: counterpart, representing: representing, role: role,
            date: (try meeting.get("date")), endDate: (try meeting.get("end_date")),
            place: (try meeting.get("place")),
            status: (try meeting.get("status")), evidence: (try meeting.get("evidence_text")),
            sentence: (try meeting.get("sentence")), release: try ReleaseBrief(meeting),
            side: side))
      }
    }
    return result
  }

  struct Participant {
    var entity: EntityBrief
    var role: String?
    var represents: String?
  }

  /// The ids on `entity`'s side of a meeting: the entity, the body it
  /// represents, and the people representing either.
  static func side(of entity: String, among participants: [Participant]) -> Set<String> {
    var side: Set<String> = [entity]
    if let own = participants.first(where: { $0.entity.id == entity })?.represents {
      side.insert(own)
    }
    for participant in participants {
      if let body = participant.represents, side.contains(body) {
        side.insert(participant.entity.id)
      }
    }
    return side
  }
}

extension MeetingFilter {
  /// The first (or, with `upper`, the last) ISO day of a date the user
  /// typed: `2025`, `2025-11` or `2025-11-13`. Nil when it is not a date.
  public static func bound(_ text: String, upper: Bool) -> String? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count),
      parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
      parts[0].count == 4, let year = Int(parts[0])
    else { return nil }
    let month = parts.count > 1 ? Int(parts[1]) : (upper ? 12 : 1)
    guard let month, (1...12).contains(month) else { return nil }
    let last = PartialDate.daysIn(month: month, year: year)
    let day = parts.count > 2 ? Int(parts[2]) : (upper ? last : 1)
    guard let day, (1...last).contains(day) else { return nil }
    return PartialDate(year: year, month: month, day: day).description
  }
}
