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
    var parent = Array(nodes.indices)
    func find(_ x: Int) -> Int {
      var x = x
      while parent[x] != x {
        parent[x] = parent[parent[x]]
        x = parent[x]
      }
      return x
    }
    func union(_ a: Int, _ b: Int) {
      let ra = find(a)
      let rb = find(b)
      if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
    var owner: [String: Int] = [:]
    for (n, (r, e)) in nodes.enumerated() {
      for key in extractions[r].entities[e].keys.sorted() {
        if let other = owner[key] { union(n, other) } else { owner[key] = n }
      }
    }
    // Typos of a name in the same single-holder role at the same body.
    var roles: [String: [Int]] = [:]
    for (r, extraction) in extractions.enumerated() {
      for affiliation in extraction.affiliations {
        guard let title = affiliation.title?.lowercased(), Lexicon.singularRoles.contains(title)
        else { continue }
        let org = find(nodeIndex[r][affiliation.org])
        roles["\(org)|\(title)", default: []].append(nodeIndex[r][affiliation.person])
      }
    }
    for key in roles.keys.sorted() {
      // Compare each distinct name once, with letters and words precomputed.
      var byName: [String: (node: Int, name: ComparableName)] = [:]
      for node in roles[key] ?? [] {
        let (r, e) = nodes[node]
        guard let person = extractions[r].entities[e].person else { continue }
        let name = ComparableName(person)
        if let first = byName[name.letters] {
          union(first.node, node)
        } else {
          byName[name.letters] = (node, name)
        }
      }
      let distinct = byName.values.sorted { $0.name.letters < $1.name.letters }
      for (x, y) in ComparableName.candidatePairs(distinct.map(\.name))
      where distinct[x].name.isTypo(of: distinct[y].name) {
        union(distinct[x].node, distinct[y].node)
      }
    }

    // Build the global entities.
    var groups: [Int: [Int]] = [:]
    for n in nodes.indices { groups[find(n), default: []].append(n) }
    var drafts: [(root: Int, entity: Entity, sortKey: String)] = []
    for (root, members) in groups {
      let locals = members.map { extractions[nodes[$0].0].entities[nodes[$0].1] }
      drafts.append((root, merge(locals), locals.flatMap(\.keys).min() ?? ""))
    }
    // Stable ids: slugs, with a counter on the rare clash (by key order).
    drafts.sort { $0.sortKey < $1.sortKey }
    var used: Set<String> = []
    var idOfRoot: [Int: String] = [:]
    var entities: [Entity] = []
    for draft in drafts {
      var entity = draft.entity
      var id = entity.id
      var counter = 2
      while used.contains(id) {
        id = "\(entity.id)-\(counter)"
        counter += 1
      }
      used.insert(id)
      entity.id = id
      idOfRoot[draft.root] = id
      entities.append(entity)
    }
    entities.sort { $0.id < $1.id }

    let releases = extractions.enumerated().map { r, extraction in
      // Each local entity's global id, looked up once.
      let ids = nodeIndex[r].map { idOfRoot[find($0)] ?? "" }
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

    // Renamed institutions that both appear: predecessor → successor.
    let byGazetteer = Dictionary(
      entities.compactMap { e in Resolver.lastPart(of: e.id).map { (String($0), e.id) } },
      uniquingKeysWith: { a, _ in a })
    var successions: [Succession] = []
    for institution in gazetteer.institutions {
      guard let predecessor = institution.predecessor, let old = byGazetteer[predecessor],
        let new = byGazetteer[institution.id]
      else { continue }
      successions.append(Succession(predecessor: old, successor: new))
    }
    // Parent bodies from the gazetteer, in each release's era.
    var known: Set<KnownParent> = []
    if let index {
      for (r, extraction) in extractions.enumerated() {
        for (e, local) in extraction.entities.enumerated() {
          guard let gid = local.gazetteerID, let parentID = institutionsByID[gid]?.parent,
            let parentIndex = index.institutionByID[parentID]
          else { continue }
          let era = index.era(of: parentIndex, on: extraction.release.date)
          guard let parent = byGazetteer[index.gazetteer.institutions[era].id],
            let child = idOfRoot[find(nodeIndex[r][e])], child != parent
          else { continue }
          known.insert(KnownParent(child: child, parent: parent))
        }
      }
    }
    return EntityGraph(
      entities: entities, releases: releases,
      successions: successions.sorted { $0.predecessor < $1.predecessor },
      knownParents: known.sorted { ($0.child, $0.parent) < ($1.child, $1.parent) })
  }

  /// One entity from the local views of it.
  func merge(_ locals: [LocalEntity]) -> Entity {
    let gazetteerID = locals.compactMap(\.gazetteerID).min()
    let type: EntityType = {
      if let gazetteerID, let entry = institutionsByID[gazetteerID] {
        return entry.type
      }
      var counts: [EntityType: Int] = [:]
      for local in locals { counts[local.type, default: 0] += 1 }
      return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? locals[0].type
    }()
    var forms: [String: Int] = [:]
    for local in locals {
      for form in local.forms { forms[form, default: 0] += 1 }
    }
    let name: String
    let countryKey = locals.flatMap(\.keys).first { $0.hasPrefix("c:") }
    if let gazetteerID, let entry = institutionsByID[gazetteerID] {
      name = entry.name
    } else if let countryKey,
      let entry = countriesByKey[countryKey]
    {
      name = entry.name
    } else if type == .person {
      // Prefer a form with the given name spelled out ("Kim Jung-kwan").
      let people = locals.compactMap(\.person)
      let expanded = people.filter { $0.canonical != $0.surface.replacingParentheses }.map(
        \.canonical)
      name = expanded.min() ?? best(people.map(\.canonical), counts: forms)
    } else {
      name = best(locals.map(\.name), counts: forms)
    }
    let aliases = Set(forms.keys).subtracting([name]).sorted()
    let slug: String
    if let gazetteerID {
      slug = gazetteerID
    } else if let countryKey {
      slug = countryKey.dropFirst(2).lowercased()
    } else {
      slug = Resolver.slug(name)
    }
    let country = locals.compactMap(\.country).min()
    return Entity(
      id: "\(type.rawValue):\(slug)", name: name, type: type, aliases: aliases, country: country)
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

    init(_ name: PersonName) {
      let plain = name.surface.replacingParentheses
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
      func hash(_ bytes: [UInt8], skipping cut: Int) -> UInt64 {
        var hash = FNV1a()
        for (k, byte) in bytes.enumerated() where k != cut { hash.add(byte) }
        return hash.value
      }
      for (i, name) in names.enumerated() {
        let bytes = Array(name.letters.utf8)
        var own: Set<UInt64> = [hash(bytes, skipping: -1)]
        if name.characters.count >= 4 {
          for cut in bytes.indices { own.insert(hash(bytes, skipping: cut)) }
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
      return (words.isSubset(of: other.words) || other.words.isSubset(of: words))
        && min(words.count, other.words.count) >= 2
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
