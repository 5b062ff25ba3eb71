import ArgumentParser
import Foundation
import GRDB
import GraphStore

/// `--db PATH`: where the store lives.
struct StoreOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The store file (default: $PRESSGRAPH_DB, or pressgraph.sqlite in the current folder).",
      valueName: "path"))
  var db: String?

  /// The path in effect.
  var path: String {
    db ?? ProcessInfo.processInfo.environment["PRESSGRAPH_DB"].flatMap { $0.isEmpty ? nil : $0 }
      ?? "pressgraph.sqlite"
  }

  /// Opens the store; with `create` false, a missing file is an error that
  /// says how to make one.
  func open(create: Bool, terminal: Terminal) throws -> GraphStore {
    let path = self.path
    if !create, !FileManager.default.fileExists(atPath: path) {
      terminal.status(
        "pressgraph: no store at \(path). Run `pressgraph ingest FOLDER` first"
          + " (or name the store with --db or PRESSGRAPH_DB).")
      throw ExitCode.failure
    }
    do {
      let queue = try DatabaseQueue(path: path, configuration: GraphStore.configuration())
      return try GraphStore(queue)
    } catch let error as GraphStoreError {
      terminal.status("pressgraph: \(path): \(error)")
      throw ExitCode.failure
    } catch {
      terminal.status("pressgraph: \(path): cannot open the store: \(error)")
      throw ExitCode.failure
    }
  }

  /// Opens an existing store for a query, warning when its graph is behind
  /// its releases (an interrupted ingest).
  func openForQuery(terminal: Terminal) throws -> GraphStore {
    let store = try open(create: false, terminal: terminal)
    if (try? store.isGraphCurrent()) == false {
      terminal.status(
        "pressgraph: warning: the graph is older than the stored releases (an ingest was"
          + " interrupted); run `pressgraph ingest` to bring it up to date.")
    }
    return store
  }
}

/// Exit statuses beyond ArgumentParser's (0 success, 1 failure, 64 usage).
enum Exit {
  /// An entity name matched several entities.
  static let ambiguous = ExitCode(2)
}

extension GraphStore {
  /// Looks `text` up, printing candidates or suggestions and exiting with
  /// status 2 (ambiguous) or 1 (not found) when it does not name one entity.
  func resolve(_ text: String, terminal: Terminal) throws -> EntityBrief {
    do {
      return try lookup(text)
    } catch .ambiguous(let query, let candidates) {
      terminal.status("pressgraph: \"\(query)\" is ambiguous; it matches:")
      for candidate in candidates.prefix(15) {
        terminal.status("  \(candidate.name)  (\(candidate.type.rawValue), \(candidate.id))")
      }
      if candidates.count > 15 { terminal.status("  … and \(candidates.count - 15) more") }
      terminal.status("Name one of them more fully, or give its id.")
      throw Exit.ambiguous
    } catch .notFound(let query, let suggestions) {
      terminal.status("pressgraph: no entity matches \"\(query)\".")
      if !suggestions.isEmpty {
        terminal.status("Did you mean:")
        for suggestion in suggestions {
          terminal.status("  \(suggestion.name)  (\(suggestion.type.rawValue), \(suggestion.id))")
        }
      } else {
        terminal.status("List entities with `pressgraph entities --search TEXT`.")
      }
      throw ExitCode.failure
    } catch {
      terminal.status("pressgraph: \(error)")
      throw ExitCode.failure
    }
  }
}

/// Runs a store call, printing its error and exiting with status 1.
func storeCall<T>(_ terminal: Terminal, _ body: () throws(GraphStoreError) -> T) throws -> T {
  do {
    return try body()
  } catch {
    terminal.status("pressgraph: \(error)")
    throw ExitCode.failure
  }
}
