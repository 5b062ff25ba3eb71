import ArgumentParser
import Foundation

/// The `pressgraph` command: a thin layer over the pressgraph libraries.
@main
struct Pressgraph: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pressgraph",
    abstract: "Turn government press releases into a graph of who is who and who met whom.",
    discussion: """
      pressgraph reads English press releases (plain text, Markdown or HTML; \
      single releases, bundles separated by "-" lines, or scraped web pages) \
      and works through them in stages: files become releases, releases \
      yield entities and meetings, and the graph is stored, queried and drawn.

      Start with the releases it finds in a folder, then store them and ask \
      who is who and who met whom:

        pressgraph releases seeds/
        pressgraph ingest seeds/                  (store: pressgraph.sqlite)
        pressgraph met "Park Jung-sung"
        pressgraph met MOTIR --as-org --since 2025-11
        pressgraph show "JK Kim"
        pressgraph path "Yeo Han-koo" "Oh Yu-kyoung"

      `extract` does the same analysis without a store (JSON for scripts). \
      Entities may be named by name, alias, acronym, id or prefix in every \
      command; wrong merges and splits are fixed with merge, split, rename \
      and alias, which later ingests keep.

      The store is checked with `pressgraph check`, which also recovers \
      what can be read from a damaged one.

      Exit status: 0 on success (warnings may still be printed on stderr; \
      also when the reader of a pipe goes away), 1 when nothing could be \
      read, a file could not be stored, nothing matched, the store is \
      missing or damaged, or the command failed, 2 when an entity name is \
      ambiguous, 64 for a usage error, 74 when a write failed (a full \
      disk), 75 when another pressgraph kept the store busy.
      """,
    version: versionNumber,
    subcommands: [
      ReleasesCommand.self, ExtractCommand.self, IngestCommand.self, EntitiesCommand.self,
      ShowCommand.self, MetCommand.self, PathCommand.self, NeighborsCommand.self,
      SearchCommand.self, MergeCommand.self, SplitCommand.self, RenameCommand.self,
      AliasCommand.self, CorrectionsCommand.self, RenderCommand.self, ExportCommand.self,
      ForgetCommand.self, CheckCommand.self, RenderWorkerCommand.self,
    ]
  )

  /// The tool's version.
  static let versionNumber = "0.2.0"
  /// What the tool records in stores it writes.
  static let versionLine = "pressgraph \(versionNumber)"

  /// Exit status for a failed write (sysexits.h `EX_IOERR`).
  static let ioError: Int32 = 74

  /// Parses, runs, and exits; every write is checked on the way.
  ///
  /// - A write to standard output that fails because the reader left (a
  ///   closed pipe, `| head`) ends the tool quietly with status 0.
  /// - Any other failed write (a full disk, a closed descriptor) is named
  ///   on stderr, and the tool exits 74.
  /// - A failed write to standard error cannot be reported; the tool exits
  ///   74 when it would otherwise have succeeded.
  static func main() async {
    StandardStreams.prepare()
    let status: Int32
    do {
      var command = try parseAsRoot()
      if var asynchronous = command as? any AsyncParsableCommand {
        try await asynchronous.run()
      } else {
        try command.run()
      }
      status = finished(0)
    } catch let failure as OutputFailure {
      if failure.readerLeft {
        status = 0
      } else {
        StandardStreams.writeError(Array("pressgraph: \(failure.message)\n".utf8))
        status = ioError
      }
    } catch {
      let code = exitCode(for: error).rawValue
      // Usage errors quote what was typed (a file name from a glob, say):
      // escaped like every other text.
      let message = TerminalText.escaped(fullMessage(for: error))
      if !message.isEmpty {
        let text = Array((message.hasSuffix("\n") ? message : message + "\n").utf8)
        if code == 0 {
          do {
            try StandardStreams.writeOutput(text)
          } catch let failure {
            if !failure.readerLeft {
              StandardStreams.writeError(Array("pressgraph: \(failure.message)\n".utf8))
              Foundation.exit(ioError)
            }
          }
        } else {
          StandardStreams.writeError(text)
        }
      }
      status = finished(code)
    }
    WritableStores.finishAll()
    Foundation.exit(status)
  }

  /// `status`, or 74 when it is 0 but a diagnostic could not be written.
  private static func finished(_ status: Int32) -> Int32 {
    guard status == 0, let code = StandardStreams.standardErrorFailure.withLock({ $0 }) else {
      return status
    }
    return code == EPIPE ? status : ioError
  }
}
