import Foundation
import PressgraphTestSupport
import Testing

@testable import GraphExport

@Suite("Graphviz 2.42's cluster crashes")
struct GraphvizWorkaroundTests {
  @Test func clustersGetNewRankForDotOnly() {
    let graph = ClusterCrashFixture.layoutCrash
    #expect(GraphvizWorkarounds.prepare(graph, engine: .dot).attributes[.newrank] == .plain("true"))
    #expect(GraphvizWorkarounds.prepare(graph, engine: .sfdp).attributes[.newrank] == nil)
    var flat = graph
    flat.clusters = []
    #expect(GraphvizWorkarounds.prepare(flat, engine: .dot).attributes[.newrank] == nil)
    #expect(GraphvizWorkarounds.encode(graph, engine: .dot).contains("newrank=\"true\""))
  }

  /// Before the fix, 36% of these graphs aborted in this process
  /// ("free(): double free detected") when their layout was freed, and
  /// some segfaulted during layout; a crash here ends the test run.
  @Test func inProcessRendersOfClusterGraphsSurvive() throws {
    for seed in UInt64(0)..<300 {
      let graph = ClusterCrashFixture.graph(seed: seed)
      let rendered = try GraphvizRenderer.shared.render(graph, engine: .dot, format: .svg)
      #expect(String(decoding: rendered.bytes, as: UTF8.self).contains("</svg>"))
    }
  }

  /// cgraph 2.42 ordered clusters by the heap addresses of their names, so
  /// one graph drawn twice in a process (or after other allocations) could
  /// come out differently; ids now follow the DOT text.
  @Test(arguments: RenderFormat.allCases)
  func repeatedRendersInOneProcessAreTheSameBytes(format: RenderFormat) throws {
    for seed in UInt64(40)..<46 {
      let graph = ClusterCrashFixture.graph(seed: seed)
      let first = try GraphvizRenderer.shared.render(graph, engine: .dot, format: format)
      var clutter: [[UInt8]] = []
      for size in stride(from: 8, to: 4096, by: 24) {
        clutter.append([UInt8](repeating: 1, count: size))
      }
      let second = try GraphvizRenderer.shared.render(graph, engine: .dot, format: format)
      #expect(first.bytes == second.bytes, "seed \(seed)")
      #expect(clutter.count > 0)
    }
  }

  @Test func theLayoutCrashGraphRendersWithTheWorkaround() throws {
    let rendered = try GraphvizRenderer.shared.renderSVG(
      ClusterCrashFixture.layoutCrash, engine: .dot)
    #expect(String(decoding: rendered.bytes, as: UTF8.self).contains("cluster_3"))
  }
}

@Suite("The fenced renderer, with stand-in helpers")
struct ProcessRendererFenceTests {
  /// A renderer whose "helper" is a shell script.
  private func renderer(_ script: String, timeout: Double = 10) -> GraphvizProcessRenderer {
    GraphvizProcessRenderer(
      .init(executable: "/bin/sh", arguments: ["-c", script], timeout: timeout))
  }

  private let graph = RenderFixture.graph(nodes: 3)

  @Test func aHelperThatAbortsIsReportedNotFatal() throws {
    let fenced = renderer("echo 'free(): double free detected in tcache 2' >&2; kill -ABRT $$")
    #expect {
      _ = try fenced.render(graph, engine: .dot, format: .svg)
    } throws: { error in
      guard case .rendererCrashed(let termination, let output) = error as? GraphExportError else {
        return false
      }
      return termination == "killed by signal 6 (Aborted)" && output.contains("double free")
    }
    // And again: a new helper each time, the caller still alive.
    #expect(throws: GraphExportError.self) {
      _ = try fenced.render(graph, engine: .dot, format: .svg)
    }
  }

  @Test func aHelperThatHangsIsStoppedAtTheTimeout() throws {
    let fenced = renderer("exec sleep 30", timeout: 0.3)
    let start = Date()
    #expect(throws: GraphExportError.renderTimedOut(seconds: 0.3)) {
      _ = try fenced.render(graph, engine: .dot, format: .svg)
    }
    #expect(Date().timeIntervalSince(start) < 5)
  }

  @Test func aHelperThatSpeaksGarbageIsUnavailable() throws {
    let fenced = renderer("cat >/dev/null & echo not-a-frame-at-all; sleep 5")
    #expect {
      _ = try fenced.render(graph, engine: .dot, format: .svg)
    } throws: { error in
      if case .rendererUnavailable = error as? GraphExportError { return true }
      return false
    }
  }

  @Test func aMissingHelperProgramIsUnavailable() throws {
    let fenced = GraphvizProcessRenderer(
      .init(executable: "/nonexistent/pressgraph", arguments: ["render-worker"]))
    #expect {
      _ = try fenced.render(graph, engine: .dot, format: .svg)
    } throws: { error in
      guard case .rendererUnavailable(let reason) = error as? GraphExportError else {
        return false
      }
      return reason.contains("/nonexistent/pressgraph")
    }
  }

  @Test(arguments: [
    (Int32(6), "killed by signal 6 (Aborted)"),
    (Int32(11), "killed by signal 11 (Segmentation fault)"),
    (Int32(1 << 8), "exited with status 1"), (Int32(0), "exited with status 0"),
  ])
  func terminationsAreDescribed(status: Int32, text: String) {
    #expect(GraphvizProcessRenderer.describe(status: status) == text)
  }

  @Test func lastLinesDropControlCharacters() {
    let bytes = Array("warming up\n\u{1B}[31mfree(): double free\u{07}\n\n".utf8)
    #expect(GraphvizProcessRenderer.lastLines(of: bytes) == "warming up | [31mfree(): double free")
  }
}

@Suite("The render worker's frames")
struct RenderWireTests {
  @Test func aFrameRoundTripsThroughASocket() throws {
    var pair: [Int32] = [-1, -1]
    #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0)
    defer { pair.forEach { _ = close($0) } }
    let body = Array("digraph g { a -> b }".utf8)
    let request = RenderWire.Request(engine: "dot", format: "svg")
    try Descriptor(raw: pair[0]).write(
      RenderWire.frame(magic: RenderWire.requestMagic, header: request, body: body))
    let (header, read) = try RenderWire.read(
      RenderWire.Request.self, magic: RenderWire.requestMagic, from: Descriptor(raw: pair[1]))
    #expect(header == request)
    #expect(read == body)
  }

  @Test(arguments: [
    Array("PGX1\u{0}\u{0}\u{0}\u{0}".utf8),  // wrong magic
    Array("PGQ1".utf8) + [0xFF, 0xFF, 0xFF, 0x7F],  // header too long
    Array("PGQ1".utf8) + [2, 0, 0, 0] + Array("{]".utf8) + [0, 0, 0, 0, 0, 0, 0, 0],  // bad JSON
  ])
  func malformedFramesAreRefused(bytes: [UInt8]) throws {
    var pair: [Int32] = [-1, -1]
    #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0)
    defer { _ = close(pair[1]) }
    try Descriptor(raw: pair[0]).write(bytes)
    _ = close(pair[0])
    #expect(throws: RenderWire.ReadFailure.self) {
      _ = try RenderWire.read(
        RenderWire.Request.self, magic: RenderWire.requestMagic, from: Descriptor(raw: pair[1]))
    }
  }

  @Test func aClosedStreamBeforeAFrameIsACleanEnd() throws {
    var pair: [Int32] = [-1, -1]
    #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0)
    _ = close(pair[0])
    defer { _ = close(pair[1]) }
    #expect(throws: RenderWire.ReadFailure.endOfStream) {
      _ = try RenderWire.read(
        RenderWire.Request.self, magic: RenderWire.requestMagic, from: Descriptor(raw: pair[1]))
    }
  }
}

@Suite("PDF dates")
struct PDFDateTests {
  @Test(arguments: [
    ("/CreationDate (D:20261201104215Z)", "/CreationDate (D:19700101000000Z)"),
    ("/CreationDate (D:20261201104215+09'00')", "/CreationDate (D:19700101000000Z00'00')"),
    ("/ModDate (D:20261201104215-05'00)", "/ModDate (D:19700101000000Z00'00)"),
    ("/CreationDate (not a date)", "/CreationDate (not a date)"),
    ("/CreationDate (D:2026", "/CreationDate (D:2026"),
    ("/Title (D:20261201104215Z)", "/Title (D:20261201104215Z)"),
  ])
  func datesAreFixedInPlace(input: String, output: String) {
    let fixed = PDFDates.normalised(Array(("%PDF-1.5\n" + input + "\n").utf8))
    #expect(String(decoding: fixed, as: UTF8.self) == "%PDF-1.5\n" + output + "\n")
    #expect(fixed.count == ("%PDF-1.5\n" + input + "\n").utf8.count)
  }

  @Test func twoPDFsOfOneGraphAreTheSameBytes() throws {
    let graph = RenderFixture.graph(nodes: 4)
    let first = try GraphvizRenderer.shared.render(graph, engine: .dot, format: .pdf)
    Thread.sleep(forTimeInterval: 1.1)
    let second = try GraphvizRenderer.shared.render(graph, engine: .dot, format: .pdf)
    #expect(first.bytes == second.bytes)
    #expect(String(decoding: first.bytes, as: UTF8.self).contains("D:19700101000000"))
  }
}
