import PressReleases

/// The errors of the export module.
public enum GraphExportError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What Graphviz was doing when it failed.
  public enum Stage: String, Hashable, Sendable {
    /// Starting: creating the context, finding plugins.
    case setup
    /// Reading our DOT.
    case parse
    /// Laying the graph out.
    case layout
    /// Writing SVG, PNG or PDF.
    case render
  }

  /// Graphviz failed; `messages` are its own words.
  case graphviz(stage: Stage, messages: [String])
  /// Graphviz lacks a layout engine or output format (a broken install).
  case missingPlugin(kind: String, name: String, available: [String], advice: String)
  /// The subgraph is larger than can be laid out in reasonable time.
  case tooLarge(nodes: Int, limit: Int, advice: String)
  /// The rendered SVG failed the safety check.
  case unsafeSVG(reason: String)

  /// The failing stage of the pipeline.
  public var stage: Diagnostic.Stage { .export }

  /// A message naming the problem and what to do.
  public var description: String {
    switch self {
    case .graphviz(let stage, let messages):
      "Graphviz failed to \(stage.rawValue) the graph"
        + (messages.isEmpty ? "" : ": " + messages.joined(separator: " | "))
    case .missingPlugin(let kind, let name, let available, let advice):
      "Graphviz has no \(kind) \"\(name)\" (available: "
        + (available.isEmpty ? "none" : available.joined(separator: ", ")) + "). \(advice)"
    case .tooLarge(let nodes, let limit, let advice):
      "the graph has \(nodes) nodes, more than \(limit) can be laid out quickly. \(advice)"
    case .unsafeSVG(let reason):
      "the rendered SVG failed the safety check: \(reason)"
    }
  }
}
