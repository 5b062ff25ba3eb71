import ArgumentParser
import Foundation
import GraphStore
import Synchronization

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

  func validate() throws {
    if let db, db.isEmpty {
      throw ValidationError("--db needs a file name")
    }
    var info = stat()
    if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      throw ValidationError(
        "--db \(TerminalText.escaped(path)) is a folder; name a store file (in it, for example)")
    }
  }

  /// Opens the store for changes (ingest, corrections, forget). With
  /// `create`, a missing or empty file becomes a new store; without, a
  /// missing store is an error that says how to make one. A file that is
  /// not a pressgraph store is never touched.
  func open(create: Bool, terminal: Terminal) throws -> GraphStore {
    let path = self.path
    if !create, !FileManager.default.fileExists(atPath: path) {
      StoreFailure.report(.noStore(path: path), terminal: terminal)
      throw ExitCode.failure
    }
    do {
      let store = try GraphStore.open(
        path: path, access: .write, writtenBy: Pressgraph.versionLine)
      WritableStores.opened(store)
      return store
    } catch {
      throw StoreFailure.exit(error, terminal: terminal)
    }
  }

  /// Opens an existing store read-only for a query (it is never created or
  /// changed), warning when its graph is behind its releases.
  func openForQuery(terminal: Terminal) throws -> GraphStore {
    let store: GraphStore
    do {
      store = try GraphStore.open(path: path, access: .read)
    } catch {
      throw StoreFailure.exit(error, terminal: terminal)
    }
    if (try? store.isGraphCurrent()) == false {
      terminal.status(
        "pressgraph: warning: the graph is older than the stored releases (an ingest was"
          + " interrupted); run `pressgraph ingest` to bring it up to date.")
    }
    return store
  }
}

/// The stores this process opened for writing, whose write sessions
/// ``finishAll()`` ends before the tool exits (see
/// ``GraphStore/finishWriting()``): a store left alone is one file.
enum WritableStores {
  private static let stores = Mutex<[GraphStore]>([])

  static func opened(_ store: GraphStore) { stores.withLock { $0.append(store) } }

  static func finishAll() {
    for store in stores.withLock({ $0 }) { store.finishWriting() }
  }
}

/// How the tool reports a store's errors: the message, the advice that
/// names our commands and flags, and the exit status.
enum StoreFailure {
  /// Exit status of a store another process keeps busy (sysexits.h
  /// `EX_TEMPFAIL`: try again).
  static let busy = ExitCode(75)

  /// Prints `error` with its advice.
  static func report(_ error: GraphStoreError, terminal: Terminal) {
    switch error {
    case .noStore(let path):
      terminal.status(
        "pressgraph: no store at \(path). Run `pressgraph ingest FOLDER` first"
          + " (or name the store with --db or PRESSGRAPH_DB).")
    case .damaged(let path, _):
      terminal.status("pressgraph: \(error).")
      terminal.status(
        "Run `pressgraph check\(path.map { " --db \(shellQuoted($0))" } ?? "")` to see what can be"
          + " recovered.")
    case .busy:
      terminal.status("pressgraph: \(error). Try again when the other command has finished.")
    default:
      terminal.status("pressgraph: \(error)")
    }
  }

  /// Prints `error` and returns the exit status to throw.
  static func exit(_ error: any Error, terminal: Terminal) -> ExitCode {
    guard let error = error as? GraphStoreError else {
      terminal.status("pressgraph: \(error)")
      return .failure
    }
    report(error, terminal: terminal)
    switch error {
    case .unusablePath: return .validationFailure
    case .diskFull: return ExitCode(Pressgraph.ioError)
    case .busy: return busy
    default: return .failure
    }
  }

  /// `text` quoted for a POSIX shell when it needs it.
  static func shellQuoted(_ text: String) -> String {
    let plain = text.unicodeScalars.allSatisfy {
      CharacterSet.alphanumerics.contains($0) || "/._-+:@".unicodeScalars.contains($0)
    }
    return plain && !text.isEmpty
      ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
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
      throw StoreFailure.exit(error, terminal: terminal)
    }
  }
}

/// Runs a store call, printing its error (with advice) and exiting with
/// its status.
func storeCall<T>(_ terminal: Terminal, _ body: () throws(GraphStoreError) -> T) throws -> T {
  do {
    return try body()
  } catch {
    throw StoreFailure.exit(error, terminal: terminal)
  }
}

/// ``storeCall(_:_:)`` for an asynchronous store call.
func storeCall<T>(_ terminal: Terminal, _ body: () async throws(GraphStoreError) -> T) async throws
  -> T
{
  do {
    return try await body()
  } catch {
    throw StoreFailure.exit(error, terminal: terminal)
  }
}
