// Trimming (drop states that cannot reach acceptance), minimisation (Moore's partition refinement) and merging of
// byte classes that no state tells apart. Small automata make products and sampling cheap, and the result is
// canonical: states numbered in breadth-first order from the start.

extension ByteDFA {
    /// The same language without unreachable or dead states.
    func trimmed() -> ByteDFA {
        guard start >= 0 else { return withStates(keep: [], start: -1) }
        var reachable = [Bool](repeating: false, count: stateCount)
        var stack = [start]
        reachable[Int(start)] = true
        var reverse = [[Int32]](repeating: [], count: stateCount)
        while let state = stack.popLast() {
            for k in 0..<classCount {
                let target = transitions[Int(state) * classCount + k]
                guard target >= 0 else { continue }
                reverse[Int(target)].append(state)
                if !reachable[Int(target)] {
                    reachable[Int(target)] = true
                    stack.append(target)
                }
            }
        }
        var live = [Bool](repeating: false, count: stateCount)
        stack = (0..<stateCount).filter { reachable[$0] && accepting[$0] }.map { Int32($0) }
        for state in stack { live[Int(state)] = true }
        while let state = stack.popLast() {
            for source in reverse[Int(state)] where !live[Int(source)] {
                live[Int(source)] = true
                stack.append(source)
            }
        }
        return withStates(keep: live, start: live[Int(start)] ? start : -1)
    }

    /// The minimal automaton of the same language (the input must be trimmed).
    func minimized() -> ByteDFA {
        guard start >= 0 else { return self }
        var block = accepting.map { $0 ? Int32(1) : Int32(0) }
        var blockCount = Set(block).count
        while true {
            var ids: [[Int32]: Int32] = [:]
            var next = [Int32](repeating: 0, count: stateCount)
            var signature = [Int32](repeating: 0, count: classCount + 1)
            for state in 0..<stateCount {
                signature[0] = block[state]
                for k in 0..<classCount {
                    let target = transitions[state * classCount + k]
                    signature[k + 1] = target < 0 ? -1 : block[Int(target)]
                }
                if let id = ids[signature] {
                    next[state] = id
                } else {
                    let id = Int32(ids.count)
                    ids[signature] = id
                    next[state] = id
                }
            }
            block = next
            if ids.count == blockCount { break }
            blockCount = ids.count
        }
        // One representative per block, renumbered breadth-first from the start.
        var order = [Int32](repeating: -1, count: blockCount)
        var representatives: [Int32] = []
        var queue = [start]
        order[Int(block[Int(start)])] = 0
        representatives.append(start)
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for k in 0..<classCount {
                let target = transitions[Int(state) * classCount + k]
                guard target >= 0, order[Int(block[Int(target)])] < 0 else { continue }
                order[Int(block[Int(target)])] = Int32(representatives.count)
                representatives.append(target)
                queue.append(target)
            }
        }
        var newTransitions: [Int32] = []
        newTransitions.reserveCapacity(representatives.count * classCount)
        for state in representatives {
            for k in 0..<classCount {
                let target = transitions[Int(state) * classCount + k]
                newTransitions.append(target < 0 ? -1 : order[Int(block[Int(target)])])
            }
        }
        let result = ByteDFA(classMap: classMap, classCount: classCount, classLow: classLow,
                             transitions: newTransitions, accepting: representatives.map { accepting[Int($0)] },
                             start: 0)
        return result.mergingClasses()
    }

    /// Merges byte classes whose columns are identical in every state.
    func mergingClasses() -> ByteDFA {
        var ids: [[Int32]: Int] = [:]
        var classOf = [Int](repeating: 0, count: classCount)
        var kept: [Int] = []
        for k in 0..<classCount {
            let column = (0..<stateCount).map { transitions[$0 * classCount + k] }
            if let id = ids[column] {
                classOf[k] = id
            } else {
                ids[column] = kept.count
                classOf[k] = kept.count
                kept.append(k)
            }
        }
        guard kept.count < classCount else { return self }
        let map = classMap.map { UInt8(classOf[Int($0)]) }
        var lows = [UInt8](repeating: 255, count: kept.count)
        for byte in (0..<256).reversed() { lows[Int(map[byte])] = UInt8(byte) }
        var newTransitions: [Int32] = []
        for state in 0..<stateCount {
            for k in kept { newTransitions.append(transitions[state * classCount + k]) }
        }
        return ByteDFA(classMap: map, classCount: kept.count, classLow: lows, transitions: newTransitions,
                       accepting: accepting, start: start)
    }

    /// The automaton restricted to the states marked in `keep` (renumbered in order); others become -1.
    private func withStates(keep: [Bool], start newStart: Int32) -> ByteDFA {
        guard newStart >= 0 else {
            return ByteDFA(classMap: classMap, classCount: classCount, classLow: classLow, transitions: [],
                           accepting: [], start: -1)
        }
        var number = [Int32](repeating: -1, count: stateCount)
        var count: Int32 = 0
        for state in 0..<stateCount where keep[state] {
            number[state] = count
            count += 1
        }
        var newTransitions: [Int32] = []
        var newAccepting: [Bool] = []
        for state in 0..<stateCount where keep[state] {
            for k in 0..<classCount {
                let target = transitions[state * classCount + k]
                newTransitions.append(target < 0 ? -1 : number[Int(target)])
            }
            newAccepting.append(accepting[state])
        }
        return ByteDFA(classMap: classMap, classCount: classCount, classLow: classLow, transitions: newTransitions,
                       accepting: newAccepting, start: number[Int(newStart)])
    }
}
