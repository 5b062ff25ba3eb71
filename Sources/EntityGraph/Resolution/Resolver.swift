import PressReleases

/// Merges what releases say into one entity per real-world thing.
///
/// - Entities sharing a key are one: the same gazetteer entry, country,
///   acronym definition, normalised institution or company name, or person
///   name (in written or Korean order: "Kang Kyung Sung" is "Kang
///   Kyung-sung").
/// - People are merged beyond that only on strong evidence: two name forms
///   in the same single-holder role ("Minister") at the same body, one a
///   one-letter typo or a token superset of the other ("JK Ki", "Kim JK Kim"
///   for "JK Kim"). Two different Kims at different bodies stay apart.
/// - Renamed institutions stay separate and are linked as predecessor and
///   successor.
struct Resolver {
  let gazetteer: Gazetteer
  /// Gazetteer entries by id and countries by code, looked up per entity.
  let institutionsByID: [String: Gazetteer.Institution]
  let countriesByKey: [String: Gazetteer.Country]

  /// The phrase index, for renamed parents (``PhraseIndex/era(of:on:)``).
  let index: PhraseIndex?

  init(gazetteer: Gazetteer, index: PhraseIndex? = nil) {
    self.gazetteer = gazetteer
    self.index = index
    institutionsByID = Dictionary(
      gazetteer.institutions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    countriesByKey = Dictionary(
      gazetteer.countries.map { ("c:" + $0.code, $0) }, uniquingKeysWith: { first, _ in first })
  }

  func resolve(_ extractions: [LocalExtraction]) -> EntityGraph {
    resolve(extractions, snapshot: false).graph
  }

  /// The graph, and with `snapshot` the resolution as a store keeps it
  /// for ``IncrementalResolver``.
  func resolve(_ extractions: [LocalExtraction], snapshot: Bool) -> (
    graph: EntityGraph, snapshot: ResolutionSnapshot?
  ) {
    // Union-find over (release, local entity).
    var nodes: [(Int, Int)] = []
    var nodeIndex: [[Int]] = []
    for (r, extraction) in extractions.enumerated() {
      var row: [Int] = []
      for e in extraction.entities.indices {
        row.append(nodes.count)
        nodes.append((r, e))
      }
      nodeIndex.append(row)
    }
    let sets = UnionFind(count: nodes.count)
    let find = sets.find
    let union = sets.union
    var owner: [String: Int] = [:]
    for (n, (r, e)) in nodes.enumerated() {
      for key in extractions[r].entities[e].keys.sorted() {
        if let other = owner[key] { union(n, other) } else { owner[key] = n }
      }
    }
    // Typos of a name in the same single-holder role at the same body.
    var roles: [String: [(plain: String, node: Int)]] = [:]
    for (r, extraction) in extractions.enumerated() {
      for member in Self.roleMembers(extraction) {
        let org = find(nodeIndex[r][member.org])
        roles["\(org)|\(member.title)", default: []].append(
          (member.plain, nodeIndex[r][member.person]))
      }
    }
    for key in roles.keys.sorted() {
      for (a, b) in Self.typoUnions(roles[key] ?? []) { union(a, b) }
    }

    // Build the global entities.
    var groups: [Int: ClusterSummary] = [:]
    for (n, (r, e)) in nodes.enumerated() {
      groups[find(n), default: ClusterSummary()].add(extractions[r].entities[e])
    }
    let grouped = groups.sorted { $0.key < $1.key }
    let roots = grouped.map(\.key)
    let summaries = grouped.map(\.value)
    let drafts = summaries.map { entity(from: $0) }
    let ids = Self.assignIDs(roots.indices.map { (summaries[$0].sortKey, drafts[$0].id) })
    var idOfRoot: [Int: String] = [:]
    var entities: [Entity] = []
    for (k, root) in roots.enumerated() {
      var entity = drafts[k]
      entity.id = ids[k]
      idOfRoot[root] = ids[k]
      entities.append(entity)
    }
    var state: ResolutionSnapshot?
    if snapshot {
      // Clusters numbered from 1 in id order.
      let order = roots.indices.sorted { ids[$0] < ids[$1] }
      var number: [Int: Int64] = [:]
      var clusters: [(record: ClusterRecord, summary: ClusterSummary)] = []
      for (n, k) in order.enumerated() {
        number[roots[k]] = Int64(n + 1)
        clusters.append(
          (
            ClusterRecord(
              number: Int64(n + 1), id: ids[k], sortKey: summaries[k].sortKey,
              draft: drafts[k].id),
            summaries[k]
          ))
      }
      var keys: [String: Int64] = [:]
      for (n, (r, e)) in nodes.enumerated() {
        for key in extractions[r].entities[e].keys { keys[key] = number[find(n)] }
      }
      var holders: Set<RoleHolder> = []
      for (r, extraction) in extractions.enumerated() {
        for member in Self.roleMembers(extraction) {
          guard let org = number[find(nodeIndex[r][member.org])],
            let person = number[find(nodeIndex[r][member.person])]
          else { continue }
          holders.insert(
            RoleHolder(org: org, title: member.title, plain: member.plain, person: person))
        }
      }
      state = ResolutionSnapshot(
        clusters: clusters, keys: keys.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
        roleHolders: holders.sorted {
          ($0.org, $0.title, $0.plain, $0.person) < ($1.org, $1.title, $1.plain, $1.person)
        })
    }
    entities.sort { $0.id < $1.id }

    let releases = extractions.enumerated().map { r, extraction in
      // Each local entity's global id, looked up once.
      Self.releaseExtraction(extraction, ids: nodeIndex[r].map { idOfRoot[find($0)] ?? "" })
    }
    let present = Set(entities.map(\.id))
    // Parent bodies from the gazetteer, in each release's era.
    var known: Set<KnownParent> = []
    if let index {
      for (r, extraction) in extractions.enumerated() {
        for (e, local) in extraction.entities.enumerated() {
          guard let gid = local.gazetteerID, let parentID = institutionsByID[gid]?.parent,
            let parentIndex = index.institutionByID[parentID]
          else { continue }
          let era = index.era(of: parentIndex, on: extraction.release.date)
          let parentEntity =
            "\(index.gazetteer.institutions[era].type.rawValue):"
            + index.gazetteer.institutions[era].id
          guard present.contains(parentEntity),
            let child = idOfRoot[find(nodeIndex[r][e])], child != parentEntity
          else { continue }
          known.insert(KnownParent(child: child, parent: parentEntity))
        }
      }
    }
    let graph = EntityGraph(
      entities: entities, releases: releases,
      successions: successions(among: present),
      knownParents: known.sorted { ($0.child, $0.parent) < ($1.child, $1.parent) })
    return (graph, state)
  }

  /// A person in a single-holder role ("Minister") at an organisation, as
  /// one release states it: the people the typo rule compares.
  struct RoleMember: Hashable {
    var person: Int
    var org: Int
    /// The title, lowercased.
    var title: String
    /// The person's name as written, without a parenthesised part.
    var plain: String
  }

  /// The release's people in single-holder roles.
  static func roleMembers(_ extraction: LocalExtraction) -> [RoleMember] {
    extraction.affiliations.compactMap { affiliation in
      guard let title = affiliation.title?.lowercased(), Lexicon.singularRoles.contains(title),
        let person = extraction.entities[affiliation.person].person
      else { return nil }
      return RoleMember(
        person: affiliation.person, org: affiliation.org, title: title,
        plain: person.surface.replacingParentheses)
    }
  }

  /// The pairs of one role's holders to merge: names with the same letters,
  /// and names that are typos of each other (``ComparableName/isTypo(of:)``).
  /// Every distinct written name is compared, so the pairs do not depend on
  /// the order the holders come in.
  static func typoUnions<Node: Hashable & Comparable>(_ members: [(plain: String, node: Node)])
    -> [(Node, Node)]
  {
    var unions: [(Node, Node)] = []
    // One node per distinct name; names with the same letters are one.
    var byPlain: [String: Node] = [:]
    var byLetters: [String: Node] = [:]
    for member in members {
      if let first = byPlain[member.plain] {
        unions.append((first, member.node))
      } else {
        byPlain[member.plain] = member.node
      }
    }
    let distinct = byPlain.sorted { $0.key < $1.key }
    let names = distinct.map { ComparableName(plain: $0.key) }
    for (node, name) in zip(distinct.map(\.value), names) {
      if let first = byLetters[name.letters] {
        unions.append((first, node))
      } else {
        byLetters[name.letters] = node
      }
    }
    for (x, y) in ComparableName.candidatePairs(names) where names[x].isTypo(of: names[y]) {
      unions.append((distinct[x].value, distinct[y].value))
    }
    return unions
  }

  /// One release's extraction with global ids: `ids[i]` is the id of the
  /// release's local entity `i`.
  static func releaseExtraction(_ extraction: LocalExtraction, ids: [String]) -> ReleaseExtraction {
    let id = { (local: Int) in ids[local] }
    return ReleaseExtraction(
      release: extraction.release.id, source: extraction.release.source,
      title: extraction.release.title, date: extraction.release.date,
      entities: Array(
        Set(
          extraction.mentions.map { id($0.entity) }
            + extraction.affiliations.flatMap { [id($0.person), id($0.org)] }
            + extraction.parents.flatMap { [id($0.child), id($0.parent)] }
            + extraction.meetings.flatMap { $0.participants.map(id) })
      ).sorted(),
      mentions: extraction.mentions.map {
        Mention(
          entity: id($0.entity), text: $0.text, sentence: $0.sentence, start: $0.start,
          end: $0.end)
      },
      affiliations: unique(
        extraction.affiliations.map {
          Affiliation(person: id($0.person), org: id($0.org), title: $0.title)
        }),
      parents: unique(
        extraction.parents.map {
          ParentLink(child: id($0.child), parent: id($0.parent), evidence: $0.evidence)
        }),
      meetings: extraction.meetings.map {
        Meeting(
          participants: Array(Set($0.participants.map(id))).sorted(), date: $0.date,
          place: $0.place,
          status: $0.status, evidence: $0.evidence, sentence: $0.sentence)
      })
  }

  /// Renamed institutions that are both present: predecessor → successor.
  func successions(among present: Set<String>) -> [Succession] {
    var successions: [Succession] = []
    for institution in gazetteer.institutions {
      guard let predecessorID = institution.predecessor,
        let predecessor = institutionsByID[predecessorID]
      else { continue }
      let old = "\(predecessor.type.rawValue):\(predecessor.id)"
      let new = "\(institution.type.rawValue):\(institution.id)"
      guard present.contains(old), present.contains(new) else { continue }
      successions.append(Succession(predecessor: old, successor: new))
    }
    return successions.sorted { ($0.predecessor, $0.successor) < ($1.predecessor, $1.successor) }
  }

  /// The part of an id after its last colon ("g:kr-motir" → "kr-motir"),
  /// as `id.split(separator: ":").last` gives it, without splitting.
  static func lastPart(of id: String) -> Substring? {
    // On the UTF-8 view: a colon is one byte, and no grapheme breaking is needed.
    if let colon = id.utf8.lastIndex(of: 0x3A), id.utf8.index(after: colon) != id.utf8.endIndex {
      return id[id.utf8.index(after: colon)...]
    }
    return id.split(separator: ":").last
  }

  /// The most frequent name, then the longest, then the first in order.
  func best(_ names: [String], counts: [String: Int]) -> String {
    names.min { a, b in
      let ca = counts[a] ?? 0
      let cb = counts[b] ?? 0
      if ca != cb { return ca > cb }
      if a.count != b.count { return a.count > b.count }
      return a < b
    } ?? ""
  }

  /// A person's name prepared for typo comparison.
  struct ComparableName {
    var letters: String
    var characters: [Character]
    var words: Set<Substring>

    /// - Parameter plain: the name as written, without a parenthesised part.
    init(plain: String) {
      letters = PersonName.letters(plain)
      characters = Array(letters)
      words = Set(plain.lowercased().split(separator: " "))
    }

    /// Pairs of indices that may be typos of each other, found through
    /// indexes rather than by comparing every pair: names one deletion apart
    /// share a deletion variant, and a name whose words are a subset of
    /// another's matches one of that name's word subsets.
    static func candidatePairs(_ names: [ComparableName]) -> [(Int, Int)] {
      // A handful of names (the usual case) is cheaper to compare directly.
      if names.count <= 16 {
        return names.indices.flatMap { a in names.indices.filter { $0 > a }.map { (a, $0) } }
      }
      // Deletion variants as FNV-1a hashes of the letters with one skipped:
      // no strings built. A collision only adds a candidate, which the exact
      // check rejects.
      // (variant hash, name index), sorted later: names sharing a variant
      // are then neighbours, without a dictionary of arrays.
      var variants: [(hash: UInt64, name: Int)] = []
      var fullSets: [String: [Int]] = [:]
      var subsetKeys: [[String]] = []
      // Characters are skipped, not bytes: "josésilva" and "josesilva" are
      // one edit apart, as ``isTypo(of:)`` counts.
      func hash(_ characters: [Character], skipping cut: Int) -> UInt64 {
        var hash = FNV1a()
        for (k, character) in characters.enumerated() where k != cut {
          for byte in character.utf8 { hash.add(byte) }
        }
        return hash.value
      }
      for (i, name) in names.enumerated() {
        var own: Set<UInt64> = [hash(name.characters, skipping: -1)]
        if name.characters.count >= 4 {
          for cut in name.characters.indices { own.insert(hash(name.characters, skipping: cut)) }
        }
        for variant in own { variants.append((variant, i)) }
        let words = name.words.map(String.init).sorted()
        var keys: [String] = []
        if words.count >= 2, words.count <= 6 {
          fullSets[words.joined(separator: " "), default: []].append(i)
          for mask in 1..<(1 << words.count) where mask.nonzeroBitCount >= 2 {
            keys.append(
              words.indices.filter { mask & (1 << $0) != 0 }.map { words[$0] }.joined(
                separator: " "))
          }
        }
        subsetKeys.append(keys)
      }
      // Pairs packed as `a << 32 | b` with a < b: sorting the packed values
      // sorts the pairs.
      var pairs: Set<UInt64> = []
      func pair(_ a: Int, _ b: Int) -> UInt64 {
        UInt64(Swift.min(a, b)) << 32 | UInt64(Swift.max(a, b))
      }
      variants.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.name < $1.name }
      var start = 0
      while start < variants.count {
        var end = start + 1
        while end < variants.count, variants[end].hash == variants[start].hash { end += 1 }
        for a in start..<end {
          for b in (a + 1)..<end where variants[a].name != variants[b].name {
            pairs.insert(pair(variants[a].name, variants[b].name))
          }
        }
        start = end
      }
      // A name whose whole word set is a subset of another's.
      for (i, keys) in subsetKeys.enumerated() {
        for key in keys {
          for j in fullSets[key] ?? [] where j != i { pairs.insert(pair(i, j)) }
        }
      }
      return pairs.sorted().map { (Int($0 >> 32), Int($0 & 0xFFFF_FFFF)) }
    }

    /// True when the names differ by one letter, or one's words contain the
    /// other's ("Kim JK Kim" ⊇ "JK Kim").
    func isTypo(of other: ComparableName) -> Bool {
      if letters == other.letters { return true }
      if abs(characters.count - other.characters.count) <= 1,
        min(characters.count, other.characters.count) >= 4,
        Resolver.withinOneEdit(characters, other.characters)
      {
        return true
      }
      // Names of two to six words (the ones ``candidatePairs(_:)`` indexes).
      return (words.isSubset(of: other.words) || other.words.isSubset(of: words))
        && min(words.count, other.words.count) >= 2 && max(words.count, other.words.count) <= 6
    }
  }

  /// True when one insertion, deletion or substitution (or none) turns
  /// `a` into `b`: Levenshtein distance ≤ 1, in one linear pass (the full
  /// distance table compared every pair of characters).
  static func withinOneEdit(_ a: [Character], _ b: [Character]) -> Bool {
    let (short, long) = a.count <= b.count ? (a, b) : (b, a)
    guard long.count - short.count <= 1 else { return false }
    var i = 0
    while i < short.count, short[i] == long[i] { i += 1 }
    if i == short.count { return true }  // equal, or one added at the end
    if short.count == long.count {
      // One substitution at i: the rest must agree.
      return short[(i + 1)...].elementsEqual(long[(i + 1)...])
    }
    // One insertion into `short` at i.
    return short[i...].elementsEqual(long[(i + 1)...])
  }

  /// "Korea Chamber of Commerce & Industry" → "korea-chamber-of-commerce-industry".
  static func slug(_ text: String) -> String {
    // ASCII names (almost all): one pass over the bytes.
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      var bytes: [UInt8] = []
      bytes.reserveCapacity(text.utf8.count)
      for byte in text.utf8 {
        let lower = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
        if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
          bytes.append(lower)
        } else if let last = bytes.last, last != 0x2D {
          bytes.append(0x2D)
        }
      }
      while bytes.last == 0x2D { bytes.removeLast() }
      return bytes.isEmpty ? "unnamed" : String(decoding: bytes, as: UTF8.self)
    }
    var result = ""
    var dash = false
    for scalar in Tokenizer.fold(text).unicodeScalars {
      if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        result.unicodeScalars.append(scalar)
        dash = false
      } else if !dash, !result.isEmpty {
        result += "-"
        dash = true
      }
    }
    while result.hasSuffix("-") { result.removeLast() }
    return result.isEmpty ? "unnamed" : result
  }
}

/// The elements in first-seen order, each once.
func unique<T: Hashable>(_ items: [T]) -> [T] {
  var seen: Set<T> = []
  return items.filter { seen.insert($0).inserted }
}

extension String {
  /// "JK (Jung-Kwan) Kim" → "JK Kim".
  var replacingParentheses: String {
    guard utf8.contains(0x28), let open = firstIndex(of: "("),
      let close = self[open...].firstIndex(of: ")")
    else {
      return self
    }
    return (self[..<open] + self[index(after: close)...]).split(separator: " ").joined(
      separator: " ")
  }
}
