// Building the multi-pattern automaton: joint byte classes over every member's classes, then subset construction
// whose states are sets of (member, member state) pairs (MultiPatternDFA+Subsets), then the dense or compact layout.
// Matching is anchored at both ends, so this is essentially a trie of the patterns with their tails; only prefix-less
// patterns with variable-length parts multiply states, and the build stops at a hard cap, naming the patterns that
// multiplied states so the caller can move them elsewhere.

extension MultiPatternDFA {
    /// A pattern to include: the router's index, its minimal automaton and its Party.
    struct Member {
        var pattern: Int32
        var automaton: ByteDFA
        var party: Int32
    }

    /// Limits on one build.
    struct Caps {
        /// Most states the automaton may have.
        var states: Int
        /// Most (member, state) pairs over all states: bounds build time and memory.
        var pairs: Int
    }

    /// The outcome of a build.
    enum BuildResult {
        case built(MultiPatternDFA)
        /// The caps were exceeded; `offenders` (indices into the members) multiplied states the most.
        case overflow(offenders: [Int])
    }

    /// Builds the automaton of `members` (sorted by pattern index) within `caps`, dense while its table fits in
    /// `denseLimit` bytes (tests lower it to compare both layouts on one automaton).
    static func build(_ members: [Member], caps: Caps, denseLimit: Int = MultiPatternDFA.denseLimitBytes)
        -> BuildResult {
        // Joint classes: a new class wherever any member's class changes.
        var startsClass = [Bool](repeating: false, count: 256)
        startsClass[0] = true
        for member in members {
            let map = member.automaton.classMap
            for byte in 1..<256 where map[byte] != map[byte - 1] { startsClass[byte] = true }
        }
        var classMap = [UInt8](repeating: 0, count: 256)
        var lows: [Int] = []
        for byte in 0..<256 {
            if startsClass[byte] { lows.append(byte) }
            classMap[byte] = UInt8(lows.count - 1)
        }
        let classCount = lows.count
        guard var subsets = SubsetConstruction(members: members, classCount: classCount, lows: lows, caps: caps)
        else { return .overflow(offenders: Array(members.indices)) }
        guard subsets.run() else { return .overflow(offenders: subsets.offenders()) }
        guard !subsets.acceptSet.isEmpty else { return .built(.empty(members: members)) }
        let (runStart, runLast, runTarget) = (subsets.runStart, subsets.runLast, subsets.runTarget)
        var acceptSet = subsets.acceptSet
        let setStart = subsets.acceptingSets.starts.map { Int32($0) }
        let setPatterns = subsets.acceptingSets.arena
        let setPartyCount = subsets.setPartyCount
        let stateCount = acceptSet.count
        var dense: [Int32] = []
        var packed: [UInt32] = []
        if stateCount * classCount * 4 <= denseLimit {
            dense.reserveCapacity(stateCount * classCount)
            for state in 0..<stateCount {
                var k = Int(runStart[state])
                for byteClass in 0..<classCount {
                    while Int(runLast[k]) < byteClass { k += 1 }
                    dense.append(runTarget[k])
                }
            }
        } else {
            guard let rows = pack(runStart: runStart, runLast: runLast, runTarget: runTarget, acceptSet: acceptSet)
            else { return .overflow(offenders: subsets.offenders()) }
            packed = rows
            acceptSet = []
        }
        return .built(MultiPatternDFA(classMap: classMap, classCount: classCount, dense: dense, packed: packed,
                                      acceptSet: acceptSet, stateCount: stateCount, setStart: setStart,
                                      setPatterns: setPatterns, setPartyCount: setPartyCount,
                                      members: members.map(\.pattern)))
    }

    /// The compact layout: rows in depth-first order from the start (so a pattern's tail is contiguous), each state
    /// numbered by its row's offset; `nil` when offsets or accepting sets outgrow their bits.
    static func pack(runStart: [Int32], runLast: [UInt8], runTarget: [Int32], acceptSet: [Int32]) -> [UInt32]? {
        let stateCount = acceptSet.count
        var offset = [Int32](repeating: -1, count: stateCount)
        var order: [Int32] = []
        order.reserveCapacity(stateCount)
        var next = 0
        var stack: [Int32] = [0]
        while let state = stack.popLast() {
            guard offset[Int(state)] < 0 else { continue }
            offset[Int(state)] = Int32(next)
            order.append(state)
            next += 1 + Int(runStart[Int(state) + 1] - runStart[Int(state)])
            // Push in reverse so the first run's target is laid out next.
            for k in (Int(runStart[Int(state)])..<Int(runStart[Int(state) + 1])).reversed() {
                let target = runTarget[k]
                if target >= 0, offset[Int(target)] < 0 { stack.append(target) }
            }
        }
        guard next < 1 << 24, (acceptSet.max() ?? 0) < (1 << 22) - 1 else { return nil }
        var rows: [UInt32] = []
        rows.reserveCapacity(next)
        for state in order {
            let start = Int(runStart[Int(state)])
            let end = Int(runStart[Int(state) + 1])
            rows.append(UInt32(end - start) | UInt32(acceptSet[Int(state)] + 1) << 9)
            for k in start..<end {
                let target = runTarget[k]
                rows.append(UInt32(runLast[k]) | UInt32(target < 0 ? 0 : offset[Int(target)] + 1) << 8)
            }
        }
        return rows
    }

    /// The automaton that matches nothing.
    static func empty(members: [Member] = []) -> MultiPatternDFA {
        MultiPatternDFA(classMap: [UInt8](repeating: 0, count: 256), classCount: 1, dense: [], packed: [],
                        acceptSet: [], stateCount: 0, setStart: [0], setPatterns: [], setPartyCount: [],
                        members: members.map(\.pattern))
    }
}
