// The syntax tree of an analysable regex. Case folding, escapes and classes are already resolved into scalar sets,
// lazy quantifiers are plain repetitions (they change which match is found, never whether one is), and possessive
// ones are only accepted where they cannot change the language either (see RegexNode+Checks).

/// One node of the syntax tree of a regex in the analysable dialect.
package indirect enum RegexNode: Hashable, Sendable {
    /// Matches the empty string.
    case empty
    /// One scalar from the set.
    case characters(ScalarSet)
    /// The parts one after the other.
    case sequence([RegexNode])
    /// Any one of the branches.
    case alternation([RegexNode])
    /// `min` to `max` (`nil`: unbounded) repetitions; `possessive` when written `*+`, `{n,m}+` …
    case repetition(RegexNode, min: Int, max: Int?, possessive: Bool)
    /// A group; `name` for named capturing groups.
    case group(RegexNode, name: String?, capturing: Bool)
    /// `^` or `\A`: the start of the subject.
    case startAnchor
    /// `$`, `\Z` or `\z`: the end of the subject (`$` and `\Z` only where no newline can follow: see the parser).
    case endAnchor

    /// The scalars a match of this node can start with, and whether it can match the empty string (anchors count
    /// as empty: this is used for conservative checks only).
    var firstSet: (scalars: ScalarSet, nullable: Bool) {
        switch self {
        case .empty, .startAnchor, .endAnchor: return (ScalarSet(), true)
        case .characters(let set): return (set, false)
        case .group(let inner, _, _): return inner.firstSet
        case .repetition(let inner, let min, let max, _):
            if max == 0 { return (ScalarSet(), true) }
            let first = inner.firstSet
            return (first.scalars, first.nullable || min == 0)
        case .alternation(let branches):
            var scalars = ScalarSet()
            var nullable = false
            for branch in branches {
                let first = branch.firstSet
                scalars = scalars.union(first.scalars)
                nullable = nullable || first.nullable
            }
            return (scalars, nullable)
        case .sequence(let parts):
            var scalars = ScalarSet()
            for part in parts {
                let first = part.firstSet
                scalars = scalars.union(first.scalars)
                if !first.nullable { return (scalars, false) }
            }
            return (scalars, true)
        }
    }

    /// Every scalar some part of this node can match.
    var alphabet: ScalarSet {
        switch self {
        case .empty, .startAnchor, .endAnchor: return ScalarSet()
        case .characters(let set): return set
        case .group(let inner, _, _): return inner.alphabet
        case .repetition(let inner, _, let max, _): return max == 0 ? ScalarSet() : inner.alphabet
        case .alternation(let nodes), .sequence(let nodes):
            return nodes.reduce(ScalarSet()) { $0.union($1.alphabet) }
        }
    }

    /// The names of the named capturing groups, in order.
    var groupNames: [String] {
        switch self {
        case .empty, .characters, .startAnchor, .endAnchor: return []
        case .group(let inner, let name, _): return (name.map { [$0] } ?? []) + inner.groupNames
        case .repetition(let inner, _, _, _): return inner.groupNames
        case .alternation(let nodes), .sequence(let nodes): return nodes.flatMap(\.groupNames)
        }
    }
}
