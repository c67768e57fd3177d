// The invariants of the candidate trie's flat arrays, swift-collections style: debug builds check them at the end of
// construction, tests call `_checkInvariants()` explicitly.

extension CandidateTrie {
    /// Traps unless the flat arrays form a breadth-first tree: one entry per node in every per-node array, each node's
    /// edges inside the edge arrays with strictly increasing bytes and targets after their node, every node but the
    /// root reached by exactly one edge, every pattern range inside the list, and per-pattern bounds for each
    /// pattern listed (lengths not negative, the required byte a byte or -1).
    func _checkInvariants() {
        let nodes = nodeCount
        precondition(nodes >= 1, "a trie has a root")
        precondition(edgeCount.count == nodes && patternStart.count == nodes && patternCount.count == nodes,
                     "per-node arrays of different lengths")
        precondition(edgeBytes.count == edgeTargets.count, "edge arrays of different lengths")
        var parents = [Int](repeating: 0, count: nodes)
        for node in 0..<nodes {
            let start = Int(edgeStart[node])
            let end = start + Int(edgeCount[node])
            precondition(start >= 0 && start <= end && end <= edgeBytes.count, "node \(node): edges out of range")
            for k in start..<end {
                precondition(k == start || edgeBytes[k - 1] < edgeBytes[k], "node \(node): edges not sorted")
                let target = Int(edgeTargets[k])
                precondition(target > node && target < nodes, "node \(node): edge to \(target)")
                parents[target] += 1
            }
            let first = Int(patternStart[node])
            precondition(first >= 0 && patternCount[node] >= 0 && first + Int(patternCount[node]) <= patternList.count,
                         "node \(node): patterns out of range")
        }
        precondition(parents[0] == 0 && parents.dropFirst().allSatisfy { $0 == 1 }, "not a tree")
        let patterns = minLength.count
        precondition(maxLength.count == patterns && requiredByte.count == patterns, "per-pattern arrays differ")
        precondition(patternList.allSatisfy { $0 >= 0 && Int($0) < patterns }, "a listed pattern has no bounds")
        for pattern in 0..<patterns {
            precondition(minLength[pattern] >= 0 && maxLength[pattern] >= 0, "pattern \(pattern): negative bound")
            precondition(requiredByte[pattern] >= -1 && requiredByte[pattern] <= 255, "pattern \(pattern): byte")
        }
    }
}
