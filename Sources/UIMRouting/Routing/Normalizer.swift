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
        let kind = byteKind(input)
        if kind.printableASCII { return normalisePrintableASCII(input) }
        if !kind.ascii, !isValidUTF8(input) { return .failure(.notUTF8) }
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
        var index = start
        if kind.ascii {
            // No C1 control without a byte above 0x7F.
            var control: UInt8 = 0
            while index < end {
                let byte = input[index]
                control |= (byte < 0x20 && byte != 0x1D) || byte == 0x7F ? 1 : 0
                index += 1
            }
            return control == 0 ? .success(start..<end) : .failure(.controlCharacter)
        }
        while index < end {
            let byte = input[index]
            if (byte < 0x20 && byte != 0x1D) || byte == 0x7F { return .failure(.controlCharacter) }
            // C1 controls U+0080–U+009F are encoded C2 80 … C2 9F.
            if byte == 0xC2, index + 1 < end, input[index + 1] < 0xA0 { return .failure(.controlCharacter) }
            index += 1
        }
        return .success(start..<end)
    }

    /// `normalise` for input made only of printable ASCII (0x20–0x7E), the common case: such input is valid UTF-8 and
    /// holds no control character, its only white space is the space, and a symbology identifier is `]` plus two
    /// bytes. Same result as the general path, in one pass less.
    @inlinable @inline(__always)
    static func normalisePrintableASCII(_ input: UnsafeBufferPointer<UInt8>) -> Result<Range<Int>, InvalidReason> {
        var start = 0
        var end = input.count
        while start < end, input[start] == 0x20 { start += 1 }
        while end > start, input[end - 1] == 0x20 { end -= 1 }
        if end - start >= 3, input[start] == UInt8(ascii: "]") { start += 3 }
        if start >= end { return .failure(.empty) }
        return .success(start..<end)
    }

    /// Whether every byte of `input` is printable ASCII (0x20–0x7E), and whether every byte is ASCII (below 0x80).
    /// Eight bytes per step: a byte below 0x20 borrows into its top bit when 0x20 is subtracted, a byte of 0x7F or
    /// more carries into (or has) its top bit when 1 is added; a borrow or carry crossing into the next byte only
    /// ever follows a byte that was already caught.
    @inlinable
    static func byteKind(_ input: UnsafeBufferPointer<UInt8>) -> (printableASCII: Bool, ascii: Bool) {
        guard let base = input.baseAddress else { return (true, true) }
        let count = input.count
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        var outside: UInt64 = 0
        var high: UInt64 = 0
        var index = 0
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            outside |= ((word &- 0x20 &* ones) & ~word) | ((word &+ ones) | word)
            high |= word
            index += 8
        }
        var tailOutside: UInt8 = 0
        var tailHigh: UInt8 = 0
        while index < count {
            let byte = base[index]
            tailOutside |= byte < 0x20 || byte > 0x7E ? 1 : 0
            tailHigh |= byte
            index += 1
        }
        let ascii = high & (0x80 &* ones) == 0 && tailHigh < 0x80
        return (outside & (0x80 &* ones) == 0 && tailOutside == 0, ascii)
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
