import Foundation

/// The three places entity text can reach in DOT, each with one function.
///
/// Graphviz 2.42 reads a DOT quoted string in two layers: the lexer (only
/// `\"` is an escape; `\\` stays two characters; backslash-newline
/// continues the line), then "escString" expansion at render time for
/// labels and tooltips (`\N`, `\G`, `\E`, `\T`, `\H`, `\L` become object
/// names; `\n`, `\l`, `\r` are line breaks; `\\` becomes `\`). Labels and
/// tooltips also decode HTML entities (`&amp;`, `&copy;`). Tooltips are
/// unescaped twice. C0 control characters pass into the SVG and make it
/// ill-formed XML. A quoted token must stay under 16,384 bytes.
public enum DOTEscaping {
  /// The longest label line, in characters, before it is cut with "…".
  public static let labelLimit = 120
  /// The longest tooltip, in characters.
  public static let tooltipLimit = 1_500

  /// A DOT quoted string for a label (or any other escString attribute),
  /// quotes included, that Graphviz shows exactly as `lines`.
  ///
  /// Spec, in order, for each line:
  /// 1. NFC normalisation;
  /// 2. every run of whitespace and control characters (C0, DEL, C1, line
  ///    and paragraph separators; also U+FFFE and U+FFFF, which Graphviz
  ///    would copy into SVG, where XML 1.0 forbids them) becomes one
  ///    space, and the ends are trimmed, so a line never breaks where the
  ///    text did;
  /// 3. the line is cut to ``labelLimit`` characters, ending in "…" (before
  ///    escaping, so that no escape is cut in half);
  /// 4. `&` becomes `&amp;` (labels decode entities);
  /// 5. `\` becomes `\\` (escString turns it back into one backslash, so
  ///    `\N` and a trailing backslash stay literal), and `"` becomes `\"`.
  ///
  /// Lines are joined with the escString line break `\n`.
  public static func label(_ lines: [String], limit: Int = labelLimit) -> String {
    "\"" + lines.map { escape(clean($0, limit: limit)) }.joined(separator: "\\n") + "\""
  }

  /// A label of one line.
  public static func label(_ text: String, limit: Int = labelLimit) -> String {
    label([text], limit: limit)
  }

  /// A DOT quoted string for a `tooltip`, quotes included.
  ///
  /// Spec: as ``label(_:limit:)`` (with ``tooltipLimit``), except that every
  /// backslash in the text becomes "∖" (U+2216, SET MINUS) first: Graphviz
  /// 2.42 unescapes tooltips twice, so no backslash survives as written.
  /// Lines are joined with `\n`, which both passes turn into a newline.
  public static func tooltip(_ lines: [String], limit: Int = tooltipLimit) -> String {
    "\""
      + lines.map { escape(clean(withoutBackslashes($0), limit: limit)) }
      .joined(separator: "\\n") + "\""
  }

  /// `text` with every backslash scalar replaced by "∖" (U+2216).
  static func withoutBackslashes(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar == "\\" {
        result.append("\u{2216}")
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// Text for the inside of an HTML-like label (`label=<…>`).
  ///
  /// Spec: whitespace and control runs become one space as in
  /// ``label(_:limit:)`` (expat rejects control characters, and the label
  /// then falls back to the node name), the text is cut to `limit`, and
  /// `&`, `<`, `>`, `"` and `'` become `&amp;`, `&lt;`, `&gt;`, `&quot;`
  /// and `&#39;`. Unescaped, a `>` would close the HTML string and let text
  /// inject attributes such as `URL`. `]` becomes `&#93;`: Graphviz 2.42
  /// hands expat one piece of text at a time, expat holds a trailing `]`
  /// back (it might begin `]]>`), and a cell whose text is only `]`s then
  /// fails with "non-space string used after </TABLE>". `\` becomes `\\`:
  /// after decoding the markup, Graphviz expands escapes in each piece of
  /// text as in a plain label (`\N` is the node's name, `\G` the graph's,
  /// `\E` nothing) and turns `\\` into `\`; a character reference
  /// (`&#92;`) is decoded before that, so it does not help.
  ///
  /// The text is escaped scalar by scalar, not character by character: a
  /// `>` followed by a combining mark is one Swift `Character`, which a
  /// comparison with `">"` misses, but Graphviz's lexer still sees the `>`.
  public static func htmlText(_ text: String, limit: Int = labelLimit) -> String {
    var result = String.UnicodeScalarView()
    for scalar in clean(text, limit: limit).unicodeScalars {
      switch scalar {
      case "&": result.append(contentsOf: "&amp;".unicodeScalars)
      case "<": result.append(contentsOf: "&lt;".unicodeScalars)
      case ">": result.append(contentsOf: "&gt;".unicodeScalars)
      case "\"": result.append(contentsOf: "&quot;".unicodeScalars)
      case "'": result.append(contentsOf: "&#39;".unicodeScalars)
      case "]": result.append(contentsOf: "&#93;".unicodeScalars)
      case "\\": result.append(contentsOf: "\\\\".unicodeScalars)
      default: result.append(scalar)
      }
    }
    return String(result)
  }

  /// Steps 1 to 3 of ``label(_:limit:)``: NFC, whitespace and controls
  /// collapsed, ends trimmed, cut to `limit` characters.
  public static func clean(_ text: String, limit: Int) -> String {
    var result = ""
    var pendingSpace = false
    var count = 0
    for character in text.precomposedStringWithCanonicalMapping {
      if isBreaking(character) {
        pendingSpace = !result.isEmpty
        continue
      }
      if pendingSpace {
        result.append(" ")
        count += 1
        pendingSpace = false
      }
      result.append(character)
      count += 1
      if count > limit { break }
    }
    if count > limit {
      return String(result.prefix(max(0, limit - 1))).trimmingCharacters(in: .whitespaces) + "…"
    }
    return result
  }

  /// Whitespace, or a control or format character that must not reach the
  /// output.
  static func isBreaking(_ character: Character) -> Bool {
    if character.isWhitespace || character.isNewline { return true }
    return character.unicodeScalars.contains { scalar in
      let value = scalar.value
      return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFEFF
        || (0xFFF9...0xFFFB).contains(value) || value == 0xFFFE || value == 0xFFFF
    }
  }

  /// Step 4 and 5: `&`, backslash and double quote, scalar by scalar (a
  /// quote followed by a combining mark is one `Character` that is not
  /// `"`, yet the DOT lexer ends the string at it: fuzzing found this).
  static func escape(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result.append(contentsOf: "&amp;".unicodeScalars)
      case "\\": result.append(contentsOf: "\\\\".unicodeScalars)
      case "\"": result.append(contentsOf: "\\\"".unicodeScalars)
      default: result.append(scalar)
      }
    }
    return String(result)
  }
}
