import CGraphviz
import Foundation
import Testing

@testable import GraphExport

/// Describes a parsed graph: its nodes, then each subgraph with its
/// contents, in cgraph's iteration order.
private func outline(_ graph: UnsafeMutablePointer<Agraph_t>) -> [String] {
  var words: [String] = []
  var node = agfstnode(graph)
  while let current = node {
    words.append(String(cString: agnameof(UnsafeMutableRawPointer(current))))
    node = agnxtnode(graph, current)
  }
  var sub = agfstsubg(graph)
  while let current = sub {
    // Anonymous subgraphs are named %ID: the ids differ by design.
    let name = String(cString: agnameof(UnsafeMutableRawPointer(current)))
    words.append("{" + (name.hasPrefix("%") ? "%" : name))
    words += outline(current)
    words.append("}")
    sub = agnxtsubg(current)
  }
  return words
}

private func subgraphNames(_ graph: UnsafeMutablePointer<Agraph_t>) -> [String] {
  var names: [String] = []
  var sub = agfstsubg(graph)
  while let current = sub {
    names.append(String(cString: agnameof(UnsafeMutableRawPointer(current))))
    sub = agnxtsubg(current)
  }
  return names
}

/// `agsubg` with a Swift string (cgraph copies the name into its pool).
private func subgraph(_ graph: UnsafeMutablePointer<Agraph_t>, _ name: String, create: Bool)
  -> UnsafeMutablePointer<Agraph_t>?
{
  let copy = strdup(name)
  defer { free(copy) }
  return agsubg(graph, copy, create ? 1 : 0)
}

/// Graphviz is not thread-safe: every call here runs under the renderer's
/// lock, beside the other suites' renders.
@Suite("The sequential id discipline (cgv_read_dot)")
struct SequentialIDTests {
  /// Names used more than once: a node in several edges, one subgraph
  /// name under two parents, a subgraph reopened, a name shared by a node
  /// and a subgraph, anonymous subgraphs. cgraph's own reader must agree on
  /// the structure (its subgraph order follows heap addresses, so the
  /// outlines are compared as multisets).
  @Test(arguments: [
    "digraph G { a -> b; a -> c; b -> a; }",
    "digraph G { subgraph A { a; subgraph X { b; } } subgraph B { subgraph X { c; } } }",
    "digraph G { subgraph B { x; } subgraph B { y; } subgraph B { subgraph C { z; } } }",
    "digraph G { X; subgraph X { X; } subgraph cluster_1 { X -> Y; } }",
    "graph G { subgraph { a; } subgraph { b; } a -- b; }",
  ])
  func repeatedNamesGiveTheStructureCgraphGives(dot: String) throws {
    let (ours, theirs) = try GraphvizRenderer.shared.underLock {
      () throws -> ([String], [String], ) in
      let ours = try #require(cgv_read_dot(dot))
      defer { agclose(ours) }
      let theirs = try #require(agmemread(dot))
      defer { agclose(theirs) }
      #expect(agnnodes(ours) == agnnodes(theirs))
      #expect(agnedges(ours) == agnedges(theirs))
      return (outline(ours), outline(theirs))
    }
    #expect(ours.sorted() == theirs.sorted())
  }

  /// Ids follow the text, so subgraphs iterate in text order; enough of
  /// them that the id table grows several times.
  @Test func subgraphsComeInTextOrderAndTheTableGrows() throws {
    let count = 3000
    let names = (0..<count).map { "cluster_\(($0 * 7919) % count)" }
    let body = names.map { "subgraph \($0) { n_\($0); }" }.joined(separator: " ")
    let (seen, nodes) = try GraphvizRenderer.shared.underLock { () throws -> ([String], Int32) in
      let graph = try #require(cgv_read_dot("digraph G { \(body) }"))
      defer { agclose(graph) }
      return (subgraphNames(graph), agnnodes(graph))
    }
    #expect(seen == names)
    #expect(nodes == Int32(count))
  }

  /// Closing a subgraph (neato's component split does) frees its name's
  /// entry, and the name can be used again.
  @Test func aDeletedSubgraphsNameCanBeUsedAgain() throws {
    try GraphvizRenderer.shared.underLock {
      let graph = try #require(cgv_read_dot("digraph G { subgraph S { a; } b; }"))
      defer { agclose(graph) }
      let first = try #require(subgraph(graph, "S", create: false))
      #expect(agclose(first) == 0)
      #expect(subgraph(graph, "S", create: false) == nil)
      let second = try #require(subgraph(graph, "S", create: true))
      #expect(subgraph(graph, "S", create: false) == second)
      #expect(subgraphNames(graph) == ["S"])
    }
  }
}
