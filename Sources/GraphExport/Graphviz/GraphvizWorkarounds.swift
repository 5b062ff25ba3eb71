/// What a ``DOTGraph`` needs so that Graphviz 2.42 lays it out without
/// crashing: applied by every renderer just before the graph is encoded.
///
/// **Labelled flat edges.** With its default ranking, `dot` ranks each
/// cluster on its own and then merges the clusters into the whole, so an
/// edge between a cluster and the rest can end with both nodes on one rank
/// (a *flat* edge). A label on a flat edge between two nodes that are not
/// neighbours sends the layout through `flat_node()` in `lib/dotgen/flat.c`,
/// which has two memory bugs in 2.42:
/// - it grows the rank's node array with `realloc` but leaves the pointer
///   that `gvFreeLayout` frees at the old block, so freeing the layout
///   aborts with "double free" (repaired before every free: see
///   `cgv_repair_dot_ranks` in the CGraphviz shim);
/// - when the label needs a new rank above the first, `flat_limits()` reads
///   before the start of an array and the layout itself may segfault (the
///   `dot` program crashes on such graphs too).
///
/// In a test of 6,000 random graphs shaped like ours (clusters of an
/// organisation and its people, labelled meeting edges), 36% aborted when
/// the layout was freed; with the pointer repaired, 5 in 4,000 still
/// crashed during layout; with `newrank=true` none did. `newrank` ranks the
/// whole graph at once, so every edge keeps its minimum length of one rank
/// and no edge is flat. Clusters are drawn as before.
///
/// Everything else Graphviz could still do wrong is fenced by
/// ``GraphvizProcessRenderer``, which lays graphs out in a helper process.
public enum GraphvizWorkarounds {
  /// `graph` with the workarounds `engine` needs.
  public static func prepare(_ graph: DOTGraph, engine: LayoutEngine) -> DOTGraph {
    var graph = graph
    if engine == .dot, !graph.clusters.isEmpty {
      graph.attributes[.newrank] = .plain("true")
    }
    return graph
  }

  /// The DOT text of `graph` prepared for `engine`.
  public static func encode(_ graph: DOTGraph, engine: LayoutEngine) -> String {
    prepare(graph, engine: engine).encode()
  }
}
