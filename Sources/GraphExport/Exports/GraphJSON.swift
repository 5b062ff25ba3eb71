import EntityGraph
import Foundation
import GraphStore

/// A subgraph as a JSON document ready for D3's force layout:
///
/// ```json
/// { "title": "…", "kind": "ego", "notes": ["…"],
///   "nodes": [{ "id": "person:…", "name": "…", "type": "person", … }],
///   "links": [{ "id": "l1", "source": "person:…", "target": "ministry:…",
///               "relation": "affiliation", "evidence": [{ "sentence": "…", … }], … }] }
/// ```
///
/// `d3.forceLink(links).id(d => d.id)` joins links to nodes by entity id.
/// For Cytoscape.js, map each node to `{ data: node }` and each link to
/// `{ data: link }`: both have the `id`, and links the `source` and
/// `target`, that Cytoscape's element data expects.
///
/// Every key is always present; what is not known is `null`. Nodes and
/// links keep the order of the ``Subgraph`` (sorted), and ``encoded()``
/// sorts keys, so the same subgraph always gives the same bytes.
public struct GraphJSON: Codable, Hashable, Sendable {
  /// An entity.
  public struct Node: Codable, Hashable, Sendable {
    /// The entity id (`person:han-mi-rae`), which links refer to.
    public var id: String
    /// The canonical name.
    public var name: String
    /// The entity type.
    public var type: EntityType
    /// The country code, when known.
    public var country: String?
    /// For a person: the latest title stated in the selection.
    public var role: String?
    /// For a person: the entity id of that title's organisation, when it is
    /// a node too.
    public var organisation: String?
    /// Meetings it took part in, within the selection's filters.
    public var meetings: Int
    /// The first release date it is seen on.
    public var firstSeen: String?
    /// The last release date it is seen on.
    public var lastSeen: String?
    /// True for the entities the selection was made around.
    public var center: Bool

    /// The node of `node`.
    public init(_ node: Subgraph.Node) {
      id = node.entity.id
      name = node.entity.name
      type = node.entity.type
      country = node.country
      role = node.role
      organisation = node.organisation
      meetings = node.meetings
      firstSeen = node.firstSeen
      lastSeen = node.lastSeen
      center = node.isCenter
    }

    /// Writes every key, `null` for what is unknown.
    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(id, forKey: .id)
      try c.encode(name, forKey: .name)
      try c.encode(type, forKey: .type)
      try c.encode(country, forKey: .country)
      try c.encode(role, forKey: .role)
      try c.encode(organisation, forKey: .organisation)
      try c.encode(meetings, forKey: .meetings)
      try c.encode(firstSeen, forKey: .firstSeen)
      try c.encode(lastSeen, forKey: .lastSeen)
      try c.encode(center, forKey: .center)
    }
  }

  /// The release a sentence comes from.
  public struct Release: Codable, Hashable, Sendable {
    /// The release id.
    public var id: String
    /// Its title.
    public var title: String
    /// Its publication date (ISO, possibly partial), when known.
    public var date: String?
    /// The file it came from.
    public var source: String

    /// The release of `brief`.
    public init(_ brief: ReleaseBrief) {
      id = brief.id
      title = brief.title
      date = brief.date
      source = brief.source
    }

    /// Writes every key, `null` for what is unknown.
    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(id, forKey: .id)
      try c.encode(title, forKey: .title)
      try c.encode(date, forKey: .date)
      try c.encode(source, forKey: .source)
    }
  }

  /// A sentence that states a link.
  public struct Evidence: Codable, Hashable, Sendable {
    /// The sentence.
    public var sentence: String
    /// Its release.
    public var release: Release
    /// For a meeting: its date as the text gives it.
    public var date: String?
    /// For a meeting: its venue.
    public var place: String?
    /// For a meeting: `held` or `planned`.
    public var status: String?

    /// The evidence of `evidence`.
    public init(_ evidence: Subgraph.Evidence) {
      sentence = evidence.sentence
      release = Release(evidence.release)
      date = evidence.date
      place = evidence.place
      status = evidence.status
    }

    /// Writes every key, `null` for what is unknown.
    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(sentence, forKey: .sentence)
      try c.encode(release, forKey: .release)
      try c.encode(date, forKey: .date)
      try c.encode(place, forKey: .place)
      try c.encode(status, forKey: .status)
    }
  }

  /// A relation between two nodes.
  public struct Link: Codable, Hashable, Sendable {
    /// A synthetic id, `l1`, `l2`, … in the subgraph's edge order.
    public var id: String
    /// The first entity's id: the person of an affiliation, the child of a
    /// parent link, the predecessor of a renamed body; for meetings (which
    /// have no direction), the smaller id.
    public var source: String
    /// The second entity's id.
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

    /// The link of `edge`, with the id `id`.
    public init(_ edge: Subgraph.Edge, id: String) {
      self.id = id
      source = edge.source
      target = edge.target
      relation = edge.relation
      title = edge.title
      dates = edge.dates
      planned = edge.planned
      evidence = edge.evidence.map(Evidence.init)
    }

    /// Writes every key, `null` for what is unknown.
    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(id, forKey: .id)
      try c.encode(source, forKey: .source)
      try c.encode(target, forKey: .target)
      try c.encode(relation, forKey: .relation)
      try c.encode(title, forKey: .title)
      try c.encode(dates, forKey: .dates)
      try c.encode(planned, forKey: .planned)
      try c.encode(evidence, forKey: .evidence)
    }
  }

  /// The subgraph's title.
  public var title: String
  /// What was selected.
  public var kind: Subgraph.Kind
  /// What was left out and why.
  public var notes: [String]
  /// The entities, sorted by id.
  public var nodes: [Node]
  /// The relations, sorted by source, target and relation.
  public var links: [Link]

  /// The document of `subgraph`.
  public init(_ subgraph: Subgraph) {
    title = subgraph.title
    kind = subgraph.kind
    notes = subgraph.notes
    nodes = subgraph.nodes.map(Node.init)
    links = subgraph.edges.enumerated().map { Link($1, id: "l\($0 + 1)") }
  }

  /// The document as UTF-8 JSON: pretty-printed, keys sorted, slashes not
  /// escaped, ending in a newline. The same value always gives the same
  /// bytes.
  public func encoded() throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(self)) + [0x0A]
  }
}
