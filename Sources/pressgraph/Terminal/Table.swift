/// A plain-text table for people: aligned columns, a header rule, and one
/// flexible column shortened with "…" to fit a terminal.
struct Table {
  var headers: [String]
  var rows: [[String]]
  /// The column that gives up width when the table is too wide.
  var flexibleColumn: Int?

  /// Renders the table; with a `width`, the flexible column is shortened so
  /// that lines fit it.
  func render(width: Int?) -> String {
    let cells = rows.map { $0.map(Self.singleLine) }
    var widths = headers.map(displayWidth)
    for row in cells {
      for (column, cell) in row.enumerated() where column < widths.count {
        widths[column] = max(widths[column], displayWidth(cell))
      }
    }
    let gap = 2
    if let width, let flexible = flexibleColumn, flexible < widths.count {
      let total = widths.reduce(0, +) + gap * (widths.count - 1)
      if total > width {
        widths[flexible] = max(12, widths[flexible] - (total - width))
      }
    }
    func line(_ values: [String]) -> String {
      var text = ""
      for (column, value) in values.enumerated() {
        let fitted = truncate(value, to: widths[column])
        let isLast = column == values.count - 1
        text += fitted
        if !isLast {
          text += String(repeating: " ", count: widths[column] - displayWidth(fitted) + gap)
        }
      }
      return text
    }
    var lines = [line(headers), line(widths.map { String(repeating: "─", count: $0) })]
    lines += cells.map(line)
    return lines.joined(separator: "\n")
  }

  /// Replaces line breaks and tabs so a cell stays on one line.
  static func singleLine(_ text: String) -> String {
    String(text.map { $0 == "\n" || $0 == "\t" || $0 == "\r\n" ? " " : $0 })
  }
}

/// The number of terminal columns `text` takes: East Asian wide and full-width
/// characters count two, combining marks zero.
func displayWidth(_ text: String) -> Int {
  text.reduce(0) { $0 + displayWidth($1) }
}

/// The columns one character takes.
func displayWidth(_ character: Character) -> Int {
  guard let scalar = character.unicodeScalars.first else { return 0 }
  let value = scalar.value
  if scalar.properties.generalCategory == .nonspacingMark || value == 0x200B { return 0 }
  if scalar.properties.isEmojiPresentation || (0x1F1E6...0x1F1FF).contains(value) { return 2 }
  let wide =
    (0x1100...0x115F).contains(value) || (0x2E80...0x303E).contains(value)
    || (0x3041...0x33FF).contains(value) || (0x3400...0x4DBF).contains(value)
    || (0x4E00...0x9FFF).contains(value) || (0xA000...0xA4CF).contains(value)
    || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
    || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
    || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1F64F).contains(value)
    || (0x1F900...0x1F9FF).contains(value) || (0x20000...0x3FFFD).contains(value)
  return wide ? 2 : 1
}

/// Shortens `text` to at most `width` columns, ending in "…" when cut.
func truncate(_ text: String, to width: Int) -> String {
  guard displayWidth(text) > width else { return text }
  var result = ""
  var used = 0
  for character in text {
    let next = displayWidth(character)
    if used + next > width - 1 { break }
    result.append(character)
    used += next
  }
  return result + "…"
}
