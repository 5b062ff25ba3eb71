import ArgumentParser
import EntityGraph
import Foundation
import GraphStore
import PressReleases

/// `pressgraph ingest PATH...`: extract and store, incrementally.
struct IngestCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest",
    abstract: "Read press releases into the store, and bring the graph up to date.",
    discussion: """
      Reads the releases below PATH (as `pressgraph releases` does) and \
      stores them, many files to a transaction but each file whole or not \
      at all: a file that fails is left out whole, and the rest go on. A file whose size, modification \
      time and inode are those it had when stored is skipped without being \
      read; one that was touched is read and compared by content; a changed \
      file replaces its old releases. Files are read and extracted on every \
      core, and each release is extracted once in its life: the result is \
      kept in the store and reused.

      Then the graph is brought up to date. When only new files came, \
      their releases are folded into the stored graph: only the entities \
      they mention, and the releases that mention those entities when one \
      gets a new name or is merged, are written again. A changed or \
      forgotten file, a correction (merge, split, rename, alias), a release \
      that defines an acronym older releases used bare, or a new version of \
      pressgraph derives the whole graph again, from every stored release. \
      Either way the graph is the same: ingesting files one at a time gives \
      the graph that ingesting them together gives.

      Exit status: 0 when every file was stored or was already there; 1 when \
      a file could not be read or stored (the others still are).

      Examples:
        pressgraph ingest seeds/
        pressgraph ingest ~/press/2025-11/ --db ~/briefings/korea.sqlite
        PRESSGRAPH_DB=korea.sqlite pressgraph ingest new-release.txt
      """
  )

  @Argument(help: "Files or folders to read.", completion: .file())
  var paths: [String]

  @OptionGroup var store: StoreOptions
  @OptionGroup var gazetteerOptions: GazetteerOptions

  @Flag(name: .long, help: "Print the summary as JSON on stdout.")
  var json = false

  @OptionGroup var output: OutputOptions

  /// The summary, as `--json` prints it.
  struct Summary: Encodable {
    var files = 0
    var added = 0
    var replaced = 0
    var unchanged = 0
    var duplicates = 0
    var failed = 0
    var newReleases = 0
    var releases = 0
    var entities = 0
    var newEntities = 0
    var meetings = 0
    var newMeetings = 0
    var warnings = 0
    var errors = 0
    var graphRebuilt = false
    /// "incremental" (new releases folded in) or "full" (every release
    /// derived again); nil when the graph was already current.
    var derivation: String?
  }

  func run() async throws {
    let terminal = Terminal()
    let gazetteer = try gazetteerOptions.load(terminal: terminal)
    let extractor = EntityExtractor(gazetteer: gazetteer)
    let store = try self.store.open(create: true, terminal: terminal)
    let reader = CorpusReader()
    let scan = reader.scanner.scan(paths)
    var diagnostics = scan.diagnostics
    terminal.report(scan.diagnostics, quiet: output.quiet)
    var summary = Summary()
    let progress = ProgressReporter(terminal: terminal, enabled: !output.quiet, noun: "files")
    let session = IngestSession(store: store, extractor: extractor, reader: reader)
    let total = scan.files.count
    let quiet = output.quiet
    try await storeCall(terminal) { () async throws(GraphStoreError) in
      try await session.store(scan.files) { report in
        summary.files += 1
        terminal.report(report.diagnostics, quiet: quiet)
        diagnostics += report.diagnostics
        if let error = report.error {
          summary.failed += 1
          let diagnostic = Diagnostic(
            .error, stage: .store, file: report.file.path, error.description)
          diagnostics.append(diagnostic)
          terminal.status(diagnostic.description)
        }
        switch report.result {
        case .added(let count):
          summary.added += 1
          summary.newReleases += count
        case .replaced(let count):
          summary.replaced += 1
          summary.newReleases += count
        case .unchanged:
          summary.unchanged += 1
        case .duplicate(let other):
          summary.duplicates += 1
          if !quiet {
            terminal.status(
              "\(report.file.path): note: same content as \(other), already stored; skipped")
          }
        case .unusable:
          summary.failed += 1
        case nil:
          break
        }
        progress.advance(total: total, items: report.releases)
      }
    }
    progress.finish()
    if try storeCall(
      terminal, { () throws(GraphStoreError) in try store.needsRebuild(with: extractor) })
    {
      if !output.quiet, terminal.stderrIsTerminal { terminal.status("Resolving entities…") }
      let rebuild = try storeCall(terminal) { () throws(GraphStoreError) in
        try store.rebuild(with: extractor)
      }
      terminal.report(rebuild.diagnostics, quiet: output.quiet)
      diagnostics += rebuild.diagnostics
      summary.graphRebuilt = true
      summary.derivation = rebuild.incremental ? "incremental" : "full"
      summary.newEntities = rebuild.after.entities - rebuild.before.entities
      summary.newMeetings = rebuild.after.meetings - rebuild.before.meetings
    }
    let counts = try storeCall(terminal) { () throws(GraphStoreError) in try store.counts() }
    summary.releases = counts.releases
    summary.entities = counts.entities
    summary.meetings = counts.meetings
    summary.warnings = diagnostics.filter { $0.severity == .warning }.count
    summary.errors = diagnostics.filter { $0.severity == .error }.count
    if json {
      try terminal.writeJSON(summary)
    } else if !output.quiet {
      terminal.status(Self.describe(summary, path: self.store.path))
    }
    if summary.failed > 0 || summary.errors > 0 { throw ExitCode.failure }
  }

  static func describe(_ s: Summary, path: String) -> String {
    var files = [plural(s.files, "file") + ":"]
    var parts: [String] = []
    if s.added > 0 { parts.append("\(s.added) new") }
    if s.replaced > 0 { parts.append("\(s.replaced) changed") }
    if s.unchanged > 0 { parts.append("\(s.unchanged) unchanged") }
    if s.duplicates > 0 { parts.append("\(s.duplicates) duplicate") }
    if s.failed > 0 { parts.append("\(s.failed) not stored") }
    files.append(parts.isEmpty ? "none found" : parts.joined(separator: ", "))
    func delta(_ n: Int) -> String { n == 0 ? "" : n > 0 ? " (+\(n))" : " (\(n))" }
    var lines = [
      files.joined(separator: " ")
        + (s.newReleases > 0 ? "; \(plural(s.newReleases, "release")) stored" : ""),
      "\(path): \(plural(s.releases, "release")), "
        + plural(s.entities, "entity", "entities") + delta(s.newEntities) + ", "
        + plural(s.meetings, "meeting") + delta(s.newMeetings),
    ]
    if s.warnings + s.errors > 0 {
      lines.append(
        [
          s.warnings > 0 ? plural(s.warnings, "warning") : nil,
          s.errors > 0 ? plural(s.errors, "error") : nil,
        ]
        .compactMap { $0 }.joined(separator: ", ") + " (above)")
    }
    return lines.joined(separator: "\n")
  }
}
