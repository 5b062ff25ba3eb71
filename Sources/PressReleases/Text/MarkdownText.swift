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
  }

  static func convert(_ text: String) -> Converted {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var title: String?
    var date: PartialDate?

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
    return Converted(lines: output, title: title, date: date)
  }

  /// Inline Markdown to text: `![alt](src)` is dropped, `[text](url)` keeps
  /// its text, `**`, `__`, `` ` `` and `<tags>` are removed.
  static func inlineText(_ text: String) -> String {
    var result = ""
    var scalars = Substring(text)
    while let first = scalars.first {
      if first == "!", scalars.dropFirst().first == "[",
        let (_, rest) = linkParts(scalars.dropFirst())
      {
        scalars = rest
        continue
      }
      if first == "[", let (label, rest) = linkParts(scalars) {
        result += label
        scalars = rest
        continue
      }
      if first == "*" || first == "`" {
        scalars = scalars.dropFirst()
        continue
      }
      if first == "_", scalars.dropFirst().first == "_" {
        scalars = scalars.dropFirst(2)
        continue
      }
      result.append(first)
      scalars = scalars.dropFirst()
    }
    return result
  }

  /// Splits `[label](target)rest` into its label and the rest.
  static func linkParts(_ text: Substring) -> (String, Substring)? {
    guard text.first == "[", let close = text.firstIndex(of: "]") else { return nil }
    let label = String(text[text.index(after: text.startIndex)..<close])
    let after = text[text.index(after: close)...]
    guard after.first == "(", let end = after.firstIndex(of: ")") else { return nil }
    return (label, after[after.index(after: end)...])
  }
}
