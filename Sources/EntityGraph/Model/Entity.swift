import PressReleases

/// The kinds of real-world things pressgraph tracks.
public enum EntityType: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
  /// Officials and other named people.
  case person
  /// Any government's ministries and departments.
  case ministry
  /// Government agencies, public institutes, diplomatic missions, local governments.
  case agency
  /// Companies, including public corporations that trade.
  case company
  /// Countries and territories.
  case country
  /// International bodies, associations, chambers, committees, working groups.
  case organization

  /// True for every type except people and countries.
  public var isOrganisation: Bool { self != .person && self != .country }

  public static func < (lhs: EntityType, rhs: EntityType) -> Bool {
    allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
  }
}

/// A resolved entity: one per real-world thing across the corpus.
public struct Entity: Hashable, Sendable, Codable, Identifiable {
  /// A stable, readable id: the type, a colon and a slug of the canonical
  /// name or built-in key (`ministry:kr-motir`, `person:kim-sun-young`).
  public var id: String
  /// The canonical name.
  public var name: String
  /// The type.
  public var type: EntityType
  /// Every surface form seen, sorted, without the canonical name.
  public var aliases: [String]
  /// The ISO country code of the government a body belongs to, when known.
  public var country: String?

  /// Creates an entity.
  public init(id: String, name: String, type: EntityType, aliases: [String], country: String? = nil)
  {
    self.id = id
    self.name = name
    self.type = type
    self.aliases = aliases
    self.country = country
  }
}

/// A person's role at an organisation, as one release states it.
public struct Affiliation: Hashable, Sendable, Codable {
  /// The person's entity id.
  public var person: String
  /// The organisation's entity id.
  public var org: String
  /// The title, as written ("Deputy Minister for Trade"), when given.
  public var title: String?

  /// Creates an affiliation.
  public init(person: String, org: String, title: String?) {
    self.person = person
    self.org = org
    self.title = title
  }
}

/// A parent body: "KATS under the Ministry of Trade, Industry and Resources".
public struct ParentLink: Hashable, Sendable, Codable {
  /// The subordinate body's entity id.
  public var child: String
  /// The supervising body's entity id.
  public var parent: String
  /// The sentence that says so.
  public var evidence: String

  /// Creates a parent link.
  public init(child: String, parent: String, evidence: String) {
    self.child = child
    self.parent = parent
    self.evidence = evidence
  }
}

/// Whether a meeting took place or is only planned.
public enum MeetingStatus: String, Hashable, Sendable, Codable {
  /// The release reports it as having happened.
  case held
  /// The release announces it ("will discuss", "is scheduled").
  case planned
}

/// An n-ary meeting: who took part, when, where, and the sentence that says so.
public struct Meeting: Hashable, Sendable, Codable {
  /// Entity ids of the people and the organisations they represent, sorted.
  public var participants: [String]
  /// When, as the text gives it (a date or a range); nil when not stated.
  public var date: DateSpan?
  /// The venue ("Lotte Hotel Seoul"), when stated.
  public var place: String?
  /// Held or planned.
  public var status: MeetingStatus
  /// The sentence that reports the meeting.
  public var evidence: String
  /// The index of that sentence in its release.
  public var sentence: Int

  /// Creates a meeting.
  public init(
    participants: [String], date: DateSpan?, place: String?, status: MeetingStatus,
    evidence: String, sentence: Int
  ) {
    self.participants = participants
    self.date = date
    self.place = place
    self.status = status
    self.evidence = evidence
    self.sentence = sentence
  }
}

/// Where an entity is mentioned: a release, a sentence and scalar offsets
/// into the release body.
public struct Mention: Hashable, Sendable, Codable {
  /// The entity's id.
  public var entity: String
  /// The text as written.
  public var text: String
  /// The sentence index in the release.
  public var sentence: Int
  /// Offset of the first scalar in the body.
  public var start: Int
  /// Offset one past the last scalar.
  public var end: Int

  /// Creates a mention.
  public init(entity: String, text: String, sentence: Int, start: Int, end: Int) {
    self.entity = entity
    self.text = text
    self.sentence = sentence
    self.start = start
    self.end = end
  }
}

/// What one release says: the output of the entity module for that release.
public struct ReleaseExtraction: Hashable, Sendable, Codable {
  /// The release's id.
  public var release: String
  /// The release's source file.
  public var source: String
  /// The release's title.
  public var title: String
  /// The release's publication date.
  public var date: PartialDate?
  /// The ids of the entities it mentions, sorted.
  public var entities: [String]
  /// Where each is mentioned.
  public var mentions: [Mention]
  /// Who holds which title where, as stated in this release.
  public var affiliations: [Affiliation]
  /// Parent bodies stated in this release.
  public var parents: [ParentLink]
  /// Meetings reported in this release.
  public var meetings: [Meeting]
}

/// The corpus as a graph: resolved entities and what each release says.
public struct EntityGraph: Hashable, Sendable, Codable {
  /// Every entity, sorted by id.
  public var entities: [Entity] {
    didSet { positions = EntityGraph.positions(of: entities) }
  }
  /// One extraction per release, in input order.
  public var releases: [ReleaseExtraction]
  /// Predecessor links between renamed institutions (old id → new id),
  /// for the institutions the corpus mentions.
  public var successions: [Succession]
  /// Parent bodies the gazetteer records (not stated in a release) for
  /// institutions the corpus mentions, resolved by each release's date:
  /// KATS under MOTIE in 2019, under MOTIR in 2026.
  public var knownParents: [KnownParent]

  /// Where each entity id sits in ``entities``; kept in step with it.
  private var positions: [String: Int]

  /// Looks an entity up by id, in constant time.
  public func entity(_ id: String) -> Entity? {
    positions[id].map { entities[$0] }
  }

  private static func positions(of entities: [Entity]) -> [String: Int] {
    Dictionary(entities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// Creates a graph.
  public init(
    entities: [Entity], releases: [ReleaseExtraction], successions: [Succession],
    knownParents: [KnownParent] = []
  ) {
    self.entities = entities
    self.releases = releases
    self.successions = successions
    self.knownParents = knownParents
    positions = EntityGraph.positions(of: entities)
  }

  private enum CodingKeys: String, CodingKey {
    case entities, releases, successions, knownParents
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      entities: try c.decode([Entity].self, forKey: .entities),
      releases: try c.decode([ReleaseExtraction].self, forKey: .releases),
      successions: try c.decode([Succession].self, forKey: .successions),
      knownParents: try c.decodeIfPresent([KnownParent].self, forKey: .knownParents) ?? [])
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(entities, forKey: .entities)
    try c.encode(releases, forKey: .releases)
    try c.encode(successions, forKey: .successions)
    try c.encode(knownParents, forKey: .knownParents)
  }
}

/// A renamed institution: the old body and the one that succeeded it.
/// A parent body the gazetteer records for an institution: the supervising
/// body as it was named in the release that mentions the child.
public struct KnownParent: Hashable, Sendable, Codable {
  /// The subordinate body's entity id.
  public var child: String
  /// The supervising body's entity id.
  public var parent: String

  /// Creates a known parent link.
  public init(child: String, parent: String) {
    self.child = child
    self.parent = parent
  }
}

public struct Succession: Hashable, Sendable, Codable {
  /// The former institution's entity id.
  public var predecessor: String
  /// The successor's entity id.
  public var successor: String

  /// Creates a succession link.
  public init(predecessor: String, successor: String) {
    self.predecessor = predecessor
    self.successor = successor
  }
}
