import ArgumentParser
import EntityGraph
import Foundation
import GraphStore

/// `pressgraph check`: is the store sound, and what can be saved if not.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check the store for damage, and recover what can be read into a new store.",
    discussion: """
      Reads the store without changing it: the file's header, SQLite's \
      integrity check, pressgraph's tables and migrations, foreign keys, \
      and how many releases and corrections can still be read. Exits 0 \
      when the store is sound, 1 when something is wrong.

      With --recover NEW, every release and correction that can be read is \
      written to a new store NEW, whose graph is then derived again; the \
      damaged store is only read. Files that lost releases are listed: \
      ingest them again to restore what was lost.

      Examples:
        pressgraph check
        pressgraph check --db old.sqlite --recover recovered.sqlite
      """)

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Write what can be read into this new store file, and derive its graph.", valueName: "new"))
  var recover: String?

  @OptionGroup var store: StoreOptions
  @OptionGroup var gazetteer: GazetteerOptions
  @OptionGroup var format: JSONFlag
  @OptionGroup var output: OutputOptions

  func validate() throws {
    if let recover {
      if recover.isEmpty { throw ValidationError("--recover needs a file name") }
      if FileManager.default.fileExists(atPath: recover) {
        throw ValidationError(
          "--recover \(TerminalText.escaped(recover)) exists; name a new file to recover into")
      }
      if recover == store.path { throw ValidationError("--recover needs another file") }
    }
  }

  func run() throws {
    let terminal = Terminal()
    let path = store.path
    let health = GraphStore.check(path: path)
    if format.json, recover == nil {
      try terminal.writeJSON(health)
      if !health.isHealthy { throw ExitCode.failure }
      return
    }
    let readable = health.readable
    if health.isHealthy {
      try terminal.write(
        "\(path): sound: \(plural(readable.releases, "release")) in "
          + "\(plural(readable.files, "file")), \(plural(readable.corrections, "correction")); "
          + "integrity check ok")
    } else {
      var lines = ["\(path): \(health.isStore ? "damaged" : "not a usable store")"]
      for problem in health.problems.prefix(20) {
        lines.append("  \(problem.area): \(problem.detail)")
      }
      if health.problems.count > 20 { lines.append("  … and \(health.problems.count - 20) more") }
      if health.isStore {
        let total = readable.releases + readable.unreadableReleases
        lines.append(
          "Can be recovered: \(readable.releases) of \(plural(total, "release")), "
            + "\(readable.corrections) of "
            + plural(readable.corrections + readable.unreadableCorrections, "correction") + ".")
        if recover == nil {
          lines.append("Recover them into a new store, then use that one:")
          lines.append(
            "  pressgraph check --db \(StoreFailure.shellQuoted(path)) --recover recovered.sqlite")
        }
      }
      try terminal.write(lines.joined(separator: "\n"))
    }
    guard let recover else {
      if !health.isHealthy { throw ExitCode.failure }
      return
    }
    guard health.isStore else { throw ExitCode.failure }
    let extractor = EntityExtractor(gazetteer: try gazetteer.load(terminal: terminal))
    let summary = try storeCall(terminal) { () throws(GraphStoreError) in
      try GraphStore.recover(
        from: path, into: recover, with: extractor, writtenBy: Pressgraph.versionLine)
    }
    if format.json {
      try terminal.writeJSON(
        RecoveryReport(
          files: summary.files, releases: summary.releases, lostReleases: summary.lostReleases,
          corrections: summary.corrections, lostCorrections: summary.lostCorrections,
          incompleteFiles: summary.incompleteFiles, entities: summary.after.entities,
          meetings: summary.after.meetings))
      return
    }
    var lines = [
      "\(recover): \(plural(summary.releases, "release")) from \(plural(summary.files, "file")), "
        + "\(plural(summary.corrections, "correction")); "
        + "\(plural(summary.after.entities, "entity", "entities")), "
        + plural(summary.after.meetings, "meeting")
    ]
    if summary.lostReleases + summary.lostCorrections > 0 {
      lines.append(
        "Lost: \(plural(summary.lostReleases, "release")), "
          + plural(summary.lostCorrections, "correction") + ".")
    }
    if !summary.incompleteFiles.isEmpty {
      lines.append("Ingest these files again to restore their lost releases:")
      lines += summary.incompleteFiles.map { "  \($0)" }
    }
    try terminal.write(lines.joined(separator: "\n"))
  }

  /// `check --recover --json`.
  struct RecoveryReport: Encodable {
    var files: Int
    var releases: Int
    var lostReleases: Int
    var corrections: Int
    var lostCorrections: Int
    var incompleteFiles: [String]
    var entities: Int
    var meetings: Int
  }
}
