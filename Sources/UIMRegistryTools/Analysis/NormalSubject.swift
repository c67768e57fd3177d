// The language of normalised UIMs as the router sees them: what a witness of an overlap must belong to, or it
// would never reach the patterns. Non-empty, no white space at either end (the normaliser strips it), no control
// character except GS (0x1D), no C1 control (U+0080–U+009F). Valid UTF-8 comes from the patterns' automata.
import UIMAutomata

enum NormalSubject {
    /// Accepts exactly the byte strings (valid UTF-8 assumed) that the normaliser leaves unchanged and accepts,
    /// length aside (the 512-byte limit is applied to the shortest witness afterwards).
    static let automaton: ByteDFA = {
        // States: 0 start, 1 inside (last byte not a space: accepting), 2 after a space, 3 after the lead byte C2.
        let boundaries: [(UInt8, UInt8)] = [(0x00, 0x1C), (0x1D, 0x1D), (0x1E, 0x1F), (0x20, 0x20), (0x7F, 0x7F),
                                            (0x80, 0x9F), (0xA0, 0xBF), (0xC2, 0xC2)]
        let (map, lows) = ByteDFA.classes(boundaries: boundaries)
        func step(_ state: Int, _ byte: UInt8) -> Int32 {
            if state == 3 { return (0xA0...0xBF).contains(byte) ? 1 : -1 }
            switch byte {
            case 0x1D: return 1
            case 0x00...0x1F, 0x7F: return -1
            case 0x20: return state == 0 ? -1 : 2
            case 0xC2: return 3
            default: return 1
            }
        }
        var transitions: [Int32] = []
        for state in 0..<4 {
            for low in lows { transitions.append(step(state, low)) }
        }
        return ByteDFA(classMap: map, classCount: lows.count, classLow: lows, transitions: transitions,
                       accepting: [false, true, false, false], start: 0)
    }()

    /// The line to give the router so that it routes `uim`: `uim` itself, or behind an AIM symbology identifier
    /// when it starts with `]` (the normaliser would otherwise take its first three characters for one).
    static func routableLine(for uim: [UInt8]) -> [UInt8] {
        uim.first == UInt8(ascii: "]") ? Array("]d2".utf8) + uim : uim
    }
}
