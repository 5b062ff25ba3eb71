import Foundation

/// Word lists that ship as data (`Resources/words/NAME.txt`): one entry per
/// line, lowercase, `#` starting a comment line.
public enum WordList {
  /// A list of `word = number` entries ("jan = 1") as a dictionary.
  public static func numbered(_ name: String) -> [String: Int] {
    var table: [String: Int] = [:]
    for entry in named(name) {
      let parts = entry.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.count == 2, let number = Int(parts[1]) else {
        preconditionFailure("word list \(name).txt: \"\(entry)\" needs \"= number\"")
      }
      table[parts[0]] = number
    }
    return table
  }

  /// Month names, short month names and weekday names, lowercase, for the
  /// stages that need to know a calendar word when they see one.
  public static let monthNames = numbered("month-names")
  public static let monthAbbreviations = numbered("month-abbreviations")
  public static let weekdayNames = Set(named("weekday-names"))
  public static let weekdayAbbreviations = Set(named("weekday-abbreviations"))

  /// The entries of list `name`, in file order.
  public static func named(_ name: String) -> [String] {
    guard !name.contains("/"),
      let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "words"),
      let text = try? String(contentsOf: url, encoding: .utf8)
    else {
      preconditionFailure("the built-in word list \(name).txt is missing")
    }
    return text.split(whereSeparator: \.isNewline).map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
  }
}
