// What the prefix trie and the pair pruning read off an automaton: the exact length set, the bytes possible at
// each of the first positions, and a prefix-free set of literal prefixes.

extension ByteDFA {
    /// The bytes of each class.
    var classBytes: [ByteSet] {
        var sets = [ByteSet](repeating: ByteSet(), count: classCount)
        for byte in 0..<256 { sets[Int(classMap[byte])].insert(UInt8(byte)) }
        return sets
    }

    /// `true` when some state can return to itself (the trimmed automaton then accepts unboundedly long strings).
    package var hasCycle: Bool {
        guard start >= 0 else { return false }
        var color = [UInt8](repeating: 0, count: stateCount)   // 0 new, 1 on the stack, 2 done
        var stack: [(state: Int32, next: Int)] = [(start, 0)]
        color[Int(start)] = 1
        while let top = stack.last {
            if top.next == classCount {
                color[Int(top.state)] = 2
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].next += 1
            let target = transitions[Int(top.state) * classCount + top.next]
            guard target >= 0 else { continue }
            if color[Int(target)] == 1 { return true }
            if color[Int(target)] == 0 {
                color[Int(target)] = 1
                stack.append((target, 0))
            }
        }
        return false
    }

    /// The exact set of accepted lengths (see ``LengthSet``) and the bytes possible at each of the first
    /// `positions` positions of an accepted string.
    func lengthsAndPositions(positions: Int) -> (LengthSet, [ByteSet]) {
        guard start >= 0 else {
            return (LengthSet(lengths: [], hasLongerThanCap: false, maximum: nil), [])
        }
        let cyclic = hasCycle
        let bytesOfClass = classBytes
        var lengths = [Bool](repeating: false, count: LengthSet.cap + 1)
        var positionBytes: [ByteSet] = []
        // The states reachable in exactly `depth` bytes, as flags (the key of a repeating layer) and as a list (so a
        // layer costs its own size, not the automaton's: registry patterns are mostly long chains).
        var layer = [Bool](repeating: false, count: stateCount)
        var members: [Int32] = [start]
        var next = [Bool](repeating: false, count: stateCount)
        var nextMembers: [Int32] = []
        layer[Int(start)] = true
        var seen: [[Bool]: Int] = [:]
        var depth = 0
        while depth <= LengthSet.cap, !members.isEmpty {
            var here = ByteSet()
            nextMembers.removeAll(keepingCapacity: true)
            for member in members {
                let state = Int(member)
                if accepting[state] { lengths[depth] = true }
                for k in 0..<classCount {
                    let target = transitions[state * classCount + k]
                    guard target >= 0 else { continue }
                    if !next[Int(target)] {
                        next[Int(target)] = true
                        nextMembers.append(target)
                    }
                    if depth < positions { here.words = union(here.words, bytesOfClass[k].words) }
                }
            }
            if depth < positions { positionBytes.append(here) }
            if cyclic {
                if let earlier = seen[layer], depth >= positions {
                    let period = depth - earlier
                    for d in (depth + 1)...LengthSet.cap { lengths[d] = lengths[d - period] }
                    break
                }
                seen[layer] = depth
            }
            for state in members { layer[Int(state)] = false }
            swap(&layer, &next)
            swap(&members, &nextMembers)
            depth += 1
        }
        let maximum = cyclic ? nil : lengths.lastIndex(of: true)
        return (LengthSet(lengths: lengths, hasLongerThanCap: cyclic, maximum: maximum), positionBytes)
    }

    private func union(_ a: (UInt64, UInt64, UInt64, UInt64), _ b: (UInt64, UInt64, UInt64, UInt64))
        -> (UInt64, UInt64, UInt64, UInt64)
    {
        (a.0 | b.0, a.1 | b.1, a.2 | b.2, a.3 | b.3)
    }

    /// A prefix-free set of byte strings such that every accepted string starts with exactly one of them: the
    /// literal start expanded through small branchings of at most `maxBranching` bytes (`(EU|UK)[0-9]…` gives `EU`,
    /// `UK`), at most `maxCount` prefixes of at most `maxLength` bytes. Empty when nothing is accepted; `[[]]` when
    /// nothing is certain.
    func prefixes(maxCount: Int = 16, maxLength: Int = 32, maxBranching: Int = 4) -> [[UInt8]] {
        guard start >= 0 else { return [] }
        let runs = classRuns
        var frontier: [(bytes: [UInt8], state: Int32, done: Bool)] = [([], start, false)]
        var changed = true
        while changed {
            changed = false
            var expanded: [(bytes: [UInt8], state: Int32, done: Bool)] = []
            var budget = maxCount - frontier.count
            for item in frontier {
                guard !item.done else {
                    expanded.append(item)
                    continue
                }
                let successors = accepting[Int(item.state)] || item.bytes.count >= maxLength
                    ? [] : liveBytes(from: item.state, limit: min(budget + 1, maxBranching), runs: runs)
                if successors.isEmpty || successors.count - 1 > budget {
                    expanded.append((item.bytes, item.state, true))
                    continue
                }
                budget -= successors.count - 1
                for (byte, target) in successors { expanded.append((item.bytes + [byte], target, false)) }
                changed = true
            }
            frontier = expanded
        }
        return frontier.map(\.bytes)
    }

    /// The bytes leading out of `state` with their targets, in byte order; empty once more than `limit` exist.
    private func liveBytes(from state: Int32, limit: Int, runs: [(low: UInt8, high: UInt8, byteClass: Int)])
        -> [(UInt8, Int32)]
    {
        var result: [(UInt8, Int32)] = []
        for run in runs {
            let target = transitions[Int(state) * classCount + run.byteClass]
            guard target >= 0 else { continue }
            for byte in run.low...run.high {
                result.append((byte, target))
                if result.count > limit { return [] }
            }
        }
        return result
    }
}
