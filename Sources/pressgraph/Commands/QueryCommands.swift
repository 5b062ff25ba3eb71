import ArgumentParser
import EntityGraph
import Foundation
import GraphStore

extension EntityType: ExpressibleByArgument {}
extension Relation: ExpressibleByArgument {}

/// `--json`, shared by the query commands.
struct JSONFlag: ParsableArguments {
  @Flag(name: .long, help: "Print JSON on stdout instead of a table.")
  var json = false
}

/// `--relation R` (repeatable), shared by path and neighbors.
struct RelationOptions: ParsableArguments {
  @Option(
    name: .long,
    help: "Only steps of this relation (repeatable).")
  var relation: [Relation] = []

  /// The relations chosen; all when none is named.
  var selected: Set<Relation> { relation.isEmpty ? Set(Relation.allCases) : Set(relation) }
}

/// `pressgraph entities`.
struct EntitiesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "entities",
    abstract: "List the entities in the store.",
    discussion: """
      One line per entity: type, name, id, how many releases mention it, \
      how many meetings it took part in, and the first and last release \
      date. --search matches names and aliases, ignoring case, accents and \
      punctuation.

      Examples:
        pressgraph entities --type ministry
        pressgraph entities --search kotra
        pressgraph entities --type company --json
      """)

  @Option(
    name: .long,
    help: "Only this type: \(EntityType.allCases.map(\.rawValue).joined(separator: ", ")).")
  var type: EntityType?

  @Option(name: .long, help: "Only entities whose name or alias contains this text.")
  var search: String?

  @OptionGroup var store: StoreOptions
  @OptionGroup var format: JSONFlag

  func run() throws {
    let terminal = Terminal()
    let store = try self.store.openForQuery(terminal: terminal)
    let rows = try storeCall(terminal) { () throws(GraphStoreError) in
      try store.entities(type: type, search: search)
    }
    if format.json { return try terminal.writeJSON(rows) }
    if rows.isEmpty {
      terminal.status("no entities match")
      return
    }
    let table = Table(
      headers: ["TYPE", "NAME", "ID", "RELEASES", "MEETINGS", "FIRST SEEN", "LAST SEEN"],
      rows: rows.map {
        [
          $0.entity.type.rawValue, $0.entity.name, $0.entity.id, String($0.releases),
          String($0.meetings), $0.firstSeen ?? "", $0.lastSeen ?? "",
        ]
      }, flexibleColumn: 1)
    try terminal.write(table.render(width: terminal.width))
    terminal.status(plural(rows.count, "entity", "entities"))
  }
}

/// `pressgraph show ENTITY`.
struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show an entity's card: names, titles over time, bodies, meetings, releases.",
    discussion: """
      ENTITY may be a name, an alias or acronym, an id, or an unambiguous \
      prefix; case and punctuation are ignored, and small typos are \
      forgiven. An ambiguous name lists the candidates (exit status 2).

      Examples:
        pressgraph show "JK Kim"
        pressgraph show MOTIR
        pressgraph show person:park-jung-sung --json
      """)

  @Argument(help: "The entity: a name, alias, acronym or id.")
  var entity: String

  @OptionGroup var store: StoreOptions
  @OptionGroup var format: JSONFlag

  func run() throws {
    let terminal = Terminal()
    let store = try self.store.openForQuery(terminal: terminal)
    let brief = try store.resolve(entity, terminal: terminal)
    let card = try storeCall(terminal) { () throws(GraphStoreError) in try store.card(brief.id) }
    if format.json { return try terminal.writeJSON(card) }
    try terminal.write(StoreText.card(card, width: terminal.width))
  }
}

/// `pressgraph met ENTITY`.
struct MetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "met",
    abstract: "Who met whom: the meetings of a person or body, with date, place and evidence.",
    discussion: """
      Lists each meeting ENTITY took part in (a body also through its \
      people), newest first: the counterparts, the date, the place, whether \
      it was held or only planned, the sentence that says so, and the \
      release. Counterparts exclude ENTITY's own side (its body and \
      colleagues). Planned meetings are left out unless --include-planned.

      A ministry meets thousands: the newest 50 meetings are shown, with \
      the total; --offset 50 shows the next 50, --limit 0 all of them. \
      With --json the output is one object: "rows", "total" (meetings in \
      all), "offset", "limit" and "meetings" (on this page).

      Dates for --since/--until are 2025, 2025-11 or 2025-11-13; a meeting \
      is kept when its dates may fall in the window (a meeting without a \
      date counts as its release's date).

      Examples:
        pressgraph met "Park Jung-sung"
        pressgraph met MOTIR --as-org
        pressgraph met MOTIR --type company --since 2025-11
        pressgraph met KOTRA --with "Lee Sang-ho" --include-planned --json
        pressgraph met MOTIR --as-org --limit 20 --offset 40
      """)

  @Argument(help: "The entity: a name, alias, acronym or id.")
  var entity: String

  @Option(name: .long, help: "Only meetings with this counterpart (or its people).")
  var with: String?

  @Option(
    name: .long, help: ArgumentHelp("Only meetings on or after this date.", valueName: "date"))
  var since: String?

  @Option(
    name: .long, help: ArgumentHelp("Only meetings on or before this date.", valueName: "date"))
  var until: String?

  @Option(
    name: .long,
    help:
      "Only counterparts of this type (person, ministry, agency, company, country, organization).")
  var type: EntityType?

  @Flag(name: .long, help: "Also list meetings that are only planned.")
  var includePlanned = false

  @Flag(name: .long, help: "Show the organisations people represent instead of the people.")
  var asOrg = false

  @Option(name: .long, help: "Meetings per page, newest first (0: all of them).")
  var limit = 50

  @Option(name: .long, help: "Meetings to skip before the page (the newest first).")
  var offset = 0

  @OptionGroup var store: StoreOptions
  @OptionGroup var format: JSONFlag

  func validate() throws {
    if limit < 0 {
      throw ValidationError("--limit takes a count of meetings (0 for all), not \(limit)")
    }
    if offset < 0 {
      throw ValidationError("--offset takes a count of meetings to skip, not \(offset)")
    }
    for (name, value, upper) in [("--since", since, false), ("--until", until, true)] {
      if let value, MeetingFilter.bound(value, upper: upper) == nil {
        throw ValidationError(
          "\(name) takes a date like 2025, 2025-11 or 2025-11-13, not \"\(value)\"")
      }
    }
  }

  func run() throws {
    let terminal = Terminal()
    let store = try self.store.openForQuery(terminal: terminal)
    let target = try store.resolve(entity, terminal: terminal)
    let counterpart = try with.map { try store.resolve($0, terminal: terminal) }
    let filter = MeetingFilter(
      with: counterpart?.id, since: since.flatMap { MeetingFilter.bound($0, upper: false) },
      until: until.flatMap { MeetingFilter.bound($0, upper: true) }, type: type,
      includePlanned: includePlanned, asOrganisations: asOrg)
    let page = try storeCall(terminal) { () throws(GraphStoreError) in
      try store.meetingPage(
        of: target.id, filter: filter, limit: limit == 0 ? Int(Int32.max) : limit,
        offset: offset)
    }
    if format.json { return try terminal.writeJSON(page) }
    let rows = page.rows
    if rows.isEmpty {
      if page.total > 0 {
        terminal.status(
          "\(target.name): \(plural(page.total, "meeting")) in all, none after --offset \(offset)")
        return
      }
      terminal.status(
        "\(target.name): no meetings found"
          + (includePlanned ? "" : " (planned meetings are left out; add --include-planned)"))
      return
    }
    try terminal.write(StoreText.meetings(rows, width: terminal.width))
    let counterparts = Set(rows.map(\.counterpart.id)).count
    var summary = "\(target.name): "
    if page.meetings < page.total {
      summary +=
        "meetings \(offset + 1)–\(offset + page.meetings) of \(page.total), newest first, "
        + plural(counterparts, "counterpart")
      if page.hasMore { summary += "; the next ones: --offset \(offset + page.meetings)" }
    } else {
      summary += "\(plural(page.total, "meeting")), \(plural(counterparts, "counterpart"))"
    }
    terminal.status(summary)
  }
}

/// `pressgraph path A B`.
struct PathCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "path",
    abstract: "How two entities are connected: the shortest chain, with each step's evidence.",
    discussion: """
      Steps are affiliations (a person's title at a body), parent bodies, \
      renamed institutions and meetings. Chains through countries are tried \
      only when there is no other. Exit status 1 when there is no \
      connection within --max-hops.

      Examples:
        pressgraph path "Yeo Han-koo" "Oh Yu-kyoung"
        pressgraph path KOTRA MOFA --max-hops 6 --json
      """)

  @Argument(help: "Where the chain starts.")
  var from: String

  @Argument(help: "Where it ends.")
  var to: String

  @Option(name: .long, help: "The longest chain to look for.")
  var maxHops = 4

  @OptionGroup var relations: RelationOptions

  @OptionGroup var store: StoreOptions
  @OptionGroup var format: JSONFlag

  func validate() throws {
    guard (1...12).contains(maxHops) else { throw ValidationError("--max-hops takes 1 to 12") }
  }

  func run() throws {
    let terminal = Terminal()
    let store = try self.store.openForQuery(terminal: terminal)
    let source = try store.resolve(from, terminal: terminal)
    let target = try store.resolve(to, terminal: terminal)
    let search = try storeCall(terminal) { () throws(GraphStoreError) in
      try store.connection(
        from: source.id, to: target.id, maxHops: maxHops, relations: relations.selected)
    }
    guard let hops = search.hops else {
      if format.json { try terminal.writeJSON([Hop]()) }
      if search.stoppedAtLimit {
        terminal.status(
          "No connection between \(source.name) and \(target.name) among the "
            + "\(search.visited) entities searched (the search stops there); "
            + "try --relation to follow fewer kinds of link.")
      } else {
        terminal.status(
          "No connection between \(source.name) and \(target.name) within \(plural(maxHops, "hop")); try --max-hops \(maxHops + 2)."
        )
      }
      throw ExitCode.failure
    }
    if format.json { return try terminal.writeJSON(hops) }
    try terminal.write(StoreText.path(hops, from: source, to: target, width: terminal.width))
  }
}

/// `pressgraph neighbors ENTITY`.
struct NeighborsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "neighbors",
    abstract: "The entities around one: its bodies, people, parents and counterparts.",
    discussion: """
      Lists the entities within --depth steps, nearest first, with the step \
      that reached each one. At most --limit entities are listed, and an \
      entity with more than --max-degree links (a ministry that met \
      thousands) is listed but not walked through; both cuts are named on \
      stderr. With --json the output is one object: "neighbors", \
      "truncated" and "hubs" (each with its number of links).

      Examples:
        pressgraph neighbors MOTIR
        pressgraph neighbors "Kim Dae-ja" --depth 2 --relation affiliation --relation parent
      """)

  @Argument(help: "The entity: a name, alias, acronym or id.")
  var entity: String

  @Option(name: .long, help: "How many steps out.")
  var depth = 1

  @Option(name: .long, help: "The most entities to list.")
  var limit = 500

  @Option(
    name: .long, help: "Do not walk through entities with more links than this (they are listed).")
  var maxDegree = 1000

  @OptionGroup var relations: RelationOptions

  @OptionGroup var store: StoreOptions
  @OptionGroup var format: JSONFlag

  func validate() throws {
    guard (1...6).contains(depth) else { throw ValidationError("--depth takes 1 to 6") }
    guard limit > 0 else { throw ValidationError("--limit takes a positive number") }
    guard maxDegree > 0 else { throw ValidationError("--max-degree takes a positive number") }
  }

  func run() throws {
    let terminal = Terminal()
    let store = try self.store.openForQuery(terminal: terminal)
    let target = try store.resolve(entity, terminal: terminal)
    let neighborhood = try storeCall(terminal) { () throws(GraphStoreError) in
      try store.neighborhood(
        of: target.id, depth: depth, relations: relations.selected,
        limits: TraversalLimits(maxResults: limit, maxDegree: maxDegree))
    }
    if format.json { return try terminal.writeJSON(neighborhood) }
    let rows = neighborhood.neighbors
    if rows.isEmpty {
      terminal.status("\(target.name) has no neighbors")
      return
    }
    let table = Table(
      headers: ["DEPTH", "ENTITY", "TYPE", "RELATION", "VIA"],
      rows: rows.map {
        [
          String($0.depth), $0.entity.name, $0.entity.type.rawValue, StoreText.relationText($0.hop),
          $0.hop.from.name,
        ]
      }, flexibleColumn: 3)
    try terminal.write(table.render(width: terminal.width))
    terminal.status("\(target.name): \(plural(rows.count, "neighbor"))")
    if neighborhood.truncated {
      terminal.status("note: the list stops at \(limit) entities; --limit shows more")
    }
    if !neighborhood.hubs.isEmpty {
      let names = neighborhood.hubs.prefix(5).map { "\($0.entity.name) (\($0.links) links)" }
      terminal.status(
        "note: not walked through \(plural(neighborhood.hubs.count, "hub")): "
          + names.joined(separator: ", ") + (neighborhood.hubs.count > 5 ? ", …" : "")
          + "; --max-degree \(neighborhood.hubs.map(\.links).max() ?? maxDegree) walks through them"
      )
    }
  }
}

/// `pressgraph search TEXT`.
struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Full-text search over the stored releases: matching titles and sentences.",
    discussion: """
      Every word must appear (case and accents are ignored). Quote a phrase \
      to keep it together, end a word with * to match a prefix.

      Examples:
        pressgraph search tariff
        pressgraph search '"Foreign Company Day"'
        pressgraph search semicond* export --limit 5 --json
      """)

  @Argument(help: "The words to look for.")
  var words: [String]

  @Option(name: .long, help: "At most this many results.")
  var limit = 20

  @OptionGroup var store: StoreOptions
  @OptionGroup var format: JSONFlag

  func validate() throws {
    guard !words.isEmpty else { throw ValidationError("give some words to search for") }
    guard limit > 0 else { throw ValidationError("--limit takes a positive number") }
  }

  func run() throws {
    let terminal = Terminal()
    let store = try self.store.openForQuery(terminal: terminal)
    let hits = try storeCall(terminal) { () throws(GraphStoreError) in
      try store.search(words.joined(separator: " "), limit: limit)
    }
    if format.json { return try terminal.writeJSON(hits) }
    if hits.isEmpty {
      terminal.status("no release matches")
      return
    }
    try terminal.writeEscaped(
      StoreText.search(hits, width: terminal.width, bold: terminal.stdoutIsTerminal))
    terminal.status(plural(hits.count, "match", "matches"))
  }
}
