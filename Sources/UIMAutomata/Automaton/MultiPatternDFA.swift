// The multi-pattern byte automaton: one deterministic pass over a normalised UIM yields the exact set of analysable
// patterns that match it whole. Byte classes keep rows short; each state's set of accepting patterns is stored once,
// with the number of distinct Parties in it precomputed, so ambiguity is read off the final state. The automaton is
// held once, as the hot tables the router walks (`HotTables`, below): a dense transition table while it fits in
// `denseLimitBytes` (64 KiB), else a compact layout of one row of packed words per state in depth-first order, a
// state's number being its row's offset, so one step costs one cache line and the rows of a pattern's tail lie one
// after another.

/// A deterministic automaton over bytes whose states know which patterns accept there.
package struct MultiPatternDFA: Sendable {
    /// Number of joint byte classes.
    let classCount: Int
    /// Number of states (either layout).
    package let stateCount: Int
    /// Accepting set `k` is `setPatterns[setStart[k] ..< setStart[k + 1]]`: pattern indices of the router, increasing.
    package let setStart: [Int32]
    package let setPatterns: [Int32]
    /// Per accepting set: how many distinct Parties its patterns belong to.
    package let setPartyCount: [Int32]
    /// The router's pattern indices this automaton decides, increasing.
    package let members: [Int32]

    /// The tables the hot path reads, behind plain pointers (no reference counting per UIM): the one representation
    /// of the automaton's states and transitions.
    package let hot: HotTables
    let memory: TableMemory

    /// A dense table larger than this many bytes is stored compactly.
    static let denseLimitBytes = 1 << 16

    /// Lays out the automaton built by `build`: `dense` (`dense[state * classCount + class]`) when non-empty, with
    /// `acceptSet` per state, else `packed` (see ``TableMemory``). Both arrays are build-time only: the hot tables
    /// are the copy kept.
    init(classMap: [UInt8], classCount: Int, dense: [Int32], packed: [UInt32], acceptSet: [Int32], stateCount: Int,
         setStart: [Int32], setPatterns: [Int32], setPartyCount: [Int32], members: [Int32]) {
        self.classCount = classCount
        self.stateCount = stateCount
        self.setStart = setStart
        self.setPatterns = setPatterns
        self.setPartyCount = setPartyCount
        self.members = members
        memory = TableMemory(classMap: classMap, classCount: classCount, dense: dense, packed: packed,
                             acceptSet: acceptSet, stateCount: stateCount)
        hot = memory.tables
        #if DEBUG
        _checkInvariants()
        #endif
    }

    /// Bytes held: the hot tables (class map, transitions or rows, masks, accepting sets per state) and the accepting
    /// sets' pattern lists, Party counts and the member list.
    package var memoryBytes: Int {
        memory.byteCount + (setStart.count + setPatterns.count + setPartyCount.count + members.count) * 4
    }

    /// `true` when the compact layout is in use.
    package var isCompact: Bool { hot.transitions == nil && stateCount > 0 }

    /// Runs `subject` through the automaton: the index of the accepting set of the final state, or -1 (no member
    /// pattern matches the whole subject).
    func acceptingSet(_ subject: UnsafeBufferPointer<UInt8>) -> Int {
        HotTables.acceptingSets(hot, .none, subject).0
    }

    /// The start state (a position in the hot tables), or -1 when the automaton has no state. With
    /// ``next(_:_:)`` and ``acceptingSet(ofState:)``, a byte-at-a-time view of the hot tables for tests, invariants
    /// and explanations; routing walks ``hot`` through ``HotTables/acceptingSets(_:_:_:walkFirst:walkSecond:)``.
    var startState: Int { hot.start }

    /// The accepting set of `state` (a state as ``next(_:_:)`` returns, ≥ 0), or -1.
    func acceptingSet(ofState state: Int) -> Int { hot.acceptingSet(at: state) }

    /// The next state from `state` (≥ 0) on `byte`, or -1.
    func next(_ state: Int, _ byte: UInt8) -> Int { hot.step(state, byte) }
}

/// An automaton's tables as the hot path reads them.
///
/// Dense: `transitions[position | class]`, where a position is a state number shifted left by `shift` (a row stride
/// of a power of two ≥ the class count), so a step is one load and an OR; -1 is the dead state.
///
/// Compact: a position is the offset of the state's row in `rows`, rows following the depth-first order of the
/// build's run rows (``MultiPatternDFA/pack(runStart:runLast:runTarget:acceptSet:)``). A row starts with a header
/// `runCount | kind | (acceptingSet + 1) << 11`:
/// * a *mask row* (bit 9), for a state whose live classes all lead to one target (a pattern's tail, mostly): the
///   low 9 bits number its set of live classes in `masks` (a small shared table of `maskWords`-word bitmasks), and
///   the target's position follows unless bit 10 says it is the next row. Such a row is one word; a step tests one
///   bit of a mask that stays in cache and, for the next row, knows the next address without waiting for any load;
/// * a *run row*: `runCount` runs `lastClass | (target position + 1) << 8` by increasing last class, the last one
///   ending at the last class (target 0: dead), found by a short search.
///
/// Safety (`@unchecked Sendable`): the pointers point into a ``TableMemory`` that the owning ``MultiPatternDFA``
/// keeps alive and that is never written after it is built.
package struct HotTables: @unchecked Sendable {
    let classes: UnsafePointer<UInt8>
    /// Dense transitions (premultiplied targets), or `nil` when compact.
    let transitions: UnsafePointer<Int32>?
    let rows: UnsafePointer<UInt32>?
    /// Compact only: the live-class bitmasks of mask rows, `maskWords` words each.
    let masks: UnsafePointer<UInt32>?
    /// Dense only: per state, its accepting set or -1.
    let acceptByState: UnsafePointer<Int32>?
    let shift: Int
    /// Compact only: the words of a mask row's class mask.
    let maskWords: Int
    /// The start position, or -1 when the automaton has no state.
    package let start: Int

    static let maskRow: UInt32 = 1 << 9
    static let toNextRow: UInt32 = 1 << 10

    /// Tables that accept nothing.
    package static let none = TableMemory.none.tables

    /// The position after reading `byte` from `position` (≥ 0), or -1.
    @inline(__always)
    package func step(_ position: Int, _ byte: UInt8) -> Int {
        let byteClass = Int(classes[Int(byte)])
        if let transitions { return Int(transitions[position | byteClass]) }
        let rows = rows.unsafelyUnwrapped
        let header = rows[position]
        if header & Self.maskRow != 0 {
            let word = masks.unsafelyUnwrapped[Int(header & 0x1FF) &* maskWords &+ (byteClass >> 5)]
            if (word >> UInt32(byteClass & 31)) & 1 == 0 { return -1 }
            let after = position &+ 1
            // A branch, not a select: the next address must not wait for the header's load.
            if _fastPath(header & Self.toNextRow != 0) { return after }
            return Int(rows[after])
        }
        let wanted = UInt32(byteClass)
        var low = position &+ 1
        var high = low &+ Int(header & 0x1FF) &- 1
        // The last run always ends at the last class, so the search always lands.
        while high &- low > 6 {
            let mid = (low &+ high) >> 1
            if rows[mid] & 0xFF < wanted { low = mid &+ 1 } else { high = mid }
        }
        while rows[low] & 0xFF < wanted { low &+= 1 }
        return Int(rows[low] >> 8) &- 1
    }

    /// The accepting set at `position` (≥ 0), or -1.
    @inline(__always)
    package func acceptingSet(at position: Int) -> Int {
        if let acceptByState { return Int(acceptByState[position >> shift]) }
        return Int(rows.unsafelyUnwrapped[position] >> 11) &- 1
    }

    /// Runs `subject` through two automata at once (their dependent loads overlap): each one's accepting set, or -1.
    /// An automaton not to walk counts as accepting nothing.
    @inline(__always)
    package static func acceptingSets(_ a: HotTables, _ b: HotTables, _ subject: UnsafeBufferPointer<UInt8>,
                              walkFirst: Bool = true, walkSecond: Bool = true) -> (Int, Int) {
        var first = walkFirst ? a.start : -1
        var second = walkSecond ? b.start : -1
        for byte in subject {
            if first >= 0 { first = a.step(first, byte) }
            if second >= 0 { second = b.step(second, byte) }
            if first & second < 0 { return (-1, -1) }
        }
        return (first < 0 ? -1 : a.acceptingSet(at: first), second < 0 ? -1 : b.acceptingSet(at: second))
    }
}

/// The memory behind one automaton's ``HotTables``, freed with it.
///
/// Safety (`@unchecked Sendable`): written only in `init`, read-only afterwards.
final class TableMemory: @unchecked Sendable {
    let tables: HotTables
    /// Bytes allocated for the tables.
    let byteCount: Int
    /// What the invariants need to know of the tables' extent: joint classes, states, and (compact) words of rows
    /// and masks.
    let classCount: Int
    let stateCount: Int
    let rowWordCount: Int
    let maskWordCount: Int
    private let base: UnsafeMutableRawPointer

    static let none = TableMemory(classMap: [UInt8](repeating: 0, count: 256), classCount: 1, dense: [], packed: [],
                                  acceptSet: [], stateCount: 0)

    init(classMap: [UInt8], classCount: Int, dense: [Int32], packed: [UInt32], acceptSet: [Int32], stateCount: Int) {
        var shift = 0
        while 1 << shift < classCount { shift += 1 }
        let maskWords = (classCount + 31) / 32
        let isDense = !dense.isEmpty
        let transitionCount = isDense ? stateCount << shift : 0
        let (rowWords, maskTable) = isDense ? ([], [])
            : Self.compactRows(packed, classCount: classCount, maskWords: maskWords)
        self.classCount = classCount
        self.stateCount = stateCount
        rowWordCount = rowWords.count
        maskWordCount = maskTable.count
        byteCount = 256 + 4 * (transitionCount + rowWords.count + maskTable.count + (isDense ? stateCount : 0)) + 16
        base = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: 64)
        let classes = base.bindMemory(to: UInt8.self, capacity: 256)
        classes.initialize(from: classMap, count: 256)
        var transitions: UnsafePointer<Int32>?
        var acceptByState: UnsafePointer<Int32>?
        var rows: UnsafePointer<UInt32>?
        var masks: UnsafePointer<UInt32>?
        if isDense {
            let words = (base + 256).bindMemory(to: Int32.self, capacity: transitionCount + stateCount)
            // Premultiplied targets; the padding columns of a row lead nowhere (never read: classes < classCount).
            for state in 0..<stateCount {
                for byteClass in 0..<(1 << shift) {
                    let target = byteClass < classCount ? dense[state * classCount + byteClass] : -1
                    words[state << shift | byteClass] = target < 0 ? -1 : target << Int32(shift)
                }
            }
            (words + transitionCount).initialize(from: acceptSet, count: stateCount)
            transitions = UnsafePointer(words)
            acceptByState = UnsafePointer(words + transitionCount)
        } else if !rowWords.isEmpty {
            let words = (base + 256).bindMemory(to: UInt32.self, capacity: maskTable.count + rowWords.count)
            words.initialize(from: maskTable, count: maskTable.count)
            (words + maskTable.count).initialize(from: rowWords, count: rowWords.count)
            masks = UnsafePointer(words)
            rows = UnsafePointer(words + maskTable.count)
        }
        tables = HotTables(classes: UnsafePointer(classes), transitions: transitions, rows: rows, masks: masks,
                           acceptByState: acceptByState, shift: shift, maskWords: maskWords,
                           start: stateCount > 0 ? 0 : -1)
    }

    deinit { base.deallocate() }

    /// Re-lays `packed` (run rows, header `runCount | (acceptingSet + 1) << 9`) as ``HotTables`` rows, in the same
    /// order: single-target states become mask rows (while there are at most 512 distinct masks), every target is
    /// renumbered to its new position. Returns the rows and the mask table.
    private static func compactRows(_ packed: [UInt32], classCount: Int, maskWords: Int)
        -> (rows: [UInt32], masks: [UInt32]) {
        // Old row offsets, and per old row: its single live target (old offset + 1 encoded), 0 when none or several.
        var oldRows: [Int] = []
        var single: [UInt32] = []
        var row = 0
        while row < packed.count {
            oldRows.append(row)
            let runCount = Int(packed[row] & 0x1FF)
            var target: UInt32 = 0
            var several = false
            for k in (row + 1)..<(row + 1 + runCount) {
                let live = packed[k] >> 8
                guard live != 0 else { continue }
                if target == 0 { target = live } else if live != target { several = true }
            }
            single.append(several ? 0 : target)
            row += 1 + runCount
        }
        // The live-class mask of each single-target row, numbered; past 512 distinct masks, rows keep their runs.
        var maskIndex: [[UInt32]: Int] = [:]
        var maskTable: [UInt32] = []
        var rowMask = [Int](repeating: -1, count: oldRows.count)
        for (index, old) in oldRows.enumerated() where single[index] != 0 {
            var mask = [UInt32](repeating: 0, count: maskWords)
            var first = 0
            for k in (old + 1)..<(old + 1 + Int(packed[old] & 0x1FF)) {
                let last = Int(packed[k] & 0xFF)
                if packed[k] >> 8 != 0 {
                    for byteClass in first...last { mask[byteClass >> 5] |= 1 << UInt32(byteClass & 31) }
                }
                first = last + 1
            }
            if let known = maskIndex[mask] {
                rowMask[index] = known
            } else if maskIndex.count < 512 {
                maskIndex[mask] = maskIndex.count
                maskTable += mask
                rowMask[index] = maskIndex.count - 1
            } else {
                single[index] = 0
            }
        }
        // New positions.
        var newPosition = [Int32](repeating: -1, count: packed.count + 1)
        var sizes: [Int] = []
        var next = 0
        for (index, old) in oldRows.enumerated() {
            newPosition[old] = Int32(next)
            let runCount = Int(packed[old] & 0x1FF)
            let followsNext = single[index] != 0 && Int(single[index]) - 1 == old + 1 + runCount
            let size = single[index] != 0 ? 1 + (followsNext ? 0 : 1) : 1 + runCount
            sizes.append(size)
            next += size
        }
        guard next < 1 << 24 else { return (packed.map { $0 & 0x1FF | ($0 >> 9) << 11 }, []) }   // keep run rows
        var words: [UInt32] = []
        words.reserveCapacity(next)
        for (index, old) in oldRows.enumerated() {
            let header = packed[old]
            let runCount = Int(header & 0x1FF)
            let accept = (header >> 9) << 11
            if single[index] != 0 {
                let followsNext = Int(single[index]) - 1 == old + 1 + runCount
                words.append(HotTables.maskRow | (followsNext ? HotTables.toNextRow : 0) | accept
                    | UInt32(rowMask[index]))
                if !followsNext { words.append(UInt32(newPosition[Int(single[index]) - 1])) }
            } else {
                words.append(UInt32(runCount) | accept)
                for k in (old + 1)..<(old + 1 + runCount) {
                    let target = packed[k] >> 8
                    let renumbered = target == 0 ? 0 : UInt32(newPosition[Int(target) - 1] + 1)
                    words.append(packed[k] & 0xFF | renumbered << 8)
                }
            }
        }
        return (words, maskTable)
    }
}
