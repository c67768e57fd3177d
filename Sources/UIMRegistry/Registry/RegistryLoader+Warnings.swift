// What loads but is worth fixing, found while parsing a file: placeholder text left from `uim-router new`, and a
// plain regex that YAML cut at ' #'. They are warnings (``Registry/warnings``); `check-submission` makes them errors
// for the file submitted.
import Yams

extension RegistryLoader.FileParser {
    /// The marker of the placeholders `uim-router new` writes (`TODO: what this code marks, in English`).
    static let placeholderMarker = "TODO"

    /// Warns when `text` still holds placeholder text of the template.
    mutating func notePlaceholder(_ text: String, at node: Node, what: String) {
        guard text.contains(Self.placeholderMarker) else { return }
        warnings.append(
            Diagnostic(
                .placeholder, at: location(node),
                "\(what) is still placeholder text ('\(text)'); replace it with the real text, or remove it",
                severity: .warning))
    }

    /// Warns when a plain (unquoted) regex is followed on its line by ` #`: YAML reads the rest of the line as a
    /// comment, so the regex ends before it (`regex: KE[0-9]{4} #1` is the regex `KE[0-9]{4}`). The usual sign is
    /// a missing group or a pattern that matches too much; the fix is to quote the regex.
    mutating func noteCommentAfterPlainRegex(_ scalar: Node.Scalar, at node: Node, label: String) {
        guard scalar.style == .plain, let mark = node.mark, mark.line >= 1, mark.line <= lines.count else { return }
        let line = lines[mark.line - 1]
        let value = Array(scalar.string.unicodeScalars)
        let start = mark.column - 1
        guard start >= 0, line.count >= start + value.count, Array(line[start..<start + value.count]) == value
        else { return }  // a plain scalar over several lines: not the case this warns about
        let rest = line[(start + value.count)...]
        guard let hash = rest.firstIndex(where: { $0 != " " && $0 != "\t" }), line[hash] == "#", hash > rest.startIndex
        else { return }
        var whole = String(String.UnicodeScalarView(line[start...]))
        while let last = whole.unicodeScalars.last, last == " " || last == "\t" { whole.unicodeScalars.removeLast() }
        warnings.append(
            Diagnostic(
                .regexCutByComment, at: SourceLocation(file: path, line: mark.line, column: hash + 1),
                "regex of \(label) ends before this '#': in YAML, ' #' starts a comment, so the regex is "
                    + "'\(scalar.string)' and the rest of the line is ignored; if the '#' belongs to the regex, "
                    + "quote it: regex: '\(whole.replacingOccurrences(of: "'", with: "''"))'",
                severity: .warning))
    }
}
