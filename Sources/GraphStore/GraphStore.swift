/// The embedded SQLite store (GRDB) and its queries.
///
/// Built in issue 4; this target exists so the package's shape is fixed.
public enum GraphStoreModule {}
