import ArgumentParser
import Foundation
import PressReleases

/// `pressgraph releases PATH...`: list what the reader found.
struct ReleasesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "releases",
    abstract: "List the press releases found in files and folders.",
    discussion: """
      Folders are read recursively. Files ending in .txt, .md, .html or .htm \
      are read; anything else is skipped with a note. Each release gets a \
      stable id (file name, position in the file, content hash), its \
      publication date when the file states one, and its title.

      Problems with a file (empty, binary, invalid UTF-8, unreadable) are \
      reported on stderr with the file's name, and the other files are still \
      read. The exit status is 1 only when no release could be read at all.

      Examples:
        pressgraph releases seeds/
        pressgraph releases seeds/001_eb9092cc9fc49135.txt --json
        pressgraph releases ~/press --json | jq '.releases[].title'
      """
  )

  @Argument(help: "Files or folders to read.", completion: .file())
  var paths: [String]

  @Flag(
    name: .long, help: "Print JSON (releases with body and sentence offsets) instead of a table.")
  var json = false

  @OptionGroup var output: OutputOptions

  func run() throws {
    let terminal = Terminal()
    let progress = ProgressReporter(terminal: terminal, enabled: !output.quiet, noun: "files")
    let summary = CorpusReader().read(paths) { outcome, total in
      progress.advance(total: total, items: outcome.releases.count)
    }
    progress.finish()
    terminal.report(summary.diagnostics, quiet: output.quiet)

    let releases = summary.releases
    if json {
      try terminal.writeJSON(ReleaseList(releases: releases))
    } else if !releases.isEmpty {
      let rows = releases.map { release in
        [release.id, release.date?.description ?? "—", release.title, release.source]
      }
      try terminal.write(
        Table(headers: ["ID", "DATE", "TITLE", "SOURCE"], rows: rows, flexibleColumn: 2)
          .render(width: terminal.width))
    }
    if !output.quiet {
      let files = summary.files.filter { !$0.releases.isEmpty }.count
      terminal.status(
        "\(plural(releases.count, "release")) from \(plural(files, "file"))"
          + terminal.problemCounts(summary.diagnostics))
    }
    if releases.isEmpty { throw ExitCode.failure }
  }
}

/// The JSON document `releases --json` prints.
struct ReleaseList: Encodable {
  var releases: [Release]
}
