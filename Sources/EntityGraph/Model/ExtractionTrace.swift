import PressReleases

/// Which rule made what in one release, before corpus-wide resolution:
/// what `pressgraph extract --explain` shows.
///
/// Rule ids name a rule in `Resources/rules/*.json` (`meet.verb`) or a
/// rule still written in code (`person.title-name`, `gazetteer.phrase`).
public struct ExtractionTrace: Sendable, Hashable, Codable {
  /// One thing extraction made, and the rules that made it.
  public struct Item: Sendable, Hashable, Codable {
    /// What kind of thing.
    public enum Kind: String, Sendable, Hashable, Codable {
      case mention, affiliation, parent, meeting
    }
    public var kind: Kind
    /// The sentence it was found in (0-based), when it has one.
    public var sentence: Int?
    /// A mention's text as written; a meeting's or parent's evidence sentence.
    public var text: String
    /// The entities involved, by their names in this release: the mention's
    /// entity; person and body; child and parent; a meeting's participants.
    public var names: [String]
    /// A mention's entity type.
    public var type: EntityType?
    /// An affiliation's title.
    public var title: String?
    /// A meeting's status.
    public var status: MeetingStatus?
    /// The rules, the deciding one first.
    public var rules: [String]

    /// Creates an item.
    public init(
      kind: Kind, sentence: Int?, text: String, names: [String], type: EntityType? = nil,
      title: String? = nil, status: MeetingStatus? = nil, rules: [String]
    ) {
      self.kind = kind
      self.sentence = sentence
      self.text = text
      self.names = names
      self.type = type
      self.title = title
      self.status = status
      self.rules = rules
    }
  }

  /// The release's source path.
  public var source: String
  /// The release's title.
  public var title: String
  /// Mentions in text order, then affiliations, parents and meetings.
  public var items: [Item]

  /// Creates a trace.
  public init(source: String, title: String, items: [Item]) {
    self.source = source
    self.title = title
    self.items = items
  }

  init(_ local: LocalExtraction) {
    func name(_ e: Int) -> String { local.entities[e].name }
    var items: [Item] = local.mentions.map {
      Item(
        kind: .mention, sentence: $0.sentence, text: $0.text, names: [name($0.entity)],
        type: local.entities[$0.entity].type, rules: $0.rule.split(separator: "+").map(String.init))
    }
    items += local.affiliations.map {
      Item(
        kind: .affiliation, sentence: nil, text: "", names: [name($0.person), name($0.org)],
        title: $0.title, rules: $0.rule.split(separator: "+").map(String.init))
    }
    items += local.parents.map {
      Item(
        kind: .parent, sentence: nil, text: $0.evidence, names: [name($0.child), name($0.parent)],
        rules: [$0.rule])
    }
    items += local.meetings.map {
      Item(
        kind: .meeting, sentence: $0.sentence, text: $0.evidence, names: $0.participants.map(name),
        status: $0.status, rules: $0.rules)
    }
    self.init(source: local.release.source, title: local.release.title, items: items)
  }
}
