// The readable text of HTML press-release pages.
//
// A small tolerant HTML reader: a byte-level tokenizer (linear time, never
// fails), a simplified tree builder (implied end tags, mis-nesting, a depth
// cap), and an extractor that picks the article root, drops page chrome and
// turns block elements into paragraphs.

/// The readable text of an HTML page: its article, not its chrome.
public struct HTMLDocumentText: Hashable, Sendable {
  /// The article's headline: its `<h1>`, else `og:title`, else `<title>` without the site name.
  public var title: String?
  /// The publication date the page declares; complete dates (year, month, day) only.
  public var published: PartialDate?
  /// The article's text blocks, in order: whitespace collapsed, never empty.
  public var paragraphs: [String]
  /// A publication date the page declares that names no day
  /// (`content="2025-02-30"`), when it declares no real one.
  public var impossiblePublished: ImpossibleDate?

  /// Creates a page text from its parts.
  public init(
    title: String? = nil, published: PartialDate? = nil, paragraphs: [String] = [],
    impossiblePublished: ImpossibleDate? = nil
  ) {
    self.title = title
    self.published = published
    self.paragraphs = paragraphs
    self.impossiblePublished = impossiblePublished
  }
}

/// Reads the article text out of HTML pages, tolerating malformed markup.
///
/// The article root is the first `<article>`, else `<main>` or `[role=main]`,
/// else an element with a well-known content id or class, else `<body>`,
/// else the whole document. Scripts, navigation, headers, footers, asides,
/// forms and elements whose class or id names page chrome (menus, share bars,
/// related lists, ads…) are dropped with their content.
public enum HTMLText {
  /// Extracts the article text of an HTML document.
  ///
  /// Runs in time linear in the length of `html` and never fails: any input,
  /// however malformed, gives a (possibly empty) result.
  public static func extract(_ html: String) -> HTMLDocumentText {
    var parser = Parser(Array(html.utf8))
    let nodes = parser.run()
    return Extractor(bytes: parser.bytes, nodes: nodes).run()
  }

  /// Decodes HTML character references (named and numeric) in a text fragment.
  ///
  /// Unknown names and a bare `&` stay as written; numeric references to
  /// U+0000, surrogates or code points above U+10FFFF become U+FFFD, and
  /// references to 0x80–0x9F are read as Windows-1252, as browsers do.
  public static func decodeEntities(_ text: String) -> String {
    guard text.utf8.contains(Ch.amp) else { return text }
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    appendDecoded(bytes, 0..<bytes.count, to: &out)
    return String(decoding: out, as: UTF8.self)
  }
}

// MARK: - Bytes and characters

extension HTMLText {
  /// ASCII bytes the tokenizer looks at.
  fileprivate enum Ch {
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let ff: UInt8 = 0x0C
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let bang: UInt8 = 0x21
    static let dquote: UInt8 = 0x22
    static let hash: UInt8 = 0x23
    static let amp: UInt8 = 0x26
    static let squote: UInt8 = 0x27
    static let dash: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let semicolon: UInt8 = 0x3B
    static let lt: UInt8 = 0x3C
    static let eq: UInt8 = 0x3D
    static let gt: UInt8 = 0x3E
    static let question: UInt8 = 0x3F
    static let lbracket: UInt8 = 0x5B
    static let rbracket: UInt8 = 0x5D
    static let underscore: UInt8 = 0x5F

    static func isSpace(_ c: UInt8) -> Bool {
      c == space || c == lf || c == tab || c == cr || c == ff
    }
    static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isAlnum(_ c: UInt8) -> Bool { isAlpha(c) || isDigit(c) }
    static func isUpper(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
    static func isLower(_ c: UInt8) -> Bool { c >= 0x61 && c <= 0x7A }
    static func lower(_ c: UInt8) -> UInt8 { isUpper(c) ? c + 0x20 : c }

    /// The value of a decimal or hexadecimal digit, nil for anything else.
    static func digitValue(_ c: UInt8, hex: Bool) -> UInt32? {
      if isDigit(c) { return UInt32(c - 0x30) }
      guard hex else { return nil }
      let l = c | 0x20
      if l >= 0x61 && l <= 0x66 { return UInt32(l - 0x61 + 10) }
      return nil
    }
  }

  /// `bytes[range]` as a String with ASCII letters lowercased.
  fileprivate static func lowercased(_ bytes: [UInt8], _ range: Range<Int>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(range.count)
    for i in range { out.append(Ch.lower(bytes[i])) }
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends the UTF-8 encoding of a valid Unicode scalar value.
  fileprivate static func appendScalar(_ v: UInt32, to out: inout [UInt8]) {
    switch v {
    case 0..<0x80:
      out.append(UInt8(v))
    case 0x80..<0x800:
      out.append(UInt8(0xC0 | (v >> 6)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    case 0x800..<0x10000:
      out.append(UInt8(0xE0 | (v >> 12)))
      out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    default:
      out.append(UInt8(0xF0 | (v >> 18)))
      out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
      out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    }
  }

  /// Splits an attribute value into its whitespace-separated tokens.
  fileprivate static func tokens(_ value: String) -> [Substring] {
    value.split(whereSeparator: {
      $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}"
    })
  }
}

// MARK: - Character references

extension HTMLText {
  /// Named character references, by name (case-sensitive).
  fileprivate static let namedReferences: [String: UInt32] = [
    "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27,
    "AMP": 0x26, "LT": 0x3C, "GT": 0x3E, "QUOT": 0x22, "COPY": 0xA9, "REG": 0xAE, "TRADE": 0x2122,
    "nbsp": 0xA0, "ndash": 0x2013, "mdash": 0x2014, "hyphen": 0x2010, "minus": 0x2212,
    "lsquo": 0x2018, "rsquo": 0x2019, "ldquo": 0x201C, "rdquo": 0x201D,
    "sbquo": 0x201A, "bdquo": 0x201E, "lsaquo": 0x2039, "rsaquo": 0x203A,
    "laquo": 0xAB, "raquo": 0xBB, "hellip": 0x2026, "middot": 0xB7, "bull": 0x2022,
    "prime": 0x2032, "Prime": 0x2033, "dagger": 0x2020, "Dagger": 0x2021, "permil": 0x2030,
    "oline": 0x203E, "frasl": 0x2044,
    "copy": 0xA9, "reg": 0xAE, "trade": 0x2122, "deg": 0xB0, "plusmn": 0xB1,
    "times": 0xD7, "divide": 0xF7, "euro": 0x20AC, "pound": 0xA3, "yen": 0xA5, "cent": 0xA2,
    "curren": 0xA4, "sect": 0xA7, "para": 0xB6, "iexcl": 0xA1, "iquest": 0xBF, "brvbar": 0xA6,
    "uml": 0xA8, "ordf": 0xAA, "ordm": 0xBA, "not": 0xAC, "macr": 0xAF, "acute": 0xB4,
    "micro": 0xB5, "cedil": 0xB8, "sup1": 0xB9, "sup2": 0xB2, "sup3": 0xB3,
    "frac14": 0xBC, "frac12": 0xBD, "frac34": 0xBE,
    "shy": 0xAD, "zwj": 0x200D, "zwnj": 0x200C, "thinsp": 0x2009, "ensp": 0x2002, "emsp": 0x2003,
    "larr": 0x2190, "uarr": 0x2191, "rarr": 0x2192, "darr": 0x2193, "harr": 0x2194,
    "le": 0x2264, "ge": 0x2265, "ne": 0x2260, "asymp": 0x2248, "infin": 0x221E,
    "circ": 0x2C6, "tilde": 0x2DC, "fnof": 0x192,
    "OElig": 0x152, "oelig": 0x153, "Scaron": 0x160, "scaron": 0x161, "Yuml": 0x178,
    "Agrave": 0xC0, "Aacute": 0xC1, "Acirc": 0xC2, "Atilde": 0xC3, "Auml": 0xC4, "Aring": 0xC5,
    "AElig": 0xC6, "Ccedil": 0xC7, "Egrave": 0xC8, "Eacute": 0xC9, "Ecirc": 0xCA, "Euml": 0xCB,
    "Igrave": 0xCC, "Iacute": 0xCD, "Icirc": 0xCE, "Iuml": 0xCF, "ETH": 0xD0, "Ntilde": 0xD1,
    "Ograve": 0xD2, "Oacute": 0xD3, "Ocirc": 0xD4, "Otilde": 0xD5, "Ouml": 0xD6, "Oslash": 0xD8,
    "Ugrave": 0xD9, "Uacute": 0xDA, "Ucirc": 0xDB, "Uuml": 0xDC, "Yacute": 0xDD, "THORN": 0xDE,
    "szlig": 0xDF,
    "agrave": 0xE0, "aacute": 0xE1, "acirc": 0xE2, "atilde": 0xE3, "auml": 0xE4, "aring": 0xE5,
    "aelig": 0xE6, "ccedil": 0xE7, "egrave": 0xE8, "eacute": 0xE9, "ecirc": 0xEA, "euml": 0xEB,
    "igrave": 0xEC, "iacute": 0xED, "icirc": 0xEE, "iuml": 0xEF, "eth": 0xF0, "ntilde": 0xF1,
    "ograve": 0xF2, "oacute": 0xF3, "ocirc": 0xF4, "otilde": 0xF5, "ouml": 0xF6, "oslash": 0xF8,
    "ugrave": 0xF9, "uacute": 0xFA, "ucirc": 0xFB, "uuml": 0xFC, "yacute": 0xFD, "thorn": 0xFE,
    "yuml": 0xFF,
  ]

  /// Names browsers also decode without the closing semicolon ("AT&amp T").
  fileprivate static let legacyReferences: Set<String> = [
    "amp", "lt", "gt", "quot", "nbsp", "copy", "reg", "AMP", "LT", "GT", "QUOT", "COPY", "REG",
  ]

  /// What numeric references to 0x80–0x9F mean (Windows-1252); 0 where unassigned.
  fileprivate static let windows1252: [UInt32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
  ]

  /// The scalar a numeric reference stands for, U+FFFD when it names none.
  fileprivate static func numericScalar(_ v: UInt32) -> UInt32 {
    if v == 0 || v > 0x10FFFF || (0xD800...0xDFFF).contains(v) { return 0xFFFD }
    if (0x80...0x9F).contains(v) {
      let mapped = windows1252[Int(v - 0x80)]
      return mapped == 0 ? v : mapped
    }
    return v
  }

  /// Reads the character reference whose `&` is at `i`: its scalar and the index after it.
  fileprivate static func reference(_ b: [UInt8], at i: Int, end: Int) -> (
    scalar: UInt32, next: Int
  )? {
    var j = i + 1
    guard j < end else { return nil }
    if b[j] == Ch.hash {
      j += 1
      var hex = false
      if j < end && (b[j] | 0x20) == 0x78 {
        hex = true
        j += 1
      }
      let digitsStart = j
      var value: UInt32 = 0
      var overflow = false
      while j < end, let d = Ch.digitValue(b[j], hex: hex) {
        if !overflow {
          value = value * (hex ? 16 : 10) + d
          if value > 0x10FFFF { overflow = true }
        }
        j += 1
      }
      guard j > digitsStart else { return nil }
      if j < end && b[j] == Ch.semicolon { j += 1 }
      return (numericScalar(overflow ? 0x110000 : value), j)
    }
    let nameStart = j
    while j < end && j - nameStart < 32 && Ch.isAlnum(b[j]) { j += 1 }
    guard j > nameStart else { return nil }
    let name = String(decoding: b[nameStart..<j], as: UTF8.self)
    guard let scalar = namedReferences[name] else { return nil }
    if j < end && b[j] == Ch.semicolon { return (scalar, j + 1) }
    let followedByWord = j < end && (Ch.isAlnum(b[j]) || b[j] == Ch.eq)
    if legacyReferences.contains(name) && !followedByWord { return (scalar, j) }
    return nil
  }

  /// Appends `b[range]` to `out` with its character references decoded.
  fileprivate static func appendDecoded(_ b: [UInt8], _ range: Range<Int>, to out: inout [UInt8]) {
    var i = range.lowerBound
    let end = range.upperBound
    while i < end {
      var j = i
      while j < end && b[j] != Ch.amp { j += 1 }
      if j > i { out.append(contentsOf: b[i..<j]) }
      guard j < end else { return }
      if let (scalar, next) = reference(b, at: j, end: end) {
        appendScalar(scalar, to: &out)
        i = next
      } else {
        out.append(Ch.amp)
        i = j + 1
      }
    }
  }

  /// `b[range]` with its character references decoded.
  fileprivate static func decoded(_ b: [UInt8], _ range: Range<Int>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(range.count)
    appendDecoded(b, range, to: &out)
    return String(decoding: out, as: UTF8.self)
  }
}

// MARK: - Whitespace

extension HTMLText {
  /// Whitespace that collapses to one space: HTML's, no-break and Unicode spaces.
  fileprivate static func isSpaceScalar(_ v: UInt32) -> Bool {
    switch v {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
      0x3000:
      return true
    default:
      return false
    }
  }

  /// Characters removed from output: controls, soft hyphens and invisible marks.
  fileprivate static func isRemovedScalar(_ v: UInt32) -> Bool {
    switch v {
    case 0x00...0x1F, 0x7F...0x9F, 0xAD, 0x200B, 0x2060, 0xFEFF: return true
    default: return false
    }
  }

  /// The text with whitespace runs collapsed to one space, trimmed, controls removed.
  fileprivate static func normalized(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for u in text.unicodeScalars {
      let v = u.value
      if isSpaceScalar(v) {
        pendingSpace = true
        continue
      }
      if isRemovedScalar(v) { continue }
      if pendingSpace && !out.isEmpty { out.append(" ") }
      pendingSpace = false
      out.append(u)
    }
    return String(out)
  }

  /// The UTF-8 text with whitespace runs collapsed to one space, trimmed, controls removed.
  fileprivate static func normalized(_ bytes: [UInt8]) -> String {
    normalized(String(decoding: bytes, as: UTF8.self))
  }
}

// MARK: - Element sets

extension HTMLText {
  /// Element names that steer the tree builder and the extractor.
  fileprivate enum Names {
    static let void: Set<String> = [
      "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
      "keygen", "link", "meta", "param", "source", "track", "wbr",
    ]
    /// Elements whose content is text, not markup, up to their end tag.
    static let rawText: Set<String> = [
      "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript",
    ]
    /// Raw-text elements whose content still has character references decoded.
    static let escapableRawText: Set<String> = ["title", "textarea"]
    static let headContent: Set<String> = [
      "title", "meta", "link", "base", "style", "script", "noscript", "template", "basefont",
      "bgsound",
    ]
    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    /// Start tags that end an open `<p>`.
    static let closesParagraph: Set<String> = [
      "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div",
      "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
      "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section",
      "summary", "table", "ul", "li", "dd", "dt", "listing", "plaintext", "xmp",
    ]
    static let defaultScope: Set<String> = [
      "html", "table", "td", "th", "caption", "template", "object", "applet", "marquee",
    ]
    static let buttonScope = defaultScope.union(["button"])
    static let listScope = defaultScope.union(["ul", "ol"])
    static let definitionScope = defaultScope.union(["dl"])
    static let tableScope: Set<String> = ["html", "table", "template"]
    static let rowScope: Set<String> = ["html", "table", "template", "tr"]
    /// Elements an end tag for an ordinary (inline) element cannot close past.
    static let special: Set<String> = [
      "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound",
      "blockquote", "body", "br", "button", "caption", "center", "col", "colgroup", "dd",
      "details", "dir", "div", "dl", "dt", "embed", "fieldset", "figcaption", "figure", "footer",
      "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup",
      "hr", "html", "iframe", "img", "input", "li", "link", "listing", "main", "marquee", "menu",
      "meta", "nav", "noembed", "noframes", "noscript", "object", "ol", "p", "param",
      "plaintext", "pre", "script", "section", "select", "source", "style", "summary", "table",
      "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr", "track",
      "ul", "wbr", "xmp",
    ]
    /// Elements never read as article text.
    static let noise: Set<String> = [
      "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas",
      "select", "button", "textarea", "head", "title", "noembed", "noframes", "xmp",
    ]
    /// Page chrome, dropped by element name.
    static let chrome: Set<String> = ["nav", "header", "footer", "aside", "form"]
    static let chromeRoles: Set<String> = ["navigation", "banner", "contentinfo", "complementary"]
    /// Words that mark chrome in a class or id, as a token or a `-`/`_`/camelCase part.
    static let chromeWords: Set<String> = [
      "nav", "menu", "breadcrumb", "footer", "header", "sidebar", "share", "social", "comment",
      "comments", "related", "cookie", "banner", "advert", "ad", "subscribe", "newsletter",
      "popup", "modal",
      // Common spellings of the same things.
      "navbar", "navigation", "breadcrumbs", "gnb", "lnb", "snb", "sns", "ads", "advertisement",
      "sharing", "cookies",
    ]
    /// Ids and classes that name an article's content.
    static let contentMarkers: Set<String> = [
      "content", "article", "post", "entry-content", "post-content", "article-body", "view_cont",
      "bbs_view",
    ]
    /// Content markers specific enough to keep an element that also names chrome.
    static let specificContentMarkers: Set<String> = [
      "entry-content", "post-content", "article-body", "view_cont", "bbs_view",
    ]
    /// Elements the class and id rule never drops.
    static let neverChrome: Set<String> = ["html", "body", "main"]
    static let blocks: Set<String> = [
      "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "th", "dt",
      "dd", "section", "figcaption", "tr", "table", "ul", "ol", "dl", "article", "main", "figure",
      "address", "hr", "caption", "thead", "tbody", "tfoot", "center", "details", "summary",
      "fieldset", "legend", "header", "footer", "nav", "aside", "form", "body", "html", "hgroup",
      "menu", "dialog", "option", "listing", "title",
    ]
    /// Attributes the extractor reads; others are not kept.
    static let keptAttributes: Set<String> = [
      "class", "id", "role", "property", "name", "itemprop", "content", "datetime",
    ]
    static let dateMetaNames: Set<String> = [
      "date", "pubdate", "publishdate", "dc.date", "dcterms.date",
    ]
  }
}

// MARK: - Tree

extension HTMLText {
  fileprivate struct Attribute {
    var name: String
    var value: String
  }

  /// An element or a text run; nodes are stored in document order, so the
  /// subtree of node `i` is the index range `i..<end`.
  fileprivate struct Node {
    /// The lowercased tag name; empty for text.
    var name: String
    var parent: Int
    var end: Int
    var attributes: [Attribute] = []
    /// The text's bytes in the source, for text nodes.
    var text: Range<Int> = 0..<0
    /// Whether the text has character references to decode (not CDATA or script).
    var decodes = true

    var isText: Bool { name.isEmpty }

    func attribute(_ key: String) -> String? {
      for attribute in attributes where attribute.name == key { return attribute.value }
      return nil
    }
  }

  /// What a `<` starts.
  fileprivate enum Markup {
    case startTag(name: String, attributes: [Attribute], selfClosing: Bool, end: Int)
    case endTag(name: String, end: Int)
    case cdata(content: Range<Int>, end: Int)
    case skip(end: Int)
  }

  /// The tokenizer and tree builder in one pass.
  fileprivate struct Parser {
    /// Open elements deeper than this are kept, but their content goes to their parent.
    static let maxDepth = 512

    let bytes: [UInt8]
    private let count: Int
    private let lastGT: Int
    private var nodes: [Node]
    private var stack: [Int] = [0]
    /// How many elements of each name are open, so that most searches of the stack are skipped.
    private var openCount: [String: Int] = [:]
    private var headIndex: Int?
    private var headOpen = false
    private var sawHTML = false
    private var sawBody = false
    /// For each raw-text element name, a position from which its end tag is known absent.
    private var rawEndAbsentFrom: [String: Int] = [:]

    init(_ bytes: [UInt8]) {
      self.bytes = bytes
      self.count = bytes.count
      self.lastGT = bytes.lastIndex(of: Ch.gt) ?? -1
      self.nodes = [Node(name: "#document", parent: -1, end: 1)]
    }

    mutating func run() -> [Node] {
      var i = 0
      var textStart = 0
      while i < count {
        if bytes[i] != Ch.lt {
          i += 1
          continue
        }
        guard let markup = markup(at: i) else {
          i += 1
          continue
        }
        if textStart < i { text(textStart..<i, decodes: true) }
        switch markup {
        case .skip(let end):
          i = end
        case .cdata(let content, let end):
          if !content.isEmpty { text(content, decodes: false) }
          i = end
        case .endTag(let name, let end):
          endTag(name)
          i = end
        case .startTag(let name, let attributes, let selfClosing, let end):
          i = startTag(name, attributes, selfClosing: selfClosing, contentStart: end)
        }
        textStart = i
      }
      if textStart < count { text(textStart..<count, decodes: true) }
      popTo(1)
      nodes[0].end = nodes.count
      return nodes
    }

    // MARK: Tokenizer

    private func markup(at i: Int) -> Markup? {
      let j = i + 1
      guard j < count else { return nil }
      let c = bytes[j]
      if Ch.isAlpha(c) {
        guard lastGT > i else { return nil }
        return tag(at: i, nameStart: j, isEnd: false)
      }
      switch c {
      case Ch.slash:
        let k = i + 2
        guard k < count, lastGT > i else { return nil }
        if Ch.isAlpha(bytes[k]) { return tag(at: i, nameStart: k, isEnd: true) }
        return .skip(end: after(Ch.gt, from: k))
      case Ch.bang:
        if matches("--", at: i + 2) { return comment(contentStart: i + 4) }
        if matches("[CDATA[", at: i + 2) {
          let start = i + 9
          if let close = find("]]>", from: start) {
            return .cdata(content: start..<close, end: close + 3)
          }
          return .cdata(content: start..<count, end: count)
        }
        guard lastGT > i else { return nil }
        return .skip(end: after(Ch.gt, from: i + 2))
      case Ch.question:
        guard lastGT > i else { return nil }
        return .skip(end: after(Ch.gt, from: i + 2))
      default:
        return nil
      }
    }

    private func comment(contentStart s: Int) -> Markup {
      if s < count && bytes[s] == Ch.gt { return .skip(end: s + 1) }  // <!-->
      if matches("->", at: s) { return .skip(end: s + 2) }  // <!--->
      if let close = find("-->", from: s) { return .skip(end: close + 3) }
      return .skip(end: count)  // an unclosed comment runs to the end, as in browsers
    }

    /// A start or end tag; a `>` must follow `i` (the caller checks `lastGT`).
    private func tag(at i: Int, nameStart: Int, isEnd: Bool) -> Markup {
      if let markup = parseTag(nameStart: nameStart, bound: count, bounded: false, isEnd: isEnd) {
        return markup
      }
      // A quoted value ran past the last `>`: end the tag at its first `>` instead.
      let gt = after(Ch.gt, from: nameStart) - 1
      return parseTag(nameStart: nameStart, bound: gt, bounded: true, isEnd: isEnd)
        ?? .skip(end: gt + 1)
    }

    /// Reads a tag's name and attributes. Unbounded, nil when the tag cannot
    /// end before the input does; bounded, the tag ends at `bound` (a `>`).
    private func parseTag(nameStart: Int, bound: Int, bounded: Bool, isEnd: Bool) -> Markup? {
      var j = nameStart
      while j < bound && !Ch.isSpace(bytes[j]) && bytes[j] != Ch.slash && bytes[j] != Ch.gt {
        j += 1
      }
      let name = HTMLText.lowercased(bytes, nameStart..<j)
      var attributes: [Attribute] = []
      var selfClosing = false
      while true {
        while j < bound && (Ch.isSpace(bytes[j]) || bytes[j] == Ch.slash) {
          selfClosing = bytes[j] == Ch.slash && j + 1 < bound && bytes[j + 1] == Ch.gt
          j += 1
        }
        if j >= bound || bytes[j] == Ch.gt {
          guard j < bound || bounded else { return nil }
          let end = j + 1
          if isEnd { return .endTag(name: name, end: end) }
          return .startTag(name: name, attributes: attributes, selfClosing: selfClosing, end: end)
        }
        selfClosing = false
        let attributeStart = j
        j += 1
        while j < bound && !Ch.isSpace(bytes[j]) && bytes[j] != Ch.slash && bytes[j] != Ch.gt
          && bytes[j] != Ch.eq
        {
          j += 1
        }
        let attributeName = isEnd ? "" : HTMLText.lowercased(bytes, attributeStart..<j)
        var k = j
        while k < bound && Ch.isSpace(bytes[k]) { k += 1 }
        var value: Range<Int> = j..<j
        if k < bound && bytes[k] == Ch.eq {
          k += 1
          while k < bound && Ch.isSpace(bytes[k]) { k += 1 }
          if k < bound && (bytes[k] == Ch.dquote || bytes[k] == Ch.squote) {
            let quote = bytes[k]
            var m = k + 1
            while m < bound && bytes[m] != quote { m += 1 }
            if m >= bound {
              guard bounded else { return nil }
              value = (k + 1)..<bound
              j = bound
            } else {
              guard bounded || m < lastGT else { return nil }
              value = (k + 1)..<m
              j = m + 1
            }
          } else {
            var m = k
            while m < bound && !Ch.isSpace(bytes[m]) && bytes[m] != Ch.gt { m += 1 }
            value = k..<m
            j = m
          }
        }
        if !isEnd && Names.keptAttributes.contains(attributeName)
          && !attributes.contains(where: { $0.name == attributeName })
        {
          attributes.append(Attribute(name: attributeName, value: HTMLText.decoded(bytes, value)))
        }
      }
    }

    /// Whether the ASCII `literal` occurs at `i` (exact case).
    private func matches(_ literal: String, at i: Int) -> Bool {
      var k = i
      for c in literal.utf8 {
        guard k < count, bytes[k] == c else { return false }
        k += 1
      }
      return true
    }

    /// The first index at or after `from` where `literal` starts.
    private func find(_ literal: String, from: Int) -> Int? {
      let pattern = Array(literal.utf8)
      guard let first = pattern.first else { return from }
      var i = from
      while i + pattern.count <= count {
        if bytes[i] == first {
          var k = 1
          while k < pattern.count && bytes[i + k] == pattern[k] { k += 1 }
          if k == pattern.count { return i }
        }
        i += 1
      }
      return nil
    }

    /// The index just after the first `byte` at or after `from`, or the input's end.
    private func after(_ byte: UInt8, from: Int) -> Int {
      if byte == Ch.gt && from > lastGT { return count }
      var i = from
      while i < count {
        if bytes[i] == byte { return i + 1 }
        i += 1
      }
      return count
    }

    /// Where the end tag `</name` of a raw-text element starts, at or after `from`.
    private mutating func rawEnd(_ name: String, from: Int) -> Int? {
      if let absent = rawEndAbsentFrom[name], from >= absent { return nil }
      let pattern = Array(name.utf8)
      var i = from
      while i + 1 < count {
        if bytes[i] == Ch.lt && bytes[i + 1] == Ch.slash {
          var k = 0
          while k < pattern.count && i + 2 + k < count && Ch.lower(bytes[i + 2 + k]) == pattern[k] {
            k += 1
          }
          if k == pattern.count {
            let next = i + 2 + k
            if next >= count || Ch.isSpace(bytes[next]) || bytes[next] == Ch.slash
              || bytes[next] == Ch.gt
            {
              return i
            }
          }
        }
        i += 1
      }
      rawEndAbsentFrom[name] = min(rawEndAbsentFrom[name] ?? from, from)
      return nil
    }

    // MARK: Tree builder

    private var current: Int { stack[stack.count - 1] }

    private mutating func insertElement(_ name: String, _ attributes: [Attribute], push: Bool)
      -> Int
    {
      let index = nodes.count
      nodes.append(Node(name: name, parent: current, end: index + 1, attributes: attributes))
      if push && stack.count < Parser.maxDepth {
        stack.append(index)
        openCount[name, default: 0] += 1
        if name == "head" { headOpen = true }
      }
      return index
    }

    /// Closes the open elements from stack position `position` up.
    private mutating func popTo(_ position: Int) {
      let position = max(position, 1)
      while stack.count > position {
        let index = stack.removeLast()
        nodes[index].end = nodes.count
        openCount[nodes[index].name, default: 1] -= 1
        if index == headIndex { headOpen = false }
      }
    }

    /// Closes the nearest open element named in `names`, unless a boundary comes first.
    @discardableResult
    private mutating func close(_ names: Set<String>, boundaries: Set<String>) -> Bool {
      guard names.contains(where: { openCount[$0, default: 0] > 0 }) else { return false }
      var k = stack.count - 1
      while k >= 1 {
        let name = nodes[stack[k]].name
        if names.contains(name) {
          popTo(k)
          return true
        }
        if boundaries.contains(name) { return false }
        k -= 1
      }
      return false
    }

    private mutating func closeHead() {
      guard headOpen, let head = headIndex, let position = stack.lastIndex(of: head) else { return }
      popTo(position)
    }

    private mutating func text(_ range: Range<Int>, decodes: Bool) {
      if headOpen {
        if range.allSatisfy({ Ch.isSpace(bytes[$0]) }) { return }
        closeHead()
      }
      nodes.append(
        Node(name: "", parent: current, end: nodes.count + 1, text: range, decodes: decodes))
    }

    /// Handles a start tag whose `>` ends at `contentStart`; returns where tokenizing resumes.
    private mutating func startTag(
      _ name: String, _ attributes: [Attribute], selfClosing: Bool, contentStart: Int
    ) -> Int {
      switch name {
      case "html":
        if !sawHTML && stack.count == 1 { _ = insertElement(name, attributes, push: true) }
        sawHTML = true
        return contentStart
      case "head":
        if headIndex == nil && !sawBody { headIndex = insertElement(name, attributes, push: true) }
        return contentStart
      case "body":
        if !sawBody {
          closeHead()
          sawBody = true
          _ = insertElement(name, attributes, push: true)
        }
        return contentStart
      default:
        break
      }
      if Names.rawText.contains(name) {
        let decodes = Names.escapableRawText.contains(name)
        if let close = rawEnd(name, from: contentStart) {
          insertRaw(name, attributes, content: contentStart..<close, decodes: decodes)
          return after(Ch.gt, from: close + 2 + name.utf8.count)
        }
        if name == "script" || name == "style" {
          insertRaw(name, attributes, content: contentStart..<count, decodes: decodes)
          return count
        }
        if selfClosing {
          insertRaw(name, attributes, content: contentStart..<contentStart, decodes: decodes)
          return contentStart
        }
        // No end tag: read its content as markup.
      }
      prepare(for: name)
      let isVoid = Names.void.contains(name) || selfClosing
      _ = insertElement(name, attributes, push: !isVoid)
      return contentStart
    }

    private mutating func insertRaw(
      _ name: String, _ attributes: [Attribute], content: Range<Int>, decodes: Bool
    ) {
      prepare(for: name)
      let index = insertElement(name, attributes, push: false)
      if !content.isEmpty {
        nodes.append(
          Node(name: "", parent: index, end: nodes.count + 1, text: content, decodes: decodes))
      }
      nodes[index].end = nodes.count
    }

    /// Closes what a new `name` element implicitly ends.
    private mutating func prepare(for name: String) {
      if headOpen && !Names.headContent.contains(name) { closeHead() }
      if Names.closesParagraph.contains(name) { close(["p"], boundaries: Names.buttonScope) }
      switch name {
      case "li":
        close(["li"], boundaries: Names.listScope)
      case "dt", "dd":
        close(["dt", "dd"], boundaries: Names.definitionScope)
      case "td", "th":
        close(["td", "th"], boundaries: Names.rowScope)
      case "tr":
        close(["tr"], boundaries: Names.tableScope)
      case "thead", "tbody", "tfoot":
        close(["thead", "tbody", "tfoot"], boundaries: Names.tableScope)
      case "option":
        if stack.count > 1 && nodes[current].name == "option" { popTo(stack.count - 1) }
      default:
        if Names.headings.contains(name) && stack.count > 1
          && Names.headings.contains(nodes[current].name)
        {
          popTo(stack.count - 1)
        }
      }
    }

    private mutating func endTag(_ name: String) {
      switch name {
      case "html", "body":
        return  // content after them still belongs to the body
      case "head":
        closeHead()
        return
      case "br":
        _ = insertElement("br", [], push: false)
        return
      case "p":
        if !close(["p"], boundaries: Names.buttonScope) { _ = insertElement("p", [], push: false) }
        return
      default:
        break
      }
      let targets: Set<String> = Names.headings.contains(name) ? Names.headings : [name]
      let boundaries: Set<String>
      switch name {
      case "li": boundaries = Names.listScope
      case "dt", "dd": boundaries = Names.definitionScope
      case "td", "th", "tr", "thead", "tbody", "tfoot": boundaries = Names.tableScope
      default: boundaries = Names.special.contains(name) ? Names.defaultScope : Names.special
      }
      close(targets, boundaries: boundaries)
    }
  }
}

// MARK: - Extraction

extension HTMLText {
  fileprivate struct Extractor {
    /// How much is dropped: everything the rules name, then less when that leaves nothing.
    enum Mode: CaseIterable {
      /// Noise, chrome elements and roles, and chrome classes and ids.
      case full
      /// Noise and chrome elements and roles.
      case elements
      /// Noise only (scripts, styles, the head, form controls…).
      case noise
    }

    let bytes: [UInt8]
    let nodes: [Node]
    private var noise: [Bool]
    private var chrome: [Bool]
    private var chromeByName: [Bool]
    /// Whether some ancestor is dropped in full mode.
    private var insideChrome: [Bool]
    /// Whether some ancestor is an `<svg>` or `<math>` element.
    private var insideGraphics: [Bool]

    init(bytes: [UInt8], nodes: [Node]) {
      self.bytes = bytes
      self.nodes = nodes
      noise = Array(repeating: false, count: nodes.count)
      chrome = noise
      chromeByName = noise
      insideChrome = noise
      insideGraphics = noise
      for k in nodes.indices where !nodes[k].isText && k > 0 {
        let node = nodes[k]
        noise[k] = Names.noise.contains(node.name)
        let roles = node.attribute("role").map { HTMLText.tokens($0.lowercased()) } ?? []
        chrome[k] =
          noise[k] || Names.chrome.contains(node.name)
          || roles.contains(where: { Names.chromeRoles.contains(String($0)) })
        chromeByName[k] = !chrome[k] && Extractor.namesChrome(node)
        let parent = node.parent
        insideChrome[k] =
          parent > 0 && (insideChrome[parent] || chrome[parent] || chromeByName[parent])
        insideGraphics[k] =
          parent > 0
          && (insideGraphics[parent] || nodes[parent].name == "svg" || nodes[parent].name == "math")
      }
    }

    /// Whether the class/id rule drops the element.
    private static func namesChrome(_ node: Node) -> Bool {
      guard !Names.neverChrome.contains(node.name) else { return false }
      let values = [node.attribute("class"), node.attribute("id")].compactMap { $0 }
      guard !values.isEmpty else { return false }
      var named = false
      for value in values {
        for token in HTMLText.tokens(value) {
          if Names.specificContentMarkers.contains(token.lowercased()) { return false }
          if !named && tokenNamesChrome(token) { named = true }
        }
      }
      return named
    }

    /// Whether a class or id token, or one of its `-`, `_`, camelCase or
    /// letter/digit parts, is a chrome word.
    private static func tokenNamesChrome(_ token: Substring) -> Bool {
      if Names.chromeWords.contains(token.lowercased()) { return true }
      var part: [UInt8] = []
      var previous: UInt8 = 0
      func check(_ part: [UInt8]) -> Bool {
        !part.isEmpty && Names.chromeWords.contains(String(decoding: part, as: UTF8.self))
      }
      for c in token.utf8 {
        let delimiter = c == Ch.dash || c == Ch.underscore
        let camel = Ch.isLower(previous) && Ch.isUpper(c)
        let digitChange =
          Ch.isAlnum(previous) && Ch.isAlnum(c) && Ch.isDigit(previous) != Ch.isDigit(c)
        if delimiter || camel || digitChange {
          if check(part) { return true }
          part.removeAll(keepingCapacity: true)
        }
        if !delimiter { part.append(Ch.lower(c)) }
        previous = c
      }
      return check(part)
    }

    private func dropped(_ k: Int, _ mode: Mode) -> Bool {
      switch mode {
      case .full: return chrome[k] || chromeByName[k]
      case .elements: return chrome[k]
      case .noise: return noise[k]
      }
    }

    func run() -> HTMLDocumentText {
      let roots = candidateRoots()
      var chosen: (root: Int, paragraphs: [String])?
      search: for mode in Mode.allCases {
        for root in roots {
          let paragraphs = walk(root, mode)
          if !paragraphs.isEmpty {
            chosen = (root, paragraphs)
            break search
          }
        }
      }
      let root = chosen?.root ?? roots.first ?? 0
      let title =
        firstHeading(in: root..<nodes[root].end) ?? firstHeading(in: 0..<nodes.count)
        ?? openGraphTitle() ?? documentTitle(paragraphs: chosen?.paragraphs ?? [])
      let paragraphs = (chosen?.paragraphs ?? []).filter { $0 != title }
      let published = published(root: root)
      return HTMLDocumentText(
        title: title, published: published, paragraphs: paragraphs,
        impossiblePublished: published == nil ? impossiblePublished() : nil)
    }

    /// The first publication date a meta element or `<time>` declares that
    /// has a date's shape but names no day.
    private func impossiblePublished() -> ImpossibleDate? {
      for node in nodes where node.name == "meta" || node.name == "time" {
        for value in [node.attribute("content"), node.attribute("datetime")] {
          guard let value, value.utf8.count <= 80 else { continue }
          if let impossible = DateParser.impossibleDate(value) { return impossible }
        }
      }
      return nil
    }

    // MARK: Root

    private func isContentMarked(_ node: Node) -> Bool {
      if let id = node.attribute("id"),
        Names.contentMarkers.contains(HTMLText.normalized(id).lowercased())
      {
        return true
      }
      guard let classes = node.attribute("class") else { return false }
      return HTMLText.tokens(classes).contains { Names.contentMarkers.contains($0.lowercased()) }
    }

    private func isMain(_ node: Node) -> Bool {
      if node.name == "main" { return true }
      guard let role = node.attribute("role") else { return false }
      return HTMLText.tokens(role.lowercased()).contains("main")
    }

    /// Article roots to try, best first: candidates outside any chrome, then
    /// anywhere (a page-wide `<form>` wraps everything on some sites), then the
    /// body, then the document.
    private func candidateRoots() -> [Int] {
      let levels: [(Node) -> Bool] = [{ $0.name == "article" }, isMain, isContentMarked]
      var roots: [Int] = []
      func add(_ index: Int?) {
        if let index, !roots.contains(index) { roots.append(index) }
      }
      for level in levels {
        add(
          nodes.indices.first { k in
            !nodes[k].isText && !chrome[k] && !insideChrome[k] && level(nodes[k])
          })
      }
      for level in levels {
        add(nodes.indices.first { k in !nodes[k].isText && !chrome[k] && level(nodes[k]) })
      }
      add(nodes.indices.first { nodes[$0].name == "body" })
      add(0)
      return roots
    }

    // MARK: Paragraphs

    /// The paragraphs under `root`, dropping what `mode` drops.
    private func walk(_ root: Int, _ mode: Mode) -> [String] {
      var paragraphs: [String] = []
      var buffer: [UInt8] = []
      var scratch: [UInt8] = []
      var open: [(end: Int, block: Bool, heading: Bool, pre: Bool)] = []
      var headingDepth = 0
      var preDepth = 0
      func flush() {
        guard !buffer.isEmpty else { return }
        let paragraph = HTMLText.normalized(buffer)
        if !paragraph.isEmpty { paragraphs.append(paragraph) }
        buffer.removeAll(keepingCapacity: true)
      }
      let stop = nodes[root].end
      var k = root + 1
      while k < stop {
        while let top = open.last, k >= top.end {
          open.removeLast()
          if top.heading { headingDepth -= 1 }
          if top.pre { preDepth -= 1 }
          if top.block { flush() }
        }
        let node = nodes[k]
        if node.isText {
          if preDepth > 0 {
            scratch.removeAll(keepingCapacity: true)
            appendText(node, to: &scratch)
            for c in scratch {
              if c == Ch.lf { flush() } else { buffer.append(c) }
            }
          } else {
            appendText(node, to: &buffer)
          }
          k += 1
          continue
        }
        if dropped(k, mode) {
          k = max(node.end, k + 1)
          continue
        }
        if node.name == "br" {
          if headingDepth > 0 { buffer.append(Ch.space) } else { flush() }
          k += 1
          continue
        }
        let block = Names.blocks.contains(node.name)
        if block { flush() }
        if node.end > k + 1 {
          let isHeading = Names.headings.contains(node.name)
          let isPre = node.name == "pre" || node.name == "listing"
          open.append((node.end, block, isHeading, isPre))
          if isHeading { headingDepth += 1 }
          if isPre { preDepth += 1 }
        }
        k += 1
      }
      flush()
      return paragraphs
    }

    private func appendText(_ node: Node, to out: inout [UInt8]) {
      if node.decodes {
        HTMLText.appendDecoded(bytes, node.text, to: &out)
      } else {
        out.append(contentsOf: bytes[node.text])
      }
    }

    /// An element's text on one line, skipping noise inside it.
    private func elementText(_ index: Int) -> String {
      var buffer: [UInt8] = []
      let stop = nodes[index].end
      var k = index + 1
      while k < stop {
        let node = nodes[k]
        if node.isText {
          appendText(node, to: &buffer)
        } else if noise[k] {
          k = max(node.end, k + 1)
          continue
        } else if node.name == "br" || Names.blocks.contains(node.name) {
          buffer.append(Ch.space)
        }
        k += 1
      }
      return HTMLText.normalized(buffer)
    }

    // MARK: Title

    /// The first non-nil `read(k)` for elements `k` in `range` that `isCandidate`;
    /// a candidate's descendants are skipped (nested candidates cost no more than one).
    private func firstOutermost<T>(
      in range: Range<Int>, where isCandidate: (Int) -> Bool, _ read: (Int) -> T?
    ) -> T? {
      var k = range.lowerBound
      while k < range.upperBound {
        guard !nodes[k].isText, isCandidate(k) else {
          k += 1
          continue
        }
        if let value = read(k) { return value }
        k = max(nodes[k].end, k + 1)
      }
      return nil
    }

    private func firstHeading(in range: Range<Int>) -> String? {
      firstOutermost(in: range, where: { nodes[$0].name == "h1" }) { k in
        let text = elementText(k)
        return text.isEmpty ? nil : text
      }
    }

    private func openGraphTitle() -> String? {
      for node in nodes where node.name == "meta" {
        let keys = [node.attribute("property"), node.attribute("name")].compactMap {
          $0?.lowercased()
        }
        guard keys.contains("og:title"), let content = node.attribute("content") else { continue }
        let title = HTMLText.normalized(content)
        if !title.isEmpty { return title }
      }
      return nil
    }

    /// The `<title>` (not an SVG one) without its site suffix; or, when one of
    /// the first paragraphs is a whole segment of it ("Site - Section - Headline"),
    /// that paragraph.
    private func documentTitle(paragraphs: [String]) -> String? {
      firstOutermost(in: nodes.indices, where: { nodes[$0].name == "title" && !insideGraphics[$0] })
      {
        let text = elementText($0)
        for paragraph in paragraphs.prefix(10) where paragraph != text {
          if Extractor.separators.contains(where: { separator in
            text.hasSuffix(separator + paragraph) || text.hasPrefix(paragraph + separator)
              || text.contains(separator + paragraph + separator)
          }) {
            return paragraph
          }
        }
        let title = Extractor.withoutSiteSuffix(text)
        return title.isEmpty ? nil : title
      }
    }

    /// What separates a page's title from its site's name.
    static let separators = [" | ", " - ", " :: ", " – ", " — "]

    /// Removes " | Site" (or " - ", " :: ", " – ", " — ") when at least three words
    /// (runs with a letter or digit) remain; repeats with the same separator
    /// ("Title | Section | Site").
    static func withoutSiteSuffix(_ title: String) -> String {
      let separators = Extractor.separators.map { Array($0.utf8) }
      var bytes = Array(title.utf8)
      var used: [UInt8]?
      while true {
        var best: (position: Int, separator: [UInt8])?
        for separator in separators where used == nil || used == separator {
          guard let position = lastOccurrence(of: separator, in: bytes) else { continue }
          if best.map({ position > $0.position }) ?? true { best = (position, separator) }
        }
        guard let (position, separator) = best else { break }
        let prefix = Array(bytes[..<position])
        let suffix = bytes[(position + separator.count)...]
        let words = prefix.split(separator: Ch.space).filter { word in
          word.contains { Ch.isAlnum($0) || $0 >= 0x80 }
        }.count
        guard words >= 3, suffix.contains(where: { !Ch.isSpace($0) }) else { break }
        bytes = prefix
        used = separator
      }
      return HTMLText.normalized(bytes)
    }

    private static func lastOccurrence(of pattern: [UInt8], in bytes: [UInt8]) -> Int? {
      guard pattern.count <= bytes.count else { return nil }
      var i = bytes.count - pattern.count
      while i >= 0 {
        if bytes[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
        i -= 1
      }
      return nil
    }

    // MARK: Date

    private func published(root: Int) -> PartialDate? {
      let metas = nodes.indices.filter { nodes[$0].name == "meta" }
      for k in metas {
        let keys = [nodes[k].attribute("property"), nodes[k].attribute("name")]
        if keys.contains(where: { $0?.lowercased() == "article:published_time" }),
          let date = Extractor.completeDate(nodes[k].attribute("content"))
        {
          return date
        }
      }
      for k in metas {
        if let name = nodes[k].attribute("name"),
          Names.dateMetaNames.contains(HTMLText.normalized(name).lowercased()),
          let date = Extractor.completeDate(nodes[k].attribute("content"))
        {
          return date
        }
      }
      let itemprop = firstOutermost(
        in: nodes.indices,
        where: { nodes[$0].attribute("itemprop")?.lowercased() == "datepublished" }
      ) { k -> PartialDate? in
        let node = nodes[k]
        if let date = Extractor.completeDate(node.attribute("content")) { return date }
        if let date = Extractor.completeDate(node.attribute("datetime")) { return date }
        return node.name == "time" ? Extractor.completeDate(elementText(k)) : nil
      }
      if let itemprop { return itemprop }
      for range in [root..<nodes[root].end, 0..<nodes.count] {
        let time = firstOutermost(in: range, where: { nodes[$0].name == "time" }) { k in
          Extractor.completeDate(nodes[k].attribute("datetime") ?? elementText(k))
        }
        if let time { return time }
      }
      return nil
    }

    /// Reads `YYYY-MM-DD` (optionally followed by `T…` or a space and more),
    /// `YYYY.MM.DD` (also "2025. 11. 18.") or `YYYY/MM/DD`; nil unless a real date.
    static func completeDate(_ text: String?) -> PartialDate? {
      guard let text else { return nil }
      let u = Array(text.utf8)
      var i = 0
      func skipSpaces() { while i < u.count && Ch.isSpace(u[i]) { i += 1 } }
      func number(maxDigits: Int) -> (value: Int, digits: Int)? {
        var value = 0
        var digits = 0
        while i < u.count && Ch.isDigit(u[i]) {
          guard digits < maxDigits else { return nil }
          value = value * 10 + Int(u[i] - 0x30)
          digits += 1
          i += 1
        }
        return digits > 0 ? (value, digits) : nil
      }
      skipSpaces()
      guard let year = number(maxDigits: 4), year.digits == 4, i < u.count else { return nil }
      let separator = u[i]
      guard separator == Ch.dash || separator == Ch.dot || separator == Ch.slash else { return nil }
      i += 1
      if separator == Ch.dot { skipSpaces() }
      guard let month = number(maxDigits: 2), i < u.count, u[i] == separator else { return nil }
      i += 1
      if separator == Ch.dot { skipSpaces() }
      guard let day = number(maxDigits: 2) else { return nil }
      if i < u.count {
        let next = u[i]
        let allowed =
          Ch.isSpace(next) || (separator == Ch.dash && (next | 0x20) == 0x74)
          || (separator == Ch.dot && next == Ch.dot)
        guard allowed else { return nil }
      }
      return PartialDate(checkedYear: year.value, month: month.value, day: day.value)
    }
  }
}
