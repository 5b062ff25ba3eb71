import ArgumentParser
import EntityGraph
import GraphStore

/// `pressgraph forget PATH...`.
struct ForgetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "forget",
    abstract: "Remove files (or whole folders) from the store, and bring the graph up to date.",
    discussion: """
      PATH is a file as it was ingested (as `pressgraph forget --list` shows \
      it) or a folder, meaning every stored file below it. Their releases \
      leave the store; entities only they mentioned disappear from the \
      graph. Corrections stay stored.

      Examples:
        pressgraph forget --list
        pressgraph forget seeds/000_b2091c199c6b9433.txt
        pressgraph forget press/2024/
      """)

  @Argument(help: "Stored files or folders to remove.")
  var paths: [String] = []

  @Flag(name: .long, help: "List the stored files instead.")
  var list = false

  @OptionGroup var options: CorrectionOptions

  func validate() throws {
    if paths.isEmpty, !list {
      throw ValidationError("name the files or folders to forget, or use --list")
    }
  }

  func run() throws {
    let terminal = Terminal()
    let store =
      list
      ? try options.store.openForQuery(terminal: terminal)
      : try options.store.open(create: false, terminal: terminal)
    if list {
      let files = try storeCall(terminal) { () throws(GraphStoreError) in try store.files() }
      let table = Table(
        headers: ["FILE", "RELEASES"], rows: files.map { [$0.path, String($0.releases)] },
        flexibleColumn: 0)
      try terminal.write(table.render(width: terminal.width))
      return
    }
    var missing: [String] = []
    var removed: [String] = []
    for path in paths {
      let gone = try storeCall(terminal) { () throws(GraphStoreError) in try store.forget(path) }
      if gone.isEmpty { missing.append(path) }
      removed += gone
    }
    for path in missing {
      terminal.status(
        "pressgraph: \(path): no stored file or folder by that path (see `pressgraph forget --list`)"
      )
    }
    if !removed.isEmpty {
      let extractor = EntityExtractor(gazetteer: try options.gazetteer.load(terminal: terminal))
      let summary = try storeCall(terminal) { () throws(GraphStoreError) in
        try store.rebuild(with: extractor)
      }
      terminal.report(summary.diagnostics, quiet: options.output.quiet)
      if !options.output.quiet {
        terminal.status(
          "removed \(plural(removed.count, "file")); the store now holds "
            + "\(plural(summary.after.releases, "release")), "
            + plural(summary.after.entities, "entity", "entities"))
      }
    }
    if !missing.isEmpty { throw ExitCode.failure }
  }
}
