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

      Exit status: 0 on success (warnings may still be printed on stderr), \
      1 when nothing could be read, a file could not be stored, nothing \
      matched or the command failed, 2 when an entity name is ambiguous, 64 \
      for a usage error.
      """,
    version: "0.1.0",
    subcommands: [
      ReleasesCommand.self, ExtractCommand.self, IngestCommand.self, EntitiesCommand.self,
      ShowCommand.self, MetCommand.self, PathCommand.self, NeighborsCommand.self,
      SearchCommand.self, MergeCommand.self, SplitCommand.self, RenameCommand.self,
      AliasCommand.self, CorrectionsCommand.self, RenderCommand.self, ExportCommand.self,
      ForgetCommand.self, RenderWorkerCommand.self,
    ]
  )
}
