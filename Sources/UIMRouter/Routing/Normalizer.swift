// The contract's small, explicit normalisation of scanned input, on UTF-8 bytes, without copying.

/// Why an input line cannot be routed at all.
public enum InvalidReason: String, Error, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Nothing left after removing white space and the symbology identifier.
    case empty = "empty"
    /// More than ``Normalizer/maximumLength`` bytes.
    case tooLong = "longer than 512 bytes"
    /// The bytes are not valid UTF-8.
    case notUTF8 = "not valid UTF-8"
    /// A control character other than the GS separator (0x1D).
    case controlCharacter = "control character"

    public var description: String { rawValue }
}

/// Normalises scanned input: surrounding white space and a leading AIM symbology identifier are removed; nothing
/// else changes (never case).
public enum Normalizer {
    /// The longest input accepted, in bytes.
    public static let maximumLength = 512

    /// The byte range of the normalised UIM inside `input`, or why the input is invalid.
    ///
    /// Order: length (of the input as given), UTF-8 validity, white space (space, tab, CR, LF, VT, FF) at both ends,
    /// a leading `]` plus two characters (`]d2`, `]Q3`, `]C1` …), emptiness, control characters (C0, DEL and C1,
    /// except GS 0x1D). Allocation-free.
    @inlinable
    public static func normalise(_ input: UnsafeBufferPointer<UInt8>) -> Result<Range<Int>, InvalidReason> {
        if input.count > maximumLength { return .failure(.tooLong) }
        // Scanned UIMs are nearly always ASCII, which is valid UTF-8: one cheap pass proves it.
        let ascii = isASCII(input)
        if !ascii, !isValidUTF8(input) { return .failure(.notUTF8) }
        var start = 0
        var end = input.count
        while start < end, isSpace(input[start]) { start += 1 }
        while end > start, isSpace(input[end - 1]) { end -= 1 }
        if start < end, input[start] == UInt8(ascii: "]") {
            // `]` followed by two characters (Unicode scalars; in practice ASCII).
            var cursor = start + 1
            var taken = 0
            while taken < 2, cursor < end {
                cursor += scalarLength(input[cursor])
                taken += 1
            }
            if taken == 2, cursor <= end { start = cursor }
        }
        if start >= end { return .failure(.empty) }
        if ascii {
            // Control characters: C0 except GS, and DEL. Branch-free per byte: a bit per byte value.
            // Eight bytes at a time, then the rest one by one.
            var index = start
            if let base = input.baseAddress {
                while index + 8 <= end {
                    if controlBytes(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) != 0 {
                        return .failure(.controlCharacter)
                    }
                    index += 8
                }
            }
            var found: UInt8 = 0
            for index in index..<end {
                let byte = input[index]
                let c0: UInt8 = byte < 0x20 ? 1 : 0
                let gs: UInt8 = byte == 0x1D ? 1 : 0
                let del: UInt8 = byte == 0x7F ? 1 : 0
                found |= (c0 & ~gs) | del
            }
            return found != 0 ? .failure(.controlCharacter) : .success(start..<end)
        }
        var index = start
        while index < end {
            let byte = input[index]
            if isControl(byte) { return .failure(.controlCharacter) }
            // C1 controls U+0080–U+009F are encoded C2 80 … C2 9F.
            if byte == 0xC2, index + 1 < end, input[index + 1] < 0xA0 { return .failure(.controlCharacter) }
            index += 1
        }
        return .success(start..<end)
    }

    /// For eight ASCII bytes: the high bit of each byte that is a control character (C0 except GS, or DEL).
    @inlinable @inline(__always)
    static func controlBytes(_ word: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        // Bytes below 0x20: setting the high bit and subtracting 0x20 borrows out of it only for them.
        let below20 = ~((word | high) &- 0x2020_2020_2020_2020) & high
        // Bytes equal to a value: the zero bytes of the XOR, found exactly (no carry crosses a byte).
        let gs = word ^ 0x1D1D_1D1D_1D1D_1D1D
        let del = word ^ 0x7F7F_7F7F_7F7F_7F7F
        let isGS = ~(((gs & low) &+ low) | gs | low)
        let isDEL = ~(((del & low) &+ low) | del | low)
        return (below20 & ~isGS) | isDEL
    }

    /// C0 controls except GS (0x1D), and DEL.
    @inlinable @inline(__always)
    static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x1D) || byte == 0x7F
    }

    /// `true` when every byte is below 0x80.
    @inlinable
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var any: UInt8 = 0
        for byte in bytes { any |= byte }
        return any < 0x80
    }

    @inlinable @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    @inlinable @inline(__always)
    static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// Strict UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF).
    @inlinable
    public static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return false
            }
            if index + length > count { return false }
            let second = bytes[index + 1]
            if second < lower || second > upper { return false }
            var k = 2
            while k < length {
                let next = bytes[index + k]
                if next < 0x80 || next > 0xBF { return false }
                k += 1
            }
            index += length
        }
        return true
    }
}
