import ArgumentParser
import EntityGraph
import Foundation
import GraphStore

/// The options of every correction command.
struct CorrectionOptions: ParsableArguments {
  @OptionGroup var store: StoreOptions
  @OptionGroup var gazetteer: GazetteerOptions
  @OptionGroup var output: OutputOptions

  /// Stores a correction, then derives the graph again so it shows at once.
  func apply(_ correction: Correction) throws {
    try applyCorrection(
      correction, store: store, gazetteer: gazetteer, quiet: output.quiet)
  }
}

/// Stores a correction, then derives the graph again so it shows at once.
func applyCorrection(
  _ correction: Correction, store options: StoreOptions, gazetteer: GazetteerOptions,
  quiet: Bool
) throws {
  let terminal = Terminal()
  let extractor = EntityExtractor(gazetteer: try gazetteer.load(terminal: terminal))
  // Names are looked up the same way as in queries, with the same messages,
  // before anything is written: a mistyped name leaves the store untouched.
  let reader = try options.openForQuery(terminal: terminal)
  _ = try reader.resolve(correction.entity, terminal: terminal)
  if let other = correction.other { _ = try reader.resolve(other, terminal: terminal) }
  let store = try options.open(create: false, terminal: terminal)
  let stored = try storeCall(terminal) { () throws(GraphStoreError) in try store.add(correction) }
  let summary = try storeCall(terminal) { () throws(GraphStoreError) in
    try store.rebuild(with: extractor)
  }
  terminal.report(summary.diagnostics, quiet: quiet)
  if !quiet {
    terminal.status(
      "correction #\(stored.number ?? 0) stored: \(stored.summary); it is applied on every later ingest"
        + " (undo with `pressgraph corrections --remove \(stored.number ?? 0)`)")
  }
}

/// `pressgraph merge A B`.
struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Correct the graph: B is the same as A. B's names, mentions and relations move to A.",
    discussion: """
      The correction is stored and applied again on every later ingest.

      Example:
        pressgraph merge "Kim Jung-kwan" "Minister Kim"
      """)

  @Argument(help: "The entity to keep.") var entity: String
  @Argument(help: "The entity folded into it.") var other: String
  @OptionGroup var options: CorrectionOptions

  func run() throws {
    try options.apply(
      Correction(action: .merge, entity: entity, other: other))
  }
}

/// `pressgraph split ENTITY --form F`.
struct SplitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "split",
    abstract: "Correct the graph: mentions written as FORM are someone (or something) else.",
    discussion: """
      Mentions of ENTITY written as one of the forms move to a new entity \
      (named --name, or the first form). In releases where only those \
      forms appear, the entity's titles and meetings move too. The \
      correction is stored and applied again on every later ingest.

      Example:
        pressgraph split "Kim Min-soo" --form "Kim Min-su" --name "Kim Min-su"
      """)

  @Argument(help: "The entity that wrongly holds the mentions.") var entity: String
  @Option(name: .customLong("form"), help: "A surface form to move (repeatable).")
  var forms: [String]
  @Option(name: .long, help: "The new entity's name.") var name: String?
  @OptionGroup var options: CorrectionOptions

  func validate() throws {
    if forms.isEmpty { throw ValidationError("give at least one --form") }
  }

  func run() throws {
    try options.apply(Correction(action: .split, entity: entity, name: name, forms: forms))
  }
}

/// `pressgraph rename ENTITY NAME`.
struct RenameCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rename",
    abstract: "Correct the graph: show ENTITY as NAME (the old name stays an alias; the id stays).",
    discussion: """
      Example:
        pressgraph rename "Kang Kyung Sung" "Kang Kyung-sung"
      """)

  @Argument(help: "The entity.") var entity: String
  @Argument(help: "Its new name.") var name: String
  @OptionGroup var options: CorrectionOptions

  func run() throws {
    try options.apply(
      Correction(action: .rename, entity: entity, name: name))
  }
}

/// `pressgraph alias ENTITY ALIAS`.
struct AliasCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "alias",
    abstract: "Correct the graph: ENTITY is also called ALIAS (for lookups and cards).",
    discussion: """
      Example:
        pressgraph alias MOTIR "Trade Ministry"
      """)

  @Argument(help: "The entity.") var entity: String
  @Argument(help: "Another name for it.") var alias: String
  @OptionGroup var options: CorrectionOptions

  func run() throws {
    try options.apply(
      Correction(action: .alias, entity: entity, alias: alias))
  }
}

/// `pressgraph corrections`.
struct CorrectionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "corrections",
    abstract: "List, remove, import or export the stored corrections.",
    discussion: """
      Corrections (merge, split, rename, alias) are stored with the graph \
      and applied every time it is derived. An overrides file is a JSON \
      array of corrections; `--export` writes one, `--import` reads one \
      (names in it are looked up as in every command). See the README.

      Examples:
        pressgraph corrections
        pressgraph corrections --remove 2
        pressgraph corrections --export > overrides.json
        pressgraph corrections --import overrides.json
      """)

  @Option(
    name: .long, help: ArgumentHelp("Remove the correction with this number.", valueName: "n"))
  var remove: Int?

  @Option(
    name: .customLong("import"),
    help: ArgumentHelp("Add the corrections in this JSON file.", valueName: "file"))
  var importFile: String?

  @Flag(name: .customLong("export"), help: "Print the corrections as an overrides file.")
  var export = false

  @OptionGroup var store: StoreOptions
  @OptionGroup var gazetteer: GazetteerOptions
  @OptionGroup var format: JSONFlag
  @OptionGroup var output: OutputOptions

  func run() throws {
    let terminal = Terminal()
    // Listing and exporting only read; importing may start a new store.
    let changes = remove != nil || importFile != nil
    let store =
      changes
      ? try self.store.open(create: importFile != nil, terminal: terminal)
      : try self.store.openForQuery(terminal: terminal)
    if let remove {
      guard
        try storeCall(
          terminal, { () throws(GraphStoreError) in try store.removeCorrection(remove) })
      else {
        terminal.status(
          "pressgraph: there is no correction #\(remove); list them with `pressgraph corrections`")
        throw ExitCode.failure
      }
      try rebuild(store, terminal)
      if !output.quiet { terminal.status("correction #\(remove) removed") }
      return
    }
    if let importFile {
      guard let data = FileManager.default.contents(atPath: importFile) else {
        terminal.status("pressgraph: cannot read \(importFile)")
        throw ExitCode.failure
      }
      let corrections = try storeCall(terminal) { () throws(GraphStoreError) in
        try GraphStore.decodeCorrections(data, file: importFile)
      }
      var failed = 0
      for correction in corrections {
        do {
          try store.add(correction)
        } catch {
          failed += 1
          terminal.status("\(importFile): \(correction.summary): \(error)")
        }
      }
      try rebuild(store, terminal)
      if !output.quiet {
        terminal.status(
          "\(plural(corrections.count - failed, "correction")) imported from \(importFile)")
      }
      if failed > 0 { throw ExitCode.failure }
      return
    }
    let corrections = try storeCall(terminal) { () throws(GraphStoreError) in
      try store.corrections()
    }
    if export || format.json {
      return try terminal.writeJSON(corrections)
    }
    if corrections.isEmpty {
      terminal.status("no corrections stored")
      return
    }
    let table = Table(
      headers: ["#", "ACTION", "CORRECTION"],
      rows: corrections.map { [String($0.number ?? 0), $0.action.rawValue, $0.summary] },
      flexibleColumn: 2)
    try terminal.write(table.render(width: terminal.width))
  }

  private func rebuild(_ store: GraphStore, _ terminal: Terminal) throws {
    let extractor = EntityExtractor(gazetteer: try gazetteer.load(terminal: terminal))
    let summary = try storeCall(terminal) { () throws(GraphStoreError) in
      try store.rebuild(with: extractor)
    }
    terminal.report(summary.diagnostics, quiet: output.quiet)
  }
}
