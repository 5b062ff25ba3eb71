import PressReleases

extension State {
  // MARK: - 4. People

  /// True when token `i` can end a title ("Minister", "CEO", "Director").
  func isTitleHead(_ s: Int, _ i: Int) -> Bool {
    sentences[s].tokens[i].classes.contains(.titleHead) && sentences[s].tokens[i].isCapitalized
  }

  /// True for a word that can be part of a title.
  func isTitleWord(_ token: Token, lowercaseAllowed: Bool = false) -> Bool {
    (token.isCapitalized || (lowercaseAllowed && token.isWord))
      && (token.classes.contains(.titleHead) || token.classes.contains(.titleModifier))
      && token.lower != "and"
  }

  /// True for a token that can be part of a person's name.
  func isNameToken(_ s: Int, _ i: Int) -> Bool {
    let token = sentences[s].tokens[i]
    guard token.isWord, token.isCapitalized else { return false }
    if sentences[s].claimed[i] {
      // A country word can be a given name when a name word follows: "Jordan Miles".
      guard isCountrySpan(s, at: i), sentences[s].span(at: i)?.range.count == 1,
        i + 1 < sentences[s].tokens.count,
        sentences[s].tokens[i + 1].isCapitalized, !sentences[s].claimed[i + 1],
        !token.isAllCaps,
        !sentences[s].tokens[i + 1].classes.contains(.titleHead),
        !sentences[s].tokens[i + 1].classes.contains(.titleModifier)
      else { return false }
    }
    // Words naming a ministry's field ("Trade", "Integration") end titles,
    // they are not names.
    if token.classes.contains(.topic) { return false }
    let lower = token.lower
    if token.classes.contains(.titleHead) || token.classes.contains(.institutionHead)
      || token.classes.contains(.calendar)
    {
      return false
    }
    if lower == "the" || lower == "korea" || lower == "and" || lower == "of" { return false }
    if token.isAllCaps, token.text.count > 3 { return false }
    return true
  }

  /// Claims the firms listed from token `k` on: up to four capitalised words
  /// each ("SK hynix" counts), separated by commas and "and". With
  /// `strict`, a name must end the item ("World Class Product producers"
  /// names no firm).
  mutating func claimCompanyList(_ s: Int, from start: Int, strict: Bool = false, rule: String) {
    let tokens = sentences[s].tokens
    var k = start
    while k < tokens.count {
      var end = k
      while end < tokens.count, !sentences[s].claimed[end], end - k < 4,
        tokens[end].isCapitalized
          || (end > k && tokens[end - 1].isAllCaps && tokens[end].text.first?.isLowercase == true)
      {
        end += 1
      }
      // "Samhwa Laser Co., Ltd.": the legal form after the comma is the name's.
      if end > k, end + 1 < tokens.count, tokens[end].isPunct(","),
        Self.legalFormsAfterComma.contains(tokens[end + 1].lower), !sentences[s].claimed[end + 1]
      {
        end += 2
      }
      // A name ends the item; "World Class Product producers" is no firm.
      let ends =
        !strict || end == tokens.count || !tokens[end].isWord
        || Self.listContinuations.contains(tokens[end].lower)
      if end > k, ends {
        sentences[s].claim(
          k..<end, entity: company(sentences[s].text(k..<end)), rule: rule)
      } else if let span = sentences[s].span(at: k) {
        end = span.range.upperBound
      } else {
        break
      }
      var next = end
      if next < tokens.count, tokens[next].isPunct(",") { next += 1 }
      if next < tokens.count, tokens[next].lower == "and" { next += 1 }
      guard next > end, next < tokens.count else { break }
      k = next
    }
  }

  /// Legal forms written after a comma: "Co., Ltd.", "Holdings, Inc.".
  static let legalFormsAfterComma = Lexicon.words("legal-forms-after-comma")

  /// Lowercase words that may follow a firm's name in a list.
  static let listContinuations: Set<String> = Lexicon.words("list-continuations")

  /// "European Commissioner": the European Commission; "European" before
  /// another title: the European Union (when the gazetteer knows them).
  mutating func europeanBody(qualifier: String, title: String) -> Int? {
    guard qualifier.lowercased() == "european" else { return nil }
    let name =
      title.lowercased().containsText("commissioner") ? "European Commission" : "European Union"
    guard case .institution(let g) = index.exact(Tokenizer.tokens(name)[...]) else { return nil }
    return institution(g, form: name)
  }

  /// Descriptors that may stand right before a firm's name ("utility CEZ").
  static let namingDescriptors: Set<String> = Lexicon.words("naming-descriptors")

  /// "agreements", "contracts", "deals": what firms sign.
  static let dealNouns: Set<String> = Lexicon.words("deal-nouns")

  /// Kinds of deal that only firms sign: "business agreements", "supply contracts".
  static let dealKinds: Set<String> = Lexicon.words("deal-kinds")

  /// What a company has that a minister visits: "X's plant", "X's data
  /// center", "the booths of X".
  static let facilityWords: Set<String> = Lexicon.words("facility-words")

  /// People nouns that introduce the bodies they come from: "executives from …".
  static let representativeNouns: Set<String> = Lexicon.words("representative-nouns")

  /// Endings that make a capitalised run a company on their own.
  static let strongCompanySuffixes: Set<String> = Lexicon.words("strong-company-suffixes")

  /// The end of a name starting at `start` (exclusive): up to four name
  /// tokens, with a parenthesised given name allowed ("JK (Jung-Kwan) Kim").
  func nameEnd(_ s: Int, from start: Int) -> Int {
    let tokens = sentences[s].tokens
    var j = start
    var words = 0
    while j < tokens.count, words < 4 {
      // "Kang, Kyung-wha": a Korean family name, a comma, a given name.
      if words == 0, j + 2 < tokens.count, tokens[j].classes.contains(.koreanFamily),
        isNameToken(s, j), tokens[j + 1].isPunct(","), isHyphenatedGivenName(tokens[j + 2]),
        !sentences[s].claimed[j + 2]
      {
        j += 3
        words += 2
        continue
      }
      if isNameToken(s, j) {
        j += 1
        words += 1
      } else if words > 0, let after = particlesEnd(s, from: j), isNameToken(s, after) {
        // "Pierre-Alain de la Fontaine", "Ursula von der Leyen": lowercase
        // particles inside a name, followed by a name word.
        j = after
      } else if tokens[j].isPunct("("), j + 2 < tokens.count, tokens[j + 1].isCapitalized,
        tokens[j + 2].isPunct(")"), words > 0
      {
        j += 3
      } else {
        break
      }
    }
    return j
  }

  /// The end of a run of one or two lowercase name particles ("de la",
  /// "von der", "bin") starting at token `j`, or nil when there is none.
  func particlesEnd(_ s: Int, from j: Int) -> Int? {
    let tokens = sentences[s].tokens
    var k = j
    while k < tokens.count, k - j < 2, !tokens[k].isCapitalized, !sentences[s].claimed[k],
      Self.nameParticles.contains(tokens[k].lower)
    {
      k += 1
    }
    return k > j && k < tokens.count ? k : nil
  }

  /// "Kyung-wha", "Sun-young": a capitalised given name of two parts, the
  /// second in lowercase.
  func isHyphenatedGivenName(_ token: Token) -> Bool {
    let parts = token.text.split(separator: "-")
    return token.isCapitalized && parts.count == 2 && parts[1].first?.isLowercase == true
  }

  /// The trailing Korean name in a capitalised run ("… Policy Choi
  /// Yeon-woo"), as a token range, if the run ends in one.
  func koreanNameTail(_ s: Int, _ run: Range<Int>) -> Range<Int>? {
    let tokens = sentences[s].tokens
    guard run.count >= 2 else { return nil }
    let last = tokens[run.upperBound - 1]
    let beforeLast = tokens[run.upperBound - 2]
    let parts = last.text.split(separator: "-")
    if parts.count == 2, parts[1].first?.isLowercase == true,
      beforeLast.classes.contains(.koreanFamily)
    {
      return (run.upperBound - 2)..<run.upperBound
    }
    // "… Affairs Cho Hyun": a family name and a one-syllable given name
    // after qualifier words.
    if run.count >= 3, beforeLast.classes.contains(.koreanFamily), last.text.count <= 6,
      !last.text.utf8.contains(0x2D), !last.classes.contains(.topic),
      tokens[run.upperBound - 3].classes.contains(.topic)
    {
      return (run.upperBound - 2)..<run.upperBound
    }
    if run.count >= 3 {
      let family = tokens[run.upperBound - 3]
      if family.classes.contains(.koreanFamily), last.text.count <= 6,
        beforeLast.text.count <= 6, !last.text.utf8.contains(0x2D),
        !beforeLast.text.utf8.contains(0x2D),
        run.count > 3
      {
        return (run.upperBound - 3)..<run.upperBound
      }
    }
    return nil
  }

  /// The name after a title's subject when the subject is known: "of
  /// Industry and Trade Phan Thi Thang" (a ministry of that name exists),
  /// "of State Christopher Landau" (topic words, then a name).
  func foreignNameTail(_ s: Int, _ run: Range<Int>, country: Int?) -> Range<Int>? {
    let tokens = sentences[s].tokens
    // Keys composed from the tokens (no re-tokenising): "ministry of <subject>
    // <country>", as the phrase index spells the gazetteer's names.
    let countryKey = country.map {
      PhraseIndex.key(Tokenizer.tokens(result.entities[$0].name)[...])
    }
    // The longest subject that names a known ministry or department.
    for cut in stride(from: run.upperBound - 1, to: run.lowerBound, by: -1) {
      let subject = PhraseIndex.key(tokens[run.lowerBound..<cut])
      var candidates = ["ministry of " + subject, "department of " + subject]
      if let countryKey {
        candidates += [
          "ministry of \(subject) \(countryKey)", "department of \(subject) \(countryKey)",
        ]
      }
      if candidates.contains(where: { index.exact(key: $0) != nil }),
        isPlausibleName(s, cut..<run.upperBound)
      {
        return cut..<run.upperBound
      }
    }
    // Topic words ("Bilateral Economic Affairs"), then two or three name words.
    var cut = run.lowerBound
    while cut < run.upperBound,
      tokens[cut].classes.contains(.topic) || tokens[cut].lower == "and"
        || tokens[cut].text == "&"
    {
      cut += 1
    }
    // "Foreign and Expatriates Affairs Nasser Judeh": fields end with a
    // field word; an unknown word among them is a field too.
    if let lastField = run.last(where: { tokens[$0].classes.contains(.topic) }),
      lastField >= cut, run.upperBound - (lastField + 1) >= 2
    {
      cut = lastField + 1
    }
    let particles = tokens[cut..<run.upperBound].filter { Self.nameParticles.contains($0.lower) }
      .count
    if cut > run.lowerBound, (2...(3 + particles)).contains(run.upperBound - cut),
      isPlausibleName(s, cut..<run.upperBound)
    {
      return cut..<run.upperBound
    }
    return nil
  }

  /// Lowercase words inside names: "Abdulla bin Touq Al Marri", "Ursula
  /// von der Leyen".
  static let nameParticles: Set<String> = Lexicon.words("name-particles")

  /// One to four capitalised words (five with lowercase particles inside),
  /// none of them a topic or title word.
  func isPlausibleName(_ s: Int, _ range: Range<Int>) -> Bool {
    let tokens = sentences[s].tokens
    guard (1...5).contains(range.count) else { return false }
    let inside = range.dropFirst().dropLast()
    let particles = inside.filter {
      Self.nameParticles.contains(tokens[$0].lower) && !tokens[$0].isCapitalized
    }
    guard range.count - particles.count <= 4 else { return false }
    return range.allSatisfy { i in
      particles.contains(i)
        || tokens[i].isCapitalized && !tokens[i].classes.contains(.topic)
          && !tokens[i].classes.contains(.titleHead) && !tokens[i].isAllCaps
    }
  }

  mutating func findPeople(_ s: Int) {
    findNameCommaTitle(s)
    findTitleName(s)
    findNameBracketTitle(s)
    findCuedNames(s)
  }

  /// "Hwang Pyong So(Director, Korea People’s Army’s General Political
  /// Bureau), Choe Ryong Hae(Secretary)": a name with its title, and the
  /// body it serves, in brackets, as delegation lists write them. The name
  /// starts an item: at the start, or after ":", "," or "and".
  mutating func findNameBracketTitle(_ s: Int) {
    let tokens = sentences[s].tokens
    for open in tokens.indices where tokens[open].isPunct("(") && open >= 2 {
      guard open + 1 < tokens.count, isTitleWord(tokens[open + 1]) else { continue }
      var start = open
      while start > 0, open - start < 4, isNameToken(s, start - 1) { start -= 1 }
      guard open - start >= 2,
        start == 0 || State.nameListLeads.contains(tokens[start - 1].lower)
      else { continue }
      guard isPlausibleName(s, start..<open),
        let name = PersonName(tokens: tokens[start..<open].map(\.text))
      else { continue }
      // The title runs to a comma or the closing bracket.
      var titleEnd = open + 1
      while titleEnd < tokens.count, !tokens[titleEnd].isPunct(","), !tokens[titleEnd].isPunct(")")
      {
        titleEnd += 1
      }
      guard titleEnd < tokens.count else { continue }
      let person = person(name)
      sentences[s].claim(start..<open, entity: person, rule: "person.name-bracket-title")
      // (The title is not kept for the release's-ministry rule: a list
      // says whose delegate each person is, not this release.)
      let title = sentences[s].text((open + 1)..<titleEnd)
      if tokens[titleEnd].isPunct(","), var span = sentences[s].span(startingAt: titleEnd + 1),
        result.entities[span.entity].type.isOrganisation
          || result.entities[span.entity].type == .country
      {
        // "Korea People’s Army’s General Political Bureau": the last body
        // of a possessive chain is the most specific.
        while span.range.upperBound + 1 < tokens.count,
          State.isPossessiveMark(tokens[span.range.upperBound]),
          let next = sentences[s].span(startingAt: span.range.upperBound + 1),
          result.entities[next.entity].type.isOrganisation
        {
          span = next
        }
        affiliate(person, span.entity, title: title, rule: "person.name-bracket-title")
      } else if let org = organisationForTitle(s, (open + 1)..<titleEnd, country: nil) {
        affiliate(person, org, title: title, rule: "person.name-bracket-title")
      }
    }
  }

  /// The person-cue rules (`Resources/rules/person-cues.json`).
  static let personCues = RuleBook.builtIn.phase("person-cue")

  /// The sentence as the rule engine sees it: tokens and mentions so far.
  func matchInput(_ s: Int) -> MatchInput {
    var mentions: [Int: (end: Int, type: String)] = [:]
    for span in sentences[s].spans where mentions[span.range.lowerBound] == nil {
      mentions[span.range.lowerBound] = (
        span.range.upperBound, result.entities[span.entity].type.rawValue
      )
    }
    return MatchInput(
      tokens: sentences[s].tokens, mentionAt: mentions, claimed: sentences[s].claimed)
  }

  /// Bare names in person slots: "his Romanian counterpart Ola Berg", "met
  /// bilaterally with Ola Berg". A name needs two to four name words and no
  /// word that makes it a body (a head noun or company ending).
  mutating func findCuedNames(_ s: Int) {
    let tokens = sentences[s].tokens
    guard Self.personCues.mayMatch(tokens, classes: sentences[s].classes) else { return }
    for match in Self.personCues.matches(in: matchInput(s)) {
      var rule = match.rule.id
      var start = match.range.upperBound
      while let (person, end) = cuedName(s, at: start) {
        sentences[s].claim(start..<end, entity: person, rule: rule)
        // "his Romanian counterpart": the country named right before the cue.
        if match.rule.action["affiliate"] == "country before",
          let span = sentences[s].span(endingAt: match.range.lowerBound),
          result.entities[span.entity].type == .country
        {
          affiliate(person, span.entity, title: nil, rule: rule)
        }
        // More names in the same slot: ", B", " and B", ", and B".
        var next = end
        if next < tokens.count, tokens[next].isPunct(",") { next += 1 }
        if next < tokens.count, tokens[next].lower == "and" || tokens[next].isPunct("&") {
          next += 1
        }
        guard next > end else { break }
        start = next
        rule = "person.name-list"
      }
    }
  }

  /// The person named at token `start` of a person slot, and the name's
  /// end: two to four name words, none of them one that makes the run a
  /// body (a head noun, a company ending, a month), not followed by more
  /// capitalised words.
  mutating func cuedName(_ s: Int, at start: Int) -> (person: Int, end: Int)? {
    let tokens = sentences[s].tokens
    guard start < tokens.count, !sentences[s].claimed[start] else { return nil }
    let end = nameEnd(s, from: start)
    let words = tokens[start..<end].filter { $0.isWord && $0.isCapitalized }
    guard (2...4).contains(words.count), isPlausibleName(s, start..<end),
      !words.contains(where: {
        $0.classes.contains(.institutionHead) || Lexicon.companySuffixes.contains($0.lower)
          || $0.classes.contains(.calendar)
      }),
      // A capitalised run that goes on is a longer name: a body, a place.
      end >= tokens.count || !tokens[end].isCapitalized,
      case .none = index.exact(tokens[start..<end]),
      let name = PersonName(tokens: tokens[start..<end].map(\.text))
    else { return nil }
    return (person(name), end)
  }

  /// "Title Name", "ORG Title Name", "Title for X Name", "(ACR, Title Name)".
  mutating func findTitleName(_ s: Int) {
    let tokens = sentences[s].tokens
    var i = 0
    while i < tokens.count {
      defer { i += 1 }
      guard isTitleHead(s, i), !sentences[s].claimed[i] else { continue }
      // The title's extent.
      var titleStart = i
      while titleStart > 0, isTitleWord(tokens[titleStart - 1]),
        !sentences[s].claimed[titleStart - 1]
      {
        titleStart -= 1
      }
      // "Trade, Industry and Energy Minister": the fields of a ministry
      // listed before its head's title.
      do {
        func isField(_ k: Int) -> Bool {
          tokens[k].isCapitalized && tokens[k].classes.contains(.topic)
            && !sentences[s].claimed[k]
        }
        var k = titleStart
        while k > 0, isField(k - 1) { k -= 1 }
        while k >= 2, k < i,
          tokens[k - 1].lower == "and" || tokens[k - 1].text == "&" || tokens[k - 1].isPunct(","),
          !sentences[s].claimed[k - 1], isField(k - 2)
        {
          k -= 2
          while k > 0, isField(k - 1) { k -= 1 }
        }
        titleStart = k
      }
      var titleEnd = i + 1
      while titleEnd < tokens.count {
        if isTitleHead(s, titleEnd)
          || tokens[titleEnd].lower == "general" && tokens[titleEnd].isCapitalized
        {
          titleEnd += 1
        } else if tokens[titleEnd].lower == "and", titleEnd + 1 < tokens.count,
          isTitleWord(tokens[titleEnd + 1]), tokens[titleEnd + 1].lower != "and"
        {
          titleEnd += 2
        } else {
          break
        }
      }
      i = titleEnd - 1
      // What stands before the title: an organisation, a country, or an
      // appositive "(ACR, ".
      var org: Int?
      var countryQualifier: Int?
      var appositive = false
      // "Korea Energy Foundation (KEF) Chairman Kim": the body before its
      // acronym.
      let bodyEnd =
        titleStart >= 3 && tokens[titleStart - 1].isPunct(")")
          && tokens[titleStart - 3].isPunct("(")
          && sentences[s].span(endingAt: titleStart) == nil
        ? titleStart - 3 : titleStart
      if titleStart > 0, let span = sentences[s].span(endingAt: bodyEnd) {
        let entity = result.entities[span.entity]
        if entity.type == .country {
          if bodyEnd == titleStart { countryQualifier = span.entity }
        } else if entity.type != .person {
          org = span.entity
        }
      } else if titleStart >= 2, tokens[titleStart - 1].isPunct(","),
        sentences[s].depth[titleStart] > 0,
        let span = sentences[s].span(endingAt: titleStart - 1),
        result.entities[span.entity].type != .person,
        result.entities[span.entity].type != .country
      {
        org = span.entity
        appositive = true
      } else if titleStart >= 2, !tokens[titleStart - 1].isWord,
        tokens[titleStart - 1].text.hasSuffix("s"),
        let span = sentences[s].span(endingAt: titleStart - 1),
        result.entities[span.entity].type == .country
      {
        countryQualifier = span.entity
      }
      // "The Ministry of Environment (Minister Kim …)", "(“MSIT”; Minister
      // Lee …)": a title inside brackets right after a body names its head.
      if org == nil, countryQualifier == nil, sentences[s].depth[titleStart] > 0 {
        var k = titleStart - 1
        while k >= 0, titleStart - k <= 8, !tokens[k].isPunct("(") { k -= 1 }
        if k >= 1, tokens[k].isPunct("("), let span = sentences[s].span(endingAt: k),
          result.entities[span.entity].type.isOrganisation
        {
          org = span.entity
          appositive = true
        }
      }
      var title = sentences[s].text(titleStart..<titleEnd)
      var countryOf: Range<Int>?
      var nameRange: Range<Int>?
      var qualifierWords: Range<Int>?
      // "for Bilateral Economic Affairs Kim Sun-young", "of Finance".
      if titleEnd + 1 < tokens.count, State.titleExtensions.contains(tokens[titleEnd].lower),
        tokens[titleEnd + 1].isCapitalized, !sentences[s].claimed[titleEnd + 1]
      {
        var end = titleEnd + 1
        while end < tokens.count, !sentences[s].claimed[end] || isNameToken(s, end) {
          // The next official's title ends this one's qualifier.
          if tokens[end].classes.contains(.titleHead) { break }
          // "Minister of Foreign Affairs of Viet Nam Bui Thanh Son": the
          // government the title belongs to, then the name.
          if tokens[end].lower == "of", countryOf == nil,
            let span = sentences[s].span(startingAt: end + 1),
            result.entities[span.entity].type == .country,
            span.range.upperBound < tokens.count, tokens[span.range.upperBound].isCapitalized,
            !sentences[s].claimed[span.range.upperBound]
          {
            countryOf = end..<span.range.upperBound
            countryQualifier = span.entity
            end = span.range.upperBound
            continue
          }
          if tokens[end].isCapitalized {
            end += 1
          } else if State.nameConnectors.contains(tokens[end].lower)
            || Self.nameParticles.contains(tokens[end].lower),
            end + 1 < tokens.count, tokens[end + 1].isCapitalized
          {
            end += 1
          } else if tokens[end].isPunct(","), commaList(tokens, after: end) {
            end += 1
          } else {
            break
          }
        }
        while end > titleEnd + 1, !tokens[end - 1].isCapitalized { end -= 1 }
        let run = (titleEnd + 1)..<end
        if let countryOf {
          let nameStop = nameEnd(s, from: countryOf.upperBound)
          if nameStop > countryOf.upperBound { nameRange = countryOf.upperBound..<nameStop }
          qualifierWords = titleEnd..<countryOf.lowerBound
        } else if let tail = koreanNameTail(s, run)
          ?? foreignNameTail(s, run, country: countryQualifier)
        {
          nameRange = tail
          qualifierWords = titleEnd..<tail.lowerBound
        } else {
          qualifierWords = titleEnd..<end
        }
        if let qualifierWords {
          title = sentences[s].text(titleStart..<qualifierWords.upperBound)
        }
      } else if titleEnd + 2 < tokens.count, tokens[titleEnd].lower == "to",
        ["ambassador", "envoy"].contains(tokens[i].lower),
        let host = sentences[s].span(startingAt: titleEnd + 1),
        result.entities[host.entity].type == .country
      {
        // "Korean Ambassador to Kazakhstan Koo Hong-seok": the embassy there.
        let end = nameEnd(s, from: host.range.upperBound)
        if end > host.range.upperBound { nameRange = host.range.upperBound..<end }
        title = sentences[s].text(titleStart..<host.range.upperBound)
        let hostName = result.entities[host.entity].name
        let sending = sentences[s].span(endingAt: titleStart).map { span in
          countryQualifier == span.entity ? sentences[s].text(span.range) : ""
        }
        let code = countryQualifier.flatMap { c in
          result.entities[c].keys.first { $0.hasPrefix("c:") }.map { String($0.dropFirst(2)) }
        }
        let embassy = [sending ?? "", "Embassy in", hostName].filter { !$0.isEmpty }.joined(
          separator: " ")
        org = patternInstitution(name: embassy, type: .agency, country: code ?? "KR")
        countryQualifier = nil
      } else {
        let end = nameEnd(s, from: titleEnd)
        if end > titleEnd { nameRange = titleEnd..<end }
      }
      // The organisation implied by the title itself.
      if org == nil {
        org = organisationForTitle(
          s, titleStart..<(countryOf?.lowerBound ?? qualifierWords?.upperBound ?? titleEnd),
          country: countryQualifier)
      }
      // "Fraunhofer President Holger Hanselka": an unknown body named before
      // the title (not for mayors and governors, whose word is a place).
      if org == nil, countryQualifier == nil, nameRange != nil, titleStart > 0,
        !["mayor", "governor"].contains(tokens[i].lower)
      {
        var start = titleStart
        while start > 0, titleStart - start < 3, tokens[start - 1].isCapitalized,
          !sentences[s].claimed[start - 1], !tokens[start - 1].classes.contains(.titleModifier),
          !tokens[start - 1].classes.contains(.titleHead), tokens[start - 1].lower != "the"
        {
          start -= 1
        }
        if start < titleStart, !tokens[start..<titleStart].allSatisfy(\.isAllCaps) {
          let name = sentences[s].text(start..<titleStart)
          let corporate =
            ["ceo", "chairman", "chairwoman", "vice chairman", "founder", "executive chair"]
            .contains { title.lowercased().containsText($0) }
            || Lexicon.companySuffixes.contains(tokens[titleStart - 1].lower)
            || tokens[titleStart - 1].lower == "group"
          let entity =
            europeanBody(qualifier: name, title: title)
            ?? (corporate
              ? company(name) : patternInstitution(name: name, type: .organization, country: nil))
          sentences[s].claim(start..<titleStart, entity: entity, rule: "institution.before-title")
          org = entity
        }
      }
      guard let nameRange else {
        if let org, countryQualifier != nil || tokens[titleStart].lower != "minister" {
          if countryQualifier != nil {
            unnamedOfficials.append((s, titleStart..<(qualifierWords?.upperBound ?? titleEnd), org))
          }
        }
        continue
      }
      let nameTokens = tokens[nameRange].map(\.text)
      if nameTokens.filter({ $0 != "(" && $0 != ")" }).count == 1 {
        // "Minister Kim": resolved once every full name is known.
        shortReferences.append((s, nameRange, title, nameTokens[0]))
        i = nameRange.upperBound - 1
        continue
      }
      guard let name = PersonName(tokens: nameTokens) else { continue }
      let person = person(name)
      sentences[s].unclaim(nameRange)
      sentences[s].claim(
        nameRange, entity: person, appositive: appositive, rule: "person.title-name")
      if titles[person] == nil { titles[person] = title }
      i = nameRange.upperBound - 1
      // "… of KATS", "… of the Ministry of …" after the name.
      var after = nameRange.upperBound
      // "Foreign Minister Ilse Varga of Latvia": the title was Latvia's, not
      // Korea's ministry's.
      if let body = org, shortTitleBodies[body] != nil, after + 1 < tokens.count,
        tokens[after].lower == "of", let span = sentences[s].span(startingAt: after + 1),
        result.entities[span.entity].type == .country,
        !result.entities[span.entity].keys.contains("c:KR")
      {
        org = nil
        shortTitleBody = nil
        countryQualifier = span.entity
      }
      if org == nil, after + 1 < tokens.count,
        State.affiliationPrepositions.contains(tokens[after].lower)
      {
        after += 1
        if var span = sentences[s].span(startingAt: after) {
          // "… of Peruvian National Road Authority": the body after its country.
          if result.entities[span.entity].type == .country,
            let body = sentences[s].span(startingAt: span.range.upperBound),
            result.entities[body.entity].type.isOrganisation
          {
            span = body
          }
          if result.entities[span.entity].type.isOrganisation {
            org = span.entity
          } else if result.entities[span.entity].type == .country, countryQualifier == nil {
            // "Ola Berg of Norway": the country, when nothing else is said.
            countryQualifier = span.entity
          }
        } else if tokens[titleStart...i].contains(where: { $0.lower == "minister" }) {
          // "Minister You Young-min of Science and ICT": the fields of a
          // ministry the gazetteer knows, after the name.
          var end = after
          while end < tokens.count, !sentences[s].claimed[end],
            tokens[end].isCapitalized || State.andWords.contains(tokens[end].lower)
          {
            end += 1
          }
          while end > after, !tokens[end - 1].isCapitalized { end -= 1 }
          if end > after,
            case .institution(let g) = index.exact(
              Tokenizer.tokens("Ministry of " + sentences[s].text(after..<end))[...]),
            index.gazetteer.institutions[g].type == .ministry
          {
            org = institution(g, form: index.gazetteer.institutions[g].name)
          }
        }
      }
      if let org {
        affiliate(person, org, title: title, rule: "person.title-name")
      } else if let countryQualifier {
        affiliate(person, countryQualifier, title: title, rule: "person.title-name")
      }
    }
  }

  /// The body a title names by itself: "Foreign Minister" (the gazetteer's
  /// head titles), "Minister of SMEs and Startups" (the Ministry of SMEs and
  /// Startups), "Vietnam's Vice Minister of Finance" (Vietnam's Ministry of
  /// Finance).
  mutating func organisationForTitle(_ s: Int, _ range: Range<Int>, country: Int?) -> Int? {
    shortTitleBody = nil
    let tokens = sentences[s].tokens
    var words = Array(tokens[range])
    while let first = words.first,
      Self.titleRankWords.contains(first.lower),
      words.count > 1
    {
      words.removeFirst()
    }
    let key = PhraseIndex.key(words[...])
    if country == nil || result.entities[country ?? 0].keys.contains("c:KR"),
      let g = index.headTitles[key]
    {
      let body = institution(g, form: index.gazetteer.institutions[g].name, title: words)
      // "Foreign Minister", "Trade Minister": a short title names the
      // ministry only if the release names it too; otherwise the official
      // stands for the country ("Minister of Foreign Affairs" spells the
      // ministry out and names it by itself).
      if !index.titleNamesEra(key, of: g),
        let code = index.gazetteer.institutions[g].country, let c = index.countryByCode[code]
      {
        shortTitleBodies[body] = c
        shortTitleBody = body
      }
      return body
    }
    let foreign = country.flatMap { c in
      result.entities[c].keys.first { $0.hasPrefix("c:") && $0 != "c:KR" }
    }
    // "U.S. Trade Representative": a foreign head title the gazetteer knows,
    // spelled with the country's name.
    if let country, let code = foreign {
      let spelled = result.entities[country].name + " " + words.map(\.text).joined(separator: " ")
      if let g = index.headTitles[PhraseIndex.key(Tokenizer.tokens(spelled)[...])],
        index.gazetteer.institutions[g].country == String(code.dropFirst(2))
      {
        return institution(g, form: index.gazetteer.institutions[g].name, title: words)
      }
    }
    // "Oceans and Fisheries Minister": the Ministry of Oceans and Fisheries.
    if country == nil || result.entities[country ?? 0].keys.contains("c:KR"),
      words.count >= 2, words.last?.lower == "minister",
      words.dropLast().allSatisfy({
        $0.classes.contains(.topic) || $0.lower == "and" || $0.text == "&" || $0.isPunct(",")
      }),
      case .institution(let g) = index.exact(
        Tokenizer.tokens("Ministry of " + words.dropLast().map(\.text).joined(separator: " "))[...])
    {
      return institution(g, form: index.gazetteer.institutions[g].name, title: words)
    }
    let ministry: String
    if let head = words.lastIndex(where: { $0.lower == "minister" || $0.lower == "secretary" }),
      head + 2 < words.count,
      words[head + 1].lower == "of" || (words[head + 1].lower == "for" && foreign != nil)
    {
      // "Minister of Economy and Finance", "Secretary of State".
      let subject = words[(head + 2)...].map(\.text).joined(separator: " ")
      ministry = (words[head].lower == "secretary" ? "Department of " : "Ministry of ") + subject
    } else if foreign != nil, let head = words.lastIndex(where: { $0.lower == "minister" }),
      head > 0, words[head - 1].classes.contains(.topic)
    {
      // A foreign "Finance Minister": that government's Ministry of Finance;
      // a "Foreign Minister" heads the Ministry of Foreign Affairs.
      let topic = words[head - 1].text
      ministry = "Ministry of " + (topic.lowercased() == "foreign" ? "Foreign Affairs" : topic)
    } else {
      return nil
    }
    if let country, let code = foreign {
      let name = "\(ministry) (\(result.entities[country].name))"
      // A foreign official's title, spelled out or not, gives the body only
      // when the release names it ("Minister of Foreign Affairs of Viet Nam
      // X" stands for Vietnam; "Vietnam's Vice Minister of Finance" in a
      // release about "Vietnam's Ministry of Finance" is that ministry's).
      let body: Int
      if case .institution(let g) = index.exact(Tokenizer.tokens(name)[...]) {
        body = institution(g, form: name)
      } else {
        body = patternInstitution(name: name, type: .ministry, country: String(code.dropFirst(2)))
      }
      if let c = index.countryByCode[String(code.dropFirst(2))] {
        shortTitleBodies[body] = c
        shortTitleBody = body
      }
      return body
    }
    if case .institution(let g) = index.exact(Tokenizer.tokens(ministry)[...]) {
      return institution(g, form: ministry)
    }
    return nil
  }

  /// "Park Jung-sung, Deputy Minister for Trade at the Ministry of …",
  /// "Tran Quoc Phuong, Vietnam's Vice Minister of Finance",
  /// "Anwar A. Al-Hejazi, CEO of S-OIL".
  mutating func findNameCommaTitle(_ s: Int) {
    let tokens = sentences[s].tokens
    for comma in tokens.indices where tokens[comma].isPunct(",") && comma >= 2 {
      // The name: two to four name tokens ending at the comma, at a clause start.
      var start = comma
      var particles = 0
      while start > 0, comma - start - particles < 4 {
        if isNameToken(s, start - 1)
          || tokens[start - 1].text.hasSuffix(".")
            && tokens[start - 1].text.count == 2 && tokens[start - 1].isCapitalized
        {
          start -= 1
        } else if start >= 2, start < comma, Self.nameParticles.contains(tokens[start - 1].lower),
          !tokens[start - 1].isCapitalized,
          let before = (0..<(start - 1)).last(where: {
            !Self.nameParticles.contains(tokens[$0].lower) || tokens[$0].isCapitalized
          }), start - 1 - before <= 2, isNameToken(s, before)
        {
          // "Ursula von der Leyen".
          start -= 1
          particles += 1
        } else {
          break
        }
      }
      guard comma - start >= 2, !Self.nameParticles.contains(tokens[start].lower) else { continue }
      if start > 0 {
        let previous = tokens[start - 1]
        // The name starts a phrase: after punctuation, a meeting trigger
        // or a lead word ("by", "with", "received").
        // ("Executive Chair Chung Ha-eun, and CEO …": a capitalised
        // "Chair" is a title before the name, not the verb.)
        let boundary =
          !previous.isWord || Self.appositiveNameLeads.contains(previous.lower)
          || (previous.classes.contains(.trigger) && !previous.isCapitalized)
          || ["dr.", "mr.", "ms.", "mrs.", "prof.", "dr", "mr", "ms", "mrs"].contains(
            previous.lower)
        guard boundary, !previous.isPunct("'s") else { continue }
      }
      let nameTokens = tokens[start..<comma].map(\.text)
      if case .some = index.exact(tokens[start..<comma]) { continue }
      // The title after the comma.
      var cursor = comma + 1
      if cursor < tokens.count, tokens[cursor].lower == "the" { cursor += 1 }
      var country: Int?
      if cursor + 1 < tokens.count, let span = sentences[s].span(startingAt: cursor),
        result.entities[span.entity].type == .country
      {
        country = span.entity
        cursor = span.range.upperBound
        if cursor < tokens.count, !tokens[cursor].isWord, tokens[cursor].text.hasSuffix("s") {
          cursor += 1
        }
      }
      // "European Commissioner for Trade": the EU body is the qualifier.
      var european: String?
      if country == nil, cursor + 1 < tokens.count, tokens[cursor].lower == "european",
        !sentences[s].claimed[cursor], isTitleWord(tokens[cursor + 1])
      {
        european = tokens[cursor].text
        cursor += 1
      }
      let titleStart = cursor
      while cursor < tokens.count,
        isTitleWord(tokens[cursor], lowercaseAllowed: true)
          || tokens[cursor].lower == "and"
            && cursor + 1 < tokens.count && isTitleWord(tokens[cursor + 1], lowercaseAllowed: true)
      {
        cursor += 1
      }
      guard cursor > titleStart,
        (titleStart..<cursor).contains(where: { tokens[$0].classes.contains(.titleHead) })
      else {
        continue
      }
      var titleEnd = cursor
      // "for Trade", "of Finance" (but not "of S-OIL", "of the Ministry").
      if cursor + 1 < tokens.count, State.titleExtensions.contains(tokens[cursor].lower),
        tokens[cursor + 1].isCapitalized, !sentences[s].claimed[cursor + 1],
        tokens[cursor].lower == "for" || country != nil
      {
        var end = cursor + 1
        while end < tokens.count, tokens[end].isCapitalized, !sentences[s].claimed[end] { end += 1 }
        titleEnd = end
      }
      // "Minister of Science and ICT": a title naming a known ministry.
      if titleEnd == cursor, country == nil, cursor + 1 < tokens.count,
        tokens[cursor].lower == "of", tokens[cursor + 1].isCapitalized,
        (titleStart..<cursor).contains(where: { tokens[$0].lower == "minister" })
      {
        var end = cursor + 1
        var best: Int?
        while end < tokens.count, end - cursor <= 8, !sentences[s].claimed[end] {
          if tokens[end].isCapitalized {
            end += 1
            if case .institution = index.exact(
              Tokenizer.tokens("Ministry of " + sentences[s].text((cursor + 1)..<end))[...])
            {
              best = end
            }
          } else if State.listJoiners.contains(tokens[end].lower), end + 1 < tokens.count,
            tokens[end + 1].isCapitalized
          {
            end += 1
          } else {
            break
          }
        }
        if let best { titleEnd = best }
      }
      // "Minister of Foreign Affairs of Norway", "Trade Minister of Sweden",
      // "Deputy Minister of Economy of Finland": a country after the title
      // is the government the title belongs to.
      if country == nil, european == nil,
        let (c, end) = trailingCountry(s, after: titleEnd, inTitle: titleStart..<titleEnd)
      {
        country = c
        titleEnd = end
      }
      let title = sentences[s].text(titleStart..<titleEnd)
      var org =
        european.flatMap { europeanBody(qualifier: $0, title: title) }
        ?? organisationForTitle(s, titleStart..<titleEnd, country: country)
      // "at the Ministry of …", "of S-OIL", "of the Republic of Korea in New York".
      var after = titleEnd
      if org == nil, after + 1 < tokens.count,
        State.titleBodyPrepositions.contains(tokens[after].lower)
      {
        after += 1
        if let span = sentences[s].span(startingAt: after) {
          let entity = result.entities[span.entity]
          let mission =
            title.lowercased().containsText("consul")
            || title.lowercased().containsText("ambassador")
          if entity.type == .country, mission {
            // A diplomatic mission: "Consul General of the Republic of Korea in New York".
            var end = span.range.upperBound
            while end < tokens.count, tokens[end].isCapitalized || tokens[end].lower == "in" {
              end += 1
            }
            let kind = title.lowercased().containsText("consul") ? "Consulate General" : "Embassy"
            let rest = sentences[s].text((after - (tokens[after - 1].lower == "the" ? 1 : 0))..<end)
            let code = entity.keys.first { $0.hasPrefix("c:") }.map { String($0.dropFirst(2)) }
            org = patternInstitution(name: "\(kind) of \(rest)", type: .agency, country: code)
          } else if entity.type == .country {
            // "Prime Minister of Canada": the head of that government.
            country = span.entity
          } else if entity.type != .person {
            org = span.entity
          }
        } else {
          // A company not known otherwise: the words up to a dash or comma.
          // A country word may end a company name: "onsemi Korea".
          var end = after
          while end < tokens.count, tokens[end].isWord, end - after < 4,
            !sentences[s].claimed[end] || isCountrySpan(s, at: end)
          {
            end += 1
          }
          let corporate = [
            "ceo", "director", "president", "chairman", "founder", "officer", "manager", "head",
          ]
          .contains { title.lowercased().containsText($0) }
          if end > after, corporate,
            tokens[after].isCapitalized || tokens[after].text.first?.isLowercase == true,
            end == tokens.count || !tokens[end].isWord
          {
            let name = sentences[s].text(after..<end)
            let entity = company(name)
            org = entity
            sentences[s].unclaim(after..<end)
            sentences[s].claim(after..<end, entity: entity, rule: "person.name-comma-title")
          }
        }
      }
      guard let name = PersonName(tokens: nameTokens) else { continue }
      let person = person(name)
      sentences[s].claim(start..<comma, entity: person, rule: "person.name-comma-title")
      if titles[person] == nil { titles[person] = title }
      if let org {
        affiliate(person, org, title: title, rule: "person.name-comma-title")
      } else if let country {
        affiliate(person, country, title: title, rule: "person.name-comma-title")
      }
    }
  }

  /// The country named right after a title, as "of (the) COUNTRY", with
  /// the title's end: "of Norway" after "Minister of Foreign Affairs";
  /// "of Economy of Finland" after "Minister" extends the title to
  /// "Minister of Economy". Nil when no country follows.
  func trailingCountry(_ s: Int, after end: Int, inTitle title: Range<Int>) -> (
    country: Int, titleEnd: Int
  )? {
    let tokens = sentences[s].tokens
    func country(at p: Int) -> Int? {
      guard p + 1 < tokens.count, tokens[p].lower == "of",
        let span = sentences[s].span(startingAt: p + 1),
        result.entities[span.entity].type == .country
      else { return nil }
      return span.entity
    }
    if let c = country(at: end) { return (c, end) }
    // The subject of a "Minister of …" title the gazetteer does not know.
    guard end + 2 < tokens.count, tokens[end].lower == "of",
      title.contains(where: {
        tokens[$0].lower == "minister" || tokens[$0].lower == "secretary"
      }), tokens[end + 1].isCapitalized, !sentences[s].claimed[end + 1]
    else { return nil }
    var cursor = end + 1
    while cursor < tokens.count, cursor - end <= 6,
      tokens[cursor].isCapitalized && !sentences[s].claimed[cursor]
        || (State.andWords.contains(tokens[cursor].lower) && cursor + 1 < tokens.count
          && tokens[cursor + 1].isCapitalized && !sentences[s].claimed[cursor + 1])
    {
      cursor += 1
    }
    guard let c = country(at: cursor) else { return nil }
    return (c, cursor)
  }

  /// Bodies found after the people, joined to titled people who have none:
  /// "CEO Tove Lind of Vask Steel" and "Norvik Motors' CEO Jan Koski" (the
  /// company is found by its suffix after the person by the title).
  mutating func attachLateBodies() {
    for s in sentences.indices {
      let tokens = sentences[s].tokens
      for span in sentences[s].spans where span.rule == "person.title-name" {
        let person = span.entity
        guard result.entities[person].type == .person,
          !result.affiliations.contains(where: { $0.person == person })
        else { continue }
        // "… Tove Lind of (the) Vask Steel".
        var k = span.range.upperBound
        if k + 1 < tokens.count, tokens[k].lower == "of" {
          k += 1
          if let body = sentences[s].span(startingAt: k), body.entity != person,
            result.entities[body.entity].type.isOrganisation
          {
            affiliate(person, body.entity, title: titles[person], rule: "person.title-name-of-body")
            continue
          }
        }
        // "Norvik Motors' CEO Jan Koski".
        var start = span.range.lowerBound
        while start > 0, isTitleWord(tokens[start - 1]), !sentences[s].claimed[start - 1] {
          start -= 1
        }
        if start < span.range.lowerBound, start >= 2, State.isPossessiveMark(tokens[start - 1]),
          let body = sentences[s].span(endingAt: start - 1),
          result.entities[body.entity].type.isOrganisation
        {
          affiliate(
            person, body.entity, title: titles[person], rule: "person.possessive-body-title")
        }
      }
    }
  }

  /// Rank words in a title that do not change the body it names ("Vice",
  /// "Acting"): a "Unification Vice Minister" serves the ministry a
  /// "Unification Minister" heads.
  static let titleRankWords: Set<String> = Lexicon.words("title-rank-words")

  /// Words after which a "Name, Title" appositive may start.
  static let appositiveNameLeads: Set<String> = Lexicon.words("appositive-name-leads")

  /// True when token `i` belongs to a country mention.
  func isCountrySpan(_ s: Int, at i: Int) -> Bool {
    guard let span = sentences[s].span(at: i) else { return false }
    return result.entities[span.entity].type == .country
  }

  mutating func affiliate(_ person: Int, _ org: Int, title: String?, rule: String) {
    var affiliation = LocalExtraction.LocalAffiliation(
      person: person, org: org, title: title, rule: rule)
    // Made from a short title just now: the country may stand in later.
    affiliation.viaShortTitle = org == shortTitleBody
    shortTitleBody = nil
    if !result.affiliations.contains(where: { $0.person == person && $0.org == org }) {
      result.affiliations.append(affiliation)
    }
  }

  /// "Minister Kim" → the one person named Kim in the release, preferring
  /// one with the same title.
  mutating func resolveShortReferences() {
    guard !shortReferences.isEmpty else { return }
    // People by family name, or by the first word of the name as written
    // (the loop adds no people): a lookup per reference, not a scan.
    var byFamily: [String: [Int]] = [:]
    for e in result.entities.indices {
      guard let name = result.entities[e].person else { continue }
      var keys = [name.family.lowercased()]
      if let first = name.surface.split(separator: " ").first?.lowercased(), first != keys[0] {
        keys.append(first)
      }
      for key in keys { byFamily[key, default: []].append(e) }
    }
    for (s, range, title, family) in shortReferences {
      let candidates = byFamily[family.lowercased()] ?? []
      var chosen: Int?
      if candidates.count == 1 {
        chosen = candidates[0]
      } else if candidates.count > 1 {
        let head = title.split(separator: " ").last.map { $0.lowercased() } ?? ""
        let sameTitle = candidates.filter { titles[$0]?.lowercased().containsText(head) == true }
        if sameTitle.count == 1 { chosen = sameTitle[0] }
      }
      guard let chosen else { continue }
      // The form as written, with its title: "Deputy Minister Park".
      result.entities[chosen].addForm("\(title) \(sentences[s].text(range))")
      sentences[s].claim(range, entity: chosen, rule: "person.short-reference")
    }
  }

  /// A Korean official with a government title and no stated body works at
  /// the release's own ministry or agency (the first Korean one named).
  /// The release's own body: the first Korean ministry or agency it names.
  var leadInstitution: Int? {
    for sentence in sentences {
      for span in sentence.spans.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
        let entity = result.entities[span.entity]
        if entity.type == .ministry || entity.type == .agency,
          entity.country == nil || entity.country == "KR"
        {
          return span.entity
        }
      }
    }
    return nil
  }

  /// Bodies known only from a short title ("Foreign Minister") that the
  /// release never names: the officials stand for their country instead,
  /// and the body goes.
  mutating func settleShortTitles() {
    guard !shortTitleBodies.isEmpty else { return }
    var named: Set<Int> = []
    for sentence in sentences {
      for span in sentence.spans { named.insert(span.entity) }
    }
    var countries: [Int: Int] = [:]
    // A body that a spelled-out title also named ("Minister of Foreign
    // Affairs X") is named in the release.
    for a in result.affiliations where !a.viaShortTitle { named.insert(a.org) }
    for (body, c) in shortTitleBodies.sorted(by: { $0.key < $1.key }) where !named.contains(body) {
      countries[body] = country(c, form: index.gazetteer.countries[c].name)
    }
    guard !countries.isEmpty else { return }
    var kept: [LocalExtraction.LocalAffiliation] = []
    for var affiliation in result.affiliations {
      if affiliation.viaShortTitle, let c = countries[affiliation.org] {
        affiliation.org = c
        affiliation.rule += "+affiliation.short-title-country"
      }
      if !kept.contains(where: { $0.person == affiliation.person && $0.org == affiliation.org }) {
        kept.append(affiliation)
      }
    }
    result.affiliations = kept
    unnamedOfficials = unnamedOfficials.map { ($0.0, $0.1, countries[$0.2] ?? $0.2) }
  }

  mutating func attachUnaffiliatedOfficials() {
    guard let lead = leadInstitution else { return }
    for (person, title) in titles.sorted(by: { $0.key < $1.key }) {
      guard !result.affiliations.contains(where: { $0.person == person }),
        let name = result.entities[person].person,
        Lexicon.koreanFamilyNames.contains(name.family.lowercased()),
        !["executive", "managing", "ceo", "chairman", "founder", "board"].contains(where: {
          title.lowercased().containsText($0)
        }),
        title.lowercased().split(whereSeparator: { $0 == " " }).contains(where: {
          Lexicon.governmentTitles.contains(String($0))
        })
      else { continue }
      // Ministers serve at ministries, not at the agency a release leads with.
      if title.lowercased().containsText("minister"), result.entities[lead].type != .ministry {
        continue
      }
      affiliate(person, lead, title: title, rule: "affiliation.release-ministry")
    }
  }

  // MARK: - 5. Companies

  mutating func findCompanies(_ s: Int) {
    let tokens = sentences[s].tokens
    // "X, a cosmetics distribution company"; "82Startup, a … group".
    for comma in tokens.indices where tokens[comma].isPunct(",") && comma > 0 {
      guard comma + 2 < tokens.count, State.indefiniteArticles.contains(tokens[comma + 1].lower)
      else {
        continue
      }
      var descriptor: String?
      var k = comma + 2
      while k < tokens.count, k < comma + 8, tokens[k].isWord,
        !State.relativePronouns.contains(tokens[k].lower)
      {
        if tokens[k].classes.contains(.companyDescriptor)
          || tokens[k].classes.contains(.organisationDescriptor)
        {
          descriptor = tokens[k].lower
          break
        }
        k += 1
      }
      guard let descriptor else { continue }
      // "Elektrárna Dukovany II (EDU II), a subsidiary of …": the name
      // before its acronym.
      var nameEnd = comma
      if comma >= 3, tokens[comma - 1].isPunct(")"),
        let open = (max(0, comma - 5)..<(comma - 1)).last(where: { tokens[$0].isPunct("(") }),
        open > 0
      {
        nameEnd = open
      }
      var start = nameEnd
      while start > 0, nameEnd - start < 4, tokens[start - 1].isWord,
        !sentences[s].claimed[start - 1],
        tokens[start - 1].isCapitalized || tokens[start - 1].startsWithDigit
      {
        start -= 1
      }
      guard start < nameEnd, sentences[s].span(endingAt: nameEnd) == nil else { continue }
      let name = sentences[s].text(start..<nameEnd)
      let isOrganisation =
        Lexicon.organisationDescriptors.contains(descriptor)
        && !Lexicon.companyDescriptors.contains(descriptor)
      let entity =
        isOrganisation
        ? patternInstitution(name: name, type: .organization, country: nil) : company(name)
      sentences[s].claim(start..<comma, entity: entity, rule: "company.appositive-descriptor")
    }
    // "Czech utility CEZ", "chipmaker TSMC", "startup Rebellions": a lowercase
    // descriptor right before a capitalised name.
    for noun in sentences[s].classes.contains(.companyDescriptor) ? tokens.indices : 0..<0
    where tokens[noun].classes.contains(.companyDescriptor) {
      let start = noun + 1
      guard Self.namingDescriptors.contains(tokens[noun].lower), start < tokens.count,
        tokens[noun].text.first?.isLowercase == true, tokens[start].isCapitalized,
        sentences[s].span(at: start) == nil, !tokens[start].classes.contains(.titleHead),
        !tokens[start].classes.contains(.calendar)
      else { continue }
      var end = start
      while end < tokens.count, end - start < 3, !sentences[s].claimed[end],
        tokens[end].isCapitalized, !tokens[end].classes.contains(.titleHead)
      {
        end += 1
      }
      guard
        end == tokens.count || !tokens[end].isWord
          || Self.listContinuations.contains(tokens[end].lower)
      else { continue }
      sentences[s].claim(
        start..<end, entity: company(sentences[s].text(start..<end)),
        rule: "company.descriptor-before-name")
    }
    // "firms include Soulbrain (semiconductor materials), Jusung Engineering (…), and …".
    for noun in sentences[s].classes.contains(.companyNoun) ? tokens.indices : 0..<0
    where tokens[noun].classes.contains(.companyNoun) {
      var k = noun + 1
      if k < tokens.count,
        State.listIntroducers.contains(tokens[k].lower)
      {
        k += tokens[k].lower == "such" ? 2 : 1
      } else {
        continue
      }
      var items: [(Range<Int>, Bool)] = []
      while k < tokens.count {
        var end = k
        while end < tokens.count, tokens[end].isWord,
          tokens[end].isCapitalized || tokens[end].startsWithDigit,
          !sentences[s].claimed[end], end - k < 4
        {
          end += 1
        }
        guard end > k else { break }
        var described = false
        var next = end
        if next < tokens.count, tokens[next].isPunct("(") {
          described = true
          while next < tokens.count, !tokens[next].isPunct(")") { next += 1 }
          next += 1
        }
        let suffix = Lexicon.companySuffixes.contains(tokens[end - 1].lower)
        items.append((k..<end, described || suffix))
        if next < tokens.count, tokens[next].isPunct(",") { next += 1 }
        if next < tokens.count, tokens[next].lower == "and" { next += 1 }
        if next == k { break }
        k = next
        if k < tokens.count, !tokens[k].isCapitalized { break }
      }
      if items.count >= 2, items.allSatisfy(\.1) {
        for (range, _) in items where sentences[s].span(at: range.lowerBound) == nil {
          sentences[s].claim(
            range, entity: company(sentences[s].text(range)), rule: "company.firms-include")
        }
      }
    }
    // "visited the headquarters of X".
    for visit in tokens.indices
    where tokens[visit].classes.contains(.trigger) && tokens[visit].lower.hasPrefix("visit") {
      var k = visit + 1
      if k < tokens.count, tokens[k].lower == "the" { k += 1 }
      guard k + 2 < tokens.count,
        Self.facilityWords.contains(tokens[k].lower), tokens[k + 1].lower == "of"
      else { continue }
      // One firm, or several: "the booths of Daon and Nuri Materials".
      var start = k + 2
      while start < tokens.count, sentences[s].span(at: start) == nil {
        var end = start
        while end < tokens.count, tokens[end].isWord, !sentences[s].claimed[end], end - start < 4,
          tokens[end].isCapitalized || tokens[end].startsWithDigit
        {
          end += 1
        }
        guard end > start else { break }
        sentences[s].claim(
          start..<end, entity: company(sentences[s].text(start..<end)),
          rule: "company.facility-of")
        var next = end
        if next < tokens.count, tokens[next].isPunct(",") { next += 1 }
        if next < tokens.count, tokens[next].lower == "and" { next += 1 }
        guard next > end, next < tokens.count, tokens[next].isCapitalized else { break }
        start = next
      }
    }
    // "visited Hanbit Robotics' plant", "visited Naver Cloud's data center",
    // "visited the institute and CATL's headquarters": after a visit verb,
    // a name in the possessive before a facility is a firm.
    if let visit = tokens.indices.first(where: {
      tokens[$0].classes.contains(.trigger) && tokens[$0].lower.hasPrefix("visit")
    }) {
      for mark in (visit + 1)..<tokens.count
      where !tokens[mark].isWord && State.apostrophes.contains(tokens[mark].lower)
        && mark + 1 < tokens.count && Self.facilityWords.contains(tokens[mark + 1].lower)
      {
        var start = mark
        while start > visit + 1, mark - start < 4, tokens[start - 1].isWord,
          !sentences[s].claimed[start - 1],
          tokens[start - 1].isCapitalized || tokens[start - 1].startsWithDigit
        {
          start -= 1
        }
        guard start < mark, !tokens[start].classes.contains(.titleHead),
          !tokens[start].classes.contains(.calendar), tokens[start].lower != "the"
        else { continue }
        sentences[s].claim(
          start..<mark, entity: company(sentences[s].text(start..<mark)),
          rule: "company.possessive-facility")
      }
    }
    // "executives from Samsung Electronics, SK hynix and LG Chem".
    for noun in sentences[s].classes.contains(.representative) ? tokens.indices : 0..<0
    where tokens[noun].classes.contains(.representative) {
      guard noun + 2 < tokens.count,
        State.representativePrepositions.contains(tokens[noun + 1].lower)
      else {
        continue
      }
      var k = noun + 2
      if tokens[k].lower == "the" { k += 1 }
      claimCompanyList(s, from: k, rule: "company.representatives-from")
    }
    // "signed business agreements with Amazon, Walmart and Carrefour",
    // "signed supply contracts with …": the partners are firms.
    for noun in sentences[s].classes.contains(.dealNoun) ? tokens.indices : 0..<0
    where tokens[noun].classes.contains(.dealNoun) {
      guard noun >= 2, noun + 2 < tokens.count, tokens[noun + 1].lower == "with",
        Self.dealKinds.contains(tokens[noun - 1].lower),
        tokens[max(0, noun - 4)..<noun].contains(where: { $0.lower.hasPrefix("sign") }),
        tokens[noun + 2].isCapitalized
      else { continue }
      claimCompanyList(s, from: noun + 2, strict: true, rule: "company.deal-partners")
    }
    // "semiconductor companies, including Samsung Electronics, SK hynix and
    // DB HiTek"; "firms such as …".
    for noun in sentences[s].classes.contains(.companyNoun) ? tokens.indices : 0..<0
    where tokens[noun].classes.contains(.companyNoun) {
      var k = noun + 1
      // "companies operating in Vietnam, including …": a short phrase between.
      // Not when another plural noun intervenes: "companies in five cities,
      // including Busan" lists cities.
      if let comma = tokens[k..<min(tokens.count, k + 6)].firstIndex(where: { $0.isPunct(",") }),
        tokens[k..<comma].allSatisfy({ $0.isWord && !$0.classes.contains(.clauseBreaker) }),
        !tokens[k..<comma].contains(where: {
          $0.text.first?.isLowercase == true && $0.lower.count > 3 && $0.lower.hasSuffix("s")
        })
      {
        k = comma
      }
      if k < tokens.count, tokens[k].isPunct(",") { k += 1 }
      if k < tokens.count, State.exampleIntroducers.contains(tokens[k].lower) {
        k += 1
      } else if k + 1 < tokens.count, tokens[k].lower == "such", tokens[k + 1].lower == "as" {
        k += 2
      } else {
        continue
      }
      if k < tokens.count, tokens[k].isCapitalized {
        claimCompanyList(s, from: k, strict: true, rule: "company.companies-including")
      }
    }
    // "Germany's Fraunhofer-Gesellschaft": a body of a named country.
    for apostrophe in tokens.indices
    where !tokens[apostrophe].isWord && tokens[apostrophe].lower == "'s" {
      guard apostrophe > 0, isCountrySpan(s, at: apostrophe - 1) else { continue }
      let start = apostrophe + 1
      var end = start
      while end < tokens.count, end - start < 4, tokens[end].isCapitalized,
        !sentences[s].claimed[end],
        !tokens[end].classes.contains(.titleHead), !tokens[end].classes.contains(.titleModifier),
        !tokens[end].classes.contains(.calendar)
      {
        end += 1
      }
      guard end > start, !tokens[start..<end].allSatisfy(\.isAllCaps) else { continue }
      let country = sentences[s].span(at: apostrophe - 1).flatMap { span in
        result.entities[span.entity].keys.first { $0.hasPrefix("c:") }.map {
          String($0.dropFirst(2))
        }
      }
      let name = sentences[s].text(start..<end)
      sentences[s].claim(
        start..<end, entity: patternInstitution(name: name, type: .organization, country: country),
        rule: "institution.country-possessive")
    }
    // Names ending in a company suffix: "Samsung Electronics Co., Ltd.".
    var i = 0
    while i < tokens.count {
      guard tokens[i].isCapitalized, !sentences[s].claimed[i] else {
        i += 1
        continue
      }
      var end = i
      while end < tokens.count,
        tokens[end].isCapitalized
          || (tokens[end].text == "&" && end + 1 < tokens.count && tokens[end + 1].isCapitalized)
          || tokens[end].isPunct(",")
            && end + 1 < tokens.count
            && Self.legalFormsAfterComma.contains(tokens[end + 1].lower),
        !sentences[s].claimed[end]
      {
        end += 1
      }
      if end - i >= 2, Self.strongCompanySuffixes.contains(tokens[end - 1].lower),
        tokens[i].lower != "the"
      {
        sentences[s].claim(
          i..<end, entity: company(sentences[s].text(i..<end)), rule: "company.suffix")
      }
      i = max(end, i + 1)
    }
  }

  // MARK: - 6a. Parent bodies

  /// "KATS (…) under the Ministry of …": the first is part of the second.
  mutating func findParents() {
    for s in sentences.indices {
      let tokens = sentences[s].tokens
      for span in sentences[s].spans where !span.appositive {
        let child = result.entities[span.entity]
        guard child.type.isOrganisation else { continue }
        // "Korea People’s Army’s General Political Bureau": the body after
        // a body's possessive is part of it.
        if span.range.lowerBound >= 2, State.isPossessiveMark(tokens[span.range.lowerBound - 1]),
          let owner = sentences[s].span(endingAt: span.range.lowerBound - 1),
          owner.entity != span.entity, result.entities[owner.entity].type.isOrganisation
        {
          let link = LocalExtraction.LocalParent(
            child: span.entity, parent: owner.entity, evidence: sentences[s].text,
            rule: "parent.possessive")
          if !result.parents.contains(where: { $0.child == link.child && $0.parent == link.parent })
          {
            result.parents.append(link)
          }
          continue
        }
      }
      // "X under Y", "X, an arm of Y", "X, Y's … arm", "the X Bureau of Y"
      // (Resources/rules/parent-cues.json). Its rules start with a
      // mention, so the engine cannot skip a sentence by its words: only
      // sentences with a cue word are tried, and only at mentions of
      // bodies with a cue word shortly after.
      let cues = tokens.indices.filter { k in
        tokens[k].classes.contains(.parentCue)
          || (k > 0 && tokens[k].isWord && tokens[k - 1].classes.contains(.institutionHead)
            && tokens[k].lower == "of" && Self.subUnitHeads.contains(tokens[k - 1].lower))
      }
      guard !cues.isEmpty else { continue }
      let input = matchInput(s)
      var found: [RuleMatch] = []
      // (Starts and cues both ascend: one pass over each, however long the
      // sentence.)
      var nextCue = 0
      for start in Set(sentences[s].spans.map(\.range.lowerBound)).sorted() {
        while nextCue < cues.count, cues[nextCue] <= start { nextCue += 1 }
        guard nextCue < cues.count, cues[nextCue] - start <= 24 else { continue }
        found += Self.parentCues.matches(startingAt: start, in: input)
      }
      // "Invest Lumen, an arm of …": the child is a name found by the cue.
      // (The name starts a capitalised run; the first that matches wins.)
      for k in cues where tokens[k].lower == "arm" {
        for start in max(0, k - 12)..<k
        where sentences[s].span(at: start) == nil && tokens[start].isCapitalized
          && (start == 0 || !tokens[start - 1].isCapitalized)
        {
          let named = Self.parentCues.matches(startingAt: start, in: input).filter {
            $0.rule.action["child"] == "new body"
          }
          if !named.isEmpty {
            found += named
            break
          }
        }
      }
      for match in found {
        // "Invest Lumen, an arm of KOTRA": the name before is a body of
        // the parent's kind, found by this cue alone.
        if match.rule.action["child"] == "new body",
          sentences[s].span(at: match.capture("child").lowerBound) == nil,
          let parent = sentences[s].span(at: match.capture("parent").lowerBound),
          result.entities[parent.entity].type.isOrganisation
        {
          let range = match.capture("child")
          let type: EntityType =
            result.entities[parent.entity].type == .company ? .company : .agency
          let body = patternInstitution(
            name: sentences[s].text(range), type: type,
            country: result.entities[parent.entity].country)
          sentences[s].claim(range, entity: body, rule: match.rule.id)
        }
        guard let child = sentences[s].span(at: match.capture("child").lowerBound),
          let parent = sentences[s].span(at: match.capture("parent").lowerBound),
          child.entity != parent.entity, !child.appositive,
          result.entities[child.entity].type.isOrganisation,
          result.entities[parent.entity].type.isOrganisation
        else { continue }
        // "the Trade Policy Bureau of the Ministry": only a sub-unit's
        // name ends in a head noun of that list.
        if let list = match.rule.action["childHead"] {
          let last = child.range.upperBound - 1
          guard Lexicon.listIfPresent(list)?.contains(tokens[last].lower) == true else { continue }
        }
        let link = LocalExtraction.LocalParent(
          child: child.entity, parent: parent.entity, evidence: sentences[s].text,
          rule: match.rule.id)
        if !result.parents.contains(where: { $0.child == link.child && $0.parent == link.parent }) {
          result.parents.append(link)
        }
      }
    }
  }

  /// The parent-cue rules (`Resources/rules/parent-cues.json`).
  static let parentCues = RuleBook.builtIn.phase("parent-cue")

  /// Words that state a parent body (`parent-cue-words.txt`).
  static let parentCueWords: Set<String> = Lexicon.words("parent-cue-words")

  /// Head nouns of sub-units ("Bureau", "Division").
  static let subUnitHeads: Set<String> = Lexicon.words("sub-unit-heads")

  /// Every span as a mention with body offsets.
  mutating func collectMentions() {
    for sentence in sentences {
      for span in sentence.spans.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
        // "(KIAT)" right after the name it abbreviates is the same mention.
        let first = span.range.lowerBound
        if first >= 2, sentence.tokens[first - 1].isPunct("("),
          sentence.span(endingAt: first - 1)?.entity == span.entity
        {
          // Its rule still shows: "Lumen Robot Agency (LRA)" was named by
          // the head noun and defined by the acronym.
          if let last = result.mentions.indices.last, result.mentions[last].entity == span.entity,
            !result.mentions[last].rule.contains(span.rule)
          {
            result.mentions[last].rule += "+" + span.rule
          }
          continue
        }
        let (start, end) = sentence.bodyOffsets(span.range)
        result.mentions.append(
          LocalExtraction.LocalMention(
            entity: span.entity, sentence: sentence.index, start: start, end: end,
            text: sentence.text(span.range), rule: span.rule))
      }
    }
  }
}
