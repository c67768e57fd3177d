// Bracketed classes: members, ranges, escapes, POSIX names, negation; `(?i)` folds literal members only (PCRE2
// folds neither `\d`-style types nor POSIX classes, except that [:upper:] and [:lower:] become [:alpha:]).

extension DialectParser {
    mutating func characterClass() throws(OpaqueReason) -> RegexNode {
        let start = index
        index += 1
        var negated = false
        if peek == UInt8(ascii: "^") {
            index += 1
            negated = true
        }
        var literals = ScalarSet()      // folded under (?i)
        var types = ScalarSet()         // never folded
        var first = true
        /// What the previous member was: a single literal can start a range; after a range `-` is literal.
        var previous: (kind: Int, scalar: UInt32) = (0, 0)   // 0 none/type, 1 literal, 2 range
        while true {
            guard let byte = peek else { throw OpaqueReason("missing ] of a class", at: start) }
            let memberStart = index
            if byte == UInt8(ascii: "]"), !first {
                index += 1
                break
            }
            first = false
            if byte == UInt8(ascii: "["), let next = peek(at: 1),
                next == UInt8(ascii: ":") || next == UInt8(ascii: ".") || next == UInt8(ascii: "=")
            {
                guard next == UInt8(ascii: ":") else { throw OpaqueReason("POSIX collating element", at: index) }
                types = types.union(try posixClass())
                if peek == UInt8(ascii: "-"), peek(at: 1) != UInt8(ascii: "]") {
                    throw OpaqueReason("range from a POSIX class", at: index)
                }
                previous = (0, 0)
                continue
            }
            if byte == UInt8(ascii: "-"), previous.kind == 1, peek(at: 1) != UInt8(ascii: "]") {
                // A range: the previous literal up to the next member, which must be a literal too.
                index += 1
                let upper: UInt32
                if peek == UInt8(ascii: "\\") {
                    guard case .scalar(let scalar) = try readEscape(inClass: true) else {
                        throw OpaqueReason("range to a character type", at: memberStart)
                    }
                    upper = scalar
                } else if peek == UInt8(ascii: "["), peek(at: 1) == UInt8(ascii: ":") {
                    throw OpaqueReason("range to a POSIX class", at: memberStart)
                } else {
                    upper = try decodeScalar()
                }
                guard previous.scalar <= upper else { throw OpaqueReason("range out of order", at: memberStart) }
                literals = literals.union(ScalarSet([previous.scalar...upper]))
                previous = (2, 0)
                continue
            }
            if byte == UInt8(ascii: "-"), previous.kind == 0, !literals.isEmpty || !types.isEmpty,
                peek(at: 1) != UInt8(ascii: "]")
            {
                throw OpaqueReason("- after a character type in a class", at: memberStart)
            }
            if byte == UInt8(ascii: "\\") {
                switch try readEscape(inClass: true) {
                case .scalar(let scalar):
                    literals = literals.union(ScalarSet(scalar: scalar))
                    previous = (1, scalar)
                case .type(let set):
                    types = types.union(set)
                    if peek == UInt8(ascii: "-"), peek(at: 1) != UInt8(ascii: "]") {
                        throw OpaqueReason("range from a character type", at: index)
                    }
                    previous = (0, 0)
                default:
                    throw OpaqueReason("anchor in a class", at: memberStart)
                }
                continue
            }
            let scalar = try decodeScalar()
            literals = literals.union(ScalarSet(scalar: scalar))
            previous = (1, scalar)
        }
        var members = try folded(literals, at: start).union(types)
        if negated { members = members.inverted() }
        return .characters(members)
    }

    /// `[:name:]` or `[:^name:]` at `index`.
    private mutating func posixClass() throws(OpaqueReason) -> ScalarSet {
        let start = index
        index += 2
        var negated = false
        if peek == UInt8(ascii: "^") {
            index += 1
            negated = true
        }
        let nameStart = index
        while let b = peek, b >= 0x61, b <= 0x7A { index += 1 }
        var name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        guard has(":]") else { throw OpaqueReason("malformed POSIX class", at: start) }
        index += 2
        if caseless, name == "upper" || name == "lower" { name = "alpha" }
        guard let set = ScalarSet.posix(name) else { throw OpaqueReason("unknown POSIX class [:\(name):]", at: start) }
        return negated ? set.inverted() : set
    }
}
