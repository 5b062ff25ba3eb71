import Foundation

/// Word lists that ship as data (`Resources/words/NAME.txt`): one entry per
/// line, lowercase, `#` starting a comment line.
public enum WordList {
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
