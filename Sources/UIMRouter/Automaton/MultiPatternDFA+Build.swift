// Building the multi-pattern automaton: joint byte classes over every member's classes, then subset construction
// whose states are sets of (member, member state) pairs. Matching is anchored at both ends, so this is essentially a
// trie of the patterns with their tails; only prefix-less patterns with variable-length parts multiply states, and
// the build stops at a hard cap, naming the patterns that multiplied states so the caller can move them elsewhere.

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

    /// Builds the automaton of `members` (sorted by pattern index) within `caps`.
    static func build(_ members: [Member], caps: Caps) -> BuildResult {
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
        // Per member and joint class: the member's own class, so a step costs one lookup.
        var local = [UInt8](repeating: 0, count: members.count * classCount)
        for (m, member) in members.enumerated() {
            for k in 0..<classCount { local[m * classCount + k] = member.automaton.classMap[lows[k]] }
        }
        // Every member's table back to back, so a step reads flat arrays (no copies, no reference counting).
        var flat: [Int32] = []
        var flatAccepting: [Bool] = []
        var base = [Int](repeating: 0, count: members.count)
        var acceptBase = [Int](repeating: 0, count: members.count)
        var memberClasses = [Int](repeating: 0, count: members.count)
        for (m, member) in members.enumerated() {
            base[m] = flat.count
            acceptBase[m] = flatAccepting.count
            memberClasses[m] = member.automaton.classCount
            flat += member.automaton.transitions
            flatAccepting += member.automaton.accepting
        }
        // A state is a sorted list of (member << 32 | member state).
        var index: [[UInt64]: Int32] = [:]
        var sets: [[UInt64]] = []
        var occurrences = [Int](repeating: 0, count: members.count)
        var pairs = 0
        let startSet = members.indices.compactMap { m -> UInt64? in
            members[m].automaton.start < 0 ? nil : UInt64(m) << 32 | UInt64(members[m].automaton.start)
        }
        var runStart: [Int32] = []
        var runLast: [UInt8] = []
        var runTarget: [Int32] = []
        var acceptSet: [Int32] = []
        var setIndex: [[Int32]: Int32] = [:]
        var setStart: [Int32] = [0]
        var setPatterns: [Int32] = []
        var setPartyCount: [Int32] = []
        func intern(_ set: [UInt64]) -> Int32? {
            if let known = index[set] { return known }
            guard sets.count < caps.states, pairs + set.count <= caps.pairs else { return nil }
            pairs += set.count
            for pair in set { occurrences[Int(pair >> 32)] += 1 }
            index[set] = Int32(sets.count)
            sets.append(set)
            return Int32(sets.count - 1)
        }
        func offenders() -> [Int] {
            // The members present in the most states: they are the ones carried along every other path.
            let worst = occurrences.max() ?? 0
            return members.indices.filter { occurrences[$0] * 2 >= worst }
        }
        guard !startSet.isEmpty else { return .built(.empty(members: members)) }
        _ = intern(startSet)
        var next: [UInt64] = []
        var head = 0
        while head < sets.count {
            let set = sets[head]
            sets[head] = []   // processed: the dictionary keeps the key, the queue need not
            head += 1
            runStart.append(Int32(runLast.count))
            // Accepting patterns, increasing (members are sorted by pattern, pairs by member).
            var accepting: [Int32] = []
            var parties = Set<Int32>()
            for pair in set {
                let m = Int(pair >> 32)
                if flatAccepting[acceptBase[m] + Int(pair & 0xFFFF_FFFF)] {
                    accepting.append(members[m].pattern)
                    parties.insert(members[m].party)
                }
            }
            if accepting.isEmpty {
                acceptSet.append(-1)
            } else if let known = setIndex[accepting] {
                acceptSet.append(known)
            } else {
                let id = Int32(setPartyCount.count)
                setIndex[accepting] = id
                setPatterns += accepting
                setStart.append(Int32(setPatterns.count))
                setPartyCount.append(Int32(parties.count))
                acceptSet.append(id)
            }
            var previous: Int32 = -2
            for k in 0..<classCount {
                next.removeAll(keepingCapacity: true)
                flat.withUnsafeBufferPointer { flat in
                    for pair in set {
                        let m = Int(pair >> 32)
                        let target = flat[base[m] + Int(pair & 0xFFFF_FFFF) * memberClasses[m]
                            + Int(local[m * classCount + k])]
                        if target >= 0 { next.append(UInt64(m) << 32 | UInt64(target)) }
                    }
                }
                var target: Int32 = -1
                if !next.isEmpty {
                    guard let id = intern(next) else { return .overflow(offenders: offenders()) }
                    target = id
                }
                // Extend the current run when the target repeats, else open a new one.
                if target == previous, let last = runLast.indices.last {
                    runLast[last] = UInt8(k)
                } else {
                    runLast.append(UInt8(k))
                    runTarget.append(target)
                    previous = target
                }
            }
        }
        runStart.append(Int32(runLast.count))
        let stateCount = acceptSet.count
        var dense: [Int32] = []
        var packed: [UInt32] = []
        if stateCount * classCount * 4 <= denseLimitBytes {
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
            else { return .overflow(offenders: offenders()) }
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
