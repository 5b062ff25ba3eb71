/// Recognises the lines a web page wraps around an article: navigation,
/// share and comment prompts, copyright notices, reading-time badges, and
/// link text in other languages.
///
/// These rules only ever remove whole lines, and only at the edges of a body
/// (``trimEdges(_:)``) or, for the unmistakable badges, anywhere
/// (``isBadge(_:)``).
public enum Boilerplate {
  /// Removes boilerplate lines from the start and the end of `lines`.
  public static func trimEdges(_ lines: [String]) -> [String] {
    var lower = 0
    var upper = lines.count
    while lower < upper, isEdgeBoilerplate(lines[lower]) { lower += 1 }
    while upper > lower, isEdgeBoilerplate(lines[upper - 1]) { upper -= 1 }
    return Array(lines[lower..<upper])
  }

  /// True for a line that is page chrome when it stands at a body's edge.
  public static func isEdgeBoilerplate(_ line: String) -> Bool {
    let trimmed = line.trimmingSpaces
    if trimmed.isEmpty || isBadge(trimmed) { return true }
    // "[View all government news]" and similar bracketed link text.
    if trimmed.hasPrefix("["), trimmed.hasSuffix("]"), trimmed.count <= 120 { return true }
    // Navigation bars: "Home | News | Contact".
    if trimmed.count <= 160, trimmed.filter({ $0 == "|" || $0 == "·" || $0 == "›" }).count >= 2,
      !trimmed.containsText(". ")
    {
      return true
    }
    // Lines written mostly in another script than the article's (link text
    // such as Korean related-article titles on an English page).
    if isMostlyNonLatin(trimmed) { return true }
    guard trimmed.utf8.count <= 160 else { return false }
    let lowered = trimmed.lowercased()
    guard trimmed.count <= 80 else { return false }
    if lowered.containsText("all rights reserved") || lowered.hasPrefix("©")
      || lowered.hasPrefix("(c) ") || lowered.hasPrefix("copyright")
    {
      return true
    }
    // A bare label ("Share", "Comments (3)", "Next post"): compare whole.
    var label = Substring(lowered)
    while let last = label.last,
      last == ":" || last == ")" || last == "(" || last.isNumber
        || last == " " || last == "»" || last == "›" || last == ">"
    {
      label = label.dropLast()
    }
    while let first = label.first, first == "«" || first == "‹" || first == "<" || first == " " {
      label = label.dropFirst()
    }
    if chromeLabels.contains(String(label)) { return true }
    // A longer prompt ("Leave a reply", "Posted in News"), never a sentence.
    if !trimmed.hasSuffix(".") {
      for phrase in chromePrefixes where lowered.hasPrefix(phrase) { return true }
    }
    return false
  }

  /// True for a reading-time or advertisement badge, which is never part of
  /// an article wherever it stands: "2 min read", "Reading Time: 2 minutes",
  /// "Advertisement".
  public static func isBadge(_ line: String) -> Bool {
    guard line.utf8.count <= 60 else { return false }
    let lowered = line.trimmingSpaces.lowercased()
    if lowered == "advertisement" || lowered == "sponsored" { return true }
    if lowered.hasPrefix("reading time:") && lowered.count <= 40 { return true }
    let words = lowered.split(separator: " ")
    if (2...4).contains(words.count), words.last == "read",
      ["min", "mins", "minute", "minutes"].contains(words[words.count - 2]),
      words.count == 2 || Int(words[words.count - 3]) != nil
    {
      return true
    }
    if words.count == 2, let number = Int(words[0]), number < 200,
      words[1] == "min" || words[1] == "minutes"
    {
      return true
    }
    return false
  }

  /// True when more than half of the letters are outside Latin script.
  static func isMostlyNonLatin(_ line: String) -> Bool {
    var latin = 0
    var other = 0
    // The first 400 scalars tell the script of a line well enough.
    for scalar in line.unicodeScalars.prefix(400) {
      if scalar.isASCII {
        if (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") { latin += 1 }
        continue
      }
      guard scalar.properties.isAlphabetic else { continue }
      if scalar.value < 0x250 || (0x1E00...0x1EFF).contains(scalar.value) {
        latin += 1
      } else {
        other += 1
      }
    }
    return other > latin
  }

  /// Lines that are page chrome when they are nothing but this label.
  static let chromeLabels: Set<String> = [
    "comment", "comments", "leave a comment", "leave a reply", "share", "share this",
    "share this article", "share this post", "tweet", "facebook", "twitter", "linkedin",
    "kakaotalk", "kakao", "print", "email", "e-mail", "related posts", "related articles",
    "related news", "related", "you may also like", "read more", "read next", "previous",
    "previous post", "previous article", "next", "next post", "next article", "back to top",
    "go to top", "top", "list", "view all", "more news", "menu", "home", "search", "subscribe",
    "newsletter", "tags", "categories", "like this", "loading...", "loading", "reply",
  ]

  /// Openings of prompts that are page chrome at an article's edge.
  static let chromePrefixes: [String] = [
    "leave a comment", "leave a reply", "share this", "share on ", "related posts",
    "related articles", "related news", "you may also like", "posted in ", "filed under ",
    "sign up for ", "subscribe to ", "we use cookies", "this website uses cookies",
    "skip to content", "tags:", "tag:", "categories:", "category:", "source:", "photo:",
    "image:", "click here", "to view all", "view all ", "you might also like",
  ]
}

extension StringProtocol {
  /// The text without leading and trailing spaces, tabs and no-break spaces.
  var trimmingSpaces: String {
    let scalars = unicodeScalars
    if let first = scalars.first, let last = scalars.last, !isBlank(first), !isBlank(last) {
      return String(self)
    }
    guard let first = scalars.firstIndex(where: { !isBlank($0) }),
      let last = scalars.lastIndex(where: { !isBlank($0) })
    else { return "" }
    // Slice by index (a copy of bytes), never scalar by scalar.
    return String(self[first...last])
  }
}

extension String {
  /// The text without leading and trailing white space; the string itself,
  /// uncopied, when there is none.
  var trimmingSpaces: String {
    if let first = unicodeScalars.first, let last = unicodeScalars.last, !isBlank(first),
      !isBlank(last)
    {
      return self
    }
    return self[...].trimmingSpaces
  }
}

/// True for spaces, tabs, line ends, no-break and other Unicode white space.
func isBlank(_ scalar: Unicode.Scalar) -> Bool {
  if scalar.isASCII { return scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) }
  return scalar.properties.isWhitespace || scalar == "\u{FEFF}" || scalar == "\u{200B}"
}

extension StringProtocol {
  /// True when `needle` occurs in the text, compared byte by byte (no
  /// Foundation bridging, which costs more than the search on short text).
  public func containsText(_ needle: String) -> Bool {
    let haystack = Array(utf8)
    let pattern = Array(needle.utf8)
    guard !pattern.isEmpty else { return true }
    guard haystack.count >= pattern.count else { return false }
    for start in 0...(haystack.count - pattern.count) where haystack[start] == pattern[0] {
      var k = 1
      while k < pattern.count, haystack[start + k] == pattern[k] { k += 1 }
      if k == pattern.count { return true }
    }
    return false
  }
}
