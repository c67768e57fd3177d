// What the validating `Registry.init` checks, and the wording of pattern problems that more than one place reports
// (the loader, that init, the router): one sentence per problem, said the same way wherever it is found.
import UIMRegex

extension Registry {
    /// The problems of a registry built in code: Party codes used twice, pattern ids used twice, patterns of a Party
    /// that is not among `parties`. The loader reports the same problems (and more) at the file's lines.
    static func problems(parties: [Party], patterns: [PatternSpec]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var partyAt: [String: SourceLocation] = [:]
        for party in parties {
            if let first = partyAt[party.code] {
                problems.append(Diagnostic(.duplicateID, at: party.location,
                    "Party code '\(party.code)' is already declared at \(first.file):\(first.line); give each Party "
                        + "one file"))
            } else {
                partyAt[party.code] = party.location
            }
        }
        var firstUse: [String: SourceLocation] = [:]
        for spec in patterns {
            if let first = firstUse[spec.id] {
                problems.append(PatternProblem.duplicateID(spec.id, firstUse: first, at: spec.location))
                continue
            }
            firstUse[spec.id] = spec.location
            if partyAt[spec.party] == nil {
                problems.append(Diagnostic(.codeMismatch, at: spec.location,
                    "pattern '\(spec.id)' belongs to Party '\(spec.party)', which the registry does not declare; "
                        + "add the Party or correct the pattern's Party"))
            }
        }
        return problems
    }
}

/// The diagnostics of pattern problems that the loader, ``Registry/init(parties:patterns:source:)`` and the router
/// all find: each problem is worded here, once.
package enum PatternProblem {
    /// A pattern id used a second time.
    package static func duplicateID(_ id: String, firstUse first: SourceLocation, at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic(.duplicateID, at: location,
                   "pattern id '\(id)' is already used at \(first.file):\(first.line); "
                       + "give each pattern an id of its own")
    }

    /// A regex PCRE2 rejects; `label` names the pattern (`pattern 'KE-1'`, or `pattern 3` before its id is known).
    package static func badRegex(_ error: RegexCompileError, label: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.badRegex, at: location,
                   "regex of \(label) does not compile: \(error.message); correct it (PCRE2 syntax)")
    }

    /// A check group (`key` is `payload` or `digit`) the regex lacks; `names` are the regex's named groups.
    package static func missingGroup(key: String, group: String, names: [String], at location: SourceLocation)
        -> Diagnostic
    {
        let known = names.isEmpty
            ? "the regex has no named groups" : "its named groups: \(names.joined(separator: ", "))"
        return Diagnostic(.missingGroup, at: location,
                          "check \(key) group '\(group)' is not a named group of the regex (\(known)); "
                              + "add (?<\(group)>...) to the regex or set '\(key)' to one of its groups")
    }

    /// The problems of `spec` once its regex is compiled (`regex`): a regex that does not compile, or `check` groups
    /// it lacks. Located at the regex (PCRE2's offset is not mapped back to a column: the loader, which has the YAML,
    /// reports the exact column itself).
    package static func diagnostics(for spec: PatternSpec, regex: Result<CompiledRegex, RegexCompileError>)
        -> [Diagnostic]
    {
        switch regex {
        case .failure(let error):
            return [badRegex(error, label: "pattern '\(spec.id)'", at: spec.regexLocation)]
        case .success(let regex):
            guard let check = spec.check else { return [] }
            let names = regex.namedGroups.map(\.name)
            return [("payload", check.payloadGroup), ("digit", check.checkCharacterGroup)]
                .filter { !names.contains($0.1) }
                .map { missingGroup(key: $0.0, group: $0.1, names: names, at: spec.location) }
        }
    }
}
