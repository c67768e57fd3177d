// A set of Unicode scalar values, the alphabet of the analysable dialect: every literal, class, escape and `.`
// becomes one of these before it is turned into UTF-8 byte paths of the automaton.

/// A set of Unicode scalar values, stored as sorted, disjoint, non-adjacent closed ranges.
///
/// Surrogates (U+D800–U+DFFF) are never members: they are not scalars, and PCRE2 in UTF mode never matches them.
package struct ScalarSet: Hashable, Sendable {
    /// Sorted, disjoint, non-adjacent ranges.
    private(set) var ranges: [ClosedRange<UInt32>]

    /// The empty set.
    init() { ranges = [] }

    /// The set holding the given ranges (in any order, possibly overlapping; surrogates are removed).
    init(_ input: [ClosedRange<UInt32>]) {
        // One range clear of the surrogates (every literal, most classes): nothing to split, sort or merge.
        if input.count == 1, let range = input.first, range.upperBound <= 0x10FFFF,
           range.upperBound < 0xD800 || range.lowerBound > 0xDFFF
        {
            ranges = input
            return
        }
        var pieces: [ClosedRange<UInt32>] = []
        for range in input {
            let lower = range.lowerBound, upper = min(range.upperBound, 0x10FFFF)
            guard lower <= upper else { continue }
            if upper < 0xD800 || lower > 0xDFFF {
                pieces.append(lower...upper)
            } else {
                if lower < 0xD800 { pieces.append(lower...0xD7FF) }
                if upper > 0xDFFF { pieces.append(0xE000...upper) }
            }
        }
        pieces.sort { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<UInt32>] = []
        for piece in pieces {
            if let last = merged.last, piece.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, piece.upperBound)
            } else {
                merged.append(piece)
            }
        }
        ranges = merged
    }

    /// The set of one scalar.
    init(scalar: UInt32) { self.init([scalar...scalar]) }

    /// ASCII characters, given as a string of members and `a-z` style ranges are not interpreted.
    init(ascii members: String) { self.init(members.unicodeScalars.map { $0.value...$0.value }) }

    /// Every Unicode scalar value.
    static let all = ScalarSet([0...0x10FFFF])

    var isEmpty: Bool { ranges.isEmpty }

    /// `true` when every member is below U+0080.
    var isASCII: Bool { (ranges.last?.upperBound ?? 0) < 0x80 }

    /// The smallest member.
    var first: UInt32? { ranges.first?.lowerBound }

    /// Number of members.
    var count: Int { ranges.reduce(0) { $0 + Int($1.upperBound - $1.lowerBound) + 1 } }

    func contains(_ scalar: UInt32) -> Bool {
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].upperBound < scalar { low = mid + 1 } else { high = mid }
        }
        return low < ranges.count && ranges[low].contains(scalar)
    }

    func union(_ other: ScalarSet) -> ScalarSet { ScalarSet(ranges + other.ranges) }

    /// Every scalar not in this set.
    func inverted() -> ScalarSet {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges {
            if range.lowerBound > next { result.append(next...range.lowerBound - 1) }
            next = range.upperBound + 1
        }
        if next <= 0x10FFFF { result.append(next...0x10FFFF) }
        return ScalarSet(result)
    }

    func intersection(_ other: ScalarSet) -> ScalarSet {
        inverted().union(other.inverted()).inverted()
    }

    func isDisjoint(with other: ScalarSet) -> Bool { intersection(other).isEmpty }

    /// The set closed under PCRE2's caseless matching in UTF mode without UCP, for a set of ASCII scalars:
    /// each ASCII letter with its other case, plus U+212A KELVIN SIGN with k and K and U+017F LONG S with s and S
    /// (PCRE2's caseless sets). Only meaningful when ``isASCII``; callers make other sets opaque.
    func caselessClosure() -> ScalarSet {
        var extra: [ClosedRange<UInt32>] = []
        for range in ranges where range.lowerBound < 0x80 {
            for scalar in range.lowerBound...min(range.upperBound, 0x7F) {
                switch scalar {
                case 0x41...0x5A: extra.append(scalar + 0x20...scalar + 0x20)
                case 0x61...0x7A: extra.append(scalar - 0x20...scalar - 0x20)
                default: break
                }
                if scalar == 0x4B || scalar == 0x6B { extra.append(0x212A...0x212A) }
                if scalar == 0x53 || scalar == 0x73 { extra.append(0x017F...0x017F) }
            }
        }
        return extra.isEmpty ? self : ScalarSet(ranges + extra)
    }
}

extension ScalarSet {
    static let digits = ScalarSet([0x30...0x39])
    static let word = ScalarSet([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    /// `\s` in PCRE2 10.x: space, HT, LF, VT, FF, CR.
    static let space = ScalarSet([0x09...0x0D, 0x20...0x20])
    static let newline = ScalarSet(scalar: 0x0A)

    /// The POSIX class `name` as PCRE2 reads it without UCP (ASCII only); `nil` for an unknown name.
    static func posix(_ name: String) -> ScalarSet? {
        switch name {
        case "alnum": return ScalarSet([0x30...0x39, 0x41...0x5A, 0x61...0x7A])
        case "alpha": return ScalarSet([0x41...0x5A, 0x61...0x7A])
        case "ascii": return ScalarSet([0...0x7F])
        case "blank": return ScalarSet([0x09...0x09, 0x20...0x20])
        case "cntrl": return ScalarSet([0...0x1F, 0x7F...0x7F])
        case "digit": return digits
        case "graph": return ScalarSet([0x21...0x7E])
        case "lower": return ScalarSet([0x61...0x7A])
        case "print": return ScalarSet([0x20...0x7E])
        case "punct": return ScalarSet([0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E])
        case "space": return space
        case "upper": return ScalarSet([0x41...0x5A])
        case "word": return word
        case "xdigit": return ScalarSet([0x30...0x39, 0x41...0x46, 0x61...0x66])
        default: return nil
        }
    }
}
