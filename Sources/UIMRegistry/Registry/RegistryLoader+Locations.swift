// Source locations the YAML tree does not give directly: libyaml's error marks (with plainer wording), and the
// column of a PCRE2 compile error inside a regex scalar, found by re-reading the scalar's source text.
import Yams

extension RegistryLoader.FileParser {
    // MARK: - YAML syntax errors

    /// A `.syntax` diagnostic at libyaml's mark, with libyaml's problem text and a hint for the cryptic ones.
    func syntaxDiagnostic(_ error: any Error) -> Diagnostic {
        guard let error = error as? YamlError else {
            return Diagnostic(.syntax, at: location(nil as Mark?), "invalid YAML: \(error); fix the YAML syntax")
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            if problem == "but found another document" {
                return Diagnostic(
                    .syntax, at: location(mark),
                    "invalid YAML: a second document starts here; "
                        + "a registry file holds one document: remove this '---' and what follows")
            }
            // libyaml's context ("while parsing a flow sequence") helps when it starts elsewhere than the problem.
            let within =
                context.flatMap { context in
                    context.mark.line == mark.line && context.mark.column == mark.column
                        ? nil
                        : " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
                } ?? ""
            return Diagnostic(
                .syntax, at: location(mark),
                "invalid YAML: \(Self.reworded(problem))\(within); "
                    + Self.advice(for: problem))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? "?"
            return Diagnostic(
                .syntax, at: secondOccurrence(of: key, after: context.mark),
                "key '\(key)' appears twice in the same mapping; keep only one of them")
        case .reader(let problem, let offset, _, _):
            return Diagnostic(
                .syntax, at: location(ofScalarOffset: offset ?? 0),
                "invalid text: \(problem); remove this character")
        default:
            return Diagnostic(.syntax, at: location(nil as Mark?), "invalid YAML: \(error); fix the YAML syntax")
        }
    }

    /// libyaml moves a mark at the end of a file without a final line break on to the next line, column 1: a line
    /// the file does not have (found by Fuzz/ target registry, for syntax errors and for the empty node of `---`).
    /// Such a location becomes the end of the last line. Lines end as libyaml ends them (``RegistryText/lines(of:)``).
    func withinText(_ location: SourceLocation) -> SourceLocation {
        guard location.line > 1, location.column == 1, let last = text.unicodeScalars.last,
            !RegistryText.isLineBreak(last)
        else { return location }
        let end = RegistryText.position(after: text)
        return location.line > end.line ? SourceLocation(file: path, line: end.line, column: end.column) : location
    }

    private static func reworded(_ problem: String) -> String {
        switch problem {
        case "mapping values are not allowed in this context":
            return "a ': ' is not allowed here"
        case "found character that cannot start any token":
            return "found a character that cannot start a value (a tab, '@' or '`')"
        case "found unknown escape character":
            return "unknown escape sequence in a double-quoted string"
        default:
            return problem
        }
    }

    private static func advice(for problem: String) -> String {
        switch problem {
        case "mapping values are not allowed in this context":
            return "quote the value if it contains ': ', or check the indentation"
        case "found character that cannot start any token":
            return "indent with spaces, not tabs, and quote a value that starts with '@' or '`'"
        case "found unknown escape character":
            return "write regexes in single quotes, or double every backslash inside double quotes"
        case "did not find expected key", "did not find expected '-' indicator":
            return "check the indentation of this line"
        case _ where problem.contains("tab character"):
            return "indent with spaces, not tabs"
        default:
            return "fix the YAML syntax"
        }
    }

    /// libyaml reports a duplicated key at its first occurrence; the second is the one to point at. Looks for the
    /// key at the same column on a later line (block mappings); falls back to the first occurrence.
    private func secondOccurrence(of key: String, after mark: Mark) -> SourceLocation {
        let lines = sourceLines()
        let keyScalars = Array(key.unicodeScalars)
        for index in mark.line..<max(mark.line, lines.count) {  // 1-based line numbers: `mark.line` is the next line
            let line = lines[index]
            let start = mark.column - 1
            guard line.count >= start + keyScalars.count, Array(line[start..<start + keyScalars.count]) == keyScalars
            else { continue }
            let rest = line[(start + keyScalars.count)...].drop { $0 == " " }
            if rest.first == ":" { return SourceLocation(file: path, line: index + 1, column: mark.column) }
        }
        return location(mark)
    }

    /// libyaml's reader error offsets count characters (Unicode scalars) of the text, as it decoded them.
    private func location(ofScalarOffset offset: Int) -> SourceLocation {
        let before = String(String.UnicodeScalarView(text.unicodeScalars.prefix(offset)))
        let position = RegistryText.position(after: before)
        return SourceLocation(file: path, line: position.line, column: position.column)
    }

    /// The file's lines as Unicode scalars, split where libyaml ends lines, so that a mark's line indexes them.
    /// Splitting at LF only made a file with CR line ends and a duplicated key trap in `secondOccurrence` (found by
    /// Fuzz/ target registry).
    func sourceLines() -> [[Unicode.Scalar]] { lines }

    // MARK: - Regex columns

    /// The first character of a regex scalar's text: one column after an opening quote. For block scalars (`|`,
    /// `>`) this is the scalar's start (the indicator), since the text begins on a later line.
    func regexStart(_ scalar: Node.Scalar) -> SourceLocation {
        let start = location(scalar.mark)
        let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        return quoted ? SourceLocation(file: start.file, line: start.line, column: start.column + 1) : start
    }

    /// The line and column of byte `offset` of a regex scalar's value (a PCRE2 error offset).
    ///
    /// Re-reads the scalar in the source line: one column per Unicode scalar, `''` in single quotes and escapes in
    /// double quotes decoding to fewer bytes than they take. Block scalars and scalars spanning several lines (folded
    /// line breaks, escaped line ends) point at the scalar's start instead: their text does not map column for
    /// column onto one source line.
    func regexLocation(ofByte offset: Int, in scalar: Node.Scalar) -> SourceLocation {
        let start = location(scalar.mark)
        guard let mark = scalar.mark, let units = decodedUnits(of: scalar, at: mark) else { return start }
        var bytes = 0
        for unit in units {
            if bytes >= offset { return SourceLocation(file: path, line: mark.line, column: unit.column) }
            bytes += unit.bytes
        }
        return start
    }

    /// The scalar's text on its source line as (column, decoded UTF-8 bytes) units, ending with the closing quote
    /// (or the column after a plain scalar) as a unit of zero bytes; `nil` when it is not a one-line scalar whose
    /// decoding gives back `scalar.string`.
    private func decodedUnits(of scalar: Node.Scalar, at mark: Mark) -> [(column: Int, bytes: Int)]? {
        let lines = sourceLines()
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let line = lines[mark.line - 1]
        var index = mark.column - 1  // 0-based index of the scalar's first source character
        guard index >= 0, index <= line.count else { return nil }
        var units: [(column: Int, bytes: Int)] = []
        switch scalar.style {
        case .plain, .any:
            let value = Array(scalar.string.unicodeScalars)
            guard line.count - index >= value.count, Array(line[index..<index + value.count]) == value else {
                return nil
            }
            units = value.enumerated().map { (index + $0.offset + 1, UTF8.width($0.element)) }
            units.append((index + value.count + 1, 0))
            return units
        case .singleQuoted:
            index += 1
            while index < line.count {
                if line[index] == "'" {
                    guard index + 1 < line.count, line[index + 1] == "'" else { break }
                    units.append((index + 1, 1))
                    index += 2
                } else {
                    units.append((index + 1, UTF8.width(line[index])))
                    index += 1
                }
            }
        case .doubleQuoted:
            index += 1
            while index < line.count, line[index] != "\"" {
                guard line[index] == "\\" else {
                    units.append((index + 1, UTF8.width(line[index])))
                    index += 1
                    continue
                }
                guard index + 1 < line.count, let escape = Self.escape(line[index + 1], in: line, at: index) else {
                    return nil  // an escaped line break, or an escape libyaml would have rejected
                }
                units.append((index + 1, escape.bytes))
                index += escape.length
            }
        case .literal, .folded:
            return nil
        }
        guard index < line.count else { return nil }  // no closing quote on this line
        units.append((index + 1, 0))
        let total = units.reduce(0) { $0 + $1.bytes }
        return total == scalar.string.utf8.count ? units : nil
    }

    /// A double-quoted escape starting with the backslash at `index`: how many source characters it takes and how
    /// many UTF-8 bytes it decodes to.
    private static func escape(_ letter: Unicode.Scalar, in line: [Unicode.Scalar], at index: Int)
        -> (length: Int, bytes: Int)?
    {
        let hexDigits: Int
        switch letter {
        case "0", "a", "b", "t", "\t", "n", "v", "f", "r", "e", " ", "\"", "/", "\\": return (2, 1)
        case "N", "_": return (2, 2)  // U+0085, U+00A0
        case "L", "P": return (2, 3)  // U+2028, U+2029
        case "x": hexDigits = 2
        case "u": hexDigits = 4
        case "U": hexDigits = 8
        default: return nil
        }
        guard index + 2 + hexDigits <= line.count else { return nil }
        let hex = String(String.UnicodeScalarView(line[(index + 2)..<(index + 2 + hexDigits)]))
        guard let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) else { return nil }
        return (2 + hexDigits, UTF8.width(decoded))
    }
}
