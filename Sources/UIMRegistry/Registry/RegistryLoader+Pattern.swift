// One pattern entry of a registry file: id, regex (compiled to find errors and named groups), level, descriptions,
// check, references, validity and examples. The entry yields a `PatternSpec` only when it had no diagnostic.
import Yams
import UIMRegex

extension RegistryLoader.FileParser {
    /// `[A-Za-z0-9][A-Za-z0-9._-]{0,63}`.
    static func isValidID(_ id: String) -> Bool {
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        }
        let bytes = Array(id.utf8)
        guard let first = bytes.first, isAlphanumeric(first), bytes.count <= 64 else { return false }
        return bytes.dropFirst().allSatisfy {
            isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_")
                || $0 == UInt8(ascii: "-")
        }
    }

    mutating func parsePattern(_ node: Node, number: Int) -> RegistryLoader.ParsedPattern? {
        let before = diagnostics.count
        guard let mapping = node.mapping else {
            report(
                .badValue, at: node,
                "pattern \(number) must be a mapping with 'id' and 'regex', "
                    + "not \(node.kindDescription); write 'id:' and 'regex:' on the lines of this item")
            return nil
        }
        let fields = fields(of: mapping, known: RegistryLoader.Keys.pattern)
        var label = "pattern \(number)"

        var id: (text: String, location: SourceLocation)?
        if let field = fields["id"] {
            let hint = "write an id unique in the registry, such as '\(expectedCode)-\(number)'"
            if let text = text(field.value, "'id'", hint: hint) {
                if Self.isValidID(text) {
                    id = (text, location(field.value))
                    label = "pattern '\(text)'"
                } else {
                    report(
                        .badValue, at: field.value,
                        "pattern id '\(text)' is not valid; use 1 to 64 letters, "
                            + "digits, '.', '_' or '-', starting with a letter or digit")
                }
            }
        } else {
            report(
                .missingKey, at: node,
                "\(label) has no 'id' key; add an id unique in the registry, such as '\(expectedCode)-\(number)'")
        }

        var regex: (text: String, compiled: CompiledRegex?, location: SourceLocation)?
        if let field = fields["regex"] {
            regex = parseRegex(field.value, label: label)
        } else {
            report(.missingKey, at: node, "\(label) has no 'regex' key; add the PCRE2 regex the UIM must match")
        }

        var level = PackagingLevel.any
        if let field = fields["level"] {
            level = parseLevel(field.value) ?? .any
        }
        var descriptions: [Language: String] = [:]
        if let field = fields["description"] {
            descriptions = parseDescriptions(field.value)
        }
        var check: CheckSpec?
        if let field = fields["check"] {
            check = parseCheck(field.value, label: label, regex: regex?.compiled)
        }
        var references: [String] = []
        if let field = fields["references"] {
            let hint = "write each reference as an item starting with '- '"
            let items = strings(field.value, "'references'", hint: hint) ?? []
            for item in items { notePlaceholder(item.text, at: item.node, what: "reference") }
            references = items.map(\.text)
        }
        let validFrom = fields["valid_from"].flatMap { day($0.value, key: "valid_from") }
        let validUntil = fields["valid_until"].flatMap { day($0.value, key: "valid_until") }
        if let validFrom, let validUntil, let field = fields["valid_from"], validUntil < validFrom {
            report(
                .badValidity, at: field.value,
                "valid_from \(validFrom) is after valid_until \(validUntil); "
                    + "correct the dates so that the pattern is valid for at least one day")
        }
        var examples: (match: [PatternExample], noMatch: [PatternExample]) = ([], [])
        if let field = fields["examples"] {
            examples = parseExamples(field.value)
        }

        guard let id else { return nil }
        var spec: PatternSpec?
        if diagnostics.count == before, let regex {
            spec = PatternSpec(
                id: id.text, party: expectedCode, regex: regex.text, level: level, descriptions: descriptions,
                check: check, references: references, validFrom: validFrom, validUntil: validUntil,
                matchExamples: examples.match, noMatchExamples: examples.noMatch,
                location: location(node), regexLocation: regex.location)
        }
        return RegistryLoader.ParsedPattern(id: id.text, idLocation: id.location, spec: spec,
                                            regex: spec == nil ? nil : regex?.compiled)
    }

    private mutating func parseRegex(_ node: Node, label: String)
        -> (text: String, compiled: CompiledRegex?, location: SourceLocation)?
    {
        let hint = "write the PCRE2 regex the UIM must match, in single quotes"
        guard let text = text(node, "regex of \(label)", hint: hint), let scalar = node.scalar else { return nil }
        guard !text.isEmpty else {
            report(.badValue, at: node, "regex of \(label) is empty; \(hint)")
            return nil
        }
        noteCommentAfterPlainRegex(scalar, at: node, label: label)
        do {
            let compiled = try CompiledRegex(text, jit: false)
            return (text, compiled, regexStart(scalar))
        } catch {
            diagnostics.append(
                PatternProblem.badRegex(error, label: label, at: regexLocation(ofByte: error.offset, in: scalar)))
            return (text, nil, regexStart(scalar))
        }
    }

    private mutating func parseLevel(_ node: Node) -> PackagingLevel? {
        let names = PackagingLevel.allCases.map(\.rawValue)
        let hint = "use \(names.joined(separator: ", ")) or leave 'level' out (default any)"
        guard let text = text(node, "'level'", hint: hint) else { return nil }
        if let level = PackagingLevel(rawValue: text) { return level }
        let advice = RegistryLoader.suggestion(for: text, among: names).map { "did you mean '\($0)'?" } ?? hint
        report(.badValue, at: node, "level '\(text)' is not one of \(names.joined(separator: ", ")); \(advice)")
        return nil
    }

    private mutating func parseDescriptions(_ node: Node) -> [Language: String] {
        let languages = Language.allCases.map(\.rawValue)
        guard let mapping = node.mapping else {
            report(
                .badValue, at: node,
                "'description' must be a mapping from language to text, not "
                    + "\(node.kindDescription); write for example 'en: Excise stamp' on an indented line")
            return [:]
        }
        var result: [Language: String] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string, let language = Language(rawValue: name) else {
                let name = key.scalar?.string ?? "?"
                let advice =
                    RegistryLoader.suggestion(for: name, among: languages).map { "did you mean '\($0)'?" }
                    ?? "use one of them"
                report(
                    .badLanguage, at: key,
                    "description language '\(name)' is not one of the six UN languages "
                        + "(\(languages.joined(separator: ", "))); \(advice)")
                continue
            }
            if let text = text(value, "description '\(name)'", hint: "write the description as a string") {
                result[language] = text
                notePlaceholder(text, at: value, what: "description '\(name)'")
            }
        }
        return result
    }

    private mutating func parseCheck(_ node: Node, label: String, regex: CompiledRegex?) -> CheckSpec? {
        let algorithms = CheckAlgorithm.allCases.map(\.rawValue)
        guard let mapping = node.mapping else {
            report(
                .badValue, at: node,
                "'check' must be a mapping with 'algorithm' (and optionally 'payload' and "
                    + "'digit'), not \(node.kindDescription); write them on indented lines below 'check:'")
            return nil
        }
        let fields = fields(of: mapping, known: RegistryLoader.Keys.check)
        var algorithm: CheckAlgorithm?
        if let field = fields["algorithm"] {
            let hint = "use one of \(algorithms.joined(separator: ", "))"
            if let text = text(field.value, "'algorithm'", hint: hint) {
                algorithm = CheckAlgorithm(rawValue: text)
                if algorithm == nil {
                    let advice =
                        RegistryLoader.suggestion(for: text, among: algorithms).map { "did you mean '\($0)'?" }
                        ?? hint
                    report(.unknownAlgorithm, at: field.value, "unknown check algorithm '\(text)'; \(advice)")
                }
            }
        } else {
            report(
                .missingKey, at: node,
                "check of \(label) has no 'algorithm' key; add one of \(algorithms.joined(separator: ", "))")
        }
        let payload = group(fields["payload"], key: "payload", default: "payload", check: node, regex: regex)
        let digit = group(fields["digit"], key: "digit", default: "check", check: node, regex: regex)
        guard let algorithm, let payload, let digit else { return nil }
        return CheckSpec(algorithm: algorithm, payloadGroup: payload, checkCharacterGroup: digit)
    }

    /// The group a check reads (`payload` or `digit`), which must be a named group of the compiled regex.
    private mutating func group(
        _ field: RegistryLoader.Field?, key: String, default name: String, check: Node,
        regex: CompiledRegex?
    ) -> String? {
        var group = name
        var place = check
        if let field {
            let hint = "write the name of a named group of the regex"
            guard let text = text(field.value, "'\(key)'", hint: hint) else { return nil }
            group = text
            place = field.value
        }
        // A regex that does not compile was reported already; its groups are unknown.
        guard let regex else { return group }
        let names = regex.namedGroups.map(\.name)
        guard !names.contains(group) else { return group }
        diagnostics.append(PatternProblem.missingGroup(key: key, group: group, names: names, at: location(place)))
        return nil
    }

    private mutating func parseExamples(_ node: Node) -> (match: [PatternExample], noMatch: [PatternExample]) {
        guard let mapping = node.mapping else {
            report(
                .badValue, at: node,
                "'examples' must be a mapping with 'match' and 'no_match' lists, not "
                    + "\(node.kindDescription); write 'match:' and 'no_match:' on indented lines below 'examples:'")
            return ([], [])
        }
        let fields = fields(of: mapping, known: RegistryLoader.Keys.examples)
        func examples(_ key: String, _ parser: inout Self) -> [PatternExample] {
            guard let field = fields[key] else { return [] }
            let hint = "write each example UIM as an item starting with '- ' or as [\"...\", \"...\"]"
            return parser.strings(field.value, "'\(key)'", hint: hint)?
                .map { PatternExample($0.text, at: parser.location($0.node)) } ?? []
        }
        return (examples("match", &self), examples("no_match", &self))
    }
}
