/// How ``SVGFinisher`` prepares Graphviz's SVG.
public struct SVGOptions: Hashable, Sendable {
  /// The prefix used when ``idPrefix`` is not a valid one.
  public static let defaultIDPrefix = "pg-"

  /// Put before every `id` (and every reference to one), so that several
  /// drawings can be inlined in one page without clashing ids.
  ///
  /// It must match `[A-Za-z][A-Za-z0-9_-]*` (a valid XML and CSS name
  /// start); any other value is replaced by ``defaultIDPrefix`` rather
  /// than rejected (see ``validatedIDPrefix``): the prefix is chosen by the
  /// program, not by data, and a drawing with the default prefix is still
  /// a correct drawing.
  public var idPrefix: String
  /// A fixed width in pixels: the root `<svg>` gets `width` and a height
  /// in proportion to its `viewBox`. Nil (or not positive) keeps
  /// Graphviz's natural size in points. The `viewBox` is always kept, so
  /// the drawing scales either way.
  public var width: Int?
  /// Drop the XML declaration, the DOCTYPE and Graphviz's comments, so the
  /// SVG can be pasted into HTML.
  public var inline: Bool

  /// Creates options.
  public init(idPrefix: String = defaultIDPrefix, width: Int? = nil, inline: Bool = false) {
    self.idPrefix = idPrefix
    self.width = width
    self.inline = inline
  }

  /// ``idPrefix`` if it matches `[A-Za-z][A-Za-z0-9_-]*`, else
  /// ``defaultIDPrefix``.
  public var validatedIDPrefix: String {
    let scalars = idPrefix.unicodeScalars
    guard let first = scalars.first, first.isASCIILetter,
      scalars.allSatisfy({ $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" })
    else { return Self.defaultIDPrefix }
    return idPrefix
  }
}

extension Unicode.Scalar {
  fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}

/// Turns Graphviz's SVG into a drawing that can be embedded in a page.
///
/// The finisher works on Graphviz's markup token by token (it does not
/// re-serialise a parsed tree), so everything it does not change stays
/// byte for byte as Graphviz wrote it, and the same input and options
/// always give the same output.
public enum SVGFinisher {
  /// Finishes `svg`:
  /// 1. every `id="…"` gets the prefix from ``SVGOptions/idPrefix``, and so
  ///    does every internal reference (`href="#…"`, `xlink:href="#…"`,
  ///    `url(#…)`). Gradients are renumbered from 0 in document order
  ///    (Graphviz numbers them across the whole process, so the same graph
  ///    drawn twice would differ);
  /// 2. the text of each `<title>` whose (XML-decoded) text is a key of
  ///    `titles` becomes that key's value, XML-escaped. Graphviz writes a
  ///    node's DOT id (`n3`), an edge's `tail->head` (`n1->n3`, written
  ///    `n1&#45;&gt;n3`) and the graph's id;
  /// 3. the root `<svg>` gets `role="img"` and `aria-labelledby` naming a
  ///    new first child `<title>` (the graph's title, replaced from
  ///    `titles` like the others), and, with ``SVGOptions/width``, a width
  ///    in pixels with a proportional height. The `viewBox` stays;
  /// 4. with ``SVGOptions/inline``, the XML declaration, the DOCTYPE,
  ///    processing instructions and comments are dropped.
  ///
  /// Characters that XML does not allow (C0 controls other than tab and
  /// line breaks) are dropped from replacement titles.
  ///
  /// - Throws: ``GraphExportError/unsafeSVG(reason:)`` if the markup cannot
  ///   be tokenised (an unterminated tag, comment or attribute) or has no
  ///   `<svg>` element.
  public static func finish(
    _ svg: String, options: SVGOptions, titles: [String: String]
  ) throws(GraphExportError) -> String {
    let tokens = try SVGTokenizer.tokenize(Array(svg.utf8))
    let prefix = options.validatedIDPrefix

    // Pre-scan: the root element, the graph's title, the gradients and the
    // other ids in use.
    guard
      let rootIndex = tokens.firstIndex(where: {
        if case .startTag(let name, _, _) = $0 { return name == "svg" }
        return false
      })
    else { throw .unsafeSVG(reason: "no <svg> element") }
    var ids: Set<String> = []
    var gradients: [(id: String, radial: Bool)] = []
    var graphTitle: String?
    var sawGraphGroup = false
    for (index, token) in tokens.enumerated() {
      guard case .startTag(let name, let attributes, _) = token else { continue }
      if let id = attributes.first(where: { $0.name == "id" }) {
        if name == "linearGradient" || name == "radialGradient" {
          gradients.append((id.value, name == "radialGradient"))
        } else {
          ids.insert(id.value)
        }
      }
      if name == "g", attributes.contains(where: { $0.name == "class" && $0.value == "graph" }) {
        sawGraphGroup = true
      }
      if name == "title", graphTitle == nil, sawGraphGroup {
        graphTitle = titleText(tokens, after: index)
      }
    }
    if graphTitle == nil {
      for (index, token) in tokens.enumerated() {
        if case .startTag("title", _, _) = token {
          graphTitle = titleText(tokens, after: index)
          break
        }
      }
    }
    func unused(_ base: String) -> String {
      var candidate = base
      var suffix = 1
      while ids.contains(candidate) {
        candidate = "\(base)-\(suffix)"
        suffix += 1
      }
      ids.insert(candidate)
      return candidate
    }
    // Graphviz numbers gradients with a counter that lives as long as the
    // process (`r_19` in one drawing, `r_20` when the same graph is drawn
    // again): number them per drawing instead. All of them are renamed at
    // once, so their old ids are free.
    var renames: [String: String] = [:]
    for (number, gradient) in gradients.enumerated() where renames[gradient.id] == nil {
      renames[gradient.id] = unused((gradient.radial ? "r_" : "l_") + "\(number)")
    }
    let titleID = prefix + unused("title")

    var out = ""
    out.reserveCapacity(svg.utf8.count + svg.utf8.count / 8)
    var insideTitle = false
    for (index, token) in tokens.enumerated() {
      switch token {
      case .processingInstruction(let text), .doctype(let text), .comment(let text):
        if !options.inline { out += text }
      case .text(let text):
        if options.inline, index < rootIndex { continue }  // whitespace of the dropped prolog
        if insideTitle {
          let decoded = decodeXML(text)
          out += titles[decoded].map(XMLEscaping.text) ?? text
        } else {
          out += text
        }
      case .cdata(let text), .endTag(_, let text):
        if case .endTag("title", _) = token { insideTitle = false }
        out += text
      case .startTag(let name, var attributes, let selfClosing):
        for position in attributes.indices {
          attributes[position].value = rewrite(
            attributes[position], prefix: prefix, renames: renames)
        }
        if index == rootIndex {
          finishRoot(&attributes, width: options.width, titleID: titleID)
        }
        out += "<" + name
        for attribute in attributes {
          out +=
            attribute.separator + attribute.name + "=" + attribute.quote + attribute.value
            + attribute.quote
        }
        out += selfClosing ? "/>" : ">"
        if name == "title", !selfClosing { insideTitle = true }
        if index == rootIndex {
          let title = graphTitle.map { titles[$0] ?? $0 } ?? ""
          out += "\n<title id=\"\(titleID)\">\(XMLEscaping.text(title))</title>"
        }
      }
    }
    if options.inline, !out.hasSuffix("\n") { out += "\n" }
    return out
  }

  /// The decoded text of the `<title>` element starting at `index`.
  private static func titleText(_ tokens: [SVGToken], after index: Int) -> String {
    var text = ""
    for token in tokens[(index + 1)...] {
      switch token {
      case .text(let part): text += part
      case .cdata(let part): text += part.dropFirst(9).dropLast(3)
      default: return decodeXML(text)
      }
    }
    return decodeXML(text)
  }

  /// An attribute's value with ids and references renamed and prefixed.
  /// Values stay in their XML-escaped form; ids and references to them
  /// are synthetic names from Graphviz and the DOT encoder, so prefixing
  /// the escaped text is the same as prefixing the decoded text.
  private static func rewrite(
    _ attribute: SVGAttribute, prefix: String, renames: [String: String]
  ) -> String {
    let value = attribute.value
    switch attribute.name {
    case "id":
      return prefix + (renames[value] ?? value)
    case "href", "xlink:href":
      guard value.hasPrefix("#") else { return value }
      let target = String(value.dropFirst())
      return "#" + prefix + (renames[target] ?? target)
    default:
      guard value.contains("url(#") else { return value }
      var result = ""
      var rest = Substring(value)
      while let range = rest.firstRange(of: "url(#") {
        result += rest[..<range.upperBound]
        rest = rest[range.upperBound...]
        let target = String(rest.prefix { $0 != ")" })
        result += prefix + (renames[target] ?? target)
        rest = rest.dropFirst(target.count)
      }
      return result + rest
    }
  }

  /// Accessibility and the fixed width on the root `<svg>`.
  private static func finishRoot(_ attributes: inout [SVGAttribute], width: Int?, titleID: String) {
    func set(_ name: String, _ value: String) {
      if let position = attributes.firstIndex(where: { $0.name == name }) {
        attributes[position].value = value
      } else {
        attributes.append(SVGAttribute(separator: " ", name: name, quote: "\"", value: value))
      }
    }
    if let width, width > 0 {
      let box = attributes.first { $0.name == "viewBox" }.map {
        $0.value.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" || $0 == "\t" })
          .compactMap { Double($0) }
      }
      set("width", String(width))
      if let box, box.count == 4, box[2] > 0, box[3] >= 0 {
        set("height", String(Int((Double(width) * box[3] / box[2]).rounded())))
      } else {
        attributes.removeAll { $0.name == "height" }  // the browser keeps the aspect ratio
      }
    }
    set("role", "img")
    set("aria-labelledby", titleID)
  }

  /// Decodes the five XML entities and numeric character references.
  static func decodeXML(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var result = ""
    var rest = Substring(text)
    while let ampersand = rest.firstIndex(of: "&") {
      result += rest[..<ampersand]
      let tail = rest[ampersand...]
      guard let semicolon = tail.prefix(12).firstIndex(of: ";") else {
        result += "&"
        rest = tail.dropFirst()
        continue
      }
      let name = tail[tail.index(after: ampersand)..<semicolon]
      var decoded: String?
      switch name {
      case "lt": decoded = "<"
      case "gt": decoded = ">"
      case "amp": decoded = "&"
      case "quot": decoded = "\""
      case "apos": decoded = "'"
      default:
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
          decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map {
            String(Character($0))
          }
        } else if name.hasPrefix("#") {
          decoded = UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init).map {
            String(Character($0))
          }
        }
      }
      if let decoded {
        result += decoded
        rest = tail[tail.index(after: semicolon)...]
      } else {
        result += "&"
        rest = tail.dropFirst()
      }
    }
    return result + rest
  }

}

// MARK: - Tokens

/// One attribute of a start tag, with its original spelling.
struct SVGAttribute: Hashable {
  /// The whitespace before the name.
  var separator: String
  /// The qualified name (`xlink:href`).
  var name: String
  /// `"` or `'`.
  var quote: String
  /// The value as written (still XML-escaped).
  var value: String
}

/// A piece of markup.
enum SVGToken: Hashable {
  /// `<?…?>`, as written.
  case processingInstruction(String)
  /// `<!DOCTYPE …>`, as written.
  case doctype(String)
  /// `<!-- … -->`, as written.
  case comment(String)
  /// `<![CDATA[ … ]]>`, as written.
  case cdata(String)
  /// Character data, as written.
  case text(String)
  /// A start tag: name, attributes, and whether it ends in `/>`.
  case startTag(String, [SVGAttribute], selfClosing: Bool)
  /// An end tag: name, and the tag as written.
  case endTag(String, String)
}

/// Splits markup into ``SVGToken``s. It checks only what it needs to
/// (that every construct is terminated and that attributes are quoted);
/// well-formedness is ``SVGSafety``'s job.
enum SVGTokenizer {
  static func tokenize(_ bytes: [UInt8]) throws(GraphExportError) -> [SVGToken] {
    var tokens: [SVGToken] = []
    var index = 0
    let count = bytes.count

    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
    func starts(_ literal: StaticString, at position: Int) -> Bool {
      literal.withUTF8Buffer { utf8 in
        position + utf8.count <= count
          && bytes[position..<position + utf8.count].elementsEqual(utf8)
      }
    }
    func find(_ literal: StaticString, from position: Int) -> Int? {
      literal.withUTF8Buffer { utf8 in
        var probe = position
        while probe + utf8.count <= count {
          if bytes[probe] == utf8[0], bytes[probe..<probe + utf8.count].elementsEqual(utf8) {
            return probe
          }
          probe += 1
        }
        return nil
      }
    }
    func isSpace(_ byte: UInt8) -> Bool {
      byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
    func isNameByte(_ byte: UInt8) -> Bool {
      !isSpace(byte) && byte != UInt8(ascii: "=") && byte != UInt8(ascii: ">")
        && byte != UInt8(ascii: "/") && byte != UInt8(ascii: "<") && byte != UInt8(ascii: "\"")
        && byte != UInt8(ascii: "'")
    }
    func fail(_ what: String) -> GraphExportError {
      .unsafeSVG(reason: "ill-formed SVG: \(what) at byte \(index)")
    }

    while index < count {
      if bytes[index] != UInt8(ascii: "<") {
        let end = bytes[index...].firstIndex(of: UInt8(ascii: "<")) ?? count
        tokens.append(.text(string(index..<end)))
        index = end
        continue
      }
      if starts("<!--", at: index) {
        guard let end = find("-->", from: index + 4) else { throw fail("unterminated comment") }
        tokens.append(.comment(string(index..<end + 3)))
        index = end + 3
      } else if starts("<![CDATA[", at: index) {
        guard let end = find("]]>", from: index + 9) else { throw fail("unterminated CDATA") }
        tokens.append(.cdata(string(index..<end + 3)))
        index = end + 3
      } else if starts("<?", at: index) {
        guard let end = find("?>", from: index + 2) else {
          throw fail("unterminated processing instruction")
        }
        tokens.append(.processingInstruction(string(index..<end + 2)))
        index = end + 2
      } else if starts("<!", at: index) {
        // DOCTYPE, possibly with an internal subset in brackets.
        var probe = index + 2
        var depth = 0
        var quote: UInt8?
        while probe < count {
          let byte = bytes[probe]
          if let open = quote {
            if byte == open { quote = nil }
          } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            quote = byte
          } else if byte == UInt8(ascii: "[") {
            depth += 1
          } else if byte == UInt8(ascii: "]") {
            depth -= 1
          } else if byte == UInt8(ascii: ">"), depth <= 0 {
            break
          }
          probe += 1
        }
        guard probe < count else { throw fail("unterminated declaration") }
        tokens.append(.doctype(string(index..<probe + 1)))
        index = probe + 1
      } else if starts("</", at: index) {
        guard let end = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else {
          throw fail("unterminated end tag")
        }
        var nameEnd = index + 2
        while nameEnd < end, isNameByte(bytes[nameEnd]) { nameEnd += 1 }
        tokens.append(.endTag(string(index + 2..<nameEnd), string(index..<end + 1)))
        index = end + 1
      } else {
        // A start tag.
        var probe = index + 1
        while probe < count, isNameByte(bytes[probe]) { probe += 1 }
        let name = string(index + 1..<probe)
        guard !name.isEmpty else { throw fail("a lone '<'") }
        var attributes: [SVGAttribute] = []
        var selfClosing = false
        while true {
          let spaceStart = probe
          while probe < count, isSpace(bytes[probe]) { probe += 1 }
          guard probe < count else { throw fail("unterminated tag <\(name)") }
          if bytes[probe] == UInt8(ascii: ">") {
            probe += 1
            break
          }
          if starts("/>", at: probe) {
            selfClosing = true
            probe += 2
            break
          }
          let separator = string(spaceStart..<probe)
          guard !separator.isEmpty else { throw fail("attributes without space in <\(name)") }
          let nameStart = probe
          while probe < count, isNameByte(bytes[probe]) { probe += 1 }
          let attributeName = string(nameStart..<probe)
          guard !attributeName.isEmpty, probe < count, bytes[probe] == UInt8(ascii: "="),
            probe + 1 < count,
            bytes[probe + 1] == UInt8(ascii: "\"") || bytes[probe + 1] == UInt8(ascii: "'")
          else { throw fail("an unquoted attribute in <\(name)") }
          let quote = bytes[probe + 1]
          let valueStart = probe + 2
          guard let valueEnd = bytes[valueStart...].firstIndex(of: quote) else {
            throw fail("an unterminated attribute value in <\(name)")
          }
          attributes.append(
            SVGAttribute(
              separator: separator, name: attributeName, quote: string(probe + 1..<probe + 2),
              value: string(valueStart..<valueEnd)))
          probe = valueEnd + 1
        }
        tokens.append(.startTag(name, attributes, selfClosing: selfClosing))
        index = probe
      }
    }
    return tokens
  }
}
