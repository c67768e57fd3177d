// Typed reads of YAML nodes for the registry loader: each read either returns the value or records a diagnostic
// that says what was expected, so one bad value never hides the next.
import Yams

extension RegistryLoader {
    /// The keys the format knows at each level of a file: `RegistryKeyTable`'s, which the JSON Schema is built from.
    enum Keys {
        static let top = RegistryKeyTable.names(.file)
        static let party = RegistryKeyTable.names(.party)
        static let pattern = RegistryKeyTable.names(.pattern)
        static let check = RegistryKeyTable.names(.check)
        static let examples = RegistryKeyTable.names(.examples)
        /// Where a key belongs, for a key written at the wrong level (`algorithm` directly in a pattern).
        static let home: [String: String] = {
            var home: [String: String] = [:]
            for key in party { home[key] = "under 'party:'" }
            for key in pattern { home[key] = "in an item of 'patterns:'" }
            for key in check { home[key] = "under 'check:'" }
            for key in examples { home[key] = "under 'examples:'" }
            return home
        }()
    }

    /// A key and its value in a mapping.
    typealias Field = (key: Node, value: Node)
}

extension RegistryLoader.FileParser {
    /// Where `node` starts in this file (line 1, column 1 when Yams gave no mark; never past the end of the file).
    func location(_ node: Node) -> SourceLocation {
        location(node.mark)
    }

    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(file: path, line: 1, column: 1) }
        return withinText(SourceLocation(file: path, line: mark.line, column: mark.column))
    }

    mutating func report(_ code: Diagnostic.Code, at node: Node, _ message: String) {
        diagnostics.append(Diagnostic(code, at: location(node), message))
    }

    mutating func report(_ code: Diagnostic.Code, at location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(code, at: location, message))
    }

    /// The fields of `mapping` by key name. Unknown keys are reported at the key, with a did-you-mean from `known`.
    mutating func fields(of mapping: Node.Mapping, known: [String]) -> [String: RegistryLoader.Field] {
        var result: [String: RegistryLoader.Field] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                report(
                    .badValue, at: key,
                    "a key must be a plain name, not \(key.kindDescription); "
                        + "use one of \(known.joined(separator: ", "))")
                continue
            }
            guard known.contains(name) else {
                let advice =
                    RegistryLoader.Keys.home[name].map { "it belongs \($0)" }
                    ?? RegistryLoader.suggestion(for: name, among: known).map { "did you mean '\($0)'?" }
                    ?? "the keys allowed here are \(known.joined(separator: ", "))"
                report(.unknownKey, at: key, "unknown key '\(name)'; \(advice)")
                continue
            }
            result[name] = (key, value)
        }
        return result
    }

    /// The text of a scalar that must hold a string (numbers, dates and booleans count, as written). Reports a
    /// list, a mapping or an empty value as `what` followed by `hint`.
    mutating func text(_ node: Node, _ what: String, hint: String) -> String? {
        guard let scalar = node.scalar else {
            report(.badValue, at: node, "\(what) must be a string, not \(node.kindDescription); \(hint)")
            return nil
        }
        guard !scalar.isNull else {
            report(.badValue, at: node, "\(what) is empty; \(hint)")
            return nil
        }
        return scalar.string
    }

    /// A list of strings, such as `references` or `examples.match`, with where each string stands.
    mutating func strings(_ node: Node, _ what: String, hint: String) -> [(text: String, node: Node)]? {
        guard let sequence = node.sequence else {
            report(.badValue, at: node, "\(what) must be a list of strings, not \(node.kindDescription); \(hint)")
            return nil
        }
        var result: [(text: String, node: Node)] = []
        var clean = true
        for item in sequence {
            if let text = text(item, "each item of \(what)", hint: "write it as a string, quoted if need be") {
                result.append((text, item))
            } else {
                clean = false
            }
        }
        return clean ? result : nil
    }

    /// A `YYYY-MM-DD` date. An unquoted date is a YAML timestamp; its text as written is what counts.
    mutating func day(_ node: Node, key: String) -> Day? {
        let hint = "write it as YYYY-MM-DD, for example 2019-10-01"
        guard let text = text(node, "'\(key)'", hint: hint) else { return nil }
        guard let day = Day(iso: text) else {
            let problem = Day.problem(with: text) ?? ""
            if problem.contains("does not exist") {
                report(.badValue, at: node, "\(key): \(problem); write a day that exists")
            } else {
                report(.badValue, at: node, "\(key) '\(text)' is not a valid date; \(hint)")
            }
            return nil
        }
        return day
    }
}

extension Node {
    /// `a string`, `an empty value`, `a list`, `a mapping`: for messages.
    var kindDescription: String {
        switch self {
        case .scalar(let scalar): return scalar.isNull ? "an empty value" : "a string"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }
}

extension Node.Scalar {
    /// An empty plain scalar, `~` or `null`: YAML's null, which no registry value may be.
    var isNull: Bool {
        style == .plain && ["", "~", "null", "Null", "NULL"].contains(string)
    }
}
