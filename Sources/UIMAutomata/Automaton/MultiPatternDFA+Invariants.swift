// The invariants of the automata's bit layouts, swift-collections style: `_checkInvariants()` traps on the first
// broken one. Debug builds check every automaton and trie at the end of construction; tests call the checks
// explicitly. Release builds never call them (the hot path trusts its tables).

extension MultiPatternDFA {
    /// Traps unless the accepting sets are well formed (increasing member patterns, one Party count each, at least one
    /// Party) and the hot tables are consistent with them (see ``TableMemory/_checkInvariants(setCount:)``).
    func _checkInvariants() {
        precondition(members.indices.dropFirst().allSatisfy { members[$0 - 1] < members[$0] },
                     "members are not strictly increasing")
        precondition(setStart.first == 0 && setStart.last == Int32(setPatterns.count),
                     "accepting sets do not cover their pattern list")
        let setCount = setStart.count - 1
        precondition(setPartyCount.count == setCount, "one Party count per accepting set")
        let memberSet = Set(members)
        for set in 0..<setCount {
            let patterns = setPatterns[Int(setStart[set])..<Int(setStart[set + 1])]
            precondition(!patterns.isEmpty, "accepting set \(set) is empty")
            precondition(zip(patterns, patterns.dropFirst()).allSatisfy { $0 < $1 },
                         "accepting set \(set) is not strictly increasing")
            precondition(patterns.allSatisfy(memberSet.contains), "accepting set \(set) names a non-member")
            precondition(setPartyCount[set] >= 1 && Int(setPartyCount[set]) <= patterns.count,
                         "accepting set \(set) has \(setPartyCount[set]) Parties for \(patterns.count) patterns")
        }
        precondition(memory.stateCount == stateCount && memory.classCount == classCount, "tables of another shape")
        memory._checkInvariants(setCount: setCount)
    }
}

extension TableMemory {
    /// Traps unless the tables behind ``tables`` keep their layout: every byte maps to a class below `classCount`;
    /// dense: every target is -1 or a premultiplied state below `stateCount`, padding columns lead nowhere, every
    /// state's accepting set is -1 or below `setCount`; compact: the rows tile the words exactly, one row per state,
    /// the start is row 0, a mask row names a mask in the table, a run row's last classes increase up to the last
    /// class, and every target is the start of a row.
    func _checkInvariants(setCount: Int) {
        let tables = self.tables
        precondition(tables.start == (stateCount > 0 ? 0 : -1), "start position \(tables.start)")
        for byte in 0..<256 {
            precondition(Int(tables.classes[byte]) < classCount, "byte \(byte) maps past the last class")
        }
        guard stateCount > 0 else { return }
        if let transitions = tables.transitions {
            let stride = 1 << tables.shift
            precondition(stride >= classCount && (stride == 1 || stride / 2 < classCount), "row stride \(stride)")
            let acceptByState = tables.acceptByState.unsafelyUnwrapped
            for state in 0..<stateCount {
                for byteClass in 0..<stride {
                    let target = Int(transitions[state << tables.shift | byteClass])
                    if byteClass >= classCount {
                        precondition(target == -1, "padding column \(byteClass) of state \(state) leads somewhere")
                    } else {
                        precondition(target == -1 || (target >= 0 && target & (stride - 1) == 0
                                                      && target >> tables.shift < stateCount),
                                     "state \(state), class \(byteClass): target \(target)")
                    }
                }
                let accept = Int(acceptByState[state])
                precondition(accept >= -1 && accept < setCount, "state \(state): accepting set \(accept)")
            }
            return
        }
        let rows = tables.rows.unsafelyUnwrapped
        let maskCount = tables.maskWords == 0 ? 0 : maskWordCount / tables.maskWords
        precondition(maskWordCount == maskCount * tables.maskWords, "mask table of \(maskWordCount) words")
        // First pass: where rows start.
        var isRowStart = [Bool](repeating: false, count: rowWordCount + 1)
        var position = 0
        var rowCount = 0
        while position < rowWordCount {
            isRowStart[position] = true
            rowCount += 1
            let header = rows[position]
            let accept = Int(header >> 11) - 1
            precondition(accept < setCount, "row \(position): accepting set \(accept)")
            if header & HotTables.maskRow != 0 {
                precondition(Int(header & 0x1FF) < maskCount, "row \(position): mask \(header & 0x1FF)")
                position += header & HotTables.toNextRow != 0 ? 1 : 2
            } else {
                precondition(header & HotTables.toNextRow == 0, "row \(position): run row marked as falling through")
                let runCount = Int(header & 0x1FF)
                precondition(runCount >= 1, "row \(position) has no run")
                var last = -1
                for k in (position + 1)..<(position + 1 + runCount) {
                    precondition(k < rowWordCount, "row \(position) runs past the tables")
                    let runLast = Int(rows[k] & 0xFF)
                    precondition(runLast > last, "row \(position): runs not increasing")
                    last = runLast
                }
                precondition(last == classCount - 1, "row \(position): the last run ends at class \(last)")
                position += 1 + runCount
            }
        }
        precondition(position == rowWordCount, "the last row runs past the tables")
        precondition(rowCount == stateCount, "\(rowCount) rows for \(stateCount) states")
        // Second pass: targets.
        position = 0
        while position < rowWordCount {
            let header = rows[position]
            if header & HotTables.maskRow != 0 {
                let target = header & HotTables.toNextRow != 0 ? position + 1 : Int(rows[position + 1])
                precondition(target < rowWordCount && isRowStart[target], "row \(position): target \(target)")
                position += header & HotTables.toNextRow != 0 ? 1 : 2
            } else {
                let runCount = Int(header & 0x1FF)
                for k in (position + 1)..<(position + 1 + runCount) {
                    let target = Int(rows[k] >> 8) - 1
                    precondition(target == -1 || (target < rowWordCount && isRowStart[target]),
                                 "row \(position): target \(target)")
                }
                position += 1 + runCount
            }
        }
    }
}
