// Products of automata, explored breadth-first in byte order: the shortest common string (the lexicographically
// smallest of the shortest), containment, and the explicit intersection automaton for bounded searches.

extension ByteDFA {
    /// The outcome of a bounded product search.
    package enum SearchResult: Equatable {
        case found([UInt8])
        case none
        /// The product grew beyond the search's state budget.
        case tooLarge
    }

    /// Byte runs on which every automaton's class is constant: `(low byte, class in each automaton)`.
    static func jointRuns(_ automata: [ByteDFA]) -> [(low: UInt8, classes: [Int])] {
        var runs: [(low: UInt8, classes: [Int])] = []
        for byte in 0..<256 {
            let starts = byte == 0 || automata.contains { $0.classMap[byte] != $0.classMap[byte - 1] }
            if starts { runs.append((UInt8(byte), automata.map { Int($0.classMap[byte]) })) }
        }
        return runs
    }

    /// Packs one state per automaton (each -1...count-1) into one integer key.
    private static func packer(_ automata: [ByteDFA]) -> ([Int32]) -> Int {
        let radices = automata.map { $0.stateCount + 1 }
        return { states in
            var key = 0
            for k in states.indices { key = key * radices[k] + Int(states[k]) + 1 }
            return key
        }
    }

    /// The shortest string accepted by every automaton (the lexicographically smallest among the shortest), by a
    /// breadth-first search of their product that visits bytes in increasing order.
    package static func shortestCommonString(_ automata: [ByteDFA], stateBudget: Int = 2_000_000) -> SearchResult {
        search(automata, stateBudget: stateBudget) { states in
            zip(automata, states).allSatisfy { $0.accepting[Int($1)] }
        }
    }

    /// A shortest string accepted by `self` (and every automaton of `also`) but not by `other`: `.none` means the
    /// language of `self` ∩ `also` is contained in that of `other`.
    package func shortestString(notIn other: ByteDFA, also: [ByteDFA] = [], stateBudget: Int = 2_000_000) -> SearchResult {
        let automata = [self] + also + [other]
        return Self.search(automata, stateBudget: stateBudget, lastMayDie: true) { states in
            let last = states[states.count - 1]
            guard last < 0 || !other.accepting[Int(last)] else { return false }
            return (0..<automata.count - 1).allSatisfy { automata[$0].accepting[Int(states[$0])] }
        }
    }

    /// Breadth-first search of the product; `lastMayDie` lets the last automaton fall into its dead state (-1) and
    /// stay there (for "not in" searches).
    private static func search(_ automata: [ByteDFA], stateBudget: Int, lastMayDie: Bool = false,
                               isGoal: ([Int32]) -> Bool) -> SearchResult {
        guard automata.allSatisfy({ $0.start >= 0 }) || (lastMayDie && automata.dropLast().allSatisfy { $0.start >= 0 })
        else { return .none }
        let runs = jointRuns(automata)
        let pack = packer(automata)
        var index: [Int: Int32] = [:]
        var states: [[Int32]] = []
        var parent: [(Int32, UInt8)] = []
        let start = automata.map(\.start)
        index[pack(start)] = 0
        states.append(start)
        parent.append((-1, 0))
        var head = 0
        var next = [Int32](repeating: 0, count: automata.count)
        while head < states.count {
            let current = states[head]
            if isGoal(current) {
                var bytes: [UInt8] = []
                var cursor = Int32(head)
                while parent[Int(cursor)].0 >= 0 {
                    bytes.append(parent[Int(cursor)].1)
                    cursor = parent[Int(cursor)].0
                }
                return .found(bytes.reversed())
            }
            runLoop: for run in runs {
                for k in automata.indices {
                    let state = current[k]
                    if state < 0 {
                        next[k] = -1
                        continue
                    }
                    let automaton = automata[k]
                    let target = automaton.transitions[Int(state) * automaton.classCount + run.classes[k]]
                    if target < 0, !(lastMayDie && k == automata.count - 1) { continue runLoop }
                    next[k] = target
                }
                let key = pack(next)
                if index[key] == nil {
                    guard states.count < stateBudget else { return .tooLarge }
                    index[key] = Int32(states.count)
                    states.append(next)
                    parent.append((Int32(head), run.low))
                }
            }
            head += 1
        }
        return .none
    }

    /// The automaton of the intersection of `automata` (trimmed, and minimal when `minimize`), or `nil` beyond
    /// `stateBudget`.
    package static func intersection(_ automata: [ByteDFA], stateBudget: Int = 100_000, minimize: Bool = true) -> ByteDFA? {
        guard automata.allSatisfy({ $0.start >= 0 }) else { return .empty }
        let runs = jointRuns(automata)
        var boundaries: [(UInt8, UInt8)] = []
        for (k, run) in runs.enumerated() {
            boundaries.append((run.low, k + 1 < runs.count ? runs[k + 1].low - 1 : 255))
        }
        let (map, lows) = classes(boundaries: boundaries)   // one class per joint run, in order
        let pack = packer(automata)
        var index: [Int: Int32] = [pack(automata.map(\.start)): 0]
        var states: [[Int32]] = [automata.map(\.start)]
        var transitions: [Int32] = []
        var accepting: [Bool] = []
        var head = 0
        while head < states.count {
            let current = states[head]
            accepting.append(zip(automata, current).allSatisfy { $0.accepting[Int($1)] })
            for run in runs {
                var next: [Int32] = []
                for k in automata.indices {
                    let automaton = automata[k]
                    let target = automaton.transitions[Int(current[k]) * automaton.classCount + run.classes[k]]
                    if target < 0 { break }
                    next.append(target)
                }
                guard next.count == automata.count else {
                    transitions.append(-1)
                    continue
                }
                let key = pack(next)
                if let known = index[key] {
                    transitions.append(known)
                } else {
                    guard states.count < stateBudget else { return nil }
                    index[key] = Int32(states.count)
                    transitions.append(Int32(states.count))
                    states.append(next)
                }
            }
            head += 1
        }
        let product = ByteDFA(classMap: map, classCount: lows.count, classLow: lows, transitions: transitions,
                              accepting: accepting, start: 0).trimmed()
        return minimize ? product.minimized() : product
    }
}
