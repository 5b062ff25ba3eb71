/// The export module: subgraphs to DOT with our own encoder, and to
/// SVG/PNG/PDF through Graphviz in-process (the `CGraphviz` target).
///
/// Built in issue 5; this target exists so the package's shape is fixed.
public enum GraphExportModule {}
