import PressReleases

/// Finds meetings in a release.
///
/// A meeting is reported by a trigger: "met (with)", "held talks / a
/// meeting / a … session", "visited", "signed an MOU", "attended", "chaired",
/// "co-hosted", "hosted", "convened … with", "discussed … with". Its
/// participants are the people and organisations acting in the sentence and
/// the bodies those people represent. These are not participants:
/// - names in an appositive ("MOTIR (MOTIR, Minister JK Kim)");
/// - a parent body ("KATS under MOTIR");
/// - the forum ("the meeting of the WTO Committee …", "in the … Committee
///   meeting") and the venue ("at the Korea Chamber of …");
/// - anything in a purpose or topic clause ("to discuss …", "during …");
/// - countries, except for the two sides of a bilateral body ("the
///   Korea–U.S. … Working Group held …");
/// - unnamed counterparts ("100 overseas buyers").
///
/// Later sentences that refer back to an event ("At the event, …", "The
/// opening ceremony was attended by …", "… received the … Order") add their
/// people to it. Meetings with fewer than two participants are dropped.
struct MeetingFinder {
  var state: State
  var meetings: [LocalExtraction.LocalMeeting] = []
  /// The last reported event, which back-references join.
  var event: Int?
  /// The actors of the last sentence, for "He", "She", "They".
  var previousActors: [Int] = []
  /// The trigger's token index of each meeting, for its place.
  var anchors: [Int] = []
  /// What kind of trigger each meeting has.
  var kinds: [Trigger] = []
  /// The last person named, for "He" and "She".
  var lastPerson: Int?

  /// Each person's affiliations, in order (the finder adds none).
  let affiliationsByPerson: [Int: [LocalExtraction.LocalAffiliation]]

  init(state: State) {
    self.state = state
    affiliationsByPerson = Dictionary(grouping: state.result.affiliations, by: \.person)
  }

  /// Verbs that introduce reported speech: "noted that …".
  static let reportingVerbs: Set<String> = Lexicon.words("reporting-verbs")

  /// Nouns of a public event (which later back-references join).
  static let eventWords: Set<String> = Lexicon.words("event-words")

  /// Words that may stand between "opened" and the name of what opened.
  static let determiners: Set<String> = Lexicon.words("determiners")

  /// Back-references that fit any event.
  static let genericEventNouns: Set<String> = Lexicon.words("generic-event-nouns")

  /// "Nov", "Sept" without their period.
  static func isMonthAbbreviation(_ token: Token) -> Bool {
    token.isCapitalized && monthAbbreviations.contains(token.key)
  }

  static let monthAbbreviations = Set(WordList.monthAbbreviations.keys)

  /// "the ministry", "the agency": the body of that type named last.
  static let definiteBodies: [String: EntityType] = Lexicon.typedWords("definite-bodies")

  /// Every word that can start a trigger, for a cheap first test.
  static let triggerWords: Set<String> = Lexicon.words("trigger-words")

  enum Trigger: Equatable {
    case meet, gather(event: Bool), visit, sign, attend, chair, discuss
  }

  mutating func find() -> [LocalExtraction.LocalMeeting] {
    for s in state.sentences.indices { process(s) }
    var result: [LocalExtraction.LocalMeeting] = []
    // The meetings kept so far by participants, in order: finding an
    // earlier one with the same participants is then a lookup, not a scan
    // of every meeting (a release with thousands of meetings was quadratic).
    var byParticipants: [[Int]: [Int]] = [:]
    func append(_ meeting: LocalExtraction.LocalMeeting) {
      byParticipants[meeting.participants, default: []].append(result.count)
      result.append(meeting)
    }
    func setParticipants(_ index: Int, _ participants: [Int]) {
      let old = result[index].participants
      guard old != participants else { return }
      byParticipants[old]?.removeAll { $0 == index }
      var list = byParticipants[participants, default: []]
      list.insert(index, at: list.firstIndex { $0 > index } ?? list.endIndex)
      byParticipants[participants] = list
      result[index].participants = participants
    }
    for (n, meeting) in meetings.enumerated() where Set(meeting.participants).count >= 2 {
      // "Minister Kang (of the Office) met with the heads of three
      // agencies": meeting *with* someone needs a counterpart; one party,
      // however many entities, is no meeting. (A body's own event, "the
      // Ministry held a meeting chaired by X", has one party and stays.)
      if kinds[n] == .meet || kinds[n] == .discuss, parties(meeting.participants) < 2 { continue }
      var meeting = meeting
      meeting.participants = Array(Set(meeting.participants)).sorted()
      meeting.date = date(meeting.sentence)
      meeting.place = place(meeting.sentence, after: anchors[n])
      let before = state.sentences[meeting.sentence].tokens[..<anchors[n]]
      // "On the same day, the minister visited …": another meeting, that day.
      let sameDay = before.indices.contains {
        before[$0].lower == "same" && $0 + 1 < before.endIndex && before[$0 + 1].lower == "day"
      }
      if meeting.date == nil, sameDay, let last = result.last { meeting.date = last.date }
      if let same = byParticipants[meeting.participants]?.first(where: {
        result[$0].date == meeting.date || meeting.date == nil
      }) {
        if result[same].place == nil { result[same].place = meeting.place }
        continue
      }
      // "X and Y signed the MOU" after "A signed an MOU with B on June 11":
      // an undated follow-up whose bodies are a subset or superset of the
      // last meeting's is the same meeting, told in more detail.
      if meeting.date == nil, !sameDay, kinds[n] != .visit, let last = result.indices.last,
        result[last].sentence != meeting.sentence,
        !Self.alsoWords.contains(where: { word in before.contains { $0.lower == word } })
      {
        let mine = sides(meeting.participants)
        let theirs = sides(result[last].participants)
        // "Park attended the APEC meeting. On its sidelines, he held talks
        // with …": the first had one side only; the talks are a meeting of
        // their own, in the same days.
        if theirs.count == 1, mine.count > 1, theirs.isSubset(of: mine) {
          meeting.date = result[last].date
          append(meeting)
          continue
        }
        if !mine.isEmpty, !theirs.isEmpty, mine.isSubset(of: theirs) || theirs.isSubset(of: mine) {
          setParticipants(
            last, Array(Set(result[last].participants + meeting.participants)).sorted())
          if result[last].place == nil { result[last].place = meeting.place }
          continue
        }
      }
      append(meeting)
    }
    return result
  }

  /// How many parties the participants make: each person, and each body
  /// that no participating person represents.
  func parties(_ participants: [Int]) -> Int {
    let people = participants.filter { state.result.entities[$0].type == .person }
    let represented = Set(people.flatMap { (affiliationsByPerson[$0] ?? []).map(\.org) })
    return Set(people).count
      + Set(participants.filter { state.result.entities[$0].type != .person })
      .subtracting(represented).count
  }

  /// The sides a meeting's participants stand for: its bodies and the
  /// bodies and countries its people are affiliated with.
  func sides(_ participants: [Int]) -> Set<Int> {
    var result: Set<Int> = []
    for e in participants {
      if state.result.entities[e].type == .person {
        for affiliation in affiliationsByPerson[e] ?? [] { result.insert(affiliation.org) }
      } else {
        result.insert(e)
      }
    }
    return result
  }

  /// Last words of bodies that are forums rather than parties.
  static let forumHeads: Set<String> = Lexicon.words("forum-heads")

  /// "5th", "51st", "third", "inaugural".
  static func isOrdinal(_ token: Token) -> Bool {
    let lower = token.lower
    if let first = lower.first, first.isNumber {
      return ["st", "nd", "rd", "th"].contains { lower.hasSuffix($0) }
    }
    return [
      "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
      "tenth", "inaugural", "annual", "joint",
    ].contains(lower)
  }

  /// Words that make a meeting another one: "Minister Cho also met …".
  static let alsoWords: Set<String> = Lexicon.words("also-words")

  /// The trigger in a sentence and its token index.
  /// The meeting-trigger rules (`Resources/rules/meeting-triggers.json`).
  static let triggerRules = RuleBook.builtIn.phase("meeting-trigger")

  /// The sentence's first trigger outside quoted speech and before any
  /// reported speech ("noted that …"): its kind, the trigger token, and
  /// the rule that found it.
  func trigger(_ s: Int) -> (Trigger, Int, [String])? {
    let tokens = state.sentences[s].tokens
    let speech = state.sentences[s].inSpeech
    let cut =
      tokens.indices.first {
        $0 > 0 && tokens[$0].lower.utf8.count == 4 && tokens[$0].lower == "that"
          && Self.reportingVerbs.contains(tokens[$0 - 1].lower)
      } ?? tokens.count
    guard Self.triggerRules.mayMatch(tokens, classes: state.sentences[s].classes) else {
      return nil
    }
    var best: (at: Int, match: RuleMatch, order: Int)?
    // With the sentence's mentions: "received Ole Brun" asks for a person.
    let input = state.matchInput(s)
    // The earliest trigger wins, and a trigger never comes before its
    // match's start: once one is found, later starts cannot beat it.
    for start in tokens.indices {
      if let best, best.at < start { break }
      guard Self.triggerRules.mayStart(at: tokens[start]) else { continue }
      for match in Self.triggerRules.matches(startingAt: start, in: input) {
        let at = match.capture("trigger").lowerBound
        guard at < cut, !speech[at], tokens[at].isWord else { continue }
        let rank = Self.triggerRules.rank(match.rule)
        if let current = best {
          let better =
            at < current.at
            || (at == current.at
              && (match.rule.priority > current.match.rule.priority
                || (match.rule.priority == current.match.rule.priority && rank < current.order)))
          if !better { continue }
        }
        best = (at, match, rank)
      }
    }
    guard var best else { return nil }
    var rules: [String] = []
    // "attended the Forum in Davos and met separately with A and B": the
    // meeting is the coordinated "met"; the forum is where it happened.
    if best.match.rule.action["kind"] == "attend" {
      for start in (best.at + 1)..<tokens.count
      where Self.triggerRules.mayStart(at: tokens[start]) {
        let later = Self.triggerRules.matches(startingAt: start, in: input).first { match in
          let at = match.capture("trigger").lowerBound
          return match.rule.action["kind"] == "meet" && at < cut && !speech[at]
            && (tokens[at - 1].lower == "and"
              || (at >= 2 && tokens[at - 2].lower == "and"
                && Self.alsoWords.contains(tokens[at - 1].lower)))
        }
        if let later {
          best = (later.capture("trigger").lowerBound, later, Self.triggerRules.rank(later.rule))
          rules.append("meeting.attend-and-meet")
          break
        }
      }
    }
    let kind: Trigger
    switch best.match.rule.action["kind"] {
    case "meet": kind = .meet
    case "gather":
      let event =
        best.match.rule.action["event"] == "true"
        || tokens[best.at..<min(tokens.count, best.at + 13)].contains {
          Self.eventWords.contains($0.lower)
        }
      kind = .gather(event: event)
    case "visit": kind = .visit
    case "sign": kind = .sign
    case "attend": kind = .attend
    case "chair": kind = .chair
    case "discuss": kind = .discuss
    default: return nil
    }
    return (kind, best.at, [best.match.rule.id] + rules)
  }

  mutating func process(_ s: Int) {
    let sentence = state.sentences[s]
    let tokens = sentence.tokens
    defer {
      // The sentence's first person in reading order: its subject, most often.
      if let person = sentence.spans.filter({
        !$0.appositive && state.result.entities[$0.entity].type == .person
      }).min(by: { $0.range.lowerBound < $1.range.lowerBound }) {
        lastPerson = person.entity
      }
    }
    guard let (kind, at, rule) = trigger(s) else {
      joinEvent(s)
      return
    }
    // Back-references to an event already reported join it.
    if event != nil, refersBack(s), [.attend, .chair].contains(kind) || passive(s, at) {
      joinEvent(s)
      return
    }
    let cutoff = clauseEnd(s, after: at)
    var participants: [Int] = []
    var subjects: [Int] = []
    for span in sentence.spans where !span.appositive && span.range.lowerBound < cutoff {
      let entity = state.result.entities[span.entity]
      guard entity.type != .country else { continue }
      guard sentence.depth[span.range.lowerBound] == 0 else { continue }
      if isExcluded(s, span) { continue }
      participants.append(span.entity)
      if span.range.lowerBound < at { subjects.append(span.entity) }
    }
    // "Korea and Sweden signed an MOU": countries that are the whole
    // subject are the parties (elsewhere a country is a place or a side).
    var countrySubjects = false
    if subjects.isEmpty, at > 0 {
      let before = sentence.spans.filter {
        $0.range.upperBound <= at && !$0.appositive
          && state.result.entities[$0.entity].type == .country
      }
      let covered = Set(before.flatMap(\.range))
      let onlyCountries = (0..<at).allSatisfy { k in
        covered.contains(k) || Self.countryListWords.contains(sentence.tokens[k].lower)
      }
      let countries = Array(Set(before.map(\.entity))).sorted()
      if onlyCountries, countries.count >= 2 {
        participants += countries
        subjects = countries
        countrySubjects = true
      }
    }
    // Officials named by title only: "the Vietnamese Minister of Finance".
    for (os, range, org) in state.unnamedOfficials where os == s && range.lowerBound < cutoff {
      participants.append(org)
      if range.lowerBound < at { subjects.append(org) }
    }
    // "The ministry will discuss …": the body of that kind named last.
    if subjects.isEmpty, let noun = definiteBody(s, before: at) {
      participants.append(noun)
      subjects.append(noun)
    }
    // "The talks with X are planned": the release's own body is the other side.
    if subjects.isEmpty,
      ["meeting", "talks", "consultations", "dialogue"].contains(tokens[at].lower),
      let lead = state.leadInstitution
    {
      participants.append(lead)
      subjects.append(lead)
    }
    // "He", "She", "They" at the start stand for the last actors.
    if subjects.isEmpty, let first = tokens.first(where: \.isWord),
      ["he", "she", "they"].contains(first.lower)
    {
      let antecedents = first.lower == "they" ? previousActors : lastPerson.map { [$0] } ?? []
      participants += antecedents
      subjects = antecedents
    }
    // "the four ministries": every ministry named in the release, if that many.
    if let number = countedMinistries(s, before: at) {
      let ministries = Set(
        state.sentences.flatMap(\.spans).map(\.entity).filter {
          state.result.entities[$0].type == .ministry
        })
      if ministries.count == number { participants += ministries.sorted() }
    }
    // The bodies people represent.
    for person in participants where state.result.entities[person].type == .person {
      for affiliation in affiliationsByPerson[person] ?? [] {
        if state.result.entities[affiliation.org].type != .country {
          participants.append(affiliation.org)
        }
      }
    }
    // "A and B signed contracts with local partners": the counterpart is not
    // named, so A and B did not meet each other.
    // Only the trigger's own "with": "visited X's plant and met with local
    // executives" names X, whoever the executives were.
    let ownClause =
      tokens[(at + 1)..<max(at + 1, min(cutoff, tokens.count))].firstIndex(where: {
        $0.classes.contains(.trigger)
      }) ?? min(cutoff, tokens.count)
    if let with = tokens[(at + 1)..<max(at + 1, ownClause)].firstIndex(where: {
      $0.lower == "with"
    }), kind != .gather(event: true),
      !sentence.spans.contains(where: {
        $0.range.lowerBound > with && $0.range.lowerBound < cutoff
          && state.result.entities[$0.entity].type != .country && !isExcluded(s, $0)
          && sentence.depth[$0.range.lowerBound] == 0
      })
    {
      // One side (a body and its people) still held the meeting, and later
      // sentences may name who attended; two independent bodies did not meet
      // each other.
      let bodies = Set(participants.filter { state.result.entities[$0].type != .person })
      if bodies.count > 1 { participants = [] }
    }
    // A bilateral body's two sides: "the Korea–U.S. … Working Group held".
    if Set(participants).isEmpty, let sides = bilateralSides(s, within: forumSpans(s)) {
      participants = sides
    } else if !participants.isEmpty, let sides = bilateralSides(s, within: forumSpans(s)) {
      // "Minister You attended the Korea-India Joint Committee": the other
      // country took part, even when none of its people is named.
      for side in sides where !state.result.entities[side].keys.contains("c:KR") {
        let code = state.result.entities[side].keys.first { $0.hasPrefix("c:") }?.dropFirst(2)
        // Represented by a person of it, or by one of its bodies.
        let represented = participants.contains { p in
          p == side || (affiliationsByPerson[p] ?? []).contains { $0.org == side }
            || (code != nil && state.result.entities[p].country == code.map(String.init))
        }
        if !represented { participants.append(side) }
      }
    }
    if Set(participants).count < 2, let listed = delegationList(s, before: at) {
      participants += listed
    }
    if !subjects.isEmpty { previousActors = subjects }
    if kind == .visit, !subjects.isEmpty {
      guard let kept = visitCounterparts(participants, subjects: subjects) else { return }
      participants = kept
    }
    // Date and place are read in `find`, only for the meetings kept.
    let status: MeetingStatus = isPlanned(s, at) ? .planned : .held
    for group in bilateralSplit(
      s, kind: kind, at: at, participants: participants, subjects: subjects)
    {
      meetings.append(
        LocalExtraction.LocalMeeting(
          participants: group.participants, date: nil, place: nil, status: status,
          evidence: sentence.text, sentence: sentence.index,
          rules: rule + (countrySubjects ? ["meeting.country-subjects"] : []) + group.rules))
      anchors.append(at)
      kinds.append(kind)
    }
    // Later back-references ("the opening ceremony") join the last meeting
    // that has named participants.
    if !participants.isEmpty { event = meetings.count - 1 }
  }

  /// Group nouns for a meeting's people (`delegation-nouns.txt`).
  static let delegationNouns = Lexicon.words("delegation-nouns")

  /// "The delegates held talks …" followed by list lines "- North: Name(
  /// Title, Body), …", "- South: …, Head of National Security Council
  /// (NSC), …": the people and bodies the lines name, with the bodies the
  /// people serve. Nil when the subject is no group noun or no list follows.
  mutating func delegationList(_ s: Int, before at: Int) -> [Int]? {
    let tokens = state.sentences[s].tokens
    guard tokens[..<at].contains(where: { Self.delegationNouns.contains($0.lower) }) else {
      return nil
    }
    var found: [Int] = []
    var next = s + 1
    while next < state.sentences.count {
      let line = state.sentences[next]
      guard let first = line.tokens.first,
        ["-", "\u{2013}", "\u{2022}", "\u{00B7}", "\u{25E6}", "*"].contains(first.text),
        line.tokens.prefix(6).contains(where: { $0.isPunct(":") })
      else { break }
      for span in line.spans where !span.appositive {
        let type = state.result.entities[span.entity].type
        if type == .person {
          found.append(span.entity)
          for a in affiliationsByPerson[span.entity] ?? [] { found.append(a.org) }
        } else if type.isOrganisation, line.depth[span.range.lowerBound] == 0 {
          found.append(span.entity)
        }
      }
      found += titleOnlyBodies(next)
      next += 1
    }
    return found.isEmpty ? nil : found
  }

  /// "- South: …, Unification Minister, Unification Vice Minister, …": a
  /// delegate known only by a title that names a body stands for that body
  /// (in the release's era). Items run between commas, colons and "and".
  mutating func titleOnlyBodies(_ s: Int) -> [Int] {
    let line = state.sentences[s]
    let tokens = line.tokens
    var bodies: [Int] = []
    var start = 0
    for end in tokens.indices.map({ $0 + 1 }) + [tokens.count + 1] {
      let boundary =
        end > tokens.count
        || tokens[end - 1].isPunct(",") || tokens[end - 1].isPunct(":")
        || tokens[end - 1].lower == "and"
      guard boundary else { continue }
      let item = start..<min(end - 1, tokens.count)
      start = end
      guard !item.isEmpty, !item.contains(where: { line.claimed[$0] }) else { continue }
      let words = tokens[item].filter {
        $0.isWord && !State.titleRankWords.contains($0.lower)
      }
      guard words.count >= 2, words.allSatisfy(\.isCapitalized),
        let g = state.index.headTitles[PhraseIndex.key(words[...])]
      else { continue }
      bodies.append(
        state.institution(g, form: state.index.gazetteer.institutions[g].name, title: words))
    }
    return bodies
  }

  /// Words that may join the countries of a subject ("Korea and Sweden").
  static let countryListWords: Set<String> = ["and", "&", ",", "the", "both"]

  /// The subject side of a meeting: the subjects and the bodies their
  /// people represent.
  func subjectSide(_ subjects: [Int]) -> Set<Int> {
    var side = Set(subjects)
    for person in subjects { for a in affiliationsByPerson[person] ?? [] { side.insert(a.org) } }
    return side
  }

  /// A visit is a meeting only with the firms and people visited: touring
  /// a site, a city, a country or an international body is not one.
  func visitCounterparts(_ participants: [Int], subjects: [Int]) -> [Int]? {
    let side = subjectSide(subjects)
    var kept = participants.filter { side.contains($0) }
    var visited = false
    for e in participants where !side.contains(e) {
      let type = state.result.entities[e].type
      if type == .company || type == .person {
        kept.append(e)
        visited = true
      } else if participants.contains(where: { p in
        state.result.entities[p].type == .person && !side.contains(p)
          && (affiliationsByPerson[p] ?? []).contains { $0.org == e }
      }) {
        kept.append(e)  // the body of a person visited
      }
    }
    return visited ? kept : nil
  }

  /// Words that make a meeting with several counterparts one joint meeting.
  static let jointWords = Lexicon.words("joint-meeting-words")

  /// "A met with B, C and D" is three meetings, A–B, A–C and A–D, unless
  /// the sentence says they met together ("trilateral", "jointly", …); so
  /// are "had meetings with B and C" and "met separately with B and C".
  /// The counterparts are the parties after the trigger: each person with
  /// the bodies they represent, and each other body.
  func bilateralSplit(
    _ s: Int, kind: Trigger, at: Int, participants: [Int], subjects: [Int]
  ) -> [(participants: [Int], rules: [String])] {
    let whole = [(participants: participants, rules: [String]())]
    let tokens = state.sentences[s].tokens
    // A verb ("met with"), or a plural noun ("had meetings with"); not "his
    // meeting with X", whose owner is named after it.
    let plural = tokens[at].lower == "meetings"
    let noun = Lexicon.meetingNouns.contains(tokens[at].lower)
    guard (kind == .meet || kind == .discuss) && !noun || plural, !subjects.isEmpty else {
      return whole
    }
    if tokens.contains(where: { Self.jointWords.contains($0.lower) }) { return whole }
    let side = subjectSide(subjects)
    var parties: [[Int]] = []
    var placed: Set<Int> = side
    for e in participants where !placed.contains(e) && state.result.entities[e].type == .person {
      var party = [e]
      // The bodies the person represents, as in an unsplit meeting. The
      // country a named official stands for goes with the official's
      // party, unlisted: it is no party of its own.
      for a in affiliationsByPerson[e] ?? [] where !side.contains(a.org) {
        if state.result.entities[a.org].type == .country {
          placed.insert(a.org)
        } else {
          party.append(a.org)
        }
      }
      placed.formUnion(party)
      parties.append(party)
    }
    for e in participants where !placed.contains(e) {
      placed.insert(e)
      parties.append([e])
    }
    guard parties.count >= 2 else { return whole }
    let base = participants.filter { side.contains($0) }
    return parties.map { (participants: base + $0, rules: ["meeting.bilateral-split"]) }
  }

  /// Adds a sentence's people to the last event when it refers back to it
  /// with an attendance verb ("At the event, Minister Kim congratulated …",
  /// "X received the … Order").
  mutating func joinEvent(_ s: Int) {
    guard let event else { return }
    let sentence = state.sentences[s]
    let tokens = sentence.tokens
    let attends = tokens.indices.contains { i in
      !sentence.inSpeech[i] && tokens[i].classes.contains(.attendance)
    }
    // "The gathering was attended by …", "… attending the meeting today";
    // "… received the Gold Tower Order"; "Minister Kim … awarded medals
    // to A, B and C" when the minister is at the event.
    let joins =
      attends && refersBack(s) || (receivesAward(s) && (attends || subjectAttends(s, event)))
    guard joins else { return }
    var added: [Int] = []
    for span in sentence.spans where !span.appositive && !sentence.inSpeech[span.range.lowerBound] {
      let entity = state.result.entities[span.entity]
      guard entity.type == .person || (entity.type.isOrganisation && !isExcluded(s, span)) else {
        continue
      }
      if entity.type != .person, sentence.depth[span.range.lowerBound] > 0 { continue }
      added.append(span.entity)
      for affiliation in affiliationsByPerson[span.entity] ?? [] {
        if state.result.entities[affiliation.org].type != .country { added.append(affiliation.org) }
      }
    }
    meetings[event].participants += added
  }

  /// True when the sentence names an event already reported: "the event",
  /// "the opening ceremony", "At the committee meeting".
  func refersBack(_ s: Int) -> Bool {
    let tokens = state.sentences[s].tokens
    guard state.sentences[s].classes.contains(.eventBackReference) else { return false }
    // The event's own words, read only when a specific noun ("expo") needs them.
    var own: Set<String>?
    for i in tokens.indices where tokens[i].classes.contains(.eventBackReference) {
      if !Self.genericEventNouns.contains(tokens[i].lower) {
        if own == nil {
          own = event.map { Set(state.sentences[meetings[$0].sentence].tokens.map(\.lower)) } ?? []
        }
        guard own?.contains(tokens[i].lower) == true else { continue }
      }
      // "the opening ceremony", "this year's event", "today's meeting".
      var k = i - 1
      while k >= 0, k > i - 5, tokens[k].isWord || State.isPossessiveMark(tokens[k]),
        !["the", "this", "today"].contains(tokens[k].lower)
      {
        k -= 1
      }
      if k >= 0, ["the", "this", "today"].contains(tokens[k].lower) { return true }
    }
    return false
  }

  /// Verbs and nouns of awards (`award-verbs.txt`, `award-nouns.txt`).
  static let awardVerbs = Lexicon.words("award-verbs")
  static let awardNouns = Lexicon.words("award-nouns")

  /// True for "… received the Gold Tower Order …", "… was awarded …".
  func receivesAward(_ s: Int) -> Bool {
    state.sentences[s].classes.isSuperset(of: [.awardVerb, .awardNoun])
  }

  /// True when the sentence's first named person already takes part in
  /// the event: its subject, most often.
  func subjectAttends(_ s: Int, _ event: Int) -> Bool {
    guard
      let first = state.sentences[s].spans.filter({
        !$0.appositive && state.result.entities[$0.entity].type == .person
      }).min(by: { $0.range.lowerBound < $1.range.lowerBound })
    else { return false }
    return meetings[event].participants.contains(first.entity)
  }

  /// True for a passive trigger: "was attended by", "chaired by".
  func passive(_ s: Int, _ at: Int) -> Bool {
    let tokens = state.sentences[s].tokens
    return at + 1 < tokens.count && tokens[at + 1].lower == "by"
  }

  /// The first token after the trigger where participants stop: a purpose
  /// clause ("to discuss"), a topic or time clause ("during", "including").
  func clauseEnd(_ s: Int, after at: Int) -> Int {
    let tokens = state.sentences[s].tokens
    var i = at + 1
    while i < tokens.count {
      let token = tokens[i]
      if token.classes.contains(.clauseBreaker) {
        // "with CEOs of chip companies, including A and B": still the guests.
        var k = i - 1
        if k > at, tokens[k].isPunct(",") { k -= 1 }
        // The firms may be a few words back: "companies operating in Vietnam, including".
        let guests =
          token.lower == "including" && k > at
          && tokens[max(at + 1, k - 4)...k].contains(where: {
            $0.classes.contains(.companyNoun) || $0.classes.contains(.representative)
          })
        if !guests { return i }
      }
      if token.lower == "to", i + 1 < tokens.count, tokens[i + 1].isWord,
        tokens[i + 1].text.first?.isLowercase == true, tokens[i + 1].lower != "the"
      {
        return i
      }
      if token.isPunct(";") || token.isPunct(":") { return i }
      i += 1
    }
    return tokens.count
  }

  /// Forum, venue, parent and speech spans are not participants.
  func isExcluded(_ s: Int, _ span: SentenceWork.Span) -> Bool {
    let sentence = state.sentences[s]
    let tokens = sentence.tokens
    if sentence.inSpeech[span.range.lowerBound] { return true }
    // "conveyed President Lee's greetings": a possessive names no participant.
    if span.range.upperBound < tokens.count, !tokens[span.range.upperBound].isWord,
      ["'s", "’s"].contains(tokens[span.range.upperBound].lower),
      state.result.entities[span.entity].type == .person
    {
      return true
    }
    var k = span.range.lowerBound - 1
    if k >= 0, tokens[k].lower == "the" { k -= 1 }
    guard k >= 0 else { return false }
    let before = tokens[k].lower
    if before == "under" || before == "at" { return true }
    if before == "of", k > 0 {
      // "talks with executives of X": X sent people; it is no forum.
      if tokens[k - 1].classes.contains(.representative) { return false }
      var m = k - 1
      while m > 0, !tokens[m].classes.contains(.meetingNoun), tokens[m].isWord, m > k - 3 {
        m -= 1
      }
      if tokens[m].classes.contains(.meetingNoun) { return true }
      if ["headquarters", "delegation"].contains(tokens[k - 1].lower) { return false }
    }
    // "X, a subsidiary of Czech utility CEZ": the parent only describes X.
    var o = span.range.lowerBound - 1
    while o > 0, o >= span.range.lowerBound - 4, tokens[o].lower != "of" { o -= 1 }
    if o > 0, tokens[o].lower == "of",
      ["subsidiary", "affiliate", "unit", "division", "arm"].contains(tokens[o - 1].lower)
    {
      return true
    }
    // "co-chaired the 5th Korea-Indonesia Industrial Cooperation Committee":
    // a committee chaired or attended is the forum, not a participant.
    if state.result.entities[span.entity].type == .organization,
      Self.forumHeads.contains(tokens[span.range.upperBound - 1].lower)
    {
      var b = span.range.lowerBound - 1
      while b >= 0, tokens[b].lower == "the" || Self.isOrdinal(tokens[b]) { b -= 1 }
      if b >= 0, tokens[b].classes.contains(.trigger) { return true }
    }
    // "in the Korea–U.S. FTA Joint Committee meeting": the forum.
    let end = span.range.upperBound
    if end < tokens.count, tokens[end].classes.contains(.meetingNoun),
      tokens[end].text.first?.isLowercase == true
    {
      return true
    }
    // "the OECD Digital Economy Ministerial Meeting": the body whose named
    // meeting it is hosts the forum.
    // "the NATO Foreign Ministers' Meeting" too.
    var next = end
    while next < tokens.count, next < end + 8,
      tokens[next].isCapitalized || ["'", "'s", "’", "’s"].contains(tokens[next].lower)
        || (["for", "of", "on", "and"].contains(tokens[next].lower) && next + 1 < tokens.count
          && tokens[next + 1].isCapitalized)
    {
      if tokens[next].classes.contains(.meetingNoun), sentence.span(at: next) == nil { return true }
      next += 1
    }
    // "on the sidelines of the G20 summit": the forum.
    var b = span.range.lowerBound - 1
    if b >= 0, tokens[b].lower == "the" { b -= 1 }
    if b >= 2, tokens[b].lower == "of",
      ["sidelines", "margins", "occasion"].contains(tokens[b - 1].lower)
    {
      return true
    }
    return false
  }

  /// "the ministry", "the agency" before the trigger: the last body of that
  /// type named up to this sentence.
  func definiteBody(_ s: Int, before at: Int) -> Int? {
    let tokens = state.sentences[s].tokens
    guard
      let i = tokens[..<at].indices.first(where: { k in
        k > 0 && Self.definiteBodies[tokens[k].lower] != nil && tokens[k - 1].lower == "the"
          && !state.sentences[s].claimed[k]
      }), let type = Self.definiteBodies[tokens[i].lower]
    else { return nil }
    for sentence in state.sentences[...s].reversed() {
      let spans = sentence.spans.filter {
        (sentence.index < s || $0.range.lowerBound < i)
          && state.result.entities[$0.entity].type == type
      }
      if let last = spans.max(by: { $0.range.lowerBound < $1.range.lowerBound }) {
        return last.entity
      }
    }
    return nil
  }

  /// "the four ministries", "both ministries": how many.
  func countedMinistries(_ s: Int, before at: Int) -> Int? {
    let tokens = state.sentences[s].tokens
    let numbers = [
      "two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    ]
    for i in 0..<min(at, tokens.count) where tokens[i].lower == "ministries" && i > 0 {
      if let number = numbers[tokens[i - 1].lower] ?? Int(tokens[i - 1].lower) { return number }
    }
    return nil
  }

  /// The two countries of a "Korea–U.S." compound in the sentence.
  mutating func bilateralSides(_ s: Int, within ranges: [Range<Int>]) -> [Int]? {
    var state = self.state
    let tokens = state.sentences[s].tokens
    // The compound must name the body that met: inside the forum span, or
    // followed by a meeting word ("Korea–U.S. Energy Security Dialogue").
    func namesForum(_ i: Int) -> Bool {
      if ranges.contains(where: { $0.contains(i) }) { return true }
      return tokens[(i + 1)...].prefix(8).contains {
        Lexicon.meetingNouns.contains($0.lower) || $0.lower == "group" || $0.lower == "committee"
      }
    }
    // "Korea-Poland" written with a hyphen is one token.
    for i in tokens.indices
    where tokens[i].isWord && tokens[i].text.utf8.contains(0x2D) && namesForum(i) {
      let halves = tokens[i].text.split(separator: "-").map(String.init)
      guard halves.count == 2 else { continue }
      let sides = halves.compactMap { half -> Int? in
        if case .country(let c, _) = state.index.exact(Tokenizer.tokens(half)[...]) { return c }
        return nil
      }
      guard sides.count == 2, sides[0] != sides[1] else { continue }
      let a = state.country(sides[0], form: halves[0])
      let b = state.country(sides[1], form: halves[1])
      self.state = state
      return [a, b]
    }
    for i in tokens.indices.dropFirst().dropLast()
    where (tokens[i].isPunct("-") || tokens[i].isPunct("\u{2013}") || tokens[i].isPunct("\u{2014}"))
      && namesForum(i)
    {
      guard let (leftEnd, left) = countryMatch(tokens, at: i - 1), leftEnd == i,
        let (_, right) = countryMatch(tokens, at: i + 1)
      else { continue }
      let a = state.country(left, form: tokens[i - 1].text)
      let b = state.country(right, form: tokens[i + 1].text)
      self.state = state
      return a == b ? nil : [a, b]
    }
    return nil
  }

  /// The spans in a sentence that are the forum of a meeting.
  func forumSpans(_ s: Int) -> [Range<Int>] {
    state.sentences[s].spans.filter { isExcluded(s, $0) }.map(\.range)
  }

  func countryMatch(_ tokens: [Token], at i: Int) -> (Int, Int)? {
    if let (end, target) = state.index.longestMatch(tokens, at: i), case .country(let c, _) = target
    {
      return (end, c)
    }
    return nil
  }

  /// True when the sentence announces rather than reports.
  func isPlanned(_ s: Int, _ at: Int) -> Bool {
    let tokens = state.sentences[s].tokens
    if tokens[..<at].contains(where: { $0.classes.contains(.futureMarker) }) { return true }
    if at > 0, tokens[at - 1].lower == "to",
      !["met", "held", "visited", "signed"].contains(tokens[at].lower)
    {
      return true
    }
    let after = tokens[at...].prefix(14).map(\.lower)
    if after.contains("tentatively") || (after.contains("planned") && after.contains("for"))
      || after.contains("scheduled")
    {
      return true
    }
    // "the meeting to be held in May"; "In his meeting with X, the minister
    // will ask …": a noun trigger in a sentence about the future.
    let around = tokens[max(0, at - 2)...].prefix(16).map(\.lower)
    if zip(zip(around, around.dropFirst()), around.dropFirst(2)).contains(where: {
      $0.0 == "to" && $0.1 == "be" && $1 == "held"
    }) {
      return true
    }
    let verb = tokens[at].lower
    let past =
      verb == "met" || verb == "held" || verb == "sat" || verb == "paid" || verb.hasSuffix("ed")
    return !past && Lexicon.meetingNouns.contains(verb)
      && tokens[at...].contains { $0.lower == "will" || $0.lower == "shall" }
  }

  /// The first date in the sentence.
  func date(_ s: Int) -> DateSpan? {
    // Only sentences with a month name or a numeric date can hold one.
    let tokens = state.sentences[s].tokens
    guard
      tokens.contains(where: {
        $0.classes.contains(.calendar) || Self.isMonthAbbreviation($0)
          || ($0.startsWithDigit
            && ($0.text.utf8.contains(0x2D) || $0.text.utf8.contains(0x2E)))
      })
    else { return nil }
    let parser = DateParser(publication: state.result.release.date)
    return parser.mentions(in: state.sentences[s].text).first?.span
  }

  /// The venue: "at (the) Lotte Hotel Seoul", without a trailing "in City".
  func place(_ s: Int, after at: Int) -> String? {
    let sentence = state.sentences[s]
    let tokens = sentence.tokens
    var i = at + 1
    while i + 1 < tokens.count {
      defer { i += 1 }
      guard tokens[i].lower == "at" else { continue }
      var start = i + 1
      if tokens[start].lower == "the", start + 1 < tokens.count { start += 1 }
      guard tokens[start].isCapitalized, !tokens[start].classes.contains(.calendar) else {
        continue
      }
      if let span = sentence.span(at: start), state.result.entities[span.entity].type == .person {
        continue
      }
      var end = start
      while end < tokens.count,
        tokens[end].isCapitalized || tokens[end].text == "&"
          || (tokens[end].lower == "of" && end + 1 < tokens.count && tokens[end + 1].isCapitalized)
          || (tokens[end].lower == "and" && end + 1 < tokens.count && tokens[end + 1].isCapitalized)
      {
        end += 1
      }
      if end > start { return sentence.text(start..<end) }
    }
    return nil
  }
}
