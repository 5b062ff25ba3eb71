/// A string shaped like a date that names no day of the calendar:
/// "2025-02-30", "0000-11-18", "2025-13-45", "April 31, 2025".
public struct ImpossibleDate: Hashable, Sendable {
  /// The text as written.
  public var text: String
  /// Why it is no date: "February 2025 has 28 days", "there is no month 13".
  public var reason: String

  /// Creates a finding.
  public init(text: String, reason: String) {
    self.text = text
    self.reason = reason
  }
}

extension DateParser {
  /// Why `line`, which has the shape of a complete date on its own, names
  /// no real day; nil when it is a real date or not shaped like one.
  ///
  /// The shapes are those of ``standaloneDate(_:)``: `YYYY-MM-DD` (also with
  /// `.` or `/`, and the `YYYY. MM. DD.` spacing), `Month D, YYYY` and
  /// `D Month YYYY` (full or abbreviated month names, with or without a
  /// weekday before), and ISO timestamps. Readers use it to warn about a
  /// date line they cannot use instead of dropping it without a word.
  public static func impossibleDate(_ line: String) -> ImpossibleDate? {
    let text = line.trimmingSpaces
    guard !text.isEmpty, text.utf8.count <= 80, standaloneDate(text) == nil else { return nil }
    guard let (year, month, day) = dateParts(text) else { return nil }
    guard let reason = problem(year: year, month: month, day: day) else { return nil }
    return ImpossibleDate(text: text, reason: reason)
  }

  /// The numeric dates (`YYYY-MM-DD`, `YYYY.MM.DD`, `YYYY/MM/DD`) in `text`
  /// that name no real day, in text order. One pass over the bytes.
  public static func impossibleNumericDates(in text: String) -> [ImpossibleDate] {
    let bytes = Array(text.utf8)
    var found: [ImpossibleDate] = []
    var i = 0
    func isDigit(_ k: Int) -> Bool { k < bytes.count && (0x30...0x39).contains(bytes[k]) }
    func isLetter(_ k: Int) -> Bool {
      k < bytes.count && (0x61...0x7A).contains(bytes[k] | 0x20)
    }
    func number(_ range: Range<Int>) -> Int {
      bytes[range].reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
    while i + 8 <= bytes.count {
      // Four digits not preceded by a digit or letter.
      guard isDigit(i), isDigit(i + 1), isDigit(i + 2), isDigit(i + 3),
        i == 0 || !(isDigit(i - 1) || isLetter(i - 1))
      else {
        i += 1
        continue
      }
      let separator = i + 4 < bytes.count ? bytes[i + 4] : 0
      guard
        separator == UInt8(ascii: "-") || separator == UInt8(ascii: ".")
          || separator == UInt8(ascii: "/")
      else {
        i += 4
        continue
      }
      var k = i + 5
      let monthStart = k
      while isDigit(k), k - monthStart < 2 { k += 1 }
      let monthEnd = k
      guard monthEnd > monthStart, k < bytes.count, bytes[k] == separator else {
        i += 4
        continue
      }
      k += 1
      let dayStart = k
      while isDigit(k), k - dayStart < 2 { k += 1 }
      let dayEnd = k
      // Not part of a longer number or word ("2025-11-180", "2025-1-3x").
      guard dayEnd > dayStart, !isDigit(dayEnd), !isLetter(dayEnd) else {
        i = max(k, i + 4)
        continue
      }
      let year = number(i..<(i + 4))
      let month = number(monthStart..<monthEnd)
      let day = number(dayStart..<dayEnd)
      if let reason = problem(year: year, month: month, day: day) {
        found.append(
          ImpossibleDate(text: String(decoding: bytes[i..<dayEnd], as: UTF8.self), reason: reason))
      }
      i = dayEnd
    }
    return found
  }

  /// What is wrong with a year, month and day, or nil when they are a day.
  static func problem(year: Int, month: Int, day: Int) -> String? {
    if year < 1 || year > 9999 { return "there is no year \(year)" }
    if !(1...12).contains(month) { return "there is no month \(month)" }
    if day < 1 { return "there is no day \(day)" }
    let days = PartialDate.daysIn(month: month, year: year)
    guard day > days else { return nil }
    let name = monthNames[month - 1]
    return month == 2 ? "February \(year) has \(days) days" : "\(name) has \(days) days"
  }

  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  /// The year, month and day of a date-shaped string, whatever their
  /// values; nil when it is not shaped like a complete date.
  static func dateParts(_ text: String) -> (Int, Int, Int)? {
    var words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
    // A weekday first: "Wednesday, November 19, 2025".
    if let first = words.first?.lowercased(),
      ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].contains(
        first.hasSuffix(".") ? String(first.dropLast()) : first)
    {
      words.removeFirst()
    }
    func integer(_ word: String) -> Int? {
      var digits = Substring(word)
      if digits.hasSuffix(".") { digits = digits.dropLast() }
      for suffix in ["st", "nd", "rd", "th"] where digits.lowercased().hasSuffix(suffix) {
        digits = digits.dropLast(2)
      }
      guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isASCII),
        digits.allSatisfy(\.isNumber)
      else { return nil }
      return Int(digits)
    }
    func month(_ word: String) -> Int? {
      var lower = word.lowercased()
      if lower.hasSuffix(".") { lower.removeLast() }
      guard lower.count >= 3 else { return nil }
      if lower == "sept" { return 9 }
      return monthNames.firstIndex {
        $0.lowercased() == lower || $0.lowercased().prefix(3) == lower
      }
      .map { $0 + 1 }
    }
    switch words.count {
    case 1:
      // 2025-11-18, 2025.11.18, 2025/11/18, and ISO timestamps.
      var value = Substring(words[0])
      if let t = value.firstIndex(of: "T") { value = value[..<t] }
      for separator in ["-", ".", "/"] as [Character] {
        let parts = value.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3 || (parts.count == 4 && parts[3].isEmpty && separator == "."),
          parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
          let y = integer(String(parts[0])), let m = integer(String(parts[1])),
          let d = integer(String(parts[2]))
        else { continue }
        return (y, m, d)
      }
      return nil
    case 3:
      // 2025. 11. 18.
      if words.allSatisfy({ $0.hasSuffix(".") || $0 == words.last }), words[0].count == 5,
        let y = integer(words[0]), let m = integer(words[1]), let d = integer(words[2])
      {
        return (y, m, d)
      }
      // November 18, 2025
      if let m = month(words[0]), let d = integer(words[1]), words[2].count == 4,
        let y = integer(words[2])
      {
        return (y, m, d)
      }
      // 18 November 2025
      if let d = integer(words[0]), let m = month(words[1]), words[2].count == 4,
        let y = integer(words[2])
      {
        return (y, m, d)
      }
      return nil
    default:
      return nil
    }
  }
}
