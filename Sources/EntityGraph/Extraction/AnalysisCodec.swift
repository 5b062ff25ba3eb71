import PressReleases

/// The binary form of a ``LocalExtraction``, for stores that keep each
/// release's first-pass extraction instead of running it again.
///
/// Layout (every integer a LEB128 varint; signed ones zigzag-encoded):
///
/// ```
/// "PGA" 1                      magic and format version
/// strings: count, then count × (byte length, UTF-8 bytes)
/// body:    entities, mentions, affiliations, parents, meetings,
///          definitions, unresolved acronyms; each a count then items,
///          every string an index into the string table
/// ```
///
/// Strings are stored once per release (rule ids and mention texts repeat);
/// evidence that is a whole sentence of the release is stored as the
/// sentence's number (the release comes with the bytes when decoding).
/// Sets are written sorted, so one extraction always has one encoding.
/// Decoding checks every index and value it reads (entity references,
/// enum cases, date parts) and throws on anything out of range: a damaged
/// blob is an error, never a crash.
enum AnalysisCodec {
  static let magic: [UInt8] = Array("PGA".utf8) + [1]

  struct Malformed: Error {
    var reason: String
  }

  // MARK: Encoding

  struct Writer {
    var body: [UInt8] = []
    var strings: [String] = []
    var index: [String: Int] = [:]

    mutating func unsigned(_ value: UInt64) {
      var value = value
      while value >= 0x80 {
        body.append(UInt8(value & 0x7F) | 0x80)
        value >>= 7
      }
      body.append(UInt8(value))
    }

    mutating func int(_ value: Int) {
      let v = Int64(value)
      unsigned(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    mutating func bool(_ value: Bool) { body.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
      if let known = index[value] {
        unsigned(UInt64(known))
      } else {
        index[value] = strings.count
        unsigned(UInt64(strings.count))
        strings.append(value)
      }
    }

    /// An optional string: 0 for nil, else the string's index plus one.
    mutating func optional(_ value: String?) {
      guard let value else { return unsigned(0) }
      if let known = index[value] {
        unsigned(UInt64(known + 1))
      } else {
        index[value] = strings.count
        unsigned(UInt64(strings.count + 1))
        strings.append(value)
      }
    }

    /// Evidence text: most often a whole sentence of the release, stored as
    /// its index plus one (`hint` is tried first); else 0 and the text.
    mutating func evidence(_ text: String, sentences: [Sentence], hint: Int? = nil) {
      if let hint, sentences.indices.contains(hint), sentences[hint].text == text {
        return unsigned(UInt64(hint + 1))
      }
      if let k = sentences.firstIndex(where: { $0.text == text }) {
        return unsigned(UInt64(k + 1))
      }
      unsigned(0)
      string(text)
    }

    mutating func strings(_ values: [String]) {
      unsigned(UInt64(values.count))
      for value in values { string(value) }
    }

    mutating func set(_ values: Set<String>) { strings(values.sorted()) }

    mutating func type(_ type: EntityType) {
      unsigned(UInt64(EntityType.allCases.firstIndex(of: type) ?? 0))
    }

    mutating func date(_ date: PartialDate) {
      // year + 1 (0 for none), month, day (0 for none)
      int(date.year.map { $0 + 1 } ?? 0)
      unsigned(UInt64(date.month))
      unsigned(UInt64(date.day ?? 0))
    }

    func finish() -> [UInt8] {
      var head = Writer()
      head.body = magic
      head.unsigned(UInt64(strings.count))
      for string in strings {
        let bytes = Array(string.utf8)
        head.unsigned(UInt64(bytes.count))
        head.body += bytes
      }
      return head.body + body
    }
  }

  static func encode(_ local: LocalExtraction) -> [UInt8] {
    var w = Writer()
    w.unsigned(UInt64(local.entities.count))
    for entity in local.entities {
      w.type(entity.type)
      w.strings(entity.forms)
      w.string(entity.name)
      w.set(entity.keys)
      w.optional(entity.country)
      w.optional(entity.gazetteerID)
      if let person = entity.person {
        w.bool(true)
        w.string(person.surface)
        w.string(person.family)
        w.optional(person.given)
        w.string(person.canonical)
        w.set(person.keys)
      } else {
        w.bool(false)
      }
    }
    w.unsigned(UInt64(local.mentions.count))
    for mention in local.mentions {
      w.int(mention.entity)
      w.int(mention.sentence)
      w.int(mention.start)
      w.int(mention.end)
      w.string(mention.text)
      w.string(mention.rule)
    }
    w.unsigned(UInt64(local.affiliations.count))
    for affiliation in local.affiliations {
      w.int(affiliation.person)
      w.int(affiliation.org)
      w.optional(affiliation.title)
      w.string(affiliation.rule)
      w.bool(affiliation.viaShortTitle)
    }
    w.unsigned(UInt64(local.parents.count))
    for link in local.parents {
      w.int(link.child)
      w.int(link.parent)
      w.evidence(link.evidence, sentences: local.release.sentences)
      w.string(link.rule)
    }
    w.unsigned(UInt64(local.meetings.count))
    for meeting in local.meetings {
      w.unsigned(UInt64(meeting.participants.count))
      for participant in meeting.participants { w.int(participant) }
      if let span = meeting.date {
        w.unsigned(span.end == nil ? 1 : 2)
        w.date(span.start)
        if let end = span.end { w.date(end) }
      } else {
        w.unsigned(0)
      }
      w.optional(meeting.place)
      w.string(meeting.status.rawValue)
      w.evidence(meeting.evidence, sentences: local.release.sentences, hint: meeting.sentence)
      w.int(meeting.sentence)
      w.strings(meeting.rules)
    }
    let definitions = local.definitions.sorted { $0.key < $1.key }
    w.unsigned(UInt64(definitions.count))
    for (acronym, definition) in definitions {
      w.string(acronym)
      w.string(definition.name)
      w.type(definition.type)
      w.set(definition.keys)
      w.optional(definition.country)
      w.optional(definition.gazetteerID)
    }
    w.set(local.unresolvedAcronyms)
    return w.finish()
  }

  // MARK: Decoding

  struct Reader {
    let bytes: [UInt8]
    var offset = 0
    var strings: [String] = []

    mutating func unsigned() throws(Malformed) -> UInt64 {
      var value: UInt64 = 0
      var shift: UInt64 = 0
      while true {
        guard offset < bytes.count else { throw Malformed(reason: "it ends early") }
        let byte = bytes[offset]
        offset += 1
        guard shift < 64 else { throw Malformed(reason: "a number is too long") }
        value |= UInt64(byte & 0x7F) << shift
        if byte < 0x80 { return value }
        shift += 7
      }
    }

    /// A count of items that each take at least one byte.
    mutating func count() throws(Malformed) -> Int {
      let value = try unsigned()
      guard value <= UInt64(bytes.count - offset) else {
        throw Malformed(reason: "a count exceeds the data")
      }
      return Int(value)
    }

    mutating func int() throws(Malformed) -> Int {
      let raw = try unsigned()
      let value = Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
      guard let result = Int(exactly: value) else { throw Malformed(reason: "a number is too big") }
      return result
    }

    mutating func bool() throws(Malformed) -> Bool {
      switch try unsigned() {
      case 0: false
      case 1: true
      default: throw Malformed(reason: "a flag is neither 0 nor 1")
      }
    }

    mutating func string() throws(Malformed) -> String {
      let n = try unsigned()
      guard n < UInt64(strings.count) else { throw Malformed(reason: "a string index is unknown") }
      return strings[Int(n)]
    }

    mutating func optional() throws(Malformed) -> String? {
      let n = try unsigned()
      if n == 0 { return nil }
      guard n <= UInt64(strings.count) else {
        throw Malformed(reason: "a string index is unknown")
      }
      return strings[Int(n - 1)]
    }

    mutating func evidence(_ sentences: [Sentence]) throws(Malformed) -> String {
      let n = try unsigned()
      if n == 0 { return try string() }
      guard n <= UInt64(sentences.count) else {
        throw Malformed(reason: "an evidence sentence is unknown")
      }
      return sentences[Int(n - 1)].text
    }

    mutating func stringList() throws(Malformed) -> [String] {
      let n = try count()
      var values: [String] = []
      values.reserveCapacity(n)
      for _ in 0..<n { values.append(try string()) }
      return values
    }

    mutating func set() throws(Malformed) -> Set<String> { Set(try stringList()) }

    mutating func type() throws(Malformed) -> EntityType {
      let n = try unsigned()
      guard n < UInt64(EntityType.allCases.count) else {
        throw Malformed(reason: "an entity type is unknown")
      }
      return EntityType.allCases[Int(n)]
    }

    mutating func date() throws(Malformed) -> PartialDate {
      let year = try int()
      let month = try unsigned()
      let day = try unsigned()
      guard (1...12).contains(month), day <= 31, year >= 0, year <= 100_000 else {
        throw Malformed(reason: "a date is out of range")
      }
      return PartialDate(
        year: year == 0 ? nil : year - 1, month: Int(month), day: day == 0 ? nil : Int(day))
    }

    mutating func status() throws(Malformed) -> MeetingStatus {
      guard let status = MeetingStatus(rawValue: try string()) else {
        throw Malformed(reason: "a meeting status is unknown")
      }
      return status
    }

    /// A reference to one of `count` local entities.
    mutating func entity(below count: Int) throws(Malformed) -> Int {
      let n = try int()
      guard n >= 0, n < count else { throw Malformed(reason: "an entity reference is unknown") }
      return n
    }
  }

  /// Decodes `bytes` for `release` (the release the extraction was made
  /// from, or another with the same content hash).
  static func decode(_ bytes: [UInt8], release: Release) throws(Malformed) -> LocalExtraction {
    guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else {
      throw Malformed(reason: "it is not an extraction of this format")
    }
    var r = Reader(bytes: bytes, offset: magic.count)
    let stringCount = try r.count()
    r.strings.reserveCapacity(stringCount)
    for _ in 0..<stringCount {
      let length = try r.count()
      let end = r.offset + length
      guard let string = String(validating: bytes[r.offset..<end], as: UTF8.self) else {
        throw Malformed(reason: "a string is not UTF-8")
      }
      r.strings.append(string)
      r.offset = end
    }
    var local = LocalExtraction(release: release)
    let entityCount = try r.count()
    local.entities.reserveCapacity(entityCount)
    for _ in 0..<entityCount {
      let type = try r.type()
      let forms = try r.stringList()
      let name = try r.string()
      let keys = try r.set()
      let country = try r.optional()
      let gazetteerID = try r.optional()
      var person: PersonName?
      if try r.bool() {
        person = PersonName(
          surface: try r.string(), family: try r.string(), given: try r.optional(),
          canonical: try r.string(), keys: try r.set())
      }
      local.entities.append(
        LocalEntity(
          type: type, forms: forms, name: name, keys: keys, country: country,
          gazetteerID: gazetteerID, person: person))
    }
    let entities = local.entities.count
    let sentences = release.sentences.count
    for _ in 0..<(try r.count()) {
      let mention = LocalExtraction.LocalMention(
        entity: try r.entity(below: entities), sentence: try r.int(), start: try r.int(),
        end: try r.int(), text: try r.string(), rule: try r.string())
      guard mention.sentence >= 0, mention.sentence < max(sentences, 1),
        mention.start >= 0, mention.start <= mention.end
      else { throw Malformed(reason: "a mention lies outside the release") }
      local.mentions.append(mention)
    }
    for _ in 0..<(try r.count()) {
      local.affiliations.append(
        LocalExtraction.LocalAffiliation(
          person: try r.entity(below: entities), org: try r.entity(below: entities),
          title: try r.optional(), rule: try r.string(), viaShortTitle: try r.bool()))
    }
    for _ in 0..<(try r.count()) {
      local.parents.append(
        LocalExtraction.LocalParent(
          child: try r.entity(below: entities), parent: try r.entity(below: entities),
          evidence: try r.evidence(release.sentences), rule: try r.string()))
    }
    for _ in 0..<(try r.count()) {
      var participants: [Int] = []
      for _ in 0..<(try r.count()) { participants.append(try r.entity(below: entities)) }
      var date: DateSpan?
      switch try r.unsigned() {
      case 0: date = nil
      case 1: date = DateSpan(start: try r.date())
      case 2: date = DateSpan(start: try r.date(), end: try r.date())
      default: throw Malformed(reason: "a meeting date is malformed")
      }
      local.meetings.append(
        LocalExtraction.LocalMeeting(
          participants: participants, date: date, place: try r.optional(),
          status: try r.status(), evidence: try r.evidence(release.sentences),
          sentence: try r.int(), rules: try r.stringList()))
    }
    for _ in 0..<(try r.count()) {
      let acronym = try r.string()
      local.definitions[acronym] = AcronymDefinition(
        name: try r.string(), type: try r.type(), keys: try r.set(), country: try r.optional(),
        gazetteerID: try r.optional())
    }
    local.unresolvedAcronyms = try r.set()
    guard r.offset == bytes.count else { throw Malformed(reason: "it has trailing bytes") }
    return local
  }
}

extension PersonName {
  /// A name from its parts, as ``AnalysisCodec`` stored them.
  init(surface: String, family: String, given: String?, canonical: String, keys: Set<String>) {
    self.surface = surface
    self.family = family
    self.given = given
    self.canonical = canonical
    self.keys = keys
  }
}
