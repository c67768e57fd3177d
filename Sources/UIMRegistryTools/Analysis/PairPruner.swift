// Which pairs of patterns deserve a product automaton: only those whose prefixes are compatible (one a prefix of
// the other), found through a trie of every pattern's prefixes, then filtered by lengths and position bytes. With
// real registries almost every pair dies here, before any automaton is built.

/// Candidate pairs for overlap search, from a trie of the patterns' prefixes.
struct PairPruner {
    private var children: [[UInt8: Int32]] = [[:]]
    private var direct: [[Int32]] = [[]]
    /// Patterns in depth-first order of the node they sit at, and each node's subtree as a range of it.
    private var order: [Int32] = []
    private var subtree: [Range<Int>] = []
    private let prefixes: [[[UInt8]]]

    init(profiles: [PatternProfile]) {
        prefixes = profiles.map { $0.isOpaque ? $0.shape.prefixes : $0.analysis.prefixes }
        for (index, list) in prefixes.enumerated() {
            for prefix in list {
                var node = 0
                for byte in prefix {
                    if let child = children[node][byte] {
                        node = Int(child)
                    } else {
                        children.append([:])
                        direct.append([])
                        children[node][byte] = Int32(children.count - 1)
                        node = children.count - 1
                    }
                }
                direct[node].append(Int32(index))
            }
        }
        subtree = Array(repeating: 0..<0, count: children.count)
        // Iterative depth-first numbering.
        var stack: [(node: Int, entered: Bool)] = [(0, false)]
        var starts = [Int](repeating: 0, count: children.count)
        while let (node, entered) = stack.popLast() {
            if entered {
                subtree[node] = starts[node]..<order.count
                continue
            }
            starts[node] = order.count
            order += direct[node]
            stack.append((node, true))
            for (_, child) in children[node].sorted(by: { $0.key > $1.key }) { stack.append((Int(child), false)) }
        }
    }

    /// Calls `body` with every `j > i` whose prefixes are compatible with those of pattern `i` (each once).
    func forEachCompatible(with i: Int, stamp: inout [Int], _ body: (Int) -> Void) {
        for prefix in prefixes[i] {
            var node = 0
            var complete = true
            for byte in prefix {
                for j in direct[node] { visit(Int(j)) }
                guard let child = children[node][byte] else {
                    complete = false
                    break
                }
                node = Int(child)
            }
            if complete {
                for k in subtree[node] { visit(Int(order[k])) }
            }
        }
        func visit(_ j: Int) {
            guard j > i, stamp[j] != i else { return }
            stamp[j] = i
            body(j)
        }
    }
}
