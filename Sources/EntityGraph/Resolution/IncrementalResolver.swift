import PressReleases

/// A resolved entity as a store keeps it between derivations: its cluster
/// number (stable while the entity lives; a merged entity keeps the
/// smaller number), its final id, and what the id was made from.
public struct ClusterRecord: Hashable, Sendable {
  /// The cluster's number in the store.
  public var number: Int64
  /// The entity's final id (after clashes are numbered).
  public var id: String
  /// The entity's smallest key: clashes are numbered in this order.
  public var sortKey: String
  /// The entity's id before clashes are numbered.
  public var draft: String

  /// Creates a record.
  public init(number: Int64, id: String, sortKey: String, draft: String) {
    self.number = number
    self.id = id
    self.sortKey = sortKey
    self.draft = draft
  }
}

/// A person in a single-holder role at an organisation, as the store keeps
/// it for the typo rule (``Resolver/typoUnions(_:)``).
public struct RoleHolder: Hashable, Sendable {
  /// The organisation's cluster.
  public var org: Int64
  /// The title, lowercased ("minister").
  public var title: String
  /// The name as written, without a parenthesised part.
  public var plain: String
  /// The person's cluster.
  public var person: Int64

  /// Creates a holder.
  public init(org: Int64, title: String, plain: String, person: Int64) {
    self.org = org
    self.title = title
    self.plain = plain
    self.person = person
  }
}

/// What a store knows of the resolution so far, read on demand: the
/// incremental resolver asks only about the entities new releases meet.
public protocol ResolutionState {
  /// The clusters that own `keys` (keys no cluster owns are left out).
  func clusters(owning keys: Set<String>) throws -> [String: Int64]
  /// The summaries of `clusters`.
  func summaries(of clusters: Set<Int64>) throws -> [Int64: ClusterSummary]
  /// The role holders at the organisations `orgs`.
  func roleHolders(at orgs: Set<Int64>) throws -> [RoleHolder]
  /// Every cluster's record.
  func records() throws -> [ClusterRecord]
}

/// The resolution of a whole corpus, as a store keeps it: what
/// ``IncrementalResolver`` needs to fold new releases in later.
public struct ResolutionSnapshot: Sendable {
  /// Every cluster, numbered from 1 in id order, with its summary.
  public var clusters: [(record: ClusterRecord, summary: ClusterSummary)]
  /// Each key's cluster.
  public var keys: [(key: String, cluster: Int64)]
  /// Every role holder.
  public var roleHolders: [RoleHolder]
}

/// How adding releases changes a stored resolution.
public struct ResolutionDelta: Sendable {
  /// Clusters that are new or whose summary or id changed, with their
  /// record, summary and entity.
  public var clusters: [(record: ClusterRecord, summary: ClusterSummary, entity: Entity)]
  /// Clusters merged into another: number → (survivor, the id it had).
  public var absorbed: [Int64: (survivor: Int64, id: String)]
  /// Entities whose id changed (or went, when absorbed): old id → new id.
  public var renamed: [String: String]
  /// Keys that are new, with their cluster (the keys of absorbed clusters
  /// move to the survivor as well).
  public var keys: [String: Int64]
  /// New role holders, in survivor numbers.
  public var roleHolders: [RoleHolder]

  /// Entity ids that no longer exist after the delta.
  public var goneIDs: Set<String> {
    Set(renamed.keys).subtracting(clusters.map(\.record.id))
  }
}

/// Folds new releases into a stored resolution, touching only the entities
/// their keys and roles meet. The result is the one a full
/// ``EntityExtractor/resolve(_:)`` of all releases would give: clusters only
/// grow as releases are added (keys and typo rules merge, never split), a
/// cluster's entity depends on its ``ClusterSummary`` alone, and ids are
/// numbered over every cluster's sort key as in a full run.
struct IncrementalResolver {
  let resolver: Resolver

  func resolve(adding extractions: [LocalExtraction], state: some ResolutionState) throws
    -> ResolutionDelta
  {
    // Elements: the new locals, then the existing clusters they meet.
    var locals: [(r: Int, e: Int)] = []
    var localIndex: [[Int]] = []
    for (r, extraction) in extractions.enumerated() {
      localIndex.append(
        extraction.entities.indices.map { e in
          locals.append((r, e))
          return locals.count - 1
        })
    }
    let sets = UnionFind(count: locals.count)
    let find = sets.find
    let union = sets.union
    var clusterOfElement: [Int: Int64] = [:]
    var elementOfCluster: [Int64: Int] = [:]
    func element(_ cluster: Int64) -> Int {
      if let element = elementOfCluster[cluster] { return element }
      let element = sets.add()
      elementOfCluster[cluster] = element
      clusterOfElement[element] = cluster
      return element
    }

    let allKeys = Set(locals.flatMap { extractions[$0.r].entities[$0.e].keys })
    let owners = try state.clusters(owning: allKeys)
    var newOwner: [String: Int] = [:]
    for (n, (r, e)) in locals.enumerated() {
      for key in extractions[r].entities[e].keys.sorted() {
        if let cluster = owners[key] {
          union(n, element(cluster))
        } else if let other = newOwner[key] {
          union(n, other)
        } else {
          newOwner[key] = n
        }
      }
    }

    // The typo rule, in every role group that gains a holder or joins
    // another (two organisations merged).
    var newHolders: [(org: Int, title: String, plain: String, person: Int)] = []
    for (r, extraction) in extractions.enumerated() {
      for member in Resolver.roleMembers(extraction) {
        newHolders.append(
          (localIndex[r][member.org], member.title, member.plain, localIndex[r][member.person]))
      }
    }
    var existingByRoot: [Int: [Int64]] = [:]
    for (cluster, element) in elementOfCluster {
      existingByRoot[find(element), default: []].append(cluster)
    }
    let holderRoots = Set(newHolders.map { find($0.org) })
    var orgs: Set<Int64> = []
    for (root, clusters) in existingByRoot where clusters.count >= 2 || holderRoots.contains(root) {
      orgs.formUnion(clusters)
    }
    var groups: [String: [(plain: String, node: Int)]] = [:]
    for holder in try state.roleHolders(at: orgs) {
      let org = find(element(holder.org))
      groups["\(org)|\(holder.title)", default: []].append((holder.plain, element(holder.person)))
    }
    for holder in newHolders {
      groups["\(find(holder.org))|\(holder.title)", default: []].append(
        (holder.plain, holder.person))
    }
    for key in groups.keys.sorted() {
      for (a, b) in Resolver.typoUnions(groups[key] ?? []) { union(a, b) }
    }

    // Touched components: those with a new local, or two existing clusters.
    var members: [Int: (clusters: [Int64], locals: [Int])] = [:]
    for element in 0..<sets.count {
      let root = find(element)
      if let cluster = clusterOfElement[element] {
        members[root, default: ([], [])].clusters.append(cluster)
      } else {
        members[root, default: ([], [])].locals.append(element)
      }
    }
    let touched = members.filter { !$0.value.locals.isEmpty || $0.value.clusters.count >= 2 }
    let stored = try state.summaries(of: Set(touched.values.flatMap(\.clusters)))
    var records = try state.records()
    var recordIndex = Dictionary(
      records.indices.map { (records[$0].number, $0) }, uniquingKeysWith: { a, _ in a })
    var nextNumber = (records.map(\.number).max() ?? 0) + 1
    var survivorOfRoot: [Int: Int64] = [:]
    var summaries: [Int64: ClusterSummary] = [:]
    var drafts: [Int64: Entity] = [:]
    var absorbed: [Int64: (survivor: Int64, id: String)] = [:]
    for (root, (clusters, newLocals)) in touched.sorted(by: { $0.key < $1.key }) {
      let survivor: Int64
      if let smallest = clusters.min() {
        survivor = smallest
      } else {
        survivor = nextNumber
        nextNumber += 1
      }
      survivorOfRoot[root] = survivor
      var summary = ClusterSummary()
      for cluster in clusters.sorted() {
        if let part = stored[cluster] { summary.merge(part) }
        if cluster != survivor, let index = recordIndex[cluster] {
          absorbed[cluster] = (survivor, records[index].id)
        }
      }
      for local in newLocals {
        summary.add(extractions[locals[local].r].entities[locals[local].e])
      }
      let entity = resolver.entity(from: summary)
      summaries[survivor] = summary
      drafts[survivor] = entity
      if let index = recordIndex[survivor] {
        records[index].sortKey = summary.sortKey
        records[index].draft = entity.id
      } else {
        recordIndex[survivor] = records.count
        records.append(
          ClusterRecord(number: survivor, id: "", sortKey: summary.sortKey, draft: entity.id))
      }
    }
    // Ids over every cluster, as a full run numbers them.
    let live = records.filter { absorbed[$0.number] == nil }
    let ids = Resolver.assignIDs(live.map { ($0.sortKey, $0.draft) })
    var renamed: [String: String] = [:]
    var finalID: [Int64: String] = [:]
    var changed: [(record: ClusterRecord, touched: Bool)] = []
    for (record, id) in zip(live, ids) {
      finalID[record.number] = id
      let isTouched = summaries[record.number] != nil
      if record.id != id {
        if !record.id.isEmpty { renamed[record.id] = id }
        var updated = record
        updated.id = id
        changed.append((updated, isTouched))
      } else if isTouched {
        changed.append((record, true))
      }
    }
    for gone in absorbed.values { renamed[gone.id] = finalID[gone.survivor] }
    // Clusters renamed by a clash but otherwise untouched: their entity
    // is read from their stored summary.
    let untouched = Set(changed.filter { !$0.touched }.map(\.record.number))
    if !untouched.isEmpty {
      for (number, summary) in try state.summaries(of: untouched) {
        summaries[number] = summary
        drafts[number] = resolver.entity(from: summary)
      }
    }
    var clusters: [(record: ClusterRecord, summary: ClusterSummary, entity: Entity)] = []
    for (record, _) in changed.sorted(by: { $0.record.number < $1.record.number }) {
      guard let summary = summaries[record.number], var entity = drafts[record.number] else {
        continue
      }
      entity.id = record.id
      clusters.append((record, summary, entity))
    }

    var keys: [String: Int64] = [:]
    for (key, element) in newOwner {
      keys[key] = survivorOfRoot[find(element)]
    }
    var holders: Set<RoleHolder> = []
    for holder in newHolders {
      guard let org = survivorOfRoot[find(holder.org)],
        let person = survivorOfRoot[find(holder.person)]
      else { continue }
      holders.insert(RoleHolder(org: org, title: holder.title, plain: holder.plain, person: person))
    }
    return ResolutionDelta(
      clusters: clusters, absorbed: absorbed, renamed: renamed, keys: keys,
      roleHolders: holders.sorted {
        ($0.org, $0.title, $0.plain, $0.person) < ($1.org, $1.title, $1.plain, $1.person)
      })
  }
}
