// Local repairs searched through the router's multi-pattern automata: a walk over the UIM that may, besides reading
// each byte, take a GS edge without consuming anything (lost group separators), read a look-alike instead of one
// byte (one confusion), or read two neighbours swapped (one transposition). The walk keeps, per position, the
// automaton states reached with an edit and the edits that led there (a few per state), so its work is linear in
// the UIM's length times the live states, bounded by the finder's step budget. Patterns off the automata (opaque or
// too large) are reached only by the whole-string rewrites.
import UIMAutomata

extension HintFinder {
    /// One edit of the subject: `length` bytes at `index` replaced by `bytes` (an insertion when `length` is 0).
    struct Edit: Hashable {
        var index: Int
        var length: Int
        var bytes: [UInt8]
    }

    /// Edits kept per automaton state and position: edits at different places often lead to one state (a run such as
    /// `[0-9A-Z]{13}` forgets where it was edited), and they have the same futures in the automaton but not the same
    /// check characters, which only the router's confirmation decides. One edit per position fits below this.
    static let editsPerState = 64
    /// Lost group separators restored in one UIM at most.
    static let maxInsertedSeparators = 4

    /// The states of `tables` after reading `subject[0..<i]` unedited (-1: dead), and the steps that took (the walk
    /// of each kind is charged them, as if it had read the subject itself).
    func plainStates(_ subject: [UInt8], _ tables: HotTables) -> (states: [Int], steps: Int) {
        var plain = [Int](repeating: -1, count: subject.count + 1)
        plain[0] = tables.start
        var steps = 0
        for i in 0..<subject.count where plain[i] >= 0 {
            plain[i + 1] = tables.step(plain[i], subject[i])
            steps += 1
        }
        return (plain, steps)
    }

    /// The automaton states reached at one position with an edit, each with the edit lists that led there.
    /// A short array searched in order: a position holds a few states, and hashing each lookup cost more.
    private struct Reached {
        var state: Int
        var lists: [[Edit]]
    }

    /// Repaired subjects that the automaton `tables` accepts, for the local damage `kind`, given the subject's
    /// plain states in `tables` (``plainStates(_:_:)``).
    func walk(_ subject: [UInt8], _ tables: HotTables, plain: (states: [Int], steps: Int), kind: RepairKind,
              budget: inout Int) -> [[UInt8]] {
        let n = subject.count
        budget -= plain.steps
        let plain = plain.states
        var edited = [[Reached]](repeating: [], count: n + 2)
        func slot(_ state: Int, at position: Int) -> Int? {
            edited[position].firstIndex { $0.state == state }
        }
        func count(_ state: Int, at position: Int) -> Int {
            slot(state, at: position).map { edited[position][$0].lists.count } ?? 0
        }
        // Distinct edit lists always spell distinct strings, so no list needs comparing with another.
        func add(_ state: Int, _ edits: [Edit], at position: Int) {
            guard state >= 0 else { return }
            if let k = slot(state, at: position) {
                edited[position][k].lists.append(edits)
            } else {
                edited[position].append(Reached(state: state, lists: [edits]))
            }
        }
        func add(_ state: Int, _ lists: [[Edit]], at position: Int) {
            guard state >= 0 else { return }
            if let k = slot(state, at: position) {
                let room = Self.editsPerState - edited[position][k].lists.count
                edited[position][k].lists += lists.prefix(room)
            } else {
                edited[position].append(Reached(state: state, lists: lists))
            }
        }
        for i in 0...n {
            guard budget > 0 else { break }
            if kind == .gsRestored, plain[i] >= 0 || !edited[i].isEmpty {
                // GS edges taken without consuming a byte, from the plain state and from states already edited.
                var queue: [(Int, [Edit])] = []
                if edited[i].isEmpty {
                    // The common case: only the plain state, whose GS edge is usually dead; no queue then.
                    let next = tables.step(plain[i], 0x1D)
                    budget -= 1
                    if next >= 0, count(next, at: i) < Self.editsPerState {
                        let more = [Edit(index: i, length: 0, bytes: [0x1D])]
                        add(next, more, at: i)
                        queue.append((next, more))
                    }
                } else {
                    if plain[i] >= 0 { queue.append((plain[i], [])) }
                    for reached in edited[i] { for edits in reached.lists { queue.append((reached.state, edits)) } }
                }
                while let (state, edits) = queue.popLast(), budget > 0 {
                    guard edits.count < Self.maxInsertedSeparators else { continue }
                    let next = tables.step(state, 0x1D)
                    budget -= 1
                    guard next >= 0 else { continue }
                    guard count(next, at: i) < Self.editsPerState else { continue }
                    let more = edits + [Edit(index: i, length: 0, bytes: [0x1D])]
                    add(next, more, at: i)
                    queue.append((next, more))
                }
            }
            guard i < n else { break }
            for reached in edited[i] {
                let next = tables.step(reached.state, subject[i])
                budget -= 1
                add(next, reached.lists, at: i + 1)
            }
            guard plain[i] >= 0 else { continue }
            switch kind {
            case .typedConfusable:
                for alternative in Self.confusables[Int(subject[i])] {
                    budget -= 1
                    let next = tables.step(plain[i], alternative)
                    guard next >= 0, count(next, at: i + 1) < Self.editsPerState else { continue }
                    add(next, [Edit(index: i, length: 1, bytes: [alternative])], at: i + 1)
                }
            case .typedTransposition:
                guard i + 1 < n, subject[i] != subject[i + 1], subject[i] < 0x80, subject[i + 1] < 0x80 else { break }
                let middle = tables.step(plain[i], subject[i + 1])
                budget -= 2
                let next = middle >= 0 ? tables.step(middle, subject[i]) : -1
                if next >= 0, count(next, at: i + 2) < Self.editsPerState {
                    add(next, [Edit(index: i, length: 2, bytes: [subject[i + 1], subject[i]])], at: i + 2)
                }
            default:
                break
            }
        }
        var repaired: [[UInt8]] = []
        for reached in edited[n] where tables.acceptingSet(at: reached.state) >= 0 {
            for edits in reached.lists { repaired.append(Self.apply(edits, to: subject)) }
        }
        return repaired.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// `subject` with `edits` (in increasing index order, not overlapping) applied.
    static func apply(_ edits: [Edit], to subject: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var k = 0
        for edit in edits {
            result += subject[k..<edit.index]
            result += edit.bytes
            k = edit.index + edit.length
        }
        return result + subject[k...]
    }

    /// Per byte: the look-alikes a person typing the printed code may have meant instead.
    static let confusables: [[UInt8]] = {
        var table = [[UInt8]](repeating: [], count: 256)
        let pairs: [(Character, String)] = [
            ("O", "0D"), ("0", "OD"), ("o", "0"), ("D", "0"), ("I", "1l"), ("l", "1I"), ("1", "IlL"), ("L", "1"),
            ("S", "5"), ("5", "S"), ("s", "5"), ("B", "8"), ("8", "B"), ("Z", "2"), ("2", "Z"), ("z", "2"),
            ("G", "6"), ("6", "G"),
        ]
        for (typed, meant) in pairs { table[Int(typed.asciiValue!)] = Array(meant.utf8) }
        return table
    }()
}
