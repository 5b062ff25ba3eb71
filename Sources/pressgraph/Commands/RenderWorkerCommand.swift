import ArgumentParser
import Foundation
import GraphExport

/// `pressgraph render-worker`: the helper process that runs Graphviz for
/// `render` and `export` (and the explorer), so that a Graphviz crash ends
/// only the helper. Hidden: it speaks a binary protocol on stdin/stdout.
struct RenderWorkerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render-worker",
    abstract: "Run Graphviz for another pressgraph process (internal).",
    shouldDisplay: false)

  @Option(name: .long, help: "The helper's address-space limit in MiB (0: none).")
  var memoryLimit = 0

  func run() throws {
    let status = RenderWorker.serve(memoryLimit: memoryLimit > 0 ? memoryLimit << 20 : nil)
    if status != 0 { throw ExitCode(status) }
  }

  /// The address-space limit given to each helper: far above what the
  /// largest drawing we allow needs (2,403 nodes stay under 100 MB), far
  /// below what would starve the machine.
  static let helperMemoryLimit = 4096

  /// A renderer whose helpers are this program's `render-worker`.
  static func renderer(timeout: Double) -> GraphvizProcessRenderer {
    GraphvizProcessRenderer(
      .init(
        executable: executablePath,
        arguments: ["render-worker", "--memory-limit", "\(helperMemoryLimit)"],
        timeout: timeout))
  }

  /// This program's own file: `/proc/self/exe` itself on Linux (not the
  /// path it links to, which reads "… (deleted)" once a rebuild replaces
  /// the binary), else the path it was started by.
  static var executablePath: String {
    if FileManager.default.isExecutableFile(atPath: "/proc/self/exe") { return "/proc/self/exe" }
    return Bundle.main.executablePath ?? CommandLine.arguments.first ?? "pressgraph"
  }
}
