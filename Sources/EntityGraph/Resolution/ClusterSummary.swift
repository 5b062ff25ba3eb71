import PressReleases

/// Everything the resolver needs to know about one resolved entity's local
/// views (``LocalEntity``) to name and type it, kept as counts.
///
/// A summary is a commutative fold: adding locals in any order, or merging
/// the summaries of two groups of locals, gives the same summary, and the
/// entity made from it (``Resolver/entity(from:)``) does not depend on the
/// order releases were read in. That is what lets a store keep one summary
/// per entity and fold new releases into it (``IncrementalResolver``)
/// instead of reading every release that mentions the entity again.
public struct ClusterSummary: Hashable, Sendable, Codable {
  /// Cross-release keys ("g:kr-motir", "p:kimsunyoung"), with the number of
  /// locals that had each.
  var keys: [String: Int] = [:]
  /// Gazetteer entries the locals were matched to.
  var gazetteerIDs: [String: Int] = [:]
  /// The locals' types (a gazetteer entry's type wins when there is one).
  var types: [String: Int] = [:]
  /// Surface forms, each counted once per local that saw it.
  var forms: [String: Int] = [:]
  /// The locals' preferred names (for organisations).
  var names: [String: Int] = [:]
  /// People's canonical names.
  var canonicals: [String: Int] = [:]
  /// People's canonical names that spell out a given name the surface did
  /// not ("Kim Jung-kwan" for "JK (Jung-Kwan) Kim").
  var expanded: [String: Int] = [:]
  /// The governments the locals belong to.
  var countries: [String: Int] = [:]
  /// Locals folded in.
  var locals = 0

  /// An empty summary.
  public init() {}

  init(_ local: LocalEntity) { add(local) }

  mutating func add(_ local: LocalEntity) {
    locals += 1
    for key in local.keys { keys[key, default: 0] += 1 }
    if let id = local.gazetteerID { gazetteerIDs[id, default: 0] += 1 }
    types[local.type.rawValue, default: 0] += 1
    for form in Set(local.forms) { forms[form, default: 0] += 1 }
    names[local.name, default: 0] += 1
    if let person = local.person {
      canonicals[person.canonical, default: 0] += 1
      if person.canonical != person.surface.replacingParentheses {
        expanded[person.canonical, default: 0] += 1
      }
    }
    if let country = local.country { countries[country, default: 0] += 1 }
  }

  /// Folds another summary in.
  mutating func merge(_ other: ClusterSummary) {
    func fold(_ mine: inout [String: Int], _ theirs: [String: Int]) {
      mine.merge(theirs, uniquingKeysWith: +)
    }
    fold(&keys, other.keys)
    fold(&gazetteerIDs, other.gazetteerIDs)
    fold(&types, other.types)
    fold(&forms, other.forms)
    fold(&names, other.names)
    fold(&canonicals, other.canonicals)
    fold(&expanded, other.expanded)
    fold(&countries, other.countries)
    locals += other.locals
  }

  /// The smallest key: the order entities are given ids in.
  var sortKey: String { keys.keys.min() ?? "" }
}

extension Resolver {
  /// The entity a summary describes, with its id before clashes are
  /// numbered (``assignIDs(_:)``).
  func entity(from summary: ClusterSummary) -> Entity {
    let gazetteerID = summary.gazetteerIDs.keys.min()
    let type: EntityType = {
      if let gazetteerID, let entry = institutionsByID[gazetteerID] {
        return entry.type
      }
      let counted = summary.types.compactMap { key, count in
        EntityType(rawValue: key).map { ($0, count) }
      }
      return counted.max { ($0.1, $1.0) < ($1.1, $0.0) }?.0 ?? .organization
    }()
    let name: String
    let countryKey = summary.keys.keys.filter { $0.hasPrefix("c:") }.min()
    if let gazetteerID, let entry = institutionsByID[gazetteerID] {
      name = entry.name
    } else if let countryKey, let entry = countriesByKey[countryKey] {
      name = entry.name
    } else if type == .person, !summary.canonicals.isEmpty {
      // Prefer a form with the given name spelled out ("Kim Jung-kwan").
      name =
        summary.expanded.keys.min() ?? best(Array(summary.canonicals.keys), counts: summary.forms)
    } else {
      name = best(Array(summary.names.keys), counts: summary.forms)
    }
    let aliases = Set(summary.forms.keys).subtracting([name]).sorted()
    let slug: String
    if let gazetteerID {
      slug = gazetteerID
    } else if let countryKey {
      slug = countryKey.dropFirst(2).lowercased()
    } else {
      slug = Resolver.slug(name)
    }
    return Entity(
      id: "\(type.rawValue):\(slug)", name: name, type: type, aliases: aliases,
      country: summary.countries.keys.min())
  }

  /// Final ids for entities in the order of their sort keys: each keeps
  /// its id unless an entity earlier in that order took it, and then gets
  /// the first free `-2`, `-3`, … (a clash is rare: two different things
  /// with the same name and type).
  ///
  /// - Parameter drafts: each entity's sort key and id before clashes;
  ///   sort keys are unique.
  /// - Returns: the final ids, in the order of `drafts`.
  static func assignIDs(_ drafts: [(sortKey: String, id: String)]) -> [String] {
    let order = drafts.indices.sorted { drafts[$0].sortKey < drafts[$1].sortKey }
    var used: Set<String> = []
    used.reserveCapacity(drafts.count)
    var ids = [String](repeating: "", count: drafts.count)
    for index in order {
      let base = drafts[index].id
      var id = base
      var counter = 2
      while used.contains(id) {
        id = "\(base)-\(counter)"
        counter += 1
      }
      used.insert(id)
      ids[index] = id
    }
    return ids
  }
}
