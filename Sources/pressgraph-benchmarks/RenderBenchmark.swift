// The render benchmark: Graphviz in-process (GraphvizRenderer), fenced in a
// warm helper process (GraphvizProcessRenderer with `pressgraph
// render-worker`), fenced in a new helper per drawing (what one CLI command
// pays), and the Graphviz command-line tools fed the same DOT text on
// stdin; then the resident memory of many renders.
//
//   swift run -c release pressgraph-benchmarks --render [--runs N]
//
// Graphs are synthetic, shaped like query subgraphs: preferential
// attachment with about two edges per node, box nodes with labels of about
// 30 characters, every fifth edge labelled.
import Foundation
import GraphExport

/// A deterministic synthetic graph of `nodes` nodes.
func renderBenchmarkGraph(nodes: Int) -> DOTGraph {
  var graph = DOTGraph(
    id: DOTID.numbered("bench", nodes),
    nodeDefaults: [.shape: .plain("box"), .fontsize: .plain("10")])
  let words = [
    "Ministry", "Trade", "Industry", "Energy", "Korea", "Agency", "Office", "Council",
    "Samsung", "Hyundai", "Bureau", "Policy", "Export", "Finance", "Institute", "Centre",
  ]
  var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
  func next(_ bound: Int) -> Int {
    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((seed >> 33) % UInt64(max(bound, 1)))
  }
  var ends: [Int] = []  // every edge end once: choosing from it prefers hubs
  var edgeCount = 0
  for i in 0..<nodes {
    var label = ""
    while label.count < 26 { label += words[next(words.count)] + " " }
    label += String(i)
    graph.nodes.append(DOTNode(id: DOTID.numbered("n", i), attributes: [.label: .text(label)]))
    var targets: Set<Int> = []
    for _ in 0..<min(2, i) {
      let target = ends.isEmpty || next(3) == 0 ? next(i) : ends[next(ends.count)]
      guard target != i, targets.insert(target).inserted else { continue }
      var attributes: [DOTAttribute: DOTValue] = [:]
      if edgeCount % 5 == 0 { attributes[.label] = .text("met \(2020 + edgeCount % 7)") }
      graph.edges.append(
        DOTEdge(
          tail: DOTID.numbered("n", i), head: DOTID.numbered("n", target), attributes: attributes))
      ends += [i, target]
      edgeCount += 1
    }
  }
  return graph
}

/// Runs `tool -Tsvg` with `dot` on stdin and returns the size of its output.
func renderWithTool(_ tool: String, dot: String) throws -> Int {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/\(tool)")
  process.arguments = ["-Tsvg"]
  let input = Pipe()
  let output = Pipe()
  process.standardInput = input
  process.standardOutput = output
  process.standardError = FileHandle.nullDevice
  try process.run()
  // Write on another thread, so a full output pipe cannot block the writer.
  let writer = Thread {
    input.fileHandleForWriting.write(Data(dot.utf8))
    try? input.fileHandleForWriting.close()
  }
  writer.start()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0 else {
    throw NSError(domain: tool, code: Int(process.terminationStatus))
  }
  return data.count
}

/// Resident set size now, in MiB, from /proc/self/statm.
func residentMemory() -> Double {
  guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else {
    return peakMemory()
  }
  let fields = text.split(separator: " ")
  guard fields.count > 1, let pages = Double(fields[1]) else { return peakMemory() }
  return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}

/// The `pressgraph` executable beside this benchmark (its render-worker).
func pressgraphExecutable(_ options: Options) -> String {
  if let path = options.pressgraph { return path }
  let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
  return here.deletingLastPathComponent().appendingPathComponent("pressgraph").path
}

func runRenderBenchmark(_ options: Options) throws {
  let renderer = GraphvizRenderer.shared
  try renderer.checkPlugins(engine: .dot, format: .svg)
  try renderer.checkPlugins(engine: .sfdp, format: .svg)
  let executable = pressgraphExecutable(options)
  guard FileManager.default.isExecutableFile(atPath: executable) else {
    throw NSError(
      domain:
        "no pressgraph at \(executable): build it (swift build -c release) or pass --pressgraph",
      code: 1)
  }
  let worker = ["render-worker", "--memory-limit", "4096"]
  let fenced = GraphvizProcessRenderer(.init(executable: executable, arguments: worker))
  let cold = GraphvizProcessRenderer(
    .init(executable: executable, arguments: worker, drawingsPerHelper: 1))
  let runs = max(options.runs, 1)
  func ms(_ duration: Duration) -> Double { seconds(duration) * 1000 }

  print(
    "render: median / best wall ms of \(runs) runs; in-process = GraphvizRenderer.render (svg),")
  print("fenced = GraphvizProcessRenderer with a warm helper, cold = a new helper per drawing,")
  print("+finish = renderSVG (finish + safety check), tool = /usr/bin/<engine> -Tsvg, DOT on stdin")
  // String(format:) ignores widths for %@ on Linux: pad by hand.
  func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - text.count))
    return left ? text + fill : fill + text
  }
  func cell(_ time: (median: Duration, best: Duration)) -> String {
    String(format: "%8.1f / %6.1f", ms(time.median), ms(time.best))
  }
  print(
    pad("nodes", 5) + pad("edges", 7) + "  " + pad("engine", 16, left: true)
      + pad("in-process ms", 19) + pad("fenced ms", 19) + pad("cold ms", 19)
      + pad("+finish ms", 19) + pad("tool ms", 19))
  for size in [20, 100, 500] {
    let base = renderBenchmarkGraph(nodes: size)
    var engines: [LayoutEngine?] = [nil]  // the policy's choice
    engines.append(size <= LayoutPolicy.dotLimit ? .sfdp : .dot)
    for override in engines {
      var graph = base
      let plan = try LayoutPolicy.plan(
        nodes: graph.nodes.count, edges: graph.edges.count, override: override, force: false)
      plan.apply(to: &graph)
      let dot = graph.encode()
      // One untimed render each: loads plugins and fonts, fills caches.
      _ = try renderer.render(graph, engine: plan.engine, format: .svg)
      _ = try renderWithTool(plan.engine.rawValue, dot: dot)
      var failure: Error?
      let inProcess = measure(runs: runs) {
        do { _ = try renderer.render(graph, engine: plan.engine, format: .svg) } catch {
          failure = error
        }
      }
      _ = try fenced.render(graph, engine: plan.engine, format: .svg)
      let warm = measure(runs: runs) {
        do { _ = try fenced.render(graph, engine: plan.engine, format: .svg) } catch {
          failure = error
        }
      }
      let fresh = measure(runs: runs) {
        do { _ = try cold.render(graph, engine: plan.engine, format: .svg) } catch {
          failure = error
        }
      }
      let finished = measure(runs: runs) {
        do { _ = try renderer.renderSVG(graph, engine: plan.engine) } catch { failure = error }
      }
      let tool = measure(runs: runs) {
        do { _ = try renderWithTool(plan.engine.rawValue, dot: dot) } catch { failure = error }
      }
      if let failure { throw failure }
      var name = plan.engine.rawValue
      if plan.engine == .dot, size > LayoutPolicy.dotLimit { name += "+limits" }
      if override == nil { name += " (policy)" }
      print(
        pad(String(size), 5) + pad(String(graph.edges.count), 7) + "  " + pad(name, 16, left: true)
          + "  " + cell(inProcess) + "  " + cell(warm) + "  " + cell(fresh) + "  "
          + cell(finished) + "  " + cell(tool))
    }
  }

  // Memory: many renders of one small graph in one process.
  let small = renderBenchmarkGraph(nodes: 20)
  _ = try renderer.renderSVG(small, engine: .dot)
  let start = residentMemory()
  var marks: [(Int, Double)] = [(1, start)]
  let clock = ContinuousClock()
  let began = clock.now
  for count in 2...1_000 {
    _ = try renderer.renderSVG(small, engine: .dot)
    if count == 100 || count == 1_000 { marks.append((count, residentMemory())) }
  }
  let elapsed = seconds(clock.now - began) * 1000 / 999
  print(
    "memory: resident set (/proc/self/statm) while rendering a 20-node graph with dot, renderSVG")
  for (count, mib) in marks {
    print(String(format: "  after %5d renders: %7.1f MiB", count, mib))
  }
  if let last = marks.last {
    print(
      String(
        format: "  growth from 1 to 1000: %+.2f MiB (%.0f bytes per render), %.2f ms per render",
        last.1 - start, (last.1 - start) * 1_048_576 / 999, elapsed))
  }
  // The same 1,000 drawings through the fenced renderer: the caller's memory
  // (the helper is replaced every 500 drawings).
  _ = try fenced.renderSVG(small, engine: .dot)
  let fencedStart = residentMemory()
  let fencedBegan = clock.now
  for _ in 2...1_000 { _ = try fenced.renderSVG(small, engine: .dot) }
  let fencedElapsed = seconds(clock.now - fencedBegan) * 1000 / 999
  print(
    String(
      format: "  fenced: caller's growth over 1000 renders %+.2f MiB, %.2f ms per render",
      residentMemory() - fencedStart, fencedElapsed))
  print(String(format: "peak memory: %.0f MiB", peakMemory()))
}
