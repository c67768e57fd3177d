// The literal bytes every match of a parsed regex starts with: with the byte lengths of `byteSpan`, the summary the
// prefix trie uses for a regex the dialect parser read whole but whose automaton is too large to build.

extension RegexNode {
    /// The bytes every match of this node starts with, and whether the node matches exactly those bytes.
    var literalPrefix: (bytes: [UInt8], isLiteral: Bool) {
        switch self {
        case .empty, .startAnchor, .endAnchor:
            return ([], true)
        case .characters(let set):
            guard set.ranges.count == 1, let only = set.ranges.first, only.lowerBound == only.upperBound,
                  let scalar = Unicode.Scalar(only.lowerBound)
            else { return ([], false) }
            return (Array(String(Character(scalar)).utf8), true)
        case .group(let inner, _, _):
            return inner.literalPrefix
        case .sequence(let parts):
            var bytes: [UInt8] = []
            for part in parts {
                let (prefix, isLiteral) = part.literalPrefix
                bytes += prefix
                if !isLiteral { return (bytes, false) }
            }
            return (bytes, true)
        case .alternation(let branches):
            let prefixes = branches.map(\.literalPrefix)
            guard var common = prefixes.first?.bytes else { return ([], true) }
            for other in prefixes.dropFirst() {
                common = Array(zip(common, other.bytes).prefix { $0 == $1 }.map(\.0))
            }
            let allSame = prefixes.allSatisfy { $0.isLiteral && $0.bytes == common }
            return (common, allSame)
        case .repetition(let inner, let min, let max, _):
            guard min >= 1 else { return ([], max == 0) }
            let (prefix, isLiteral) = inner.literalPrefix
            if isLiteral, max == min, prefix.count * min <= 256 {
                return (Array([[UInt8]](repeating: prefix, count: min).joined()), true)
            }
            return (prefix, false)
        }
    }
}
