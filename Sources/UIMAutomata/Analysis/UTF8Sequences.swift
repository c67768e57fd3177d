// Turns a set of Unicode scalars into the byte-range sequences of their UTF-8 encodings, so the automaton can run
// on bytes: each sequence is 1–4 byte ranges, and the sequences of one set are disjoint.

enum UTF8Sequences {
    /// The UTF-8 byte-range sequences matching exactly the scalars of `set` (the algorithm of RE2 and Rust's
    /// `regex-syntax`: split at encoding-length boundaries, then until every byte position is a full range).
    static func of(_ set: ScalarSet) -> [[ClosedRange<UInt8>]] {
        var result: [[ClosedRange<UInt8>]] = []
        for range in set.ranges { add(range.lowerBound, range.upperBound, into: &result) }
        return result
    }

    private static func add(_ low: UInt32, _ high: UInt32, into result: inout [[ClosedRange<UInt8>]]) {
        guard low <= high else { return }
        for boundary: UInt32 in [0x7F, 0x7FF, 0xFFFF] where low <= boundary && high > boundary {
            add(low, boundary, into: &result)
            add(boundary + 1, high, into: &result)
            return
        }
        if high <= 0x7F {
            result.append([UInt8(low)...UInt8(high)])
            return
        }
        for i: UInt32 in 1...3 {
            let mask: UInt32 = (1 << (6 * i)) - 1
            if low & ~mask != high & ~mask {
                if low & mask != 0 {
                    add(low, low | mask, into: &result)
                    add((low | mask) + 1, high, into: &result)
                    return
                }
                if high & mask != mask {
                    add(low, (high & ~mask) - 1, into: &result)
                    add(high & ~mask, high, into: &result)
                    return
                }
            }
        }
        let a = encode(low), b = encode(high)
        result.append(zip(a, b).map { $0...$1 })
    }

    /// The UTF-8 encoding of a scalar value.
    static func encode(_ value: UInt32) -> [UInt8] {
        switch value {
        case 0..<0x80: return [UInt8(value)]
        case 0x80..<0x800: return [UInt8(0xC0 | value >> 6), UInt8(0x80 | value & 0x3F)]
        case 0x800..<0x10000:
            return [UInt8(0xE0 | value >> 12), UInt8(0x80 | value >> 6 & 0x3F), UInt8(0x80 | value & 0x3F)]
        default:
            return [UInt8(0xF0 | value >> 18), UInt8(0x80 | value >> 12 & 0x3F), UInt8(0x80 | value >> 6 & 0x3F),
                    UInt8(0x80 | value & 0x3F)]
        }
    }
}
