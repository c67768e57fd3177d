// Trimming (drop states that cannot reach acceptance), minimisation (one pass for automata without cycles, which
// most registry patterns are; Moore's partition refinement otherwise) and merging of byte classes that no state tells
// apart. Small automata make products and sampling cheap, and the result is canonical: states numbered in
// breadth-first order from the start.

extension ByteDFA {
    /// The same language without unreachable or dead states.
    func trimmed() -> ByteDFA {
        guard start >= 0 else { return withStates(keep: [], start: -1) }
        var reachable = [Bool](repeating: false, count: stateCount)
        var stack = [start]
        reachable[Int(start)] = true
        while let state = stack.popLast() {
            for k in 0..<classCount {
                let target = transitions[Int(state) * classCount + k]
                guard target >= 0, !reachable[Int(target)] else { continue }
                reachable[Int(target)] = true
                stack.append(target)
            }
        }
        // Reverse edges of the reachable part, back to back: `sources[offset[t] ..< offset[t + 1]]` lead to `t`.
        var offset = [Int](repeating: 0, count: stateCount + 1)
        for state in 0..<stateCount where reachable[state] {
            for k in 0..<classCount {
                let target = transitions[state * classCount + k]
                if target >= 0 { offset[Int(target) + 1] += 1 }
            }
        }
        for state in 0..<stateCount { offset[state + 1] += offset[state] }
        var fill = offset
        var sources = [Int32](repeating: 0, count: offset[stateCount])
        for state in 0..<stateCount where reachable[state] {
            for k in 0..<classCount {
                let target = Int(transitions[state * classCount + k])
                guard target >= 0 else { continue }
                sources[fill[target]] = Int32(state)
                fill[target] += 1
            }
        }
        var live = [Bool](repeating: false, count: stateCount)
        stack = (0..<stateCount).filter { reachable[$0] && accepting[$0] }.map { Int32($0) }
        for state in stack { live[Int(state)] = true }
        while let state = stack.popLast() {
            for source in sources[offset[Int(state)]..<offset[Int(state) + 1]] where !live[Int(source)] {
                live[Int(source)] = true
                stack.append(source)
            }
        }
        return withStates(keep: live, start: live[Int(start)] ? start : -1)
    }

    /// The minimal automaton of the same language (the input must be trimmed).
    func minimized() -> ByteDFA {
        guard start >= 0 else { return self }
        let (block, blockCount) = acyclicBlocks() ?? mooreBlocks()
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

    /// Equivalence classes of states in one pass, for an automaton without cycles (most registry patterns): states
    /// are visited successors first, so a state's signature (acceptance, then its targets' classes) is final when
    /// it is read, and equal signatures mean equal languages. `nil` when the automaton has a cycle.
    func acyclicBlocks() -> (block: [Int32], count: Int)? {
        var block = [Int32](repeating: -1, count: stateCount)
        var color = [UInt8](repeating: 0, count: stateCount)   // 0 new, 1 on the stack, 2 done
        var stack: [(state: Int32, next: Int)] = [(start, 0)]
        color[Int(start)] = 1
        var signatures = FlatKeyTable<Int32>(capacity: stateCount)
        var signature = [Int32](repeating: 0, count: classCount + 1)
        while let top = stack.last {
            let state = Int(top.state)
            if top.next == classCount {
                stack.removeLast()
                color[state] = 2
                signature[0] = accepting[state] ? 1 : 0
                for k in 0..<classCount {
                    let target = transitions[state * classCount + k]
                    signature[k + 1] = target < 0 ? -1 : block[Int(target)]
                }
                block[state] = signatures.insert(signature).number
                continue
            }
            stack[stack.count - 1].next += 1
            let target = transitions[state * classCount + top.next]
            guard target >= 0 else { continue }
            if color[Int(target)] == 1 { return nil }
            if color[Int(target)] == 0 {
                color[Int(target)] = 1
                stack.append((target, 0))
            }
        }
        return (block, signatures.count)
    }

    /// Equivalence classes of states by Moore's partition refinement (any trimmed automaton).
    func mooreBlocks() -> (block: [Int32], count: Int) {
        var block = accepting.map { $0 ? Int32(1) : Int32(0) }
        var blockCount = Set(block).count
        var ids = FlatKeyTable<Int32>(capacity: stateCount)
        var next = [Int32](repeating: 0, count: stateCount)
        var signature = [Int32](repeating: 0, count: classCount + 1)
        while true {
            ids.removeAll()
            for state in 0..<stateCount {
                signature[0] = block[state]
                for k in 0..<classCount {
                    let target = transitions[state * classCount + k]
                    signature[k + 1] = target < 0 ? -1 : block[Int(target)]
                }
                next[state] = ids.insert(signature).number
            }
            swap(&block, &next)
            if ids.count == blockCount { break }
            blockCount = ids.count
        }
        return (block, blockCount)
    }

    /// Merges byte classes whose columns are identical in every state.
    func mergingClasses() -> ByteDFA {
        // Classes are few (a handful per pattern): comparing each column with the kept ones beats hashing columns.
        var classOf = [Int](repeating: 0, count: classCount)
        var kept: [Int] = []
        for k in 0..<classCount {
            let same = kept.firstIndex { j in
                (0..<stateCount).allSatisfy { transitions[$0 * classCount + k] == transitions[$0 * classCount + j] }
            }
            if let same {
                classOf[k] = same
            } else {
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
