import EntityGraph

/// A part of the graph chosen for drawing or export: the stage between the
/// store and the export module (`EntityGraph → Subgraph → DOTGraph → bytes`).
///
/// Nodes are entities; edges are relations between them, each carrying the
/// sentences that state it. Everything is sorted, so the same selection
/// always gives the same value.
public struct Subgraph: Hashable, Sendable, Codable {
  /// What was selected.
  public enum Kind: String, Hashable, Sendable, Codable {
    /// An entity and what lies within some steps of it.
    case ego
    /// The chain connecting two entities, with their bodies.
    case connection
    /// What one release says.
    case release
    /// Everything in the store.
    case whole
  }

  /// An entity in the subgraph.
  public struct Node: Hashable, Sendable, Codable {
    /// The entity.
    public var entity: EntityBrief
    /// Its country code, when known.
    public var country: String?
    /// For a person: the latest title stated in the selection.
    public var role: String?
    /// For a person: the organisation of that title, when it is a node too
    /// (people are drawn inside it with clusters).
    public var organisation: String?
    /// Meetings it took part in, within the selection's filters.
    public var meetings: Int
    /// The first release date it is seen on.
    public var firstSeen: String?
    /// The last release date it is seen on.
    public var lastSeen: String?
    /// True for the entities the selection was made around.
    public var isCenter: Bool

    /// Creates a node.
    public init(
      entity: EntityBrief, country: String? = nil, role: String? = nil,
      organisation: String? = nil, meetings: Int = 0, firstSeen: String? = nil,
      lastSeen: String? = nil, isCenter: Bool = false
    ) {
      self.entity = entity
      self.country = country
      self.role = role
      self.organisation = organisation
      self.meetings = meetings
      self.firstSeen = firstSeen
      self.lastSeen = lastSeen
      self.isCenter = isCenter
    }
  }

  /// A sentence that states a relation.
  public struct Evidence: Hashable, Sendable, Codable {
    /// The sentence.
    public var sentence: String
    /// Its release.
    public var release: ReleaseBrief
    /// For a meeting: its date as the text gives it.
    public var date: String?
    /// For a meeting: its venue.
    public var place: String?
    /// For a meeting: `held` or `planned`.
    public var status: String?

    /// Creates evidence.
    public init(
      sentence: String, release: ReleaseBrief, date: String? = nil, place: String? = nil,
      status: String? = nil
    ) {
      self.sentence = sentence
      self.release = release
      self.date = date
      self.place = place
      self.status = status
    }
  }

  /// A relation between two nodes.
  public struct Edge: Hashable, Sendable, Codable {
    /// The first entity: the person of an affiliation, the child of a
    /// parent link, the predecessor of a renamed body; for meetings, the
    /// smaller id.
    public var source: String
    /// The second entity.
    public var target: String
    /// The relation.
    public var relation: Relation
    /// For an affiliation: the title.
    public var title: String?
    /// For meetings: the dates of the meetings between the two, sorted.
    public var dates: [String]
    /// For meetings: true when every one of them is only planned.
    public var planned: Bool
    /// The sentences stating it, oldest first.
    public var evidence: [Evidence]

    /// Creates an edge.
    public init(
      source: String, target: String, relation: Relation, title: String? = nil,
      dates: [String] = [], planned: Bool = false, evidence: [Evidence] = []
    ) {
      self.source = source
      self.target = target
      self.relation = relation
      self.title = title
      self.dates = dates
      self.planned = planned
      self.evidence = evidence
    }
  }

  /// What was selected.
  public var kind: Kind
  /// A title for the drawing ("Ministry of Trade, Industry and Resources:
  /// network, 1 step").
  public var title: String
  /// The nodes, sorted by entity id.
  public var nodes: [Node]
  /// The edges, sorted by source, target and relation.
  public var edges: [Edge]
  /// What was left out and why ("12 nodes beyond the limit of 150 were
  /// left out: …").
  public var notes: [String]

  /// Creates a subgraph; nodes and edges are sorted.
  public init(kind: Kind, title: String, nodes: [Node], edges: [Edge], notes: [String] = []) {
    self.kind = kind
    self.title = title
    self.nodes = nodes.sorted { $0.entity.id < $1.entity.id }
    self.edges = edges.sorted {
      ($0.source, $0.target, $0.relation.rawValue) < ($1.source, $1.target, $1.relation.rawValue)
    }
    self.notes = notes
  }
}
