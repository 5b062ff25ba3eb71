import PressReleases

/// The JSON shape of `pressgraph extract --format json`: per release, the
/// entities it mentions, its affiliations, parent bodies and meetings.
///
/// ```json
/// {"releases": [{"id": "…", "source": "seeds/001_….txt", "title": "…", "date": "2025-11-19",
///   "entities": [{"id": "…", "name": "…", "type": "person", "aliases": ["…"]}],
///   "affiliations": [{"person": "…", "org": "…", "title": "…"}],
///   "parents": [{"child": "…", "parent": "…"}],
///   "meetings": [{"participants": ["…"], "date": "2025-11-13", "place": "…",
///                 "status": "held", "evidence": "…"}]}]}
/// ```
/// Meetings over several days also carry `"end"`; entities carry `"country"`
/// when known; the document ends with the corpus's `"successions"` and the
/// `"knownParents"` the gazetteer records (`{"child", "parent"}`, in each
/// release's era; parents stated in a release are in its `"parents"`).
public struct ExtractionDocument: Encodable, Sendable {
  struct EntityRow: Encodable {
    var id: String
    var name: String
    var type: EntityType
    var aliases: [String]
    var country: String?
  }
  struct ParentRow: Encodable {
    var child: String
    var parent: String
    var evidence: String
  }
  struct MeetingRow: Encodable {
    var participants: [String]
    var date: String?
    var end: String?
    var place: String?
    var status: MeetingStatus
    var evidence: String
    var sentence: Int

    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(participants, forKey: .participants)
      try c.encode(date, forKey: .date)  // null, not absent, when unknown
      try c.encodeIfPresent(end, forKey: .end)
      try c.encode(place, forKey: .place)
      try c.encode(status, forKey: .status)
      try c.encode(evidence, forKey: .evidence)
      try c.encode(sentence, forKey: .sentence)
    }
    enum CodingKeys: String, CodingKey {
      case participants, date, end, place, status, evidence, sentence
    }
  }
  struct ReleaseRow: Encodable {
    var id: String
    var source: String
    var title: String
    var date: String?
    var entities: [EntityRow]
    var affiliations: [Affiliation]
    var parents: [ParentRow]
    var meetings: [MeetingRow]

    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(id, forKey: .id)
      try c.encode(source, forKey: .source)
      try c.encode(title, forKey: .title)
      try c.encode(date, forKey: .date)
      try c.encode(entities, forKey: .entities)
      try c.encode(affiliations, forKey: .affiliations)
      try c.encode(parents, forKey: .parents)
      try c.encode(meetings, forKey: .meetings)
    }
    enum CodingKeys: String, CodingKey {
      case id, source, title, date, entities, affiliations, parents, meetings
    }
  }

  var releases: [ReleaseRow]
  var successions: [Succession]
  var knownParents: [KnownParent]

  /// The document for a graph.
  public init(_ graph: EntityGraph) {
    releases = graph.releases.map { release in
      ReleaseRow(
        id: release.release, source: release.source, title: release.title,
        date: release.date?.description,
        entities: release.entities.compactMap { id in
          graph.entity(id).map {
            EntityRow(
              id: $0.id, name: $0.name, type: $0.type, aliases: $0.aliases, country: $0.country)
          }
        },
        affiliations: release.affiliations,
        parents: release.parents.map {
          ParentRow(child: $0.child, parent: $0.parent, evidence: $0.evidence)
        },
        meetings: release.meetings.map {
          MeetingRow(
            participants: $0.participants, date: $0.date?.start.description,
            end: $0.date?.end?.description, place: $0.place, status: $0.status,
            evidence: $0.evidence,
            sentence: $0.sentence)
        })
    }
    successions = graph.successions
    knownParents = graph.knownParents
  }
}
