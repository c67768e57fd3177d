// The multi-pattern byte automaton: one deterministic pass over a normalised UIM yields the exact set of analysable
// patterns that match it whole. Byte classes keep rows short; each state's set of accepting patterns is stored once,
// with the number of distinct Parties in it precomputed, so ambiguity is read off the final state. Past ~1 MiB the
// dense table gives way to a compact layout: each state is one row of packed words (a header, then its class runs)
// in depth-first order, a state's number being its row's offset, so one step costs one cache line, and the rows of a
// pattern's tail lie one after another.

/// A deterministic automaton over bytes whose states know which patterns accept there.
struct MultiPatternDFA: Sendable {
    /// Byte → joint class.
    let classMap: [UInt8]
    let classCount: Int
    /// `dense[state * classCount + class]`, or empty when the compact layout is used.
    let dense: [Int32]
    /// Compact layout: state `s` (an offset) is `packed[s]`, a header `runCount | (acceptingSet + 1) << 9`, then
    /// `runCount` runs `lastClass | (target + 1) << 8` by increasing last class, the last one ending at the last class
    /// (target -1: no pattern continues). The start state is at offset 0.
    let packed: [UInt32]
    /// Per state of the dense layout: its accepting set (index into `setStart`), or -1 (empty when compact).
    let acceptSet: [Int32]
    /// Number of states (either layout).
    let stateCount: Int
    /// Accepting set `k` is `setPatterns[setStart[k] ..< setStart[k + 1]]`: pattern indices of the router, increasing.
    let setStart: [Int32]
    let setPatterns: [Int32]
    /// Per accepting set: how many distinct Parties its patterns belong to.
    let setPartyCount: [Int32]
    /// The router's pattern indices this automaton decides, increasing.
    let members: [Int32]

    /// A dense table larger than this many bytes is stored compactly.
    static let denseLimitBytes = 1 << 20

    /// Bytes held by the tables (transitions, accepting sets, class map).
    var memoryBytes: Int {
        dense.count * 4 + packed.count * 4 + acceptSet.count * 4
            + setStart.count * 4 + setPatterns.count * 4 + setPartyCount.count * 4 + 256
    }

    /// `true` when the compact layout is in use.
    var isCompact: Bool { dense.isEmpty && stateCount > 0 }

    /// Runs `subject` through the automaton: the index of the accepting set of the final state, or -1 (no member
    /// pattern matches the whole subject).
    @inline(__always)
    func acceptingSet(_ subject: UnsafeBufferPointer<UInt8>) -> Int {
        guard stateCount > 0 else { return -1 }
        var state = 0
        classMap.withUnsafeBufferPointer { classes in
            if !dense.isEmpty {
                dense.withUnsafeBufferPointer { table in
                    for byte in subject {
                        state = Int(table[state &* classCount &+ Int(classes[Int(byte)])])
                        if state < 0 { return }
                    }
                }
            } else {
                packed.withUnsafeBufferPointer { rows in
                    for byte in subject {
                        let byteClass = UInt32(classes[Int(byte)])
                        var low = state &+ 1
                        var high = low &+ Int(rows[state] & 0x1FF) &- 1
                        // The last run always ends at the last class, so the search always lands.
                        while high &- low > 6 {
                            let mid = (low &+ high) >> 1
                            if rows[mid] & 0xFF < byteClass { low = mid &+ 1 } else { high = mid }
                        }
                        while rows[low] & 0xFF < byteClass { low &+= 1 }
                        state = Int(rows[low] >> 8) &- 1
                        if state < 0 { return }
                    }
                }
            }
        }
        if state < 0 { return -1 }
        return dense.isEmpty ? Int(packed[state] >> 9) - 1 : Int(acceptSet[state])
    }

    /// The accepting set of `state` (a state number as ``next(_:_:)`` returns), or -1.
    func acceptingSet(ofState state: Int) -> Int {
        dense.isEmpty ? Int(packed[state] >> 9) - 1 : Int(acceptSet[state])
    }

    /// The next state from `state` on `byte` (tests and invariants; the hot path is ``acceptingSet(_:)``).
    func next(_ state: Int, _ byte: UInt8) -> Int {
        let byteClass = Int(classMap[Int(byte)])
        if !dense.isEmpty { return Int(dense[state * classCount + byteClass]) }
        var k = state + 1
        while Int(packed[k] & 0xFF) < byteClass { k += 1 }
        return Int(packed[k] >> 8) - 1
    }
}
