// A small recursive-descent reader of PCRE2 syntax that computes a RegexShape. It understands the plain subset UIM
// patterns use (literals, escapes, classes, groups, alternation, quantifiers) and gives up — widening the shape —
// on everything else (option settings, backreferences, verbs, unusual escapes).

/// The summary of one parsed piece: its literal prefix, whether that prefix is all of it, and its length range.
struct PieceShape {
    var prefix: [UInt8] = []
    /// `true` when the piece matches exactly `prefix` and nothing else.
    var isLiteral = true
    var minLength = 0
    /// `nil`: unbounded or unknown.
    var maxLength: Int? = 0

    static let empty = PieceShape()
    static func width(_ min: Int, _ max: Int?) -> PieceShape {
        PieceShape(prefix: [], isLiteral: false, minLength: min, maxLength: max)
    }
    static func literal(_ bytes: [UInt8]) -> PieceShape {
        PieceShape(prefix: bytes, isLiteral: true, minLength: bytes.count, maxLength: bytes.count)
    }
    /// A zero-width assertion (`^`, `\b`, a lookahead …): it consumes nothing, so it is transparent to both the
    /// prefix and the lengths of what the sequence consumes.
    static let assertion = PieceShape.empty
}

struct ShapeScanner {
    private let bytes: [UInt8]
    private var index = 0
    /// Set when the scanner met something it does not model: lengths become unknown and the prefix stops there.
    private var gaveUp = false
    private static let lengthCap = 1 << 20

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func shape() -> RegexShape {
        let whole = alternation()
        if gaveUp {
            // The unread rest may hold an alternation that makes the prefix optional: keep it only if no `|` follows.
            let rest = bytes[min(index, bytes.count)...]
            let prefix = rest.contains(UInt8(ascii: "|")) ? [] : whole.prefix
            return RegexShape(prefix: prefix, minLength: 0, maxLength: nil)
        }
        if index < bytes.count { return .unknown }   // an unbalanced `)`: PCRE2 rejects it anyway
        return RegexShape(prefix: whole.prefix, minLength: whole.minLength, maxLength: whole.maxLength)
    }

    // MARK: Grammar

    private mutating func alternation() -> PieceShape {
        var result = sequence()
        while !gaveUp, peek == UInt8(ascii: "|") {
            index += 1
            let branch = sequence()
            result.prefix = commonPrefix(result.prefix, branch.prefix)
            result.isLiteral = result.isLiteral && branch.isLiteral && result.prefix.count == branch.prefix.count
                && result.minLength == branch.minLength
            result.minLength = min(result.minLength, branch.minLength)
            result.maxLength = maxOf(result.maxLength, branch.maxLength)
        }
        return result
    }

    private mutating func sequence() -> PieceShape {
        var result = PieceShape.empty
        var prefixOpen = true
        while !gaveUp, let byte = peek, byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
            var piece = atom()
            // An atom that gave up may still be quantified by what follows it: its prefix is not certain.
            if gaveUp { break }
            piece = quantified(piece)
            if gaveUp { break }
            if prefixOpen {
                result.prefix += piece.prefix
                prefixOpen = piece.isLiteral
            }
            result.isLiteral = result.isLiteral && piece.isLiteral
            result.minLength = min(result.minLength + piece.minLength, Self.lengthCap)
            result.maxLength = sum(result.maxLength, piece.maxLength)
        }
        return result
    }

    private mutating func quantified(_ piece: PieceShape) -> PieceShape {
        guard let byte = peek else { return piece }
        var low = 0
        var high: Int?
        switch byte {
        case UInt8(ascii: "?"): low = 0; high = 1; index += 1
        case UInt8(ascii: "*"): low = 0; high = nil; index += 1
        case UInt8(ascii: "+"): low = 1; high = nil; index += 1
        case UInt8(ascii: "{"):
            guard let (l, h) = braceQuantifier() else { gaveUp = true; return piece }
            low = l; high = h
        default: return piece
        }
        if let next = peek, next == UInt8(ascii: "?") || next == UInt8(ascii: "+") { index += 1 }   // lazy/possessive
        var result = PieceShape.width(
            min(piece.minLength * low, Self.lengthCap),
            high.flatMap { h in piece.maxLength.map { $0 * h <= Self.lengthCap ? $0 * h : nil } ?? nil })
        if high == nil, piece.maxLength == 0 { result.maxLength = 0 }
        if low >= 1 {
            // At least one repetition: the piece's prefix still leads. Exact literal repeats stay literal.
            if piece.isLiteral, low == high, piece.prefix.count * low <= 256 {
                result.prefix = Array([[UInt8]](repeating: piece.prefix, count: low).joined())
                result.isLiteral = true
            } else {
                result.prefix = piece.prefix
            }
        }
        return result
    }

    /// `{n}`, `{n,}` or `{n,m}` exactly as PCRE2 10.42 reads them; anything else is treated as unknown.
    private mutating func braceQuantifier() -> (Int, Int?)? {
        var cursor = index + 1
        func number() -> Int? {
            var value = 0
            let start = cursor
            while cursor < bytes.count, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 {
                value = min(value * 10 + Int(bytes[cursor] - 0x30), 1 << 30)
                cursor += 1
            }
            return cursor > start ? value : nil
        }
        guard let low = number(), cursor < bytes.count else { return nil }
        var high: Int? = low
        if bytes[cursor] == UInt8(ascii: ",") {
            cursor += 1
            high = number()
        }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "}") else { return nil }
        if let h = high, h < low { return nil }
        index = cursor + 1
        return (low, high)
    }

    private mutating func atom() -> PieceShape {
        guard let byte = peek else { return .empty }
        switch byte {
        case UInt8(ascii: "("): return group()
        case UInt8(ascii: "["): return characterClass()
        case UInt8(ascii: "\\"): return escape()
        case UInt8(ascii: "."): index += 1; return .width(1, 4)
        case UInt8(ascii: "^"), UInt8(ascii: "$"): index += 1; return .assertion
        case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{"):
            gaveUp = true; return .empty   // a quantifier with nothing before it, or a literal `{`
        default:
            let length = Normalizer.scalarLength(byte)
            guard index + length <= bytes.count else { gaveUp = true; return .empty }
            let scalar = Array(bytes[index..<index + length])
            index += length
            return .literal(scalar)
        }
    }

    private mutating func group() -> PieceShape {
        index += 1   // (
        var zeroWidth = false
        if peek == UInt8(ascii: "*") { gaveUp = true; return .empty }   // (*VERB)
        if peek == UInt8(ascii: "?") {
            index += 1
            guard let kind = peek else { gaveUp = true; return .empty }
            switch kind {
            case UInt8(ascii: ":"), UInt8(ascii: ">"): index += 1
            case UInt8(ascii: "="), UInt8(ascii: "!"): index += 1; zeroWidth = true
            case UInt8(ascii: "#"):
                while let b = peek, b != UInt8(ascii: ")") { index += 1 }
                guard peek != nil else { gaveUp = true; return .empty }
                index += 1
                return PieceShape.empty
            case UInt8(ascii: "<"):
                index += 1
                if peek == UInt8(ascii: "=") || peek == UInt8(ascii: "!") { index += 1; zeroWidth = true }
                else if !skipName(until: UInt8(ascii: ">")) { gaveUp = true; return .empty }
            case UInt8(ascii: "'"):
                index += 1
                if !skipName(until: UInt8(ascii: "'")) { gaveUp = true; return .empty }
            case UInt8(ascii: "P"):
                index += 1
                guard peek == UInt8(ascii: "<") else { gaveUp = true; return .empty }
                index += 1
                if !skipName(until: UInt8(ascii: ">")) { gaveUp = true; return .empty }
            default:
                gaveUp = true   // option settings, branch reset, recursion, conditionals, callouts …
                return .empty
            }
        }
        let inner = alternation()
        if gaveUp { return zeroWidth ? .assertion : inner }
        guard peek == UInt8(ascii: ")") else { gaveUp = true; return .empty }
        index += 1
        return zeroWidth ? .assertion : inner
    }

    private mutating func skipName(until terminator: UInt8) -> Bool {
        let start = index
        while let b = peek, b == UInt8(ascii: "_") || (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) {
            index += 1
        }
        guard index > start, peek == terminator else { return false }
        index += 1
        return true
    }

    // MARK: Escapes and classes

    private mutating func escape() -> PieceShape {
        index += 1
        guard let byte = peek else { gaveUp = true; return .empty }
        index += 1
        switch byte {
        case UInt8(ascii: "d"), UInt8(ascii: "w"), UInt8(ascii: "s"): return .width(1, 1)
        case UInt8(ascii: "D"), UInt8(ascii: "W"), UInt8(ascii: "S"), UInt8(ascii: "H"), UInt8(ascii: "V"),
             UInt8(ascii: "N"):
            return .width(1, 4)
        case UInt8(ascii: "h"), UInt8(ascii: "v"): return .width(1, 3)
        case UInt8(ascii: "R"): return .width(1, 3)
        case UInt8(ascii: "A"), UInt8(ascii: "z"), UInt8(ascii: "Z"), UInt8(ascii: "b"), UInt8(ascii: "B"),
             UInt8(ascii: "G"):
            return .assertion
        case UInt8(ascii: "t"): return .literal([0x09])
        case UInt8(ascii: "n"): return .literal([0x0A])
        case UInt8(ascii: "r"): return .literal([0x0D])
        case UInt8(ascii: "f"): return .literal([0x0C])
        case UInt8(ascii: "e"): return .literal([0x1B])
        case UInt8(ascii: "a"): return .literal([0x07])
        case UInt8(ascii: "x"):
            guard let scalar = hexEscape() else { gaveUp = true; return .empty }
            return .literal(Array(String(Character(scalar)).utf8))
        case UInt8(ascii: "Q"):
            var literal: [UInt8] = []
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "E") {
                    index += 2
                    return .literal(literal)
                }
                literal.append(bytes[index])
                index += 1
            }
            return .literal(literal)
        case UInt8(ascii: "E"): return .empty
        default:
            if byte < 0x80, !isAlphanumeric(byte) { return .literal([byte]) }   // escaped punctuation
            gaveUp = true   // backreferences, \p, \X, \K, \c, octal …
            return .empty
        }
    }

    /// After `\x`: `hh` (up to two hex digits) or `{h…}`.
    private mutating func hexEscape() -> Unicode.Scalar? {
        var value: UInt32 = 0
        if peek == UInt8(ascii: "{") {
            index += 1
            var digits = 0
            while let b = peek, let v = hexValue(b) { value = value * 16 + v; index += 1; digits += 1; if digits > 8 { return nil } }
            guard digits > 0, peek == UInt8(ascii: "}") else { return nil }
            index += 1
        } else {
            var digits = 0
            while digits < 2, let b = peek, let v = hexValue(b) { value = value * 16 + v; index += 1; digits += 1 }
        }
        return Unicode.Scalar(value)
    }

    /// A bracketed class: width 1 when it can only match ASCII, otherwise 1–4 bytes.
    private mutating func characterClass() -> PieceShape {
        index += 1   // [
        var asciiOnly = true
        if peek == UInt8(ascii: "^") { index += 1; asciiOnly = false }
        var first = true
        while let byte = peek {
            if byte == UInt8(ascii: "]"), !first { index += 1; return .width(1, asciiOnly ? 1 : 4) }
            first = false
            if byte == UInt8(ascii: "["), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ":") {
                // POSIX class [:name:] (ASCII in non-UCP mode).
                guard let close = findPosixEnd() else { gaveUp = true; return .empty }
                if index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: "^") { asciiOnly = false }   // [:^alpha:]
                index = close
                continue
            }
            if byte == UInt8(ascii: "\\") {
                index += 1
                guard let escaped = peek else { gaveUp = true; return .empty }
                index += 1
                switch escaped {
                case UInt8(ascii: "d"), UInt8(ascii: "w"), UInt8(ascii: "s"), UInt8(ascii: "t"), UInt8(ascii: "n"),
                     UInt8(ascii: "r"), UInt8(ascii: "f"), UInt8(ascii: "e"), UInt8(ascii: "a"), UInt8(ascii: "b"):
                    continue
                case UInt8(ascii: "x"):
                    guard let scalar = hexEscape() else { gaveUp = true; return .empty }
                    if scalar.value >= 0x80 { asciiOnly = false }
                case UInt8(ascii: "Q"), UInt8(ascii: "E"):
                    gaveUp = true; return .empty
                default:
                    if escaped >= 0x80 || isAlphanumeric(escaped) { asciiOnly = false }   // \D \W \p{…} …
                }
                continue
            }
            if byte >= 0x80 { asciiOnly = false }
            index += 1
        }
        gaveUp = true   // unterminated: PCRE2 rejects it
        return .empty
    }

    private func findPosixEnd() -> Int? {
        var cursor = index + 2
        while cursor + 1 < bytes.count {
            if bytes[cursor] == UInt8(ascii: ":"), bytes[cursor + 1] == UInt8(ascii: "]") { return cursor + 2 }
            if bytes[cursor] == UInt8(ascii: "]") { return nil }
            cursor += 1
        }
        return nil
    }

    // MARK: Helpers

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
    }

    private func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        default: return nil
        }
    }

    private func commonPrefix(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var n = 0
        while n < a.count, n < b.count, a[n] == b[n] { n += 1 }
        return Array(a[0..<n])
    }

    private func sum(_ a: Int?, _ b: Int?) -> Int? {
        guard let a, let b, a + b <= Self.lengthCap else { return nil }
        return a + b
    }

    private func maxOf(_ a: Int?, _ b: Int?) -> Int? {
        guard let a, let b else { return nil }
        return max(a, b)
    }
}
