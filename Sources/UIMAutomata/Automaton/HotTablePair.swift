// The router walks its (at most two) multi-pattern automata together, in one pass over a UIM: this names the pair
// it walks instead of a bare tuple.

/// The hot tables of the router's automata, in ``AutomatonIndex/automata`` order; ``HotTables/none`` stands for an
/// absent automaton.
package struct HotTablePair: Sendable {
    /// The first automaton's tables (the prefixed patterns' when there are any).
    package let first: HotTables
    /// The second automaton's tables, or ``HotTables/none``.
    package let second: HotTables

    /// The tables of `automata` (at most two).
    package init(_ automata: [MultiPatternDFA]) {
        precondition(automata.count <= 2, "the router walks at most two automata")
        first = automata.first?.hot ?? .none
        second = automata.dropFirst().first?.hot ?? .none
    }

    /// Both, for a loop over the automata.
    package var both: [HotTables] { [first, second] }

    /// Runs `subject` through both automata at once: each one's accepting set, or -1 (see
    /// ``HotTables/acceptingSets(_:_:_:walkFirst:walkSecond:)``).
    @inline(__always)
    package func acceptingSets(_ subject: UnsafeBufferPointer<UInt8>, walkFirst: Bool, walkSecond: Bool) -> (Int, Int) {
        HotTables.acceptingSets(first, second, subject, walkFirst: walkFirst, walkSecond: walkSecond)
    }
}
