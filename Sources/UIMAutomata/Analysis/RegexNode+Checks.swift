// Structural checks on the syntax tree: where a possessive quantifier is exact, and the nested quantifiers that
// `lint` flags as a backtracking risk.

extension RegexNode {
    /// Throws unless every possessive quantifier matches exactly what its greedy form matches.
    ///
    /// `S{m,n}+` over a single character set `S` equals `S{m,n}` when no character of `S` can follow it (then a
    /// successful greedy match always took the longest run anyway); with `m == n` it always does. Anything else
    /// (possessive groups, overlapping follow sets) can reject strings the greedy form accepts: opaque.
    func checkPossessives(follow: ScalarSet = ScalarSet()) throws(OpaqueReason) {
        switch self {
        case .empty, .characters, .startAnchor, .endAnchor:
            return
        case .group(let inner, _, _):
            try inner.checkPossessives(follow: follow)
        case .alternation(let branches):
            for branch in branches { try branch.checkPossessives(follow: follow) }
        case .sequence(let parts):
            for k in parts.indices {
                var after = ScalarSet()
                var restNullable = true
                for part in parts[(k + 1)...] {
                    let first = part.firstSet
                    after = after.union(first.scalars)
                    if !first.nullable {
                        restNullable = false
                        break
                    }
                }
                try parts[k].checkPossessives(follow: restNullable ? after.union(follow) : after)
            }
        case .repetition(let inner, let min, let max, let possessive):
            if possessive {
                guard case .characters(let set) = inner.unwrapped else {
                    throw OpaqueReason("possessive quantifier on a group of more than one character", at: 0)
                }
                if min != max, !set.isDisjoint(with: follow) {
                    throw OpaqueReason("possessive quantifier followed by a character it can also match", at: 0)
                }
                return
            }
            let again = max == 1 ? ScalarSet() : inner.firstSet.scalars
            try inner.checkPossessives(follow: follow.union(again))
        }
    }

    /// The node inside any number of groups.
    var unwrapped: RegexNode {
        if case .group(let inner, _, _) = self { return inner.unwrapped }
        return self
    }

    /// `true` when a repetition that can repeat more than once contains a variable repetition of something that
    /// consumes characters, such as `(a+)+` or `(?:[0-9]{1,3}[A-Z]?)*`: the form behind catastrophic backtracking.
    package var hasNestedQuantifier: Bool {
        switch self {
        case .empty, .characters, .startAnchor, .endAnchor: return false
        case .group(let inner, _, _): return inner.hasNestedQuantifier
        case .alternation(let nodes), .sequence(let nodes): return nodes.contains { $0.hasNestedQuantifier }
        case .repetition(let inner, _, let max, _):
            if max == nil || (max ?? 0) > 1, inner.containsVariableRepetition { return true }
            return inner.hasNestedQuantifier
        }
    }

    private var containsVariableRepetition: Bool {
        switch self {
        case .empty, .characters, .startAnchor, .endAnchor: return false
        case .group(let inner, _, _): return inner.containsVariableRepetition
        case .alternation(let nodes), .sequence(let nodes): return nodes.contains { $0.containsVariableRepetition }
        case .repetition(let inner, let min, let max, _):
            return (max == nil || max != min) && !inner.alphabet.isEmpty || inner.containsVariableRepetition
        }
    }
}
