/// A calendar date that may lack its year or its day.
///
/// Press releases often write "November 18" without a year, or "in August"
/// without a day. pressgraph never invents a missing part: a date whose year
/// cannot be known stays partial.
///
/// Its ``description`` follows ISO 8601 and its truncated forms:
/// `2025-11-18`, `2025-11`, `--11-18` (no year), `--11` (month only, no year).
public struct PartialDate: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
  /// The year, when the text or its publication date tells it.
  public var year: Int?
  /// The month, 1 to 12.
  public var month: Int
  /// The day of the month, when the text gives one.
  public var day: Int?

  /// Creates a date from its parts; `month` must be 1...12 and `day` 1...31.
  public init(year: Int?, month: Int, day: Int?) {
    precondition((1...12).contains(month), "month out of range: \(month)")
    precondition(day.map { (1...31).contains($0) } ?? true, "day out of range")
    self.year = year
    self.month = month
    self.day = day
  }

  /// True when year, month and day are all known.
  public var isComplete: Bool { year != nil && day != nil }

  /// The ISO 8601 form: `YYYY-MM-DD`, `YYYY-MM`, `--MM-DD` or `--MM`.
  public var description: String {
    let mm = month < 10 ? "0\(month)" : "\(month)"
    let dd = day.map { $0 < 10 ? "-0\($0)" : "-\($0)" } ?? ""
    if let year {
      let yyyy = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
      return "\(yyyy)-\(mm)\(dd)"
    }
    return "--\(mm)\(dd)"
  }

  /// Parses the forms that ``description`` writes; nil for anything else.
  public init?(iso text: some StringProtocol) {
    let parts = String(text).split(separator: "-", omittingEmptySubsequences: false).map(
      String.init)
    switch parts.count {
    case 2:  // YYYY-MM
      guard let y = Int(parts[0]), parts[0].count == 4, let m = Int(parts[1]) else { return nil }
      self.init(checkedYear: y, month: m, day: nil)
    case 3 where parts[0].isEmpty:  // --MM
      guard parts[1].isEmpty, let m = Int(parts[2]) else { return nil }
      self.init(checkedYear: nil, month: m, day: nil)
    case 3:  // YYYY-MM-DD
      guard parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
      else { return nil }
      self.init(checkedYear: y, month: m, day: d)
    case 4 where parts[0].isEmpty && parts[1].isEmpty:  // --MM-DD
      guard let m = Int(parts[2]), let d = Int(parts[3]) else { return nil }
      self.init(checkedYear: nil, month: m, day: d)
    default:
      return nil
    }
  }

  /// Creates a date after checking its parts, including the days in the month
  /// (29 February only in leap years); nil when they do not form a date.
  public init?(checkedYear year: Int?, month: Int, day: Int?) {
    guard (1...12).contains(month) else { return nil }
    if let year, !(1...9999).contains(year) { return nil }
    if let day {
      guard day >= 1, day <= PartialDate.daysIn(month: month, year: year) else { return nil }
    }
    self.init(year: year, month: month, day: day)
  }

  /// The number of days in a month; February has 29 when the year is unknown.
  public static func daysIn(month: Int, year: Int?) -> Int {
    switch month {
    case 2:
      guard let year else { return 29 }
      let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return leap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Orders by year (unknown first), then month, then day (unknown first).
  public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
    (lhs.year ?? Int.min, lhs.month, lhs.day ?? Int.min)
      < (rhs.year ?? Int.min, rhs.month, rhs.day ?? Int.min)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let date = PartialDate(iso: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "not an ISO 8601 (partial) date: \(text)")
    }
    self = date
  }
}

/// A date or a range of dates, as a text gives it ("November 10 to 14").
public struct DateSpan: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The first (or only) day.
  public var start: PartialDate
  /// The last day of a range; nil for a single date.
  public var end: PartialDate?

  /// Creates a single date (`end == nil`) or a range.
  public init(start: PartialDate, end: PartialDate? = nil) {
    self.start = start
    self.end = end
  }

  /// `2025-11-10/2025-11-14` for a range (ISO 8601 interval), else the date.
  public var description: String {
    guard let end else { return start.description }
    return "\(start)/\(end)"
  }
}
