// The subset construction behind MultiPatternDFA.build: states are sets of (member, member state) pairs, numbered
// breadth-first, each expanded into runs of joint byte classes with one target per run. Tuned for registries of
// 10,000 patterns: pairs are single numbers, sets live in one FlatKeyTable arena, a state that is one member's state
// alone is found by array lookup, and a state is expanded only at the joint classes where one of its members'
// own classes changes.

extension MultiPatternDFA {
    /// Every member's automaton back to back: global state `stateBase[m] + s` is state `s` of member `m`. A pair
    /// (member, member state) is one such number: sorting pairs by it sorts them by member.
    struct MemberTables {
        var transitions: [Int32] = []
        var accepting: [Bool] = []
        var stateBase: [UInt32] = []
        /// Per global state: its member, and where its row starts in `transitions`.
        var memberOf: [Int32] = []
        var rowStart: [Int32] = []

        /// `nil` when the members' states or transitions outgrow 32-bit numbers.
        init?(_ members: [Member]) {
            for (m, member) in members.enumerated() {
                let automaton = member.automaton
                guard accepting.count + automaton.stateCount < Int(Int32.max),
                      transitions.count + automaton.transitions.count < Int(Int32.max)
                else { return nil }
                stateBase.append(UInt32(accepting.count))
                for state in 0..<automaton.stateCount {
                    rowStart.append(Int32(transitions.count + state * automaton.classCount))
                }
                memberOf += repeatElement(Int32(m), count: automaton.stateCount)
                transitions += automaton.transitions
                accepting += automaton.accepting
            }
        }
    }

    /// One subset construction: its inputs flattened, its states, and the runs it has produced so far.
    struct SubsetConstruction {
        let classCount: Int
        let caps: Caps
        let patterns: [Int32]
        let parties: [Int32]
        let tables: MemberTables
        /// Per member and joint class: the member's own class, so a step costs one lookup.
        let local: [UInt8]
        /// Per member: the last joint class of each run of joint classes that are one class of the member
        /// (`memberRunEnd[memberRunStart[m] ..< memberRunStart[m + 1]]`).
        let memberRunStart: [Int32]
        let memberRunEnd: [UInt8]
        let startSet: [UInt32]

        /// The states: sets of pairs, at most one per member (each member is deterministic), in member order.
        private(set) var sets = FlatKeyTable<UInt32>(capacity: 1_024)
        /// Per global state: the number of the state that is that pair alone, or -1.
        private var singleton: [Int32]
        /// Per member: in how many states it appears.
        private var occurrences: [Int]

        /// Per state: its first run; per run: its last joint class and its target (-1: no member continues).
        private(set) var runStart: [Int32] = []
        private(set) var runLast: [UInt8] = []
        private(set) var runTarget: [Int32] = []
        /// Per state: its accepting set, or -1.
        private(set) var acceptSet: [Int32] = []
        /// Accepting set k: its patterns, increasing; numbered in order of first appearance.
        private(set) var acceptingSets = FlatKeyTable<Int32>()
        private(set) var setPartyCount: [Int32] = []

        // Scratch buffers, kept between states.
        private var set: [UInt32] = []
        private var next: [UInt32] = []
        private var accepting: [Int32] = []
        private var partiesHere: [Int32] = []
        private var isSegmentEnd: [Bool]
        private var segmentEnds: [UInt8] = []

        /// `nil` only when the members' tables outgrow 32-bit numbers.
        init?(members: [Member], classCount: Int, lows: [Int], caps: Caps) {
            guard let tables = MemberTables(members) else { return nil }
            self.tables = tables
            self.classCount = classCount
            self.caps = caps
            patterns = members.map(\.pattern)
            parties = members.map(\.party)
            var local = [UInt8](repeating: 0, count: members.count * classCount)
            var runStarts: [Int32] = [0]
            var runEnds: [UInt8] = []
            for (m, member) in members.enumerated() {
                let row = m * classCount
                for k in 0..<classCount { local[row + k] = member.automaton.classMap[lows[k]] }
                for k in 0..<classCount where k == classCount - 1 || local[row + k] != local[row + k + 1] {
                    runEnds.append(UInt8(k))
                }
                runStarts.append(Int32(runEnds.count))
            }
            self.local = local
            memberRunStart = runStarts
            memberRunEnd = runEnds
            let bases = tables.stateBase
            startSet = members.indices.compactMap { m -> UInt32? in
                members[m].automaton.start < 0 ? nil : bases[m] + UInt32(members[m].automaton.start)
            }
            singleton = [Int32](repeating: -1, count: tables.accepting.count)
            occurrences = [Int](repeating: 0, count: members.count)
            isSegmentEnd = [Bool](repeating: false, count: classCount)
        }

        /// Builds every state; `false` when the caps (or 32-bit numbering) were exceeded.
        mutating func run() -> Bool {
            guard !startSet.isEmpty else { return true }
            guard intern(startSet) != nil else { return false }
            var head = 0
            while head < sets.count {
                guard expand(head) else { return false }
                head += 1
            }
            runStart.append(Int32(runLast.count))
            return true
        }

        /// The members present in the most states: they are the ones carried along every other path.
        func offenders() -> [Int] {
            let worst = occurrences.max() ?? 0
            return occurrences.indices.filter { occurrences[$0] * 2 >= worst }
        }

        /// The number of the state `pairs`, adding it when new; `nil` past the caps.
        private mutating func intern(_ pairs: [UInt32]) -> Int32? {
            if pairs.count == 1 {
                let known = singleton[Int(pairs[0])]
                if known >= 0 { return known }
            } else if let known = sets.find(pairs) {
                return known
            }
            guard sets.count < caps.states, sets.elementCount + pairs.count <= caps.pairs else { return nil }
            for pair in pairs { occurrences[Int(tables.memberOf[Int(pair)])] += 1 }
            let number = sets.insert(pairs).number
            if pairs.count == 1 { singleton[Int(pairs[0])] = number }
            return number
        }

        /// The number of the state that is global state `pair` alone, adding it when new; `nil` past the caps.
        private mutating func intern(single pair: UInt32) -> Int32? {
            let known = singleton[Int(pair)]
            if known >= 0 { return known }
            guard sets.count < caps.states, sets.elementCount + 1 <= caps.pairs else { return nil }
            occurrences[Int(tables.memberOf[Int(pair)])] += 1
            var key = pair
            let number = withUnsafePointer(to: &key) { sets.insert(UnsafeBufferPointer(start: $0, count: 1)).number }
            singleton[Int(pair)] = number
            return number
        }

        /// Records state `state`'s accepting set and runs; `false` past the caps.
        private mutating func expand(_ state: Int) -> Bool {
            let range = sets.range(of: state)
            runStart.append(Int32(runLast.count))
            if range.count == 1 { return expand(single: sets.arena[range.lowerBound]) }
            set.removeAll(keepingCapacity: true)
            set.append(contentsOf: sets.arena[range])
            recordAccepting()
            // Segments of joint classes in which every member's own class stays the same, hence so does the target:
            // every member's run ends, merged.
            segmentEnds.removeAll(keepingCapacity: true)
            for pair in set {
                let m = Int(tables.memberOf[Int(pair)])
                for run in Int(memberRunStart[m])..<Int(memberRunStart[m + 1]) {
                    isSegmentEnd[Int(memberRunEnd[run])] = true
                }
            }
            for k in 0..<classCount where isSegmentEnd[k] {
                isSegmentEnd[k] = false
                segmentEnds.append(UInt8(k))
            }
            var previous: Int32 = -2
            for end in segmentEnds {
                let k = Int(end)
                next.removeAll(keepingCapacity: true)
                for pair in set {
                    let m = Int(tables.memberOf[Int(pair)])
                    let target = tables.transitions[Int(tables.rowStart[Int(pair)]) + Int(local[m * classCount + k])]
                    if target >= 0 { next.append(tables.stateBase[m] + UInt32(target)) }
                }
                var target: Int32 = -1
                if !next.isEmpty {
                    guard let number = intern(next) else { return false }
                    target = number
                }
                appendRun(end: end, target: target, previous: &previous)
            }
            return true
        }

        /// `expand` for a state that is one member's state alone (most states past the first few bytes): its runs
        /// are the member's own class runs, and no set is built.
        private mutating func expand(single pair: UInt32) -> Bool {
            let m = Int(tables.memberOf[Int(pair)])
            if tables.accepting[Int(pair)] {
                var pattern = patterns[m]
                let (number, inserted) = withUnsafePointer(to: &pattern) {
                    acceptingSets.insert(UnsafeBufferPointer(start: $0, count: 1))
                }
                if inserted { setPartyCount.append(1) }
                acceptSet.append(number)
            } else {
                acceptSet.append(-1)
            }
            let row = Int(tables.rowStart[Int(pair)])
            let base = tables.stateBase[m]
            var previous: Int32 = -2
            for run in Int(memberRunStart[m])..<Int(memberRunStart[m + 1]) {
                let end = memberRunEnd[run]
                let next = tables.transitions[row + Int(local[m * classCount + Int(end)])]
                var target: Int32 = -1
                if next >= 0 {
                    guard let number = intern(single: base + UInt32(next)) else { return false }
                    target = number
                }
                appendRun(end: end, target: target, previous: &previous)
            }
            return true
        }

        /// Ends the current state's class runs at `end` with `target`: extends the last run when the target repeats
        /// (`previous`), else opens a new one.
        private mutating func appendRun(end: UInt8, target: Int32, previous: inout Int32) {
            if target == previous {
                runLast[runLast.count - 1] = end
            } else {
                runLast.append(end)
                runTarget.append(target)
                previous = target
            }
        }

        /// The accepting patterns of the state in `set`, increasing (members are sorted by pattern, pairs by
        /// member), and how many Parties they belong to.
        private mutating func recordAccepting() {
            accepting.removeAll(keepingCapacity: true)
            partiesHere.removeAll(keepingCapacity: true)
            for pair in set where tables.accepting[Int(pair)] {
                let m = Int(tables.memberOf[Int(pair)])
                accepting.append(patterns[m])
                partiesHere.append(parties[m])
            }
            guard !accepting.isEmpty else {
                acceptSet.append(-1)
                return
            }
            let (number, inserted) = acceptingSets.insert(accepting)
            if inserted {
                partiesHere.sort()
                var distinct: Int32 = 1
                for k in partiesHere.indices.dropFirst() where partiesHere[k] != partiesHere[k - 1] { distinct += 1 }
                setPartyCount.append(distinct)
            }
            acceptSet.append(number)
        }
    }
}
