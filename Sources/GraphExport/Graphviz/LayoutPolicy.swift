/// A Graphviz layout engine.
///
/// All six come with Graphviz's `dot_layout` and `neato_layout` plugins.
/// Their costs differ by orders of magnitude: see ``LayoutPolicy``.
public enum LayoutEngine: String, CaseIterable, Sendable {
  /// Hierarchical layers; the best drawing of a directed graph, but roughly
  /// n^2.3 (2.4 s for 500 nodes).
  case dot
  /// Multi-scale force-directed; the only engine comfortable at thousands
  /// of nodes (0.15 s for 500).
  case sfdp
  /// Spring model (stress majorisation); quadratic.
  case neato
  /// Force-directed (Fruchterman-Reingold); the slowest (27 s for 500).
  case fdp
  /// Circular.
  case circo
  /// Radial, around a root node.
  case twopi
}

/// An output format of the renderer.
public enum RenderFormat: String, CaseIterable, Sendable {
  /// SVG from Graphviz's core `svg` renderer.
  case svg
  /// PNG from the cairo (pango) plugin.
  case png
  /// PDF from the cairo (pango) plugin.
  case pdf
}

/// The engine and graph attributes chosen for one subgraph, with the reason
/// (for `--verbose` output).
public struct LayoutPlan: Hashable, Sendable {
  /// The layout engine.
  public var engine: LayoutEngine
  /// Graph attributes the engine needs (merged by ``apply(to:)``).
  public var attributes: [DOTAttribute: DOTValue]
  /// Why this engine and these attributes, in one sentence.
  public var reason: String

  /// Creates a plan.
  public init(engine: LayoutEngine, attributes: [DOTAttribute: DOTValue] = [:], reason: String) {
    self.engine = engine
    self.attributes = attributes
    self.reason = reason
  }

  /// Merges ``attributes`` into `graph`'s graph attributes; the plan's
  /// values win over values already there (a style's `splines=true` must
  /// not undo `splines=false` on a large graph).
  public func apply(to graph: inout DOTGraph) {
    graph.attributes.merge(attributes) { _, planned in planned }
  }
}

/// Chooses a layout engine from the size of a subgraph, so that drawing
/// stays interactive, and refuses subgraphs too large to lay out in
/// reasonable time.
///
/// The policy, from measurements of Graphviz 2.42 on a 2-vCPU machine
/// (synthetic digraphs, about 2 edges per node, box nodes with 30-character
/// labels; `dot` took 2.4 s for 500 nodes and 115 s for 2,000, `sfdp`
/// 0.15 s and 1.6 s):
/// - up to ``dotLimit`` nodes: `dot`;
/// - from ``dotLimit`` + 1 to ``hardCap`` nodes: `sfdp` with
///   `overlap=prism` (no overlapping boxes) and `splines=false`;
/// - `dot` chosen explicitly above ``dotLimit`` nodes gets `nslimit=1`,
///   `nslimit1=1`, `mclimit=0.1` and `splines=false` (500 nodes: 0.32 s
///   instead of 2.4 s);
/// - `sfdp` always gets `overlap=prism` and `splines=false`;
/// - above ``hardCap`` nodes: ``GraphExportError/tooLarge(nodes:limit:advice:)``
///   unless `force` is set. The cap is enforced here, before Graphviz is
///   called, because an in-process layout cannot be interrupted.
public enum LayoutPolicy {
  /// The most nodes laid out with `dot` by default.
  public static let dotLimit = 150
  /// The most nodes laid out at all without `force`.
  public static let hardCap = 2000

  /// The plan for a subgraph of `nodes` nodes and `edges` edges.
  ///
  /// - Parameters:
  ///   - override: an engine the user asked for (`--engine`); it is used
  ///     as given, with the attributes that keep it fast.
  ///   - force: lay out graphs above ``hardCap`` all the same (`--force`).
  /// - Throws: ``GraphExportError/tooLarge(nodes:limit:advice:)`` above
  ///   ``hardCap`` nodes unless `force` is set.
  public static func plan(
    nodes: Int, edges: Int, override: LayoutEngine?, force: Bool
  ) throws(GraphExportError) -> LayoutPlan {
    let size = "\(nodes) nodes, \(edges) edges"
    if nodes > hardCap, !force {
      throw .tooLarge(
        nodes: nodes, limit: hardCap,
        advice:
          "Narrow the query with `--limit N` (at most \(hardCap) nodes), a smaller `--depth`, "
          + "or filters such as `--since` or `--type`; or pass `--force` to lay it out anyway "
          + "(sfdp needs seconds to minutes at this size, dot hours).")
    }
    let forced = nodes > hardCap ? " (forced above the cap of \(hardCap))" : ""
    let engine = override ?? (nodes <= dotLimit ? .dot : .sfdp)
    let chosen = override == nil ? "chose" : "asked for"
    var attributes: [DOTAttribute: DOTValue] = [:]
    var reason: String
    switch engine {
    case .dot where nodes > dotLimit:
      attributes = [
        .nslimit: .plain("1"), .nslimit1: .plain("1"), .mclimit: .plain("0.1"),
        .splines: .plain("false"),
      ]
      reason =
        "\(size)\(forced): \(chosen) dot above \(dotLimit) nodes, with nslimit=1, nslimit1=1, "
        + "mclimit=0.1 and straight edges to bound its cost"
    case .dot:
      reason = "\(size): \(chosen) dot (at most \(dotLimit) nodes: layered drawing, fast enough)"
    case .sfdp:
      attributes = [.overlap: .plain("prism"), .splines: .plain("false")]
      reason =
        override == nil
        ? "\(size)\(forced): more than \(dotLimit) nodes, so sfdp (dot would take seconds to "
          + "minutes), with overlap=prism and straight edges"
        : "\(size)\(forced): asked for sfdp, with overlap=prism and straight edges"
    case .fdp, .neato, .circo, .twopi:
      reason = "\(size)\(forced): asked for \(engine.rawValue)"
      if nodes > dotLimit {
        reason += " (slow above \(dotLimit) nodes: fdp took 27 s and neato 0.9 s for 500 nodes)"
      }
    }
    return LayoutPlan(engine: engine, attributes: attributes, reason: reason)
  }
}
