// The prefix trie of the patterns PCRE2 decides: a byte trie of their literal prefixes (each pattern under every
// prefix of its prefix-free set). Walking a UIM down it yields exactly the patterns one of whose prefixes the UIM
// starts with, whose length bounds admit it and whose required byte it holds; PCRE2 then decides each. Every bound
// comes from a sound RegexShape, so the trie never drops a pattern PCRE2 would match. Flat arrays, no per-lookup
// allocation.

/// Patterns indexed by literal prefix, with their byte-length bounds and required bytes.
package struct CandidateTrie: Sendable {
    /// Per node: the range of its outgoing edges in `edgeBytes`/`edgeTargets` (sorted by byte).
    private(set) var edgeStart: [Int32] = []
    private(set) var edgeCount: [Int32] = []
    private(set) var edgeBytes: [UInt8] = []
    private(set) var edgeTargets: [Int32] = []
    /// Per node: the range of the patterns whose prefix ends at this node, in `patternList`.
    private(set) var patternStart: [Int32] = []
    private(set) var patternCount: [Int32] = []
    private(set) var patternList: [Int32] = []
    /// Per pattern: byte-length bounds (`maxLength == Int32.max` when unbounded).
    private(set) var minLength: [Int32] = []
    private(set) var maxLength: [Int32] = []
    /// Per pattern: a byte every match holds (either case for an ASCII letter), or -1.
    private(set) var requiredByte: [Int16] = []

    /// Builds the trie for patterns with the given shapes (pattern `i` has `shapes[i]`); when `including` is given,
    /// only the patterns it marks are indexed (the others are decided elsewhere).
    package init(shapes: [RegexShape], including: [Bool]? = nil) {
        // Build with a simple pointer-based tree, then flatten breadth-first.
        final class Node {
            var children: [UInt8: Node] = [:]
            var patterns: [Int32] = []
        }
        let root = Node()
        for (index, shape) in shapes.enumerated() {
            minLength.append(Int32(clamping: shape.minLength))
            maxLength.append(Int32(clamping: shape.maxLength ?? Int(Int32.max)))
            requiredByte.append(shape.requiredByte.map(Int16.init) ?? -1)
            if let including, !including[index] { continue }
            // Under each of its prefixes: the set is prefix-free, so a walk meets the pattern at most once.
            for prefix in shape.prefixes {
                var node = root
                for byte in prefix {
                    if let child = node.children[byte] { node = child } else {
                        let child = Node()
                        node.children[byte] = child
                        node = child
                    }
                }
                node.patterns.append(Int32(index))
            }
        }
        var queue = [root]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            patternStart.append(Int32(patternList.count))
            patternCount.append(Int32(node.patterns.count))
            patternList += node.patterns
            edgeStart.append(Int32(edgeBytes.count))
            edgeCount.append(Int32(node.children.count))
            for (byte, child) in node.children.sorted(by: { $0.key < $1.key }) {
                edgeBytes.append(byte)
                edgeTargets.append(Int32(queue.count))
                queue.append(child)
            }
        }
        #if DEBUG
        _checkInvariants()
        #endif
    }

    /// Number of trie nodes.
    var nodeCount: Int { edgeStart.count }

    /// Calls `body` with every pattern whose prefix `uim` starts with, whose length bounds admit `uim.count` and
    /// whose required byte `uim` holds, shortest prefix first.
    @inline(__always)
    package func forEachCandidate(in uim: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        let length = Int32(clamping: uim.count)
        var node = 0
        var depth = 0
        while true {
            let start = Int(patternStart[node])
            for k in start..<start + Int(patternCount[node]) {
                let pattern = Int(patternList[k])
                guard length >= minLength[pattern], length <= maxLength[pattern] else { continue }
                let required = requiredByte[pattern]
                if required < 0 || RegexShape.contains(UInt8(required), in: uim) { body(pattern) }
            }
            guard depth < uim.count, let next = child(of: node, byte: uim[depth]) else { return }
            node = next
            depth += 1
        }
    }

    @inline(__always)
    private func child(of node: Int, byte: UInt8) -> Int? {
        var low = Int(edgeStart[node])
        var high = low + Int(edgeCount[node])
        while low < high {
            let mid = (low + high) >> 1
            let value = edgeBytes[mid]
            if value == byte { return Int(edgeTargets[mid]) }
            if value < byte { low = mid + 1 } else { high = mid }
        }
        return nil
    }
}
