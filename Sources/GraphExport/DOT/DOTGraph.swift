/// A DOT graph as values: what our encoder writes and the only thing the
/// renderer accepts. Entity text can only enter through ``DOTValue``
/// (escaped by ``DOTEscaping``), ids are synthetic (``DOTID``), and the
/// attribute names are a closed set (``DOTAttribute``) without `URL`,
/// `href`, `stylesheet`, `image` or other names that link or read files.
public struct DOTGraph: Hashable, Sendable {
  /// The graph's own id.
  public var id: DOTID
  /// Graph attributes (title, layout settings).
  public var attributes: [DOTAttribute: DOTValue]
  /// Defaults for every node.
  public var nodeDefaults: [DOTAttribute: DOTValue]
  /// Defaults for every edge.
  public var edgeDefaults: [DOTAttribute: DOTValue]
  /// Clusters, drawn as boxes around their nodes.
  public var clusters: [DOTCluster]
  /// Nodes, in output order.
  public var nodes: [DOTNode]
  /// Edges, in output order.
  public var edges: [DOTEdge]

  /// Creates a graph.
  public init(
    id: DOTID, attributes: [DOTAttribute: DOTValue] = [:],
    nodeDefaults: [DOTAttribute: DOTValue] = [:], edgeDefaults: [DOTAttribute: DOTValue] = [:],
    clusters: [DOTCluster] = [], nodes: [DOTNode] = [], edges: [DOTEdge] = []
  ) {
    self.id = id
    self.attributes = attributes
    self.nodeDefaults = nodeDefaults
    self.edgeDefaults = edgeDefaults
    self.clusters = clusters
    self.nodes = nodes
    self.edges = edges
  }

  /// The DOT text: deterministic, attributes sorted by name.
  public func encode() -> String {
    var out = "digraph \(id.rawValue) {\n"
    func list(_ attributes: [DOTAttribute: DOTValue]) -> String {
      "["
        + attributes.sorted { $0.key.rawValue < $1.key.rawValue }
        .map { "\($0.key.rawValue)=\($0.value.encoded)" }.joined(separator: ", ") + "]"
    }
    if !attributes.isEmpty { out += "  graph \(list(attributes));\n" }
    if !nodeDefaults.isEmpty { out += "  node \(list(nodeDefaults));\n" }
    if !edgeDefaults.isEmpty { out += "  edge \(list(edgeDefaults));\n" }
    for cluster in clusters {
      out += "  subgraph \(cluster.id.rawValue) {\n"
      if !cluster.attributes.isEmpty { out += "    graph \(list(cluster.attributes));\n" }
      for node in cluster.nodes {
        out += "    \(node.rawValue);\n"
      }
      out += "  }\n"
    }
    for node in nodes {
      out += "  \(node.id.rawValue)"
      out += node.attributes.isEmpty ? ";\n" : " \(list(node.attributes));\n"
    }
    for edge in edges {
      out += "  \(edge.tail.rawValue) -> \(edge.head.rawValue)"
      out += edge.attributes.isEmpty ? ";\n" : " \(list(edge.attributes));\n"
    }
    out += "}\n"
    return out
  }
}

/// A synthetic DOT id: a letter or underscore, then letters, digits or
/// underscores, and never a DOT keyword, so it needs no quoting.
public struct DOTID: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The id.
  public let rawValue: String

  /// Nil unless `rawValue` is a plain ASCII identifier that is not a
  /// keyword (`node`, `edge`, `graph`, `digraph`, `subgraph`, `strict`).
  public init?(_ rawValue: String) {
    guard let first = rawValue.unicodeScalars.first,
      first == "_" || ("a"..."z").contains(first) || ("A"..."Z").contains(first),
      rawValue.unicodeScalars.allSatisfy({
        $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0)
          || ("0"..."9").contains($0)
      }),
      !["node", "edge", "graph", "digraph", "subgraph", "strict"].contains(rawValue.lowercased())
    else { return nil }
    self.rawValue = rawValue
  }

  /// `prefix` and a number: `n12`, `cluster_3`.
  public static func numbered(_ prefix: StaticString, _ number: Int) -> DOTID {
    // A static prefix of letters and underscores with a number is always valid.
    DOTID(uncheckedRawValue: "\(prefix)\(number)")
  }

  private init(uncheckedRawValue: String) { rawValue = uncheckedRawValue }

  public var description: String { rawValue }

  public static func < (lhs: DOTID, rhs: DOTID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The attributes our encoder may write. Nothing here makes Graphviz link
/// to, or read, anything. `constraint` is left out on purpose: an edge
/// without its rank constraint can become a flat edge, which Graphviz 2.42
/// mishandles (see ``GraphvizWorkarounds``).
public enum DOTAttribute: String, Hashable, Sendable, CaseIterable {
  case bgcolor, color, dir, fillcolor, fixedsize, fontcolor, fontname, fontsize, height
  case id, label, labeljust, labelloc, margin, mclimit, newrank, nodesep, nslimit, nslimit1
  case outputorder, overlap, pad, penwidth, rankdir, ranksep, shape, splines, style, tooltip
  case width, arrowhead, arrowsize, arrowtail, weight
}

/// An attribute value: how it is escaped is decided by its case.
public enum DOTValue: Hashable, Sendable {
  /// A label (escString): ``DOTEscaping/label(_:limit:)``.
  case label([String])
  /// A tooltip: ``DOTEscaping/tooltip(_:limit:)``.
  case tooltip([String])
  /// An HTML-like label made with ``HTMLLabel``.
  case html(HTMLLabel)
  /// A value of our own (a colour, a shape, a number): written as a label
  /// of one line, so that it is quoted and escaped all the same.
  case plain(String)

  /// A one-line label.
  public static func text(_ text: String) -> DOTValue { .label([text]) }

  /// The value as DOT source.
  public var encoded: String {
    switch self {
    case .label(let lines): DOTEscaping.label(lines)
    case .tooltip(let lines): DOTEscaping.tooltip(lines)
    case .html(let html): "<" + html.markup + ">"
    case .plain(let value): DOTEscaping.label(value, limit: 200)
    }
  }
}

/// An HTML-like label built from escaped text only.
public struct HTMLLabel: Hashable, Sendable {
  /// The markup, without the outer angle brackets.
  public let markup: String

  /// A table of rows, each a list of cells; every cell's text is escaped
  /// with ``DOTEscaping/htmlText(_:limit:)``. `colors` gives a cell's
  /// background (a colour of ours, not data).
  public static func table(_ rows: [[Cell]], border: Int = 0) -> HTMLLabel {
    var markup = "<TABLE BORDER=\"\(border)\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">"
    for row in rows {
      markup += "<TR>"
      for cell in row {
        let color =
          cell.background.map { " BGCOLOR=\"\(DOTEscaping.htmlText($0, limit: 20))\"" } ?? ""
        let width = cell.width.map { " WIDTH=\"\($0)\"" } ?? ""
        let align = cell.alignLeft ? " ALIGN=\"LEFT\"" : ""
        let text = DOTEscaping.htmlText(cell.text)
        // Graphviz's HTML grammar refuses an empty <B></B> ("syntax error"),
        // so an empty bold cell is written plain.
        let bold = cell.bold && !text.isEmpty
        markup += "<TD\(color)\(width)\(align)>\(bold ? "<B>\(text)</B>" : text)</TD>"
      }
      markup += "</TR>"
    }
    markup += "</TABLE>"
    return HTMLLabel(markup: markup)
  }

  /// A table cell.
  public struct Cell: Hashable, Sendable {
    /// The text (escaped when the table is built).
    public var text: String
    /// A background colour.
    public var background: String?
    /// A fixed width in points.
    public var width: Int?
    /// Bold text.
    public var bold: Bool
    /// Left-aligned text.
    public var alignLeft: Bool

    /// Creates a cell.
    public init(
      _ text: String, background: String? = nil, width: Int? = nil, bold: Bool = false,
      alignLeft: Bool = false
    ) {
      self.text = text
      self.background = background
      self.width = width
      self.bold = bold
      self.alignLeft = alignLeft
    }
  }
}

/// A node statement.
public struct DOTNode: Hashable, Sendable {
  /// The synthetic id.
  public var id: DOTID
  /// Its attributes.
  public var attributes: [DOTAttribute: DOTValue]

  /// Creates a node.
  public init(id: DOTID, attributes: [DOTAttribute: DOTValue] = [:]) {
    self.id = id
    self.attributes = attributes
  }
}

/// An edge statement.
public struct DOTEdge: Hashable, Sendable {
  /// Where it starts.
  public var tail: DOTID
  /// Where it ends.
  public var head: DOTID
  /// Its attributes.
  public var attributes: [DOTAttribute: DOTValue]

  /// Creates an edge.
  public init(tail: DOTID, head: DOTID, attributes: [DOTAttribute: DOTValue] = [:]) {
    self.tail = tail
    self.head = head
    self.attributes = attributes
  }
}

/// A cluster: `subgraph cluster_N { … }` listing its nodes.
public struct DOTCluster: Hashable, Sendable {
  /// The id; it must start with `cluster` for Graphviz to draw a box.
  public var id: DOTID
  /// Its attributes (label, colours).
  public var attributes: [DOTAttribute: DOTValue]
  /// The nodes inside.
  public var nodes: [DOTID]

  /// Creates a cluster.
  public init(id: DOTID, attributes: [DOTAttribute: DOTValue] = [:], nodes: [DOTID]) {
    self.id = id
    self.attributes = attributes
    self.nodes = nodes
  }
}
