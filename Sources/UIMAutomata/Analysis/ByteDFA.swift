// The deterministic byte automaton of an analysable regex: what overlap detection, prefixes, lengths and sampling
// all read. Bytes are grouped into classes (bytes no edge tells apart), and the automaton is trimmed: every state
// can still reach acceptance, so a missing transition (-1) means "no match can continue this way".

/// A deterministic automaton over bytes, trimmed (every state is live) and minimal.
package struct ByteDFA: Sendable, Hashable {
    /// Byte → its class (0..<classCount).
    var classMap: [UInt8]
    var classCount: Int
    /// The smallest byte of each class (its representative for lexicographic searches).
    var classLow: [UInt8]
    /// `transitions[state * classCount + class]`: the next state, or -1.
    var transitions: [Int32]
    package var accepting: [Bool]
    /// -1 when the language is empty.
    package var start: Int32

    package var stateCount: Int { accepting.count }

    /// An automaton from its tables (what the memberwise initialiser took; the tools build automata too).
    package init(classMap: [UInt8], classCount: Int, classLow: [UInt8], transitions: [Int32], accepting: [Bool],
                 start: Int32) {
        self.classMap = classMap
        self.classCount = classCount
        self.classLow = classLow
        self.transitions = transitions
        self.accepting = accepting
        self.start = start
    }

    /// The largest DFA built from one regex; beyond it the regex is reported opaque.
    static let stateLimit = 20_000

    @inline(__always)
    package func next(_ state: Int32, _ byte: UInt8) -> Int32 {
        transitions[Int(state) * classCount + Int(classMap[Int(byte)])]
    }

    /// `true` when the automaton accepts `bytes`.
    package func accepts(_ bytes: some Sequence<UInt8>) -> Bool {
        var state = start
        for byte in bytes {
            guard state >= 0 else { return false }
            state = next(state, byte)
        }
        return state >= 0 && accepting[Int(state)]
    }

    /// The number of bytes in `class`.
    func classSize(_ byteClass: Int) -> Int {
        classMap.reduce(0) { $0 + ($1 == UInt8(byteClass) ? 1 : 0) }
    }

    /// Bytes as runs: `(low, high, class)`, in byte order.
    var classRuns: [(low: UInt8, high: UInt8, byteClass: Int)] {
        var runs: [(UInt8, UInt8, Int)] = []
        var low = 0
        for byte in 1...256 where byte == 256 || classMap[byte] != classMap[byte - 1] {
            runs.append((UInt8(low), UInt8(byte - 1), Int(classMap[low])))
            low = byte
        }
        return runs
    }

    /// The automaton that accepts nothing.
    package static let empty = ByteDFA(classMap: [UInt8](repeating: 0, count: 256), classCount: 1, classLow: [0],
                               transitions: [], accepting: [], start: -1)
}

extension ByteDFA {
    /// Byte classes from a list of range boundaries: a new class starts at every `low` and after every `high`.
    package static func classes(boundaries: [(UInt8, UInt8)]) -> (map: [UInt8], low: [UInt8]) {
        var starts = [Bool](repeating: false, count: 257)
        starts[0] = true
        for (low, high) in boundaries {
            starts[Int(low)] = true
            starts[Int(high) + 1] = true
        }
        var map = [UInt8](repeating: 0, count: 256)
        var lows: [UInt8] = []
        var current = -1
        for byte in 0..<256 {
            if starts[byte] {
                current += 1
                lows.append(UInt8(byte))
            }
            map[byte] = UInt8(current)
        }
        return (map, lows)
    }

    /// Subset construction from `nfa`; throws when the result would exceed `stateLimit` states (before
    /// minimisation). The router passes a smaller limit than the default: it only uses automata of at most
    /// ``AutomatonIndex/patternStateCap`` states, and an exponential form then costs it a fraction of the work.
    init(_ nfa: ByteNFA, stateLimit: Int = Self.stateLimit) throws(OpaqueReason) {
        let (map, lows) = Self.classes(boundaries: nfa.ranges.flatMap { $0.map { ($0.low, $0.high) } })
        let classCount = lows.count
        // States that reach acceptance through ε and end-of-subject edges alone.
        // Reverse ε and end edges back to back: `sources[offset[t] ..< offset[t + 1]]` lead to `t`.
        var offset = [Int](repeating: 0, count: nfa.stateCount + 1)
        for state in 0..<nfa.stateCount {
            for target in nfa.epsilon[state] { offset[Int(target) + 1] += 1 }
            for target in nfa.atEnd[state] { offset[Int(target) + 1] += 1 }
        }
        for state in 0..<nfa.stateCount { offset[state + 1] += offset[state] }
        var fill = offset
        var sources = [Int32](repeating: 0, count: offset[nfa.stateCount])
        for state in 0..<nfa.stateCount {
            for target in nfa.epsilon[state] {
                sources[fill[Int(target)]] = Int32(state)
                fill[Int(target)] += 1
            }
            for target in nfa.atEnd[state] {
                sources[fill[Int(target)]] = Int32(state)
                fill[Int(target)] += 1
            }
        }
        var endsHere = [Bool](repeating: false, count: nfa.stateCount)
        var stack = [nfa.accept]
        endsHere[Int(nfa.accept)] = true
        while let state = stack.popLast() {
            for source in sources[offset[Int(state)]..<offset[Int(state) + 1]] where !endsHere[Int(source)] {
                endsHere[Int(source)] = true
                stack.append(source)
            }
        }
        var mark = [Int32](repeating: -1, count: nfa.stateCount)
        var generation: Int32 = 0
        var work: [Int32] = []
        var closed: [Int32] = []
        // The ε-closure of `seeds` into `closed`, sorted (a state set's canonical form).
        func closure(_ seeds: [Int32], atStart: Bool, atEnd: Bool) {
            generation += 1
            closed.removeAll(keepingCapacity: true)
            work.removeAll(keepingCapacity: true)
            work.append(contentsOf: seeds)
            while let state = work.popLast() {
                if mark[Int(state)] == generation { continue }
                mark[Int(state)] = generation
                closed.append(state)
                work.append(contentsOf: nfa.epsilon[Int(state)])
                if atStart { work.append(contentsOf: nfa.atStart[Int(state)]) }
                if atEnd { work.append(contentsOf: nfa.atEnd[Int(state)]) }
            }
            closed.sort()
        }
        var sets = FlatKeyTable<Int32>()
        var transitions: [Int32] = []
        var accepting: [Bool] = []
        closure([nfa.start], atStart: true, atEnd: false)
        _ = sets.insert(closed)
        // The empty subject may cross both kinds of anchor edges, in any order.
        closure([nfa.start], atStart: true, atEnd: true)
        accepting.append(closed.contains(nfa.accept))
        var head = 0
        var targets: [[Int32]] = Array(repeating: [], count: classCount)
        var members: [Int32] = []
        while head < sets.count {
            members.removeAll(keepingCapacity: true)
            members.append(contentsOf: sets.arena[sets.range(of: head)])
            head += 1
            for k in 0..<classCount { targets[k].removeAll(keepingCapacity: true) }
            for state in members {
                for edge in nfa.ranges[Int(state)] {
                    for k in Int(map[Int(edge.low)])...Int(map[Int(edge.high)]) { targets[k].append(edge.target) }
                }
            }
            for k in 0..<classCount {
                guard !targets[k].isEmpty else {
                    transitions.append(-1)
                    continue
                }
                if k > 0, targets[k] == targets[k - 1] {
                    // The same targets as the previous class: the same state, without another closure.
                    transitions.append(transitions[transitions.count - 1])
                    continue
                }
                closure(targets[k], atStart: false, atEnd: false)
                if let known = sets.find(closed) {
                    transitions.append(known)
                } else {
                    guard sets.count < stateLimit else {
                        throw OpaqueReason("too large to analyse (more than \(stateLimit) DFA states)", at: 0)
                    }
                    transitions.append(sets.insert(closed).number)
                    accepting.append(closed.contains { endsHere[Int($0)] })
                }
            }
        }
        self.init(classMap: map, classCount: classCount, classLow: lows, transitions: transitions,
                  accepting: accepting, start: 0)
        self = trimmed().minimized()
    }
}
