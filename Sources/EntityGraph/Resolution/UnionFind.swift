/// Disjoint sets of the numbers `0..<count`, with path halving. A union
/// makes the smaller root the root of both, so every set's root is its
/// smallest member.
final class UnionFind {
  private var parent: [Int]

  init(count: Int) { parent = Array(0..<count) }

  /// How many numbers there are.
  var count: Int { parent.count }

  /// A new number, in a set of its own.
  func add() -> Int {
    parent.append(parent.count)
    return parent.count - 1
  }

  /// The root of `x`'s set.
  func find(_ x: Int) -> Int {
    var x = x
    while parent[x] != x {
      parent[x] = parent[parent[x]]
      x = parent[x]
    }
    return x
  }

  /// Joins the sets of `a` and `b`.
  func union(_ a: Int, _ b: Int) {
    let ra = find(a)
    let rb = find(b)
    if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
  }
}
