import Foundation
import PressgraphTestSupport
import Testing

@testable import GraphExport

/// The fenced renderer with its real helper, `pressgraph render-worker`.
@Suite("pressgraph render-worker behind GraphvizProcessRenderer")
struct RenderWorkerTests {
  static let executable = productsFolder.appendingPathComponent("pressgraph").path

  private func renderer(
    timeout: Double = 60, helpers: Int = 1, drawingsPerHelper: Int = 500
  ) -> GraphvizProcessRenderer {
    GraphvizProcessRenderer(
      .init(
        executable: Self.executable, arguments: ["render-worker", "--memory-limit", "4096"],
        timeout: timeout, helpers: helpers, drawingsPerHelper: drawingsPerHelper))
  }

  @Test func fencedAndInProcessDrawingsAreTheSameBytes() throws {
    let fenced = renderer()
    for seed in UInt64(0)..<5 {
      let graph = ClusterCrashFixture.graph(seed: seed)
      for format in RenderFormat.allCases {
        let outside = try fenced.render(graph, engine: .dot, format: format)
        let inside = try GraphvizRenderer.shared.render(graph, engine: .dot, format: format)
        let same = outside.bytes == inside.bytes
        #expect(same, "seed \(seed), \(format)")
        #expect(outside.warnings == inside.warnings)
      }
    }
  }

  /// The graph that makes Graphviz 2.42's dot segfault during layout, sent
  /// without the workaround: the helper dies, the caller reports it and
  /// draws the next graph with a new helper.
  @Test func aRealGraphvizCrashEndsOnlyTheHelper() throws {
    let fenced = renderer()
    let raw = ClusterCrashFixture.layoutCrash.encode()
    let outcome = Result { () throws(GraphExportError) in
      try fenced.render(encoded: raw, engine: .dot, format: .svg)
    }
    switch outcome {
    case .success:
      break  // A Graphviz without the bug draws it.
    case .failure(.rendererCrashed(let termination, _)):
      #expect(termination.hasPrefix("killed by signal"))
    case .failure(let error):
      Issue.record("unexpected \(error)")
    }
    let next = try fenced.render(ClusterCrashFixture.chain(nodes: 3), engine: .dot, format: .svg)
    #expect(String(decoding: next.bytes, as: UTF8.self).contains("</svg>"))
  }

  @Test func aHelperKilledWhileIdleIsReplaced() throws {
    let fenced = renderer()
    _ = try fenced.render(ClusterCrashFixture.chain(nodes: 3), engine: .dot, format: .svg)
    let first = try #require(fenced.idleHelperIDs.first)
    #expect(kill(first, SIGKILL) == 0)
    usleep(50_000)
    let again = try fenced.render(ClusterCrashFixture.chain(nodes: 3), engine: .dot, format: .svg)
    #expect(!again.bytes.isEmpty)
    #expect(fenced.idleHelperIDs.count == 1)
    #expect(fenced.idleHelperIDs.first != first)
  }

  @Test func aSlowLayoutIsStoppedAtTheTimeout() throws {
    let fenced = renderer(timeout: 0.5)
    // fdp takes tens of seconds on 400 nodes.
    let big = ClusterCrashFixture.chain(nodes: 400)
    #expect(throws: GraphExportError.renderTimedOut(seconds: 0.5)) {
      _ = try fenced.render(big, engine: .fdp, format: .svg)
    }
    #expect(fenced.idleHelperIDs.isEmpty)
    let next = try fenced.render(ClusterCrashFixture.chain(nodes: 3), engine: .dot, format: .svg)
    #expect(!next.bytes.isEmpty)
  }

  @Test func helpersAreReplacedAfterTheirQuota() throws {
    let fenced = renderer(drawingsPerHelper: 2)
    var seen: Set<pid_t> = []
    for _ in 0..<5 {
      _ = try fenced.render(ClusterCrashFixture.chain(nodes: 3), engine: .dot, format: .svg)
      seen.formUnion(fenced.idleHelperIDs)
    }
    #expect(seen.count >= 2)
  }

  @Test func graphvizErrorsComeBackTyped() throws {
    let fenced = renderer()
    #expect {
      _ = try fenced.render(encoded: "digraph { a -> }", engine: .dot, format: .svg)
    } throws: { error in
      guard case .graphviz(.parse, let messages) = error as? GraphExportError else { return false }
      return messages.joined().contains("syntax error")
    }
  }

  @Test func twoHelpersDrawConcurrently() async throws {
    let fenced = renderer(helpers: 2)
    try await withThrowingTaskGroup(of: Int.self) { group in
      for seed in UInt64(0)..<8 {
        group.addTask {
          try await fenced.render(ClusterCrashFixture.graph(seed: seed), engine: .dot, format: .svg)
            .bytes.count
        }
      }
      for try await count in group { #expect(count > 0) }
    }
    #expect(fenced.idleHelperIDs.count <= 2)
  }
}
