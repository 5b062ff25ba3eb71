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
  /// The helper process that runs Graphviz ended while drawing: Graphviz
  /// aborted or crashed (`termination` says how, for example "killed by
  /// signal 6 (SIGABRT)"); `output` is the last of what it printed. The
  /// caller is unharmed, and the next drawing starts a new helper.
  case rendererCrashed(termination: String, output: String)
  /// The drawing took longer than `seconds`; the helper was stopped.
  case renderTimedOut(seconds: Double)
  /// The helper process could not be started or spoke out of turn.
  case rendererUnavailable(reason: String)

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
    case .rendererCrashed(let termination, let output):
      "Graphviz crashed while drawing the graph (its helper process was \(termination))"
        + (output.isEmpty ? "" : ": \(output)")
    case .renderTimedOut(let seconds):
      "Graphviz took longer than \(Self.seconds(seconds)) to draw the graph and was stopped"
    case .rendererUnavailable(let reason):
      "cannot start the Graphviz helper process: \(reason)"
    }
  }

  /// "2 s", "0.5 s".
  private static func seconds(_ value: Double) -> String {
    value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
  }
}
