import PressReleases

/// An acronym defined somewhere in the corpus: "Korea Chamber of Commerce
/// and Industry (KCCI)".
struct AcronymDefinition: Hashable, Sendable {
  var name: String
  var type: EntityType
  var keys: Set<String>
  var country: String?
  var gazetteerID: String?
}

/// What one release yields before corpus-wide resolution.
struct LocalExtraction: Sendable {
  struct LocalMention: Hashable, Sendable {
    var entity: Int
    var sentence: Int
    var start: Int
    var end: Int
    var text: String
    /// The rule that found the mention.
    var rule = ""
  }
  struct LocalAffiliation: Hashable, Sendable {
    var person: Int
    var org: Int
    var title: String?
    /// The rule that stated the affiliation.
    var rule = ""
    /// Made from a short head title ("Foreign Minister"): the country
    /// stands in when the release never names the body.
    var viaShortTitle = false
  }
  struct LocalParent: Hashable, Sendable {
    var child: Int
    var parent: Int
    var evidence: String
    /// The rule that stated the link.
    var rule = ""
  }
  struct LocalMeeting: Hashable, Sendable {
    var participants: [Int]
    var date: DateSpan?
    var place: String?
    var status: MeetingStatus
    var evidence: String
    var sentence: Int
    /// The ids of the rules that made the meeting (its trigger first).
    var rules: [String] = []
  }

  var release: Release
  var entities: [LocalEntity] = []
  var mentions: [LocalMention] = []
  var affiliations: [LocalAffiliation] = []
  var parents: [LocalParent] = []
  var meetings: [LocalMeeting] = []
  /// Institution acronyms this release defines.
  var definitions: [String: AcronymDefinition] = [:]
  /// Acronym-like tokens it could not place.
  var unresolvedAcronyms: Set<String> = []
}

/// Extracts entities and relations from one release.
///
/// The rules, in order, per sentence:
/// 1. **Institutions by head noun**: "Ministry of …", "… Agency", "…
///    Committee on …", "Embassy in …"; checked against the gazetteer, with a
///    country qualifier ("Vietnam's Ministry of Finance") kept apart from
///    Korea's bodies.
/// 2. **Acronym definitions**: "Long Name (ACR)" and appositives that name
///    the head, "(MOTIR, Minister JK Kim)". A definition in the release beats
///    built-in data; a long form that is not an institution ("memorandum of
///    understanding (MOU)") makes the acronym a non-entity in this release.
/// 3. **Gazetteer phrases**: known institutions, countries by name,
///    abbreviation and adjective; regions are recognised and skipped.
/// 4. **People with titles**, in the forms "Title Name", "ORG Title Name",
///    "Name, Title at/of ORG", "Title for X Name"; short references
///    ("Minister Kim") resolve to the full name in the release.
/// 5. **Companies**: "X, a … company", "CEO of X", lists of firms with their
///    sectors, "visited the headquarters of X", company suffixes.
/// 6. **Relations**: affiliations, parent bodies ("X under Y") and meetings
///    (see ``MeetingFinder``).
struct ReleaseExtractor: Sendable {
  let index: PhraseIndex
  /// Acronyms defined in other releases of the corpus.
  var corpusAcronyms: [String: AcronymDefinition] = [:]

  func extract(_ release: Release) -> LocalExtraction {
    var state = State(release: release, index: index, corpusAcronyms: corpusAcronyms)
    state.run()
    return state.result
  }
}

extension ReleaseExtractor {
  /// A sentence as the rule engine sees it once extraction has run on it
  /// alone: its tokens and every mention found (for rule examples).
  static func exampleInput(_ sentence: String) -> MatchInput {
    let outcome = ReleaseReader().read(
      SourceDocument(
        path: "example.txt", format: .text, text: "Example\nDate: 2025-01-02\n" + sentence))
    guard let release = outcome.releases.first else {
      return MatchInput(tokens: Tokenizer.tokens(sentence))
    }
    var state = State(
      release: release, index: PhraseIndex.builtIn, corpusAcronyms: [:])
    state.run()
    guard !state.sentences.isEmpty else { return MatchInput(tokens: Tokenizer.tokens(sentence)) }
    // Examples are one sentence each; only the first is matched.
    return state.matchInput(0)
  }
}

/// The working state of one release's extraction.
struct State {
  let index: PhraseIndex
  let corpusAcronyms: [String: AcronymDefinition]
  var result: LocalExtraction
  var sentences: [SentenceWork]
  var byKey: [String: Int] = [:]
  /// Acronyms defined in this release: entity index, or nil for a
  /// non-entity definition ("MOU" for memorandum of understanding).
  var localAcronyms: [String: Int?] = [:]
  /// People mentioned by title and family name only, resolved after all
  /// full names are known: (sentence, token range, title, family name).
  var shortReferences: [(Int, Range<Int>, String, String)] = []
  /// Per person: the title they were given in this release.
  var titles: [Int: String] = [:]
  /// The countries the release names (see ``mentionedCountries()``).
  var mentionedCountryCodes: Set<String>?
  /// Unnamed officials: (sentence, token range, organisation) as in "the
  /// Vietnamese Minister of Finance".
  var unnamedOfficials: [(Int, Range<Int>, Int)] = []
  /// Bodies made from a short head title ("Foreign Minister"), with the
  /// country that stands in when the release never names the body.
  var shortTitleBodies: [Int: Int] = [:]
  /// The body ``organisationForTitle`` last made from a short title, for
  /// the affiliation that follows.
  var shortTitleBody: Int?
  /// Bodies found by pattern (organisations and companies not in the
  /// gazetteer), by their name's first word and by their whole name, in
  /// the order they were made: ``shortFormMatch(_:type:)`` looks them up
  /// instead of scanning every entity of the release.
  var patternBodiesByFirstWord: [String: [Int]] = [:]
  var patternBodiesByName: [String: [Int]] = [:]
  /// Organisations of any type not in the gazetteer, by lowercased name,
  /// for ``sameNamedBody(_:)``.
  var unlistedBodiesByLowerName: [String: [Int]] = [:]

  init(release: Release, index: PhraseIndex, corpusAcronyms: [String: AcronymDefinition]) {
    self.index = index
    self.corpusAcronyms = corpusAcronyms
    result = LocalExtraction(release: release)
    sentences = release.sentences.map(SentenceWork.init)
  }

  mutating func run() {
    for s in sentences.indices { findInstitutions(s) }
    for s in sentences.indices {
      findDefinitions(s)
      scanGazetteer(s)
      findPeople(s)
      findCompanies(s)
    }
    propagateNames()
    attachLateBodies()
    resolveShortReferences()
    settleShortTitles()
    attachUnaffiliatedOfficials()
    findParents()
    var finder = MeetingFinder(state: self)
    let meetings = finder.find()
    self = finder.state  // keeps entities the finder added (bilateral sides)
    result.meetings = meetings
    collectMentions()
    pruneUnused()
  }

  /// Drops entities that nothing refers to (bodies made for a title whose
  /// official was then given to the country), renumbering the rest.
  mutating func pruneUnused() {
    var used = Array(repeating: false, count: result.entities.count)
    for m in result.mentions { used[m.entity] = true }
    for a in result.affiliations {
      used[a.person] = true
      used[a.org] = true
    }
    for p in result.parents {
      used[p.child] = true
      used[p.parent] = true
    }
    for m in result.meetings { for e in m.participants { used[e] = true } }
    guard used.contains(false) else { return }
    var number = Array(repeating: -1, count: used.count)
    var entities: [LocalEntity] = []
    for (e, isUsed) in used.enumerated() where isUsed {
      number[e] = entities.count
      entities.append(result.entities[e])
    }
    result.entities = entities
    for i in result.mentions.indices {
      result.mentions[i].entity = number[result.mentions[i].entity]
    }
    for i in result.affiliations.indices {
      result.affiliations[i].person = number[result.affiliations[i].person]
      result.affiliations[i].org = number[result.affiliations[i].org]
    }
    for i in result.parents.indices {
      result.parents[i].child = number[result.parents[i].child]
      result.parents[i].parent = number[result.parents[i].parent]
    }
    for i in result.meetings.indices {
      result.meetings[i].participants = result.meetings[i].participants.map { number[$0] }
    }
  }

  /// A name found once with a cue is a name wherever the release repeats
  /// it: "visited Daon Robotics" before "CEO of Daon Robotics". People (two
  /// words or more), firms and bodies found by pattern; the repeat must be
  /// written the same way and not be part of another mention.
  mutating func propagateNames() {
    var byFirst: [String: [(words: [String], entity: Int)]] = [:]
    for (e, entity) in result.entities.enumerated() where entity.gazetteerID == nil {
      guard [.person, .company, .organization, .agency].contains(entity.type) else { continue }
      for form in entity.forms.sorted() {
        let words = Tokenizer.tokens(form).map(\.text)
        guard let first = words.first, first.first?.isUppercase == true,
          entity.type != .person || words.count >= 2
        else { continue }
        byFirst[first, default: []].append((words, e))
        // "Doh, Min-seo": the comma form of a two-word person's name.
        if entity.type == .person, words.count == 2 {
          byFirst[first, default: []].append(([words[0], ",", words[1]], e))
        }
      }
    }
    guard !byFirst.isEmpty else { return }
    let firstWords = WordFilter(byFirst.keys)
    for s in sentences.indices {
      let tokens = sentences[s].tokens
      var i = 0
      while i < tokens.count {
        guard tokens[i].isCapitalized, !sentences[s].claimed[i],
          firstWords.mayContain(tokens[i].text), let candidates = byFirst[tokens[i].text]
        else {
          i += 1
          continue
        }
        var matched: (end: Int, entity: Int)?
        for candidate in candidates where i + candidate.words.count <= tokens.count {
          let end = i + candidate.words.count
          guard end > (matched?.end ?? 0),
            (i..<end).allSatisfy({ !sentences[s].claimed[$0] }),
            zip(tokens[i..<end], candidate.words).allSatisfy({ $0.text == $1 }),
            end == tokens.count || !tokens[end].isCapitalized || !tokens[end].isWord
          else { continue }
          matched = (end, candidate.entity)
        }
        if let matched {
          sentences[s].claim(i..<matched.end, entity: matched.entity, rule: "mention.same-name")
          i = matched.end
        } else {
          i += 1
        }
      }
    }
  }

  // MARK: - Entities

  /// Finds or creates the local entity for a set of keys.
  mutating func intern(
    keys: Set<String>, type: EntityType, name: String, form: String, country: String? = nil,
    gazetteerID: String? = nil, person: PersonName? = nil
  ) -> Int {
    // The entity of the smallest known key (keys are compared in order, so
    // the choice does not depend on the set's iteration order).
    var found: (key: String, entity: Int)?
    for key in keys {
      guard let entity = byKey[key] else { continue }
      if let current = found, current.key <= key { continue }
      found = (key, entity)
    }
    if let existing = found?.entity {
      result.entities[existing].addForm(form)
      for key in keys where byKey[key] == nil {
        byKey[key] = existing
        result.entities[existing].keys.insert(key)
      }
      if let person, result.entities[existing].person == nil {
        result.entities[existing].person = person
      }
      return existing
    }
    let entity = LocalEntity(
      type: type, forms: [form], name: name, keys: keys, country: country,
      gazetteerID: gazetteerID, person: person)
    result.entities.append(entity)
    let id = result.entities.count - 1
    for key in keys { byKey[key] = id }
    indexName(of: id)
    return id
  }

  /// The first word of a body's name: "Fraunhofer" of "Fraunhofer-Gesellschaft".
  static func firstWord(_ text: String) -> String {
    String(text.split(whereSeparator: { $0 == " " || $0 == "-" }).first ?? Substring(text))
  }

  /// Adds entity `e`'s name to the name indexes (types and gazetteer ids
  /// never change once an entity is made; names change only in
  /// ``shortFormMatch(_:type:)``, which re-indexes).
  mutating func indexName(of e: Int) {
    let entity = result.entities[e]
    guard entity.gazetteerID == nil else { return }
    if entity.type == .organization || entity.type == .company {
      patternBodiesByFirstWord[Self.firstWord(entity.name), default: []].append(e)
      patternBodiesByName[entity.name, default: []].append(e)
    }
    if entity.type.isOrganisation {
      unlistedBodiesByLowerName[entity.name.lowercased(), default: []].append(e)
    }
  }

  /// Removes entity `e`'s name from the name indexes.
  mutating func unindexName(of e: Int) {
    let entity = result.entities[e]
    patternBodiesByFirstWord[Self.firstWord(entity.name)]?.removeAll { $0 == e }
    patternBodiesByName[entity.name]?.removeAll { $0 == e }
    unlistedBodiesByLowerName[entity.name.lowercased()]?.removeAll { $0 == e }
  }

  /// The local entity for a gazetteer institution.
  ///
  /// A title, short alias or acronym resolves to the body of that name's
  /// line that existed on the release's date (``PhraseIndex/era(of:on:)``);
  /// the body's own full name keeps the era it names.
  /// Pass `title` when the body is named only through its head's title;
  /// a title that spells out the body's fields ("Minister of Trade,
  /// Industry and Energy") names its era as the full name does.
  mutating func institution(_ i: Int, form: String, title: [Token]? = nil) -> Int {
    var i = i
    let fixed =
      if !index.hasEra(i) {
        true
      } else if let title {
        index.titleNamesEra(PhraseIndex.key(title[...]), of: i)
      } else {
        index.namesEra(PhraseIndex.key(Tokenizer.tokens(form)[...]), of: i)
      }
    let byTitle = title != nil
    if !fixed { i = index.era(of: i, on: result.release.date) }
    let entry = index.gazetteer.institutions[i]
    return intern(
      keys: ["g:" + entry.id], type: entry.type, name: entry.name,
      form: byTitle ? entry.name : form,
      country: entry.country, gazetteerID: entry.id)
  }

  /// The local entity for a country.
  mutating func country(_ i: Int, form: String) -> Int {
    let entry = index.gazetteer.countries[i]
    return intern(keys: ["c:" + entry.code], type: .country, name: entry.name, form: form)
  }

  /// A body found by pattern earlier in this release whose name is this
  /// name's first word, or starts with this name as its first word
  /// ("Fraunhofer" and "Fraunhofer-Gesellschaft"): the same body.
  mutating func shortFormMatch(_ name: String, type: EntityType) -> Int? {
    guard type == .organization || type == .company else { return nil }
    // Longer names that start with this one as their first word, and the
    // body named by this name's first word when this name is longer.
    let longer = (patternBodiesByFirstWord[name] ?? []).filter {
      result.entities[$0].name != name && result.entities[$0].name.count > name.count
    }
    let shorter = (patternBodiesByName[Self.firstWord(name)] ?? []).filter {
      result.entities[$0].name != name && name.count > result.entities[$0].name.count
    }
    let candidates = longer + shorter
    guard candidates.count == 1, let match = candidates.first else { return nil }
    if name.count > result.entities[match].name.count {
      unindexName(of: match)
      result.entities[match].name = name
      indexName(of: match)
    }
    result.entities[match].addForm(name)
    return match
  }

  /// A body of this release with exactly this name (ignoring case), found
  /// by another cue: "Germany's Fraunhofer-Gesellschaft" and "President of
  /// Fraunhofer-Gesellschaft" are one body, whatever each cue guessed.
  func sameNamedBody(_ name: String) -> Int? {
    unlistedBodiesByLowerName[name.lowercased()]?.min()
  }

  /// The local entity for an institution known only by pattern.
  /// `form` is the text as written when it differs from the name
  /// ("State Market Regulatory Administration" for "… (China)").
  mutating func patternInstitution(
    name: String, type: EntityType, country: String?, form: String? = nil
  ) -> Int {
    if let match = shortFormMatch(name, type: type) { return match }
    if type == .organization || type == .company, let same = sameNamedBody(name) { return same }
    let key = "o:\(type.rawValue):\(country ?? ""):" + PhraseIndex.key(Tokenizer.tokens(name)[...])
    return intern(keys: [key], type: type, name: name, form: form ?? name, country: country)
  }

  /// The local entity for a company.
  mutating func company(_ name: String) -> Int {
    if let target = index.exact(Tokenizer.tokens(name)[...]), case .institution(let i) = target {
      return institution(i, form: name)
    }
    if let match = shortFormMatch(name, type: .company) { return match }
    if let same = sameNamedBody(name) { return same }
    let key = "k:" + PersonName.letters(name) + (name.contains(where: \.isNumber) ? "#" : "")
    let digits = String(name.filter(\.isNumber))
    return intern(keys: [key + digits], type: .company, name: name, form: name)
  }

  /// The local entity for a person.
  mutating func person(_ name: PersonName) -> Int {
    intern(
      keys: Set(name.keys.map { "p:" + $0 }), type: .person, name: name.canonical,
      form: name.surface, person: name)
  }

  /// The country index for a token range that names one, if any.
  func countryIndex(_ tokens: ArraySlice<Token>) -> Int? {
    if case .country(let c, _) = index.exact(tokens) { return c }
    return nil
  }

  // MARK: - 1. Institutions by head noun

  mutating func findInstitutions(_ s: Int) {
    let tokens = sentences[s].tokens
    var i = 0
    while i < tokens.count {
      defer { i += 1 }
      guard tokens[i].isCapitalized, tokens[i].classes.contains(.institutionHead),
        !sentences[s].claimed[i], let headType = Lexicon.institutionHeads[tokens[i].lower]
      else { continue }
      let isMinistry = headType == .ministry
      // The head must end the capitalised run, or be followed by of/for/on/in.
      var end = i + 1
      if tokens[i].lower == "consulate" || tokens[i].lower == "secretary",
        end < tokens.count, tokens[end].lower == "general"
      {
        end += 1
      }
      // A title right after the head ends the body's name: "State Market
      // Regulatory Administration Director Zhang Mao".
      if end < tokens.count, tokens[end].isCapitalized,
        !tokens[end].isAcronymLike
          || tokens[end].lower == "general",
        !(i > 0 && tokens[i - 1].isCapitalized && !tokens[i].classes.contains(.titleHead)
          && startsTitle(tokens, at: end) && tokens[end].lower != "general")
      {
        continue
      }
      // Left part: the proper name before the head ("Korea Trade-Investment
      // Promotion"), or for Ministry/Department only a country qualifier.
      var start = i
      var qualifier: Int?
      var qualifierRange: Range<Int>?
      if isMinistry {
        var left = i
        while left > 0, tokens[left - 1].isCapitalized, left > i - 3 {
          left -= 1
        }
        if left < i, let c = countryIndex(tokens[left..<i]) {
          qualifier = c
          start = left
        } else if left < i, tokens[i - 1].lower == "federal" {
          start = i - 1
        }
      } else {
        while start > 0 {
          let previous = tokens[start - 1]
          if sentences[s].claimed[start - 1] { break }
          if previous.isCapitalized, previous.lower != "the",
            start - 1 > 0 || previous.text != "The",
            !previous.classes.contains(.titleHead)
              // "General Political Bureau": a rank word inside a body's name.
              || (Self.rankWordsInNames.contains(previous.lower) && tokens[start].isCapitalized
                && !tokens[start].classes.contains(.titleHead))
          {
            start -= 1
          } else if (previous.isPunct("-") || previous.isPunct("\u{2013}")
            || previous.lower == "and"
            || previous.text == "&"), start >= 2, tokens[start - 2].isCapitalized,
            tokens[start].isCapitalized,
            // "MSIT and World Bank": an acronym before "and" is a body of
            // its own.
            !(previous.lower == "and" && tokens[start - 2].isAcronymLike),
            // "… Chairman Hong Mi-ran and Lumen Association": a titled
            // person ends before "and"; the body starts after it.
            !(previous.lower == "and"
              && tokens[max(0, start - 5)..<(start - 1)].contains {
                $0.classes.contains(.titleHead) && $0.isCapitalized
              })
          {
            start -= 1
          } else if Self.isPossessiveMark(previous), start >= 2, tokens[start - 2].isCapitalized,
            tokens[start].isCapitalized, countryIndex(tokens[(start - 2)..<(start - 1)]) == nil
          {
            // "Korea NGOs’ Energy Network", "Korea Women’s Development
            // Institute": a possessive inside the name (not "Korea’s").
            start -= 1
          } else {
            break
          }
        }
        while start < i, !tokens[start].isCapitalized { start += 1 }
        // "Chinese State Market Regulatory Administration", "the Philippines
        // National Mapping … Authority": a foreign country or demonym before
        // the name says whose body it is; it is not part of the name. (Korean
        // bodies' names start with "Korea": that stays.)
        if start < i - 1,
          let (countryEnd, target) = index.longestMatch(tokens, at: start, limit: i),
          case .country(let c, _) = target, index.gazetteer.countries[c].code != "KR",
          countryEnd < i, tokens[countryEnd].isCapitalized,
          !acronymSpellsQualifier(tokens, nameStart: start, rest: countryEnd, after: end)
        {
          qualifier = c
          qualifierRange = start..<countryEnd
          start = countryEnd
        }
      }
      // Right part: "of/for/on/to … Capitalised", commas in ministry lists,
      // "in City" after missions.
      let allowsIn = State.missionWords.contains(tokens[i].lower)
      var cursor = end
      var namedOfficial: Range<Int>?
      // "the Trade Policy Bureau of the Ministry of …": a sub-unit's "of"
      // names the body it belongs to (a parent, parent.of-the), not more
      // of its name.
      let ofParent =
        State.subUnitHeads.contains(tokens[i].lower) && cursor + 1 < tokens.count
        && tokens[cursor].lower == "of"
        && startsKnownBody(s, at: tokens[cursor + 1].lower == "the" ? cursor + 2 : cursor + 1)
      if !ofParent, cursor < tokens.count,
        State.bodyNamePrepositions.contains(tokens[cursor].lower)
          || (allowsIn && tokens[cursor].lower == "in"),
        cursor + 1 < tokens.count
      {
        var probe = cursor + 1
        if tokens[probe].lower == "the", probe + 1 < tokens.count { probe += 1 }
        if tokens[probe].isCapitalized, !sentences[s].claimed[probe],
          !tokens[probe].classes.contains(.calendar)
        {
          var last = probe
          var j = probe + 1
          while j < tokens.count, !sentences[s].claimed[j] {
            let t = tokens[j]
            if t.classes.contains(.calendar) { break }
            // "… and the Ministry of …" starts another body.
            if t.isCapitalized, Lexicon.institutionHeads[t.lower] == .ministry, j > probe { break }
            if t.isCapitalized, !t.classes.contains(.titleHead) || t.lower == "representative" {
              last = j
              j += 1
            } else if State.institutionConnectors.contains(t.lower)
              || t.text == "&" || t.isPunct("-")
            {
              if t.lower == "in", !allowsIn { break }
              // "… and the Saudi …": another body.
              if t.lower == "and", j + 1 < tokens.count, tokens[j + 1].lower == "the" { break }
              // "Ministry of Planning … of Pakistan": the government, not the name.
              // So is "Authority of Urban Transport for Lima and Callao of
              // Peru": a body whose name has its own of/for phrase.
              if t.lower == "of",
                isMinistry
                  || tokens[probe..<j].contains(where: { $0.lower == "for" || $0.lower == "of" }),
                let (countryEnd, target) = index.longestMatch(
                  tokens, at: j + 1), case .country(let c, _) = target,
                countryEnd == tokens.count || !tokens[countryEnd].isCapitalized
              {
                if qualifier == nil { qualifier = c }
                break
              }
              // "… Foreign Affairs and Polish Deputy Minister …": a country word
              // or a title after "and" starts something else.
              if t.lower == "and", j + 1 < tokens.count,
                startsTitle(tokens, at: j + 1)
                  || (index.longestMatch(tokens, at: j + 1).map { match -> Bool in
                    if case .country = match.1 { return true }
                    return false
                  } ?? false)
              {
                break
              }
              j += 1
            } else if t.isPunct(","), isMinistry, commaList(tokens, after: j) {
              j += 1
            } else {
              break
            }
          }
          // "Office for Government Policy Coordination Kang Hye-jin": a
          // Korean name closing the run is the body's official, not its name.
          if let tail = koreanNameTail(s, probe..<(last + 1)), tail.lowerBound > probe {
            last = tail.lowerBound - 1
            namedOfficial = tail
          }
          cursor = last + 1
        }
      }
      end = max(end, cursor)
      // A body named by generic words only ("Technical Subcommittee") is
      // none, unless "of the Ministry …" says whose it is.
      let words = tokens[start..<end].filter(\.isWord).map(\.lower)
      if !ofParent,
        words.allSatisfy({
          Lexicon.genericBodyWords.contains($0) || Lexicon.institutionHeads[$0] != nil
        })
      {
        i = end - 1
        continue
      }
      // "the 4th Korea-India Joint Committee on …", "Korea–U.S. Energy
      // Dialogue": a forum of two countries is a meeting, not a body.
      if Self.forumHeads.contains(tokens[i].lower), namesTwoCountries(tokens, start..<i) {
        for k in start..<end { sentences[s].claimed[k] = true }
        i = end - 1
        continue
      }
      // A possessive country before: "Vietnam's Ministry of Finance".
      if qualifier == nil, start >= 2, tokens[start - 1].text.hasSuffix("s"),
        !tokens[start - 1].isWord,
        let c = countryIndex(tokens[(start - 2)..<(start - 1)])
      {
        qualifier = c
      }
      // "the Korean Government", "the Peruvian Government", "the Government
      // of Peru": a national government is its country (a province's
      // government is in the gazetteer by its own name).
      if tokens[i].lower == "government" {
        let first = qualifierRange?.lowerBound ?? start
        var rest: Range<Int>?
        if end == i + 1, first < i {
          rest = first..<i
        } else if first == i, i + 2 < end, tokens[i + 1].lower == "of" {
          rest = (tokens[i + 2].lower == "the" ? i + 3 : i + 2)..<end
        }
        if let rest, !rest.isEmpty, let c = countryIndex(tokens[rest]) {
          sentences[s].claim(
            first..<end, entity: country(c, form: sentences[s].text(first..<end)),
            rule: "country.government")
          i = end - 1
          continue
        }
      }
      let entity = resolveInstitution(
        s, range: start..<end, head: i, type: headType, qualifier: qualifier, ministry: isMinistry)
      if let entity {
        sentences[s].claim(start..<end, entity: entity, rule: "institution.head-noun")
        if let namedOfficial, !sentences[s].claimed[namedOfficial.lowerBound],
          let name = PersonName(tokens: tokens[namedOfficial].map(\.text))
        {
          let official = person(name)
          sentences[s].claim(namedOfficial, entity: official, rule: "person.after-body-name")
          affiliate(official, entity, title: nil, rule: "person.after-body-name")
        }
        if let qualifierRange, let qualifier, !sentences[s].claimed[qualifierRange.lowerBound] {
          // The name as written, country word included, is one of its forms.
          result.entities[entity].addForm(sentences[s].text(qualifierRange.lowerBound..<end))
          let form = sentences[s].text(qualifierRange)
          sentences[s].claim(
            qualifierRange, entity: country(qualifier, form: form),
            rule: "institution.country-qualifier")
        }
      }
      i = end - 1
    }
  }

  /// True when a title starts at `i`: a title head ("Minister", "Deputy"),
  /// or modifiers followed closely by one ("Vice Minister").
  /// True when "(ACR)" after a body's name starts with the letter of the
  /// country word before it and not with the rest's: "Saudi Data and AI
  /// Authority (SDAIA)" is the name, country word included.
  func acronymSpellsQualifier(_ tokens: [Token], nameStart: Int, rest: Int, after end: Int) -> Bool
  {
    var k = end
    // The acronym may follow the head's of-phrase; look a few tokens on.
    while k < tokens.count, k < end + 12, !tokens[k].isPunct("(") { k += 1 }
    guard k + 1 < tokens.count, tokens[k].isPunct("("), tokens[k + 1].isAcronymLike,
      let letter = tokens[k + 1].text.first, let country = tokens[nameStart].text.first,
      let own = tokens[rest].text.first
    else { return false }
    return letter == country && letter != own
  }

  /// Signs written right after a country's abbreviation to name its
  /// currency ("US$", "HK$", "A$").
  static let currencySigns: Set<String> = ["$", "\u{20A9}", "\u{00A5}", "\u{20AC}", "\u{00A3}"]

  /// Rank words that can start a body's name ("General Political Bureau").
  static let rankWordsInNames: Set<String> = ["general", "central", "supreme"]

  /// Heads of bilateral forums (`bilateral-forum-heads.txt`).
  static let forumHeads = Lexicon.words("bilateral-forum-heads")

  /// True when the run holds "Country-Country" (one hyphenated token, or
  /// two countries around a dash): "Korea-India", "Korea–U.S.".
  func namesTwoCountries(_ tokens: [Token], _ range: Range<Int>) -> Bool {
    func isCountry(_ text: some StringProtocol) -> Bool {
      if case .country = index.exact(Tokenizer.tokens(String(text))[...]) { return true }
      return false
    }
    for k in range {
      let halves = tokens[k].text.split(separator: "-")
      if tokens[k].isWord, halves.count == 2, isCountry(halves[0]), isCountry(halves[1]) {
        return true
      }
      if k > range.lowerBound, k + 1 < range.upperBound,
        tokens[k].isPunct("-") || tokens[k].isPunct("\u{2013}"),
        let (leftEnd, left) = index.longestMatch(tokens, at: k - 1), leftEnd == k,
        case .country = left,
        let (_, right) = index.longestMatch(tokens, at: k + 1), case .country = right
      {
        return true
      }
    }
    return false
  }

  /// An apostrophe or possessive token ("’", "'s").
  static func isPossessiveMark(_ token: Token) -> Bool {
    !token.isWord && State.apostrophes.contains(token.text)
  }

  func startsTitle(_ tokens: [Token], at i: Int) -> Bool {
    var k = i
    while k < tokens.count, k < i + 3, tokens[k].isCapitalized {
      if tokens[k].classes.contains(.titleHead) { return true }
      // A topic word ("and Industry Chairman") may still end a body's name.
      guard tokens[k].classes.contains(.titleModifier), k > i || !tokens[k].classes.contains(.topic)
      else { return false }
      k += 1
    }
    return false
  }

  /// True when the comma at `j` continues a list such as "Trade, Industry,
  /// and Resources" (an "and" follows within a few capitalised words).
  func commaList(_ tokens: [Token], after j: Int) -> Bool {
    var k = j + 1
    var words = 0
    while k < tokens.count, k <= j + 5 {
      if tokens[k].lower == "and" { return words > 0 || tokens[k - 1].isPunct(",") }
      if tokens[k].isCapitalized {
        if tokens[k].classes.contains(.institutionHead)
          || tokens[k].classes.contains(.titleHead)
        {
          return false
        }
        words += 1
      } else if !tokens[k].isPunct(",") {
        return false
      }
      k += 1
    }
    return false
  }

  /// Decides which entity an institution phrase is.
  mutating func resolveInstitution(
    _ s: Int, range: Range<Int>, head: Int, type: EntityType, qualifier: Int?, ministry: Bool
  ) -> Int? {
    let tokens = sentences[s].tokens
    let form = sentences[s].text(range)
    // The whole phrase as the gazetteer knows it (unless a foreign country
    // qualifies it: "the Ministry of Foreign Affairs of Norway" is Norway's).
    if case .institution(let g) = index.exact(tokens[range]),
      qualifier.map({
        index.gazetteer.countries[$0].code == index.gazetteer.institutions[g].country
      })
        ?? true
    {
      return institution(g, form: form)
    }
    let baseRange = ministry && qualifier != nil ? head..<range.upperBound : range
    let base = sentences[s].text(baseRange)
    var countryCode: String?
    if let qualifier {
      countryCode = index.gazetteer.countries[qualifier].code
    }
    if let countryCode, countryCode != "KR", let qualifier {
      // A foreign body: "Ministry of Finance (Vietnam)".
      let countryName = index.gazetteer.countries[qualifier].name
      let name = "\(base) (\(countryName))"
      if case .institution(let g) = index.exact(Tokenizer.tokens(name)[...]) {
        return institution(g, form: form)
      }
      return patternInstitution(name: name, type: type, country: countryCode, form: base)
    }
    if case .institution(let g) = index.exact(tokens[baseRange]) {
      return institution(g, form: form)
    }
    // A bare generic ministry name refers to a foreign one named earlier.
    if ministry, qualifier == nil {
      let key = PhraseIndex.key(tokens[baseRange])
      if let earlier = result.entities.indices.first(where: { e in
        result.entities[e].type == .ministry && result.entities[e].country != nil
          && result.entities[e].country != "KR"
          && PhraseIndex.key(Tokenizer.tokens(result.entities[e].name)[...]).hasPrefix(key + " ")
      }) {
        result.entities[earlier].addForm(form)
        return earlier
      }
    }
    // A sub-body of a known organisation: "WTO Committee on …".
    if !ministry, range.lowerBound < head,
      let acronym = index.acronyms[tokens[range.lowerBound].text],
      index.gazetteer.institutions[acronym].type == .organization,
      ["committee", "council", "subcommittee", "board", "secretariat", "group"].contains(
        tokens[head].lower)
    {
      return institution(acronym, form: form)
    }
    let name = sentences[s].text(range)
    return patternInstitution(name: name, type: type, country: countryCode)
  }

  // MARK: - 2. Acronym definitions

  mutating func findDefinitions(_ s: Int) {
    let tokens = sentences[s].tokens
    for j in tokens.indices where tokens[j].isPunct("(") {
      guard j + 2 < tokens.count, tokens[j + 1].isAcronymLike,
        tokens[j + 2].isPunct(")") || tokens[j + 2].isPunct(",")
      else { continue }
      let acronym = tokens[j + 1].text
      if let span = sentences[s].span(endingAt: j) {
        localAcronyms[acronym] = span.entity
        result.entities[span.entity].addForm(acronym)
        sentences[s].claim((j + 1)..<(j + 2), entity: span.entity, rule: "acronym.definition")
        let entity = result.entities[span.entity]
        if entity.type != .person, entity.type != .country {
          result.definitions[acronym] = AcronymDefinition(
            name: entity.name, type: entity.type, keys: entity.keys, country: entity.country,
            gazetteerID: entity.gazetteerID)
        }
        continue
      }
      // A long form the head-noun rule did not take: known to the gazetteer?
      var start = j
      while start > 0,
        tokens[start - 1].isWord || tokens[start - 1].text == "&"
          || tokens[start - 1].isPunct("-"), j - start < 10, !sentences[s].claimed[start - 1]
      {
        start -= 1
      }
      var matched: Int?
      for candidate in start..<j where tokens[candidate].isCapitalized {
        if case .institution(let g) = index.exact(tokens[candidate..<j]) {
          matched = institution(g, form: sentences[s].text(candidate..<j))
          sentences[s].claim(candidate..<j, entity: matched ?? 0, rule: "acronym.definition")
          break
        }
      }
      if let matched {
        localAcronyms[acronym] = matched
        result.entities[matched].addForm(acronym)
        sentences[s].claim((j + 1)..<(j + 2), entity: matched, rule: "acronym.definition")
      } else {
        // Defined as something that is not an institution: not an entity
        // here, whatever the built-in data says.
        localAcronyms[acronym] = .some(nil)
      }
    }
  }

  // MARK: - 3. Gazetteer phrases and acronyms

  mutating func scanGazetteer(_ s: Int) {
    let tokens = sentences[s].tokens
    var i = 0
    while i < tokens.count {
      guard !sentences[s].claimed[i], tokens[i].isCapitalized else {
        i += 1
        continue
      }
      var limit = i
      while limit < tokens.count, limit < i + 40, !sentences[s].claimed[limit] { limit += 1 }
      // Acronyms: the release's own definitions first.
      // "G20", "B20": a known acronym with digits counts as one too.
      if tokens[i].isAcronymLike
        || (tokens[i].hasDigit && index.acronyms[tokens[i].text] != nil),
        let entity = acronymEntity(tokens[i].text)
      {
        if let entity { sentences[s].claim(i..<(i + 1), entity: entity, rule: "gazetteer.acronym") }
        i += 1
        continue
      }
      if let (end, target) = index.longestMatch(tokens, at: i, limit: limit) {
        let form = sentences[s].text(i..<end)
        switch target {
        case .institution(let g):
          let entry = index.gazetteer.institutions[g]
          if end - i == 1, entry.acronyms.contains(tokens[i].text),
            index.ambiguous.contains(tokens[i].text)
          {
            break
          }
          sentences[s].claim(i..<end, entity: institution(g, form: form), rule: "gazetteer.phrase")
        case .country(_, _)
        where end < tokens.count && Self.currencySigns.contains(tokens[end].text)
          && tokens[end].start == tokens[end - 1].end:
          // "US$69.1 billion", "HK$": a currency, not the country.
          for k in i..<end { sentences[s].claimed[k] = true }
        case .country(_, let adjective)
        where !adjective && isBrand(s, before: i)
          && (end == tokens.count || !tokens[end].isCapitalized):
          // "Norvik Korea", "GM Korea": a brand before a country's name is
          // the firm's business there, not a mention of the country.
          let name = sentences[s].text((i - 1)..<end)
          sentences[s].claim((i - 1)..<end, entity: company(name), rule: "company.brand-country")
        case .country(let c, let adjective):
          // "Korean Wave", "American Dream Mall": an adjective inside a
          // proper name is not a mention of the country.
          if adjective, end < tokens.count, tokens[end].isCapitalized, !tokens[end].isAcronymLike,
            !tokens[end].classes.contains(.titleHead),
            !tokens[end].classes.contains(.titleModifier),
            !tokens[end].classes.contains(.institutionHead), !sentences[s].claimed[end]
          {
            break
          }
          sentences[s].claim(i..<end, entity: country(c, form: form), rule: "gazetteer.country")
        case .region:
          for k in i..<end { sentences[s].claimed[k] = true }
        }
        i = end
        continue
      }
      // "the North", "North’s demolition": in a release about Korea, the
      // capitalised compass word alone is the other Korea (not "North
      // Gyeongsang", "the North American market").
      if let code = Self.koreaByCompass[tokens[i].lower],
        i + 1 == tokens.count || !tokens[i + 1].isCapitalized,
        (i > 0 && tokens[i - 1].lower == "the")
          || (i + 1 < tokens.count && State.isPossessiveMark(tokens[i + 1])),
        mentionedCountries().contains("KR"), let c = index.countryByCode[code]
      {
        sentences[s].claim(
          i..<(i + 1), entity: country(c, form: tokens[i].text), rule: "country.the-north")
        i += 1
        continue
      }
      if tokens[i].isAllCaps, tokens[i].text.count >= 2, tokens[i].text.count <= 8,
        !tokens[i].text.utf8.contains(0x2D)
      {
        result.unresolvedAcronyms.insert(tokens[i].text)
      }
      i += 1
    }
  }

  /// "the North" and "the South" in inter-Korean texts.
  static let koreaByCompass = ["north": "KP", "south": "KR"]

  /// True when a body starts at token `k`: a mention found already, a
  /// gazetteer name, or a capitalised "Ministry".
  func startsKnownBody(_ s: Int, at k: Int) -> Bool {
    let tokens = sentences[s].tokens
    guard k < tokens.count, tokens[k].isCapitalized else { return false }
    if let span = sentences[s].span(at: k) {
      return span.range.lowerBound == k && result.entities[span.entity].type.isOrganisation
    }
    if Lexicon.institutionHeads[tokens[k].lower] == .ministry { return true }
    if let (_, target) = index.longestMatch(tokens, at: k), case .institution = target {
      return true
    }
    return false
  }

  /// True when the token before `i` can be a brand in "Brand COUNTRY":
  /// one capitalised word after a lowercase one, that no lexicon list
  /// knows (no title, topic or month), and not a word that forms slogans
  /// with a country's name ("Team Korea", "Invest Korea").
  func isBrand(_ s: Int, before i: Int) -> Bool {
    let tokens = sentences[s].tokens
    guard i >= 2 else { return false }
    let k = i - 1
    let word = tokens[k]
    return word.isWord && word.isCapitalized && !sentences[s].claimed[k] && word.classes.isEmpty
      && !word.startsWithDigit && !Self.countryCompoundWords.contains(word.lower)
      // After a lowercase word ("visited Norvik Korea", "with GM Korea"):
      // at a clause start the word may be a capitalised "As" or "In".
      && tokens[k - 1].isWord && !tokens[k - 1].isCapitalized && !tokens[k - 1].startsWithDigit
  }

  /// Words that form names and slogans with a country's name.
  static let countryCompoundWords: Set<String> = Lexicon.words("country-compound-words")

  /// The one reading of an acronym that several institutions share and
  /// that fits the release: of the institutions it may stand for, those
  /// that existed on the release's
  /// date, and not of a foreign country the release never mentions ("MOF"
  /// in a Korea–Philippines release is Korea's Ministry of Oceans and
  /// Fisheries, not Vietnam's Ministry of Finance). Nil when none or
  /// several remain.
  mutating func reading(ofAmbiguous acronym: String) -> Int? {
    // (An acronym listed as ambiguous with one reading is a common word
    // too, "MOU": never guessed.)
    guard let readings = index.ambiguousReadings[acronym], readings.count >= 2 else { return nil }
    let date = result.release.date
    let kept = readings.filter { g in
      guard index.isValid(g, on: date) else { return false }
      guard let code = index.gazetteer.institutions[g].country, code != "KR" else { return true }
      return mentionedCountries().contains(code)
    }
    return kept.count == 1 ? kept[0] : nil
  }

  /// The codes of the countries the release names anywhere (computed once,
  /// when an ambiguous acronym first asks).
  mutating func mentionedCountries() -> Set<String> {
    if let known = mentionedCountryCodes { return known }
    var codes: Set<String> = []
    for sentence in sentences {
      var i = 0
      while i < sentence.tokens.count {
        if sentence.tokens[i].isCapitalized,
          let (end, target) = index.longestMatch(sentence.tokens, at: i),
          case .country(let c, _) = target
        {
          codes.insert(index.gazetteer.countries[c].code)
          i = end
        } else {
          i += 1
        }
      }
    }
    mentionedCountryCodes = codes
    return codes
  }

  /// The entity an acronym stands for: `.some(nil)` when the release
  /// defines it as a non-entity, nil when unknown.
  mutating func acronymEntity(_ acronym: String) -> Int?? {
    if let local = localAcronyms[acronym] { return .some(local) }
    if let g = index.acronyms[acronym] ?? reading(ofAmbiguous: acronym) {
      return .some(institution(g, form: acronym))
    }
    // The release cannot place it alone: a definition elsewhere in the
    // corpus may (every acronym looked up here is recorded, so that a
    // release is read again exactly when the corpus defines one it uses).
    result.unresolvedAcronyms.insert(acronym)
    if let definition = corpusAcronyms[acronym] {
      let entity = intern(
        keys: definition.keys, type: definition.type, name: definition.name, form: acronym,
        country: definition.country, gazetteerID: definition.gazetteerID)
      return .some(entity)
    }
    return nil
  }
}
