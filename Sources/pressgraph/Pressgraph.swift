import ArgumentParser

/// The `pressgraph` command: a thin layer over the pressgraph libraries.
@main
struct Pressgraph: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pressgraph",
    abstract: "Turn government press releases into a graph of who is who and who met whom.",
    discussion: """
      pressgraph reads English press releases (plain text, Markdown or HTML; \
      single releases, bundles separated by "-" lines, or scraped web pages) \
      and works through them in stages: files become releases, releases \
      yield entities and meetings, and the graph is stored, queried and drawn.

      Start with the releases it finds in a folder, then who is who and who \
      met whom:

        pressgraph releases seeds/
        pressgraph extract seeds/
        pressgraph extract seeds/ --format json > extraction.json

      Exit status: 0 on success (warnings may still be printed on stderr), \
      1 when nothing could be read or the command failed, 64 for a usage \
      error.
      """,
    version: "0.1.0",
    subcommands: [
      ReleasesCommand.self, ExtractCommand.self, IngestCommand.self, EntitiesCommand.self,
      ShowCommand.self, MetCommand.self, PathCommand.self, NeighborsCommand.self,
      SearchCommand.self, MergeCommand.self, SplitCommand.self, RenameCommand.self,
      AliasCommand.self, CorrectionsCommand.self,
    ]
  )
}
