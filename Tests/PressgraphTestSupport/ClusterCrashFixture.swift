import GraphExport

/// Graphs of the shape that crashed Graphviz 2.42 (issue 9, item 1):
/// clusters of an organisation and its people, and labelled meeting edges
/// between clusters. Made deterministically from a seed.
public enum ClusterCrashFixture {
  /// A small deterministic generator (SplitMix64).
  public struct Generator {
    public var state: UInt64
    /// Starts at `state`.
    public init(state: UInt64) { self.state = state }
    /// The next number.
    public mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    /// A number in `0..<n`.
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
  }

  /// One random graph: up to 12 organisations, 25 people (most inside an
  /// organisation's cluster), and up to 60 meeting edges, many labelled.
  public static func graph(seed: UInt64) -> DOTGraph {
    var random = Generator(state: seed)
    let organisations = 1 + random.below(12)
    let people = random.below(26)
    let ids = (0..<(organisations + people)).map { DOTID.numbered("n", $0 + 1) }
    var graph = DOTGraph(
      id: DOTID.numbered("g", Int(seed)),
      attributes: [.rankdir: .plain("LR"), .outputorder: .plain("edgesfirst")])
    var members: [Int: [DOTID]] = [:]
    for person in 0..<people {
      let choice = random.below(organisations + 1)
      if choice < organisations { members[choice, default: []].append(ids[organisations + person]) }
    }
    for (n, organisation) in members.keys.sorted().enumerated() {
      graph.clusters.append(
        DOTCluster(
          id: DOTID.numbered("cluster_", n + 1), attributes: [.label: .text("")],
          nodes: [ids[organisation]] + (members[organisation] ?? [])))
    }
    for (n, id) in ids.enumerated() {
      graph.nodes.append(
        DOTNode(
          id: id,
          attributes: [
            .label: .text("Invented body \(n) " + String(repeating: "x", count: random.below(30)))
          ]))
    }
    let labels = ["", "2025-11-13", "met\nHotel Plaza", "under"]
    for _ in 0..<random.below(61) {
      let a = ids[random.below(ids.count)]
      let b = ids[random.below(ids.count)]
      if a == b { continue }
      let label = labels[random.below(labels.count)]
      var attributes: [DOTAttribute: DOTValue] = [.dir: .plain("none")]
      if !label.isEmpty {
        attributes[.label] = .label(label.split(separator: "\n").map(String.init))
      }
      graph.edges.append(DOTEdge(tail: a, head: b, attributes: attributes))
    }
    return graph
  }

  /// The smallest graph found that makes the `dot` layout itself segfault
  /// in Graphviz 2.42 (`flat_limits`), even with the freeing bug repaired:
  /// labelled edges left flat by per-cluster ranking.
  public static let layoutCrash: DOTGraph = {
    func id(_ n: Int) -> DOTID { DOTID.numbered("n", n) }
    let clusters = [[3, 12], [5, 9, 22], [8, 10, 16, 20, 21, 27]]
    let edges: [(Int, Int, String?)] = [
      (9, 13, "under"), (22, 10, nil), (12, 5, nil), (10, 27, nil), (22, 10, "2025-11-13"),
      (21, 6, "under"), (21, 5, nil), (20, 3, "2025-11-13"), (9, 5, nil), (13, 6, nil),
      (20, 8, nil), (21, 8, nil), (27, 8, nil),
    ]
    return DOTGraph(
      id: DOTID.numbered("g", 112),
      clusters: clusters.enumerated().map { n, members in
        DOTCluster(
          id: DOTID.numbered("cluster_", n + 1), attributes: [.label: .text("")],
          nodes: members.map(id))
      },
      edges: edges.map { tail, head, label in
        DOTEdge(
          tail: id(tail), head: id(head),
          attributes: label.map { [.dir: .plain("none"), .label: .text($0)] } ?? [:])
      })
  }()

  /// `nodes` labelled nodes in a chain, each also linked to the one after
  /// next: a plain graph whose layout time grows with `nodes`.
  public static func chain(nodes: Int) -> DOTGraph {
    let ids = (0..<nodes).map { DOTID.numbered("n", $0) }
    return DOTGraph(
      id: DOTID.numbered("chain", nodes),
      nodes: ids.enumerated().map { n, id in
        DOTNode(id: id, attributes: [.label: .text("Invented node \(n)")])
      },
      edges: (0..<nodes).flatMap { i in
        [1, 2].compactMap { step in
          i + step < nodes ? DOTEdge(tail: ids[i], head: ids[i + step]) : nil
        }
      })
  }
}
