// A Thompson-style automaton over bytes built from the syntax tree: the intermediate step between the tree and the
// ByteDFA. Anchors become edges that can only be crossed at the start (`^`) or at the end (`$`) of the subject.

/// A nondeterministic automaton over UTF-8 bytes with ε, start-of-subject and end-of-subject edges.
struct ByteNFA {
    /// A byte-consuming edge: any byte in `low...high` leads to `target`.
    struct RangeEdge {
        var low: UInt8
        var high: UInt8
        var target: Int32
    }

    /// Per state: ε edges, byte edges, edges crossable only at the start, edges crossable only at the end.
    var epsilon: [[Int32]] = []
    var ranges: [[RangeEdge]] = []
    var atStart: [[Int32]] = []
    var atEnd: [[Int32]] = []
    var start: Int32 = 0
    var accept: Int32 = 0

    /// The largest automaton built; beyond it the regex is reported opaque (too large to analyse).
    static let stateLimit = 60_000

    var stateCount: Int { epsilon.count }

    /// The automaton of `tree`: it accepts exactly the byte strings whose UTF-8 text the regex matches whole.
    init(_ tree: RegexNode) throws(OpaqueReason) {
        start = try newState()
        accept = try build(tree, from: start)
    }

    private mutating func newState() throws(OpaqueReason) -> Int32 {
        guard epsilon.count < Self.stateLimit else {
            throw OpaqueReason("too large to analyse (more than \(Self.stateLimit) automaton states)", at: 0)
        }
        epsilon.append([])
        ranges.append([])
        atStart.append([])
        atEnd.append([])
        return Int32(epsilon.count - 1)
    }

    /// Adds the states of `node`, entered at `entry`; returns its exit state.
    private mutating func build(_ node: RegexNode, from entry: Int32) throws(OpaqueReason) -> Int32 {
        switch node {
        case .empty:
            return entry
        case .startAnchor:
            let exit = try newState()
            atStart[Int(entry)].append(exit)
            return exit
        case .endAnchor:
            let exit = try newState()
            atEnd[Int(entry)].append(exit)
            return exit
        case .characters(let set):
            return try characters(set, from: entry)
        case .group(let inner, _, _):
            return try build(inner, from: entry)
        case .sequence(let parts):
            var current = entry
            for part in parts { current = try build(part, from: current) }
            return current
        case .alternation(let branches):
            let exit = try newState()
            for branch in branches {
                let branchEntry = try newState()
                epsilon[Int(entry)].append(branchEntry)
                let branchExit = try build(branch, from: branchEntry)
                epsilon[Int(branchExit)].append(exit)
            }
            return exit
        case .repetition(let inner, let min, let max, _):
            var current = entry
            for _ in 0..<min {
                let next = try newState()
                epsilon[Int(current)].append(next)
                current = try build(inner, from: next)
            }
            guard let max else {
                // Loop: a fresh state so the loop's ε edges never leak into what came before.
                let loop = try newState()
                epsilon[Int(current)].append(loop)
                let bodyExit = try build(inner, from: loop)
                epsilon[Int(bodyExit)].append(loop)
                let exit = try newState()
                epsilon[Int(loop)].append(exit)
                return exit
            }
            guard max > min else { return current }
            let exit = try newState()
            for _ in min..<max {
                epsilon[Int(current)].append(exit)
                let next = try newState()
                epsilon[Int(current)].append(next)
                current = try build(inner, from: next)
            }
            epsilon[Int(current)].append(exit)
            return exit
        }
    }

    /// One scalar of `set` as UTF-8: the byte-range sequences share their leading ranges (a small trie).
    private mutating func characters(_ set: ScalarSet, from entry: Int32) throws(OpaqueReason) -> Int32 {
        let exit = try newState()
        if set.isASCII {
            // One byte per scalar: the edges UTF8Sequences would give, without building its sequences.
            for range in set.ranges {
                let edge = RangeEdge(low: UInt8(range.lowerBound), high: UInt8(range.upperBound), target: exit)
                ranges[Int(entry)].append(edge)
            }
            return exit
        }
        for sequence in UTF8Sequences.of(set) {
            var current = entry
            for (k, range) in sequence.enumerated() {
                let last = k == sequence.count - 1
                if !last, let shared = ranges[Int(current)].first(where: {
                    $0.low == range.lowerBound && $0.high == range.upperBound && $0.target != exit
                }) {
                    current = shared.target
                    continue
                }
                let target = last ? exit : try newState()
                ranges[Int(current)].append(RangeEdge(low: range.lowerBound, high: range.upperBound, target: target))
                current = target
            }
        }
        return exit
    }
}
