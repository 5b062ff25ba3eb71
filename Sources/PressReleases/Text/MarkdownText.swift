/// Reduces Markdown to the plain lines the release reader works on.
///
/// Front matter (`title:` and `date:` between `---` lines) becomes hints;
/// headings lose their `#`s; emphasis markers, images and link targets go;
/// link text, list items and quotes stay as text; fenced code is dropped.
enum MarkdownText {
  struct Converted {
    var lines: [String]
    var title: String?
    var date: PartialDate?
    /// A front-matter date that names no day.
    var impossibleDate: ImpossibleDate?
  }

  static func convert(_ text: String) -> Converted {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var title: String?
    var date: PartialDate?
    var impossible: ImpossibleDate?

    // YAML front matter.
    if lines.first?.trimmingSpaces == "---",
      let close = lines.dropFirst().firstIndex(where: { $0.trimmingSpaces == "---" })
    {
      for line in lines[1..<close] {
        guard let colon = line.firstIndex(of: ":") else { continue }
        let key = line[..<colon].trimmingSpaces.lowercased()
        var value = line[line.index(after: colon)...].trimmingSpaces
        if value.count >= 2, let f = value.first, f == "\"" || f == "'", value.last == f {
          value = String(value.dropFirst().dropLast())
        }
        if key == "title", !value.isEmpty { title = value }
        if key == "date" || key == "published" {
          date = DateParser.standaloneDate(value)
          if date == nil { impossible = DateParser.impossibleDate(value) }
        }
      }
      lines.removeSubrange(0...close)
    }

    var output: [String] = []
    var inFence = false
    for line in lines {
      let trimmed = line.trimmingSpaces
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        inFence.toggle()
        continue
      }
      if inFence { continue }
      var content = Substring(trimmed)
      if content.hasPrefix("#") {
        let level = content.prefix(while: { $0 == "#" }).count
        content = content.dropFirst(level)
        while content.last == "#" { content = content.dropLast() }
        let heading = inlineText(content.trimmingSpaces)
        if level == 1, title == nil {
          title = heading
          continue
        }
        output.append("")
        output.append(heading)
        output.append("")
        continue
      }
      // Setext underline ("Title\n=====").
      if !content.isEmpty, content.allSatisfy({ $0 == "=" }), let last = output.last,
        !last.isEmpty
      {
        if title == nil {
          title = output.removeLast()
        }
        continue
      }
      while content.hasPrefix(">") { content = content.dropFirst().drop(while: { $0 == " " }) }
      if content.hasPrefix("- ") || content.hasPrefix("* ") || content.hasPrefix("+ ") {
        content = content.dropFirst(2)
      }
      if content.count >= 3,
        content.allSatisfy({ $0 == "-" || $0 == "*" || $0 == "_" || $0 == " " })
      {
        output.append("")  // thematic break
        continue
      }
      output.append(inlineText(String(content)))
    }
    return Converted(lines: output, title: title, date: date, impossibleDate: impossible)
  }

  /// Inline Markdown to text: `![alt](src)` is dropped, `[text](url)` keeps
  /// its text, `**`, `__`, `` ` `` and `<tags>` are removed.
  ///
  /// Linear in the line's length, however its brackets fall: where the next
  /// `]` and `)` are is computed once, from the end, instead of searched for
  /// at every `[` (a line of 40,000 `[` took 16 s that way).
  static func inlineText(_ text: String) -> String {
    let characters = Array(text)
    let count = characters.count
    // nextBracket[i], nextParen[i]: the first `]` / `)` at or after i (count: none).
    var nextBracket = [Int](repeating: count, count: count + 1)
    var nextParen = [Int](repeating: count, count: count + 1)
    var index = count - 1
    while index >= 0 {
      nextBracket[index] = characters[index] == "]" ? index : nextBracket[index + 1]
      nextParen[index] = characters[index] == ")" ? index : nextParen[index + 1]
      index -= 1
    }
    /// For a `[` at `start`: the label's range and where the link ends.
    func link(at start: Int) -> (label: Range<Int>, end: Int)? {
      let close = nextBracket[min(start + 1, count)]
      guard close + 1 < count, characters[close + 1] == "(" else { return nil }
      let end = nextParen[close + 1]
      guard end < count else { return nil }
      return ((start + 1)..<close, end + 1)
    }
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var position = 0
    while position < count {
      let character = characters[position]
      if character == "!", position + 1 < count, characters[position + 1] == "[",
        let (_, end) = link(at: position + 1)
      {
        position = end
        continue
      }
      if character == "[", let (label, end) = link(at: position) {
        result += String(characters[label])
        position = end
        continue
      }
      if character == "*" || character == "`" {
        position += 1
        continue
      }
      if character == "_", position + 1 < count, characters[position + 1] == "_" {
        position += 2
        continue
      }
      result.append(character)
      position += 1
    }
    return result
  }
}
