// One registry file: compose the YAML, check the top level and the `party` mapping, hand each pattern entry to
// `+Pattern`. Problems accumulate in `diagnostics`; nothing here stops at the first one.
import UIMRegex
import Yams

extension RegistryLoader {
    /// What one file yielded.
    struct ParsedFile {
        /// The Party, when the file had a `party` mapping.
        var party: Party?
        /// Every pattern entry with a valid id, in file order.
        var patterns: [ParsedPattern]
    }

    /// A pattern entry with a valid id; `spec` is `nil` when the entry had any diagnostic.
    struct ParsedPattern {
        var id: String
        var idLocation: SourceLocation
        var spec: PatternSpec?
        /// The compiled regex (without JIT) of `spec`, when there is one.
        var regex: CompiledRegex?
    }

    /// Parses one file, collecting its diagnostics (cross-file checks such as duplicate ids are the caller's).
    struct FileParser {
        /// The path as the user named it.
        let path: String
        /// The file's text, normalised by ``RegistryText`` (no byte-order mark, LF line ends).
        let text: String
        /// The text's lines (``RegistryText/lines(of:)``), for locations the YAML tree does not give.
        let lines: [[Unicode.Scalar]]
        /// The file name without `.yaml`: what `party.code` must be.
        let expectedCode: String
        /// What went wrong, in the order found.
        var diagnostics: [Diagnostic] = []
        /// What is worth fixing but does not stop loading, in the order found.
        var warnings: [Diagnostic] = []

        init(path: String, text: String) {
            self.path = path
            self.text = RegistryText(normalizing: text).text
            self.lines = RegistryText.lines(of: self.text)
            let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
            self.expectedCode = name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name
        }

        mutating func parse() -> ParsedFile {
            let empty = ParsedFile(party: nil, patterns: [])
            let root: Node?
            do {
                root = try Yams.compose(yaml: text, .default, .default, .utf8)
            } catch {
                diagnostics.append(syntaxDiagnostic(error))
                return empty
            }
            guard let root else {
                report(
                    .missingKey, at: location(nil as Mark?),
                    "the file is empty; write 'format: 1', a 'party' mapping and a 'patterns' list")
                return empty
            }
            guard let mapping = root.mapping else {
                report(
                    .badValue, at: root,
                    "a registry file must be a mapping with 'format', 'party' and "
                        + "'patterns', not \(root.kindDescription); start the file with 'format: 1'")
                return empty
            }
            let fields = fields(of: mapping, known: RegistryLoader.Keys.top)
            if let format = fields["format"] {
                checkFormat(format.value)
            } else {
                report(.missingKey, at: root, "missing 'format' key; add 'format: 1' at the top of the file")
            }
            var party: Party?
            if let field = fields["party"] {
                party = parseParty(field.value)
            } else {
                report(
                    .missingKey, at: root,
                    "missing 'party' key; add a 'party' mapping with 'code', 'name' and 'protocol_party'")
            }
            var patterns: [ParsedPattern] = []
            if let field = fields["patterns"] {
                patterns = parsePatterns(field.value)
            } else {
                report(.missingKey, at: root, "missing 'patterns' key; add a 'patterns' list with at least one pattern")
            }
            return ParsedFile(party: party, patterns: patterns)
        }

        private mutating func checkFormat(_ node: Node) {
            let supported = RegistryLoader.supportedFormats.map(String.init)
            let hint = "write 'format: \(supported.last ?? "1")'"
            guard let text = text(node, "'format'", hint: hint) else { return }
            guard !supported.contains(text) else { return }
            let versions =
                supported.count == 1
                ? "format \(supported[0]) only" : "formats \(supported.joined(separator: ", "))"
            report(.badValue, at: node, "format '\(text)' is not supported; this version reads \(versions): \(hint)")
        }

        private mutating func parseParty(_ node: Node) -> Party? {
            guard let mapping = node.mapping else {
                report(
                    .badValue, at: node,
                    "'party' must be a mapping with 'code', 'name' and 'protocol_party', "
                        + "not \(node.kindDescription); write them on indented lines below 'party:'")
                return nil
            }
            let fields = fields(of: mapping, known: RegistryLoader.Keys.party)
            if let field = fields["code"] {
                let hint = "set it to '\(expectedCode)', the file name without .yaml"
                if let code = text(field.value, "'code'", hint: hint), code != expectedCode {
                    report(
                        .codeMismatch, at: field.value,
                        "party code '\(code)' does not match the file name '\(expectedCode).yaml'; "
                            + "set 'code: \(expectedCode)' or rename the file to '\(code).yaml'")
                }
            } else {
                report(
                    .missingKey, at: node,
                    "party has no 'code' key; add 'code: \(expectedCode)' (the file name without .yaml)")
            }
            var name: String?
            if let field = fields["name"] {
                name = text(field.value, "'name'", hint: "write the Party's display name")
                if let name { notePlaceholder(name, at: field.value, what: "the Party's name") }
            } else {
                report(.missingKey, at: node, "party has no 'name' key; add the Party's display name")
            }
            var protocolParty: Bool?
            if let field = fields["protocol_party"] {
                protocolParty = boolean(field.value, key: "protocol_party")
            } else {
                report(
                    .missingKey, at: node,
                    "party has no 'protocol_party' key; add 'protocol_party: true' "
                        + "for a Party to the Protocol, otherwise 'protocol_party: false'")
            }
            // The code is always the file name: a mismatch is reported above, and the patterns of this file
            // belong to the Party the file is named after.
            return Party(
                code: expectedCode, name: name ?? expectedCode, protocolParty: protocolParty ?? false,
                location: location(node))
        }

        private mutating func boolean(_ node: Node, key: String) -> Bool? {
            let hint = "write true for a Party to the Protocol, otherwise false"
            if let scalar = node.scalar, scalar.style == .plain {
                switch scalar.string {
                case "true", "True", "TRUE": return true
                case "false", "False", "FALSE": return false
                default: break
                }
            }
            let found = node.scalar.map { $0.isNull ? "an empty value" : "'\($0.string)'" } ?? node.kindDescription
            let quoted = node.scalar.map { $0.style == .singleQuoted || $0.style == .doubleQuoted } ?? false
            report(
                .badValue, at: node,
                "'\(key)' must be true or false (unquoted), not \(found)"
                    + (quoted ? " in quotes" : "") + "; \(hint)")
            return nil
        }

        private mutating func parsePatterns(_ node: Node) -> [ParsedPattern] {
            guard let sequence = node.sequence else {
                let code: Diagnostic.Code = node.scalar?.isNull == true ? .missingKey : .badValue
                report(
                    code, at: node,
                    "'patterns' must be a list of patterns, not \(node.kindDescription); "
                        + "write each pattern as an item starting with '- id:'")
                return []
            }
            guard !sequence.isEmpty else {
                report(
                    .missingKey, at: node,
                    "'patterns' is empty; add at least one pattern with an 'id' and a 'regex'")
                return []
            }
            return sequence.enumerated().compactMap { index, item in parsePattern(item, number: index + 1) }
        }
    }
}
