import ArgumentParser
import EntityGraph
import Foundation
import PressReleases

/// `pressgraph extract PATH...`: entities, affiliations, parents, meetings.
struct ExtractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Extract entities, affiliations, parent bodies and meetings from press releases.",
    discussion: """
      Reads the releases below PATH (as `pressgraph releases` does), finds \
      ministries, agencies, people with their titles, companies, countries \
      and organisations, resolves them across releases (one id per \
      real-world thing), and reports who serves where, which body sits \
      under which, and who met whom, when, where, and in which sentence.

      --format json prints one object per release with the entities it \
      mentions, its affiliations, parents and meetings; ids are the same in \
      every release. --format text prints the same for people.

      --explain shows, per release, every mention, affiliation, parent and \
      meeting with the id of the rule that made it (rules in \
      Sources/EntityGraph/Resources/rules, or named after the code that \
      holds them), before entities are resolved across releases. With \
      --format json it prints {"releases": [{"source", "title", "items"}]}.

      Built-in data lists real institutions and countries. Add your own \
      with --gazetteer FILE, or put the file at \
      ~/.config/pressgraph/gazetteer.json (see the README for its shape).

      Examples:
        pressgraph extract seeds/
        pressgraph extract seeds/ --format json > extraction.json
        pressgraph extract press/ --gazetteer my-bodies.json --format json
        pressgraph extract seeds/135_*.txt --explain
      """
  )

  @Argument(help: "Files or folders to read.", completion: .file())
  var paths: [String]

  @Option(name: .long, help: "Output format: text or json.")
  var format: OutputFormat = .text

  @Flag(name: .long, help: "Show which rule made each mention, affiliation, parent and meeting.")
  var explain = false

  @OptionGroup var gazetteerOptions: GazetteerOptions
  @OptionGroup var output: OutputOptions

  enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  func run() throws {
    let terminal = Terminal()
    let gazetteer = try gazetteerOptions.load(terminal: terminal)
    let summary = CorpusReader().read(paths)
    terminal.report(summary.diagnostics, quiet: output.quiet)
    let releases = summary.releases
    if releases.isEmpty {
      terminal.status("no releases could be read")
      throw ExitCode.failure
    }
    let extractor = EntityExtractor(gazetteer: gazetteer)
    if explain {
      let traces = extractor.explain(releases)
      switch format {
      case .json: try terminal.writeJSON(["releases": traces])
      case .text: try terminal.write(ExtractionText.explain(traces, width: terminal.width))
      }
      return
    }
    let graph = extractor.extract(releases)
    switch format {
    case .json:
      try terminal.writeJSON(ExtractionDocument(graph))
    case .text:
      try terminal.write(ExtractionText.render(graph))
    }
    if !output.quiet {
      let meetings = graph.releases.reduce(0) { $0 + $1.meetings.count }
      terminal.status(
        [
          plural(releases.count, "release"), plural(graph.entities.count, "entity", "entities"),
          plural(meetings, "meeting"),
        ].joined(separator: ", ") + terminal.problemCounts(summary.diagnostics))
    }
  }
}

/// `--gazetteer FILE`, and the default location.
struct GazetteerOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "A JSON file of extra institutions and countries (default: ~/.config/pressgraph/gazetteer.json when present).",
      valueName: "file"))
  var gazetteer: String?

  /// The built-in gazetteer merged with the user's file, if any.
  func load(terminal: Terminal) throws -> Gazetteer {
    let environment = ProcessInfo.processInfo.environment
    var path = gazetteer
    if path == nil {
      let config =
        environment["XDG_CONFIG_HOME"].map { URL(fileURLWithPath: $0) }
        ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config")
      let candidate = config.appendingPathComponent("pressgraph/gazetteer.json").path
      if FileManager.default.fileExists(atPath: candidate) { path = candidate }
    }
    guard let path else { return .builtIn }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ValidationError("cannot read the gazetteer file \(path)")
    }
    do {
      return Gazetteer.builtIn.merging(try Gazetteer.decode(data, file: path))
    } catch {
      throw ValidationError(error.description)
    }
  }
}
