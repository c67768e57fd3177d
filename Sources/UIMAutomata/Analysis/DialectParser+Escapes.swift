// Backslash escapes of the analysable dialect, outside and inside classes: `\d \w \s \D \W \S`, `\xhh`, `\x{h…}`,
// `\t \n \r \f \e \a`, escaped ASCII punctuation, and (outside classes) the anchors `\A \z \Z`.

extension DialectParser {
    /// What one escape denotes.
    enum Escape {
        /// One literal scalar (subject to `(?i)`).
        case scalar(UInt32)
        /// A character type such as `\d` (never case-folded).
        case type(ScalarSet)
        case startAnchor
        case endAnchor(dollarLike: Bool)
    }

    /// An escape outside a class, as a node.
    mutating func escape() throws(OpaqueReason) -> RegexNode {
        let start = index
        switch try readEscape(inClass: false) {
        case .scalar(let scalar): return try literal(scalar, at: start)
        case .type(let set): return .characters(set)
        case .startAnchor: return .startAnchor
        case .endAnchor(let dollarLike):
            if dollarLike { sawDollar = sawDollar ?? start }
            return .endAnchor
        }
    }

    /// Reads the escape at `index` (which holds the backslash).
    mutating func readEscape(inClass: Bool) throws(OpaqueReason) -> Escape {
        let start = index
        index += 1
        guard let byte = peek else { throw OpaqueReason("\\ at the end of the pattern", at: start) }
        index += 1
        switch byte {
        case UInt8(ascii: "d"): return .type(.digits)
        case UInt8(ascii: "D"): return .type(ScalarSet.digits.inverted())
        case UInt8(ascii: "w"): return .type(.word)
        case UInt8(ascii: "W"): return .type(ScalarSet.word.inverted())
        case UInt8(ascii: "s"): return .type(.space)
        case UInt8(ascii: "S"): return .type(ScalarSet.space.inverted())
        case UInt8(ascii: "t"): return .scalar(0x09)
        case UInt8(ascii: "n"): return .scalar(0x0A)
        case UInt8(ascii: "r"): return .scalar(0x0D)
        case UInt8(ascii: "f"): return .scalar(0x0C)
        case UInt8(ascii: "e"): return .scalar(0x1B)
        case UInt8(ascii: "a"): return .scalar(0x07)
        case UInt8(ascii: "x"): return .scalar(try hexEscape(start: start))
        case UInt8(ascii: "A") where !inClass: return .startAnchor
        case UInt8(ascii: "z") where !inClass: return .endAnchor(dollarLike: false)
        case UInt8(ascii: "Z") where !inClass: return .endAnchor(dollarLike: true)
        default:
            if byte < 0x80, !Self.isAlphanumeric(byte) { return .scalar(UInt32(byte)) }
            throw OpaqueReason(Self.describeEscape(byte, inClass: inClass), at: start)
        }
    }

    /// After `\x`: one or two hex digits, or `{h…}` naming a Unicode scalar.
    private mutating func hexEscape(start: Int) throws(OpaqueReason) -> UInt32 {
        var value: UInt32 = 0
        var digits = 0
        if peek == UInt8(ascii: "{") {
            index += 1
            while let b = peek, let v = Self.hexValue(b), digits < 8 {
                value = value * 16 + v
                index += 1
                digits += 1
            }
            guard digits > 0, peek == UInt8(ascii: "}") else { throw OpaqueReason("malformed \\x{…}", at: start) }
            index += 1
        } else {
            while digits < 2, let b = peek, let v = Self.hexValue(b) {
                value = value * 16 + v
                index += 1
                digits += 1
            }
            guard digits > 0 else { throw OpaqueReason("\\x without hex digits", at: start) }
        }
        guard value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else {
            throw OpaqueReason("\\x names no Unicode scalar", at: start)
        }
        return value
    }

    static func describeEscape(_ byte: UInt8, inClass: Bool) -> String {
        let escape = "\\" + String(UnicodeScalar(byte))
        switch byte {
        case UInt8(ascii: "b") where inClass: return "backspace \\b in a class"
        case UInt8(ascii: "b"), UInt8(ascii: "B"): return "word boundary \(escape)"
        case UInt8(ascii: "p"), UInt8(ascii: "P"): return "Unicode property \(escape){…}"
        case UInt8(ascii: "1")...UInt8(ascii: "9"), UInt8(ascii: "g"), UInt8(ascii: "k"):
            return "backreference \(escape)"
        case UInt8(ascii: "Q"), UInt8(ascii: "E"): return "quoting \\Q…\\E"
        case UInt8(ascii: "0"), UInt8(ascii: "o"): return "octal escape \(escape)"
        default: return "escape \(escape)"
        }
    }

    static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
    }

    static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        default: return nil
        }
    }
}
