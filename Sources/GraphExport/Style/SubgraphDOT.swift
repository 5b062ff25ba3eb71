import EntityGraph
import GraphStore

/// How a subgraph is drawn.
public struct DrawingOptions: Hashable, Sendable {
  /// Draw people inside a box with their organisation.
  public var cluster: Bool
  /// Add a legend of the entity types and relations shown.
  public var legend: Bool

  /// Creates options.
  public init(cluster: Bool = false, legend: Bool = true) {
    self.cluster = cluster
    self.legend = legend
  }
}

/// A subgraph as DOT: the stage `Subgraph → DOTGraph`.
public struct SubgraphDrawing: Hashable, Sendable {
  /// The DOT graph.
  public var graph: DOTGraph
  /// Accessible titles for the SVG: Graphviz's title text (a node id, an
  /// edge's `tail->head`, the graph id) to what people should read.
  public var titles: [String: String]
  /// Which DOT id stands for which entity id.
  public var nodeIDs: [String: DOTID]

  /// Draws `subgraph`: one node per entity with a shape and colour per
  /// type, meetings labelled with their dates, tooltips with the evidence.
  public init(_ subgraph: Subgraph, options: DrawingOptions = DrawingOptions()) {
    var nodeIDs: [String: DOTID] = [:]
    var titles: [String: String] = [:]
    for (n, node) in subgraph.nodes.enumerated() {
      nodeIDs[node.entity.id] = DOTID.numbered("n", n + 1)
    }
    let names = Dictionary(
      subgraph.nodes.map { ($0.entity.id, $0.entity.name) }, uniquingKeysWith: { a, _ in a })
    let graphID = DOTID.numbered("pressgraph", 1)
    titles[graphID.rawValue] = subgraph.title
    var nodes: [DOTNode] = []
    for node in subgraph.nodes {
      guard let id = nodeIDs[node.entity.id] else { continue }
      titles[id.rawValue] = node.entity.name
      nodes.append(DOTNode(id: id, attributes: Self.attributes(of: node, names: names)))
    }
    var edges: [DOTEdge] = []
    for edge in subgraph.edges {
      guard let tail = nodeIDs[edge.source], let head = nodeIDs[edge.target] else { continue }
      let source = names[edge.source] ?? edge.source
      let target = names[edge.target] ?? edge.target
      titles["\(tail.rawValue)->\(head.rawValue)"] = Self.sentence(edge, source, target)
      edges.append(
        DOTEdge(tail: tail, head: head, attributes: Self.attributes(of: edge, source, target)))
    }
    var clusters: [DOTCluster] = []
    if options.cluster {
      var members: [String: [String]] = [:]
      for node in subgraph.nodes where node.entity.type == .person {
        if let org = node.organisation, nodeIDs[org] != nil {
          members[org, default: []].append(node.entity.id)
        }
      }
      for (n, org) in members.keys.sorted().enumerated() {
        guard let orgID = nodeIDs[org] else { continue }
        let type = subgraph.nodes.first { $0.entity.id == org }?.entity.type ?? .organization
        clusters.append(
          DOTCluster(
            id: DOTID.numbered("cluster_", n + 1),
            attributes: [
              .style: .plain("rounded,filled"), .color: .plain(Self.style(type).border),
              .fillcolor: .plain(Self.style(type).cluster), .label: .text(""),
              .tooltip: .tooltip([names[org] ?? org]),
            ],
            nodes: [orgID] + (members[org] ?? []).sorted().compactMap { nodeIDs[$0] }))
      }
    }
    if options.legend, !subgraph.nodes.isEmpty {
      let legendID = DOTID.numbered("legend", 1)
      titles[legendID.rawValue] = "Legend"
      nodes.append(
        DOTNode(
          id: legendID,
          attributes: [
            .shape: .plain("plaintext"), .style: .plain("solid"),
            .label: .html(Self.legend(subgraph)), .tooltip: .tooltip(["Legend"]),
          ]))
    }
    var label = [subgraph.title]
    label += subgraph.notes
    graph = DOTGraph(
      id: graphID,
      attributes: [
        .label: .label(label), .labelloc: .plain("t"), .labeljust: .plain("l"),
        .fontname: .plain("Helvetica"), .fontsize: .plain("14"), .rankdir: .plain("LR"),
        .nodesep: .plain("0.35"), .ranksep: .plain("0.6"), .pad: .plain("0.3"),
        .outputorder: .plain("edgesfirst"),
      ],
      nodeDefaults: [
        .fontname: .plain("Helvetica"), .fontsize: .plain("11"), .style: .plain("filled"),
        .penwidth: .plain("1.2"),
      ],
      edgeDefaults: [
        .fontname: .plain("Helvetica"), .fontsize: .plain("9"), .arrowsize: .plain("0.7"),
      ],
      clusters: clusters, nodes: nodes, edges: edges)
    // Clusters with dot's default ranking can leave labelled edges flat,
    // which Graphviz 2.42 mishandles; written here too, so that the DOT
    // export is safe to lay out with the `dot` program.
    graph = GraphvizWorkarounds.prepare(graph, engine: .dot)
    self.titles = titles
    self.nodeIDs = nodeIDs
  }

  /// Colours and shape of an entity type.
  struct TypeStyle {
    var shape: String
    var fill: String
    var border: String
    var cluster: String
    var extraStyle: String?
  }

  static func style(_ type: EntityType) -> TypeStyle {
    switch type {
    case .person:
      TypeStyle(shape: "ellipse", fill: "#fde8d7", border: "#b8692e", cluster: "#fdf6f0")
    case .ministry:
      TypeStyle(
        shape: "box", fill: "#d6e4f5", border: "#2f5f98", cluster: "#f1f6fc", extraStyle: "rounded")
    case .agency:
      TypeStyle(
        shape: "box", fill: "#dcefd5", border: "#47803a", cluster: "#f3f9f1", extraStyle: "rounded")
    case .company:
      TypeStyle(shape: "hexagon", fill: "#fff3c4", border: "#a07d00", cluster: "#fffbeb")
    case .country:
      TypeStyle(shape: "octagon", fill: "#e8e8e8", border: "#6b6b6b", cluster: "#f7f7f7")
    case .organization:
      TypeStyle(shape: "note", fill: "#efd9e6", border: "#874a6c", cluster: "#faf3f7")
    }
  }

  static func attributes(of node: Subgraph.Node, names: [String: String]) -> [DOTAttribute:
    DOTValue]
  {
    let style = style(node.entity.type)
    var lines = [node.entity.name]
    if let role = node.role { lines.append(role) }
    var tooltip = [
      node.entity.name, node.entity.type.rawValue + (node.country.map { ", \($0)" } ?? ""),
    ]
    if let role = node.role {
      tooltip.append(role + (node.organisation.flatMap { names[$0] }.map { ", \($0)" } ?? ""))
    }
    if let first = node.firstSeen {
      let last = node.lastSeen ?? first
      tooltip.append("seen " + (first == last ? first : "\(first) to \(last)"))
    }
    if node.meetings > 0 {
      tooltip.append("\(node.meetings) meeting\(node.meetings == 1 ? "" : "s")")
    }
    tooltip.append(node.entity.id)
    var attributes: [DOTAttribute: DOTValue] = [
      .label: .label(lines), .shape: .plain(style.shape), .fillcolor: .plain(style.fill),
      .color: .plain(style.border), .tooltip: .tooltip(tooltip),
      .style: .plain(["filled", style.extraStyle].compactMap { $0 }.joined(separator: ",")),
    ]
    if node.isCenter {
      attributes[.penwidth] = .plain("2.6")
      attributes[.fontsize] = .plain("12")
    }
    return attributes
  }

  /// "Park Jung-sung met Tran Quoc Phuong on 2025-11-13".
  static func sentence(_ edge: Subgraph.Edge, _ source: String, _ target: String) -> String {
    switch edge.relation {
    case .affiliation: "\(source): \(edge.title ?? "affiliated"), \(target)"
    case .parent: "\(source) is under \(target)"
    case .predecessor: "\(source) was renamed \(target)"
    case .meeting:
      "\(source) met \(target)"
        + (edge.dates.isEmpty ? "" : " on " + edge.dates.joined(separator: ", "))
        + (edge.planned ? " (planned)" : "")
    }
  }

  static func attributes(of edge: Subgraph.Edge, _ source: String, _ target: String)
    -> [DOTAttribute: DOTValue]
  {
    var tooltip = [sentence(edge, source, target)]
    for evidence in edge.evidence.prefix(4) {
      var head: [String] = []
      if let date = evidence.date { head.append(date) }
      if let place = evidence.place { head.append(place) }
      if let status = evidence.status, status != "held" { head.append(status) }
      tooltip.append(
        (head.isEmpty ? "" : head.joined(separator: ", ") + ": ") + "“\(evidence.sentence)”")
      tooltip.append(
        "— \(evidence.release.title) (\(evidence.release.date ?? "undated"), \(evidence.release.id))"
      )
    }
    if edge.evidence.count > 4 { tooltip.append("… and \(edge.evidence.count - 4) more") }
    var attributes: [DOTAttribute: DOTValue] = [.tooltip: .tooltip(tooltip)]
    switch edge.relation {
    case .meeting:
      attributes[.color] = .plain("#c0392b")
      attributes[.fontcolor] = .plain("#922b21")
      attributes[.dir] = .plain("none")
      attributes[.penwidth] = .plain(edge.evidence.count > 1 ? "2.2" : "1.6")
      let label: String
      switch edge.dates.count {
      case 0: label = edge.evidence.count > 1 ? "\(edge.evidence.count) meetings" : "met"
      case 1, 2: label = edge.dates.joined(separator: ", ")
      default: label = "\(edge.dates.count) meetings, last \(edge.dates.last ?? "")"
      }
      var lines = [label + (edge.planned ? " (planned)" : "")]
      // One meeting: its venue too.
      if edge.evidence.count == 1, let place = edge.evidence[0].place { lines.append(place) }
      attributes[.label] = .label(lines)
      if edge.planned { attributes[.style] = .plain("dashed") }
    case .affiliation:
      attributes[.color] = .plain("#8a8a8a")
      attributes[.fontcolor] = .plain("#555555")
      attributes[.arrowhead] = .plain("none")
      attributes[.style] = .plain("dashed")
    case .parent:
      attributes[.color] = .plain("#2f5f98")
      attributes[.arrowhead] = .plain("empty")
      attributes[.label] = .text("under")
      attributes[.fontcolor] = .plain("#2f5f98")
    case .predecessor:
      attributes[.color] = .plain("#6b6b6b")
      attributes[.style] = .plain("dotted")
      attributes[.label] = .text("renamed")
    }
    return attributes
  }

  /// The legend: the entity types and relations that appear.
  static func legend(_ subgraph: Subgraph) -> HTMLLabel {
    let types = Set(subgraph.nodes.map(\.entity.type)).sorted()
    var rows: [[HTMLLabel.Cell]] = [[HTMLLabel.Cell("Legend", bold: true)]]
    for type in types {
      let style = style(type)
      rows.append([
        HTMLLabel.Cell(" ", background: style.fill, width: 16),
        HTMLLabel.Cell(type.rawValue, alignLeft: true),
      ])
    }
    let relations = Set(subgraph.edges.map(\.relation))
    let descriptions: [(Relation, String, String)] = [
      (.meeting, "#c0392b", "met (date; dashed: planned)"),
      (.affiliation, "#8a8a8a", "title at (dashed)"),
      (.parent, "#2f5f98", "under (parent body)"),
      (.predecessor, "#6b6b6b", "renamed (dotted)"),
    ]
    for (relation, color, text) in descriptions where relations.contains(relation) {
      rows.append([
        HTMLLabel.Cell("", background: color, width: 16),
        HTMLLabel.Cell(text, alignLeft: true),
      ])
    }
    return HTMLLabel.table(rows.map { $0.count == 1 ? $0 + [HTMLLabel.Cell("")] : $0 })
  }
}
