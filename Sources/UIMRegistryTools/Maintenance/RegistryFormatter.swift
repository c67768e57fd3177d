// `fmt`: rewrites registry files in the canonical layout (CanonicalYAML) with their comments where they were, and
// proves each rewrite safe before handing it out: the rewritten file loads to the same registry, formats to
// itself, and keeps every comment.
import Foundation
import Yams
import UIMRegistry

/// Rewrites registry files in one canonical layout without changing their meaning.
///
/// ```swift
/// for outcome in RegistryFormatter.format(folder: "Patterns") where !outcome.isCanonical {
///     try outcome.formatted?.write(toFile: outcome.path, atomically: true, encoding: .utf8)
/// }
/// ```
///
/// A file with any structural problem is left alone: its diagnostics are returned instead (a file that does not
/// load cannot be rewritten without losing what did not load).
public enum RegistryFormatter {
    /// What formatting one file gave.
    public struct Outcome: Sendable, Hashable {
        /// The file's path, as named.
        public var path: String
        /// The file's text as read (its byte-order mark included).
        public var original: String
        /// The canonical text; `nil` when the file could not be formatted (see ``diagnostics``).
        public var formatted: String?
        /// Why the file could not be formatted.
        public var diagnostics: [Diagnostic]
        /// The line ending of the file, which ``formatted`` keeps.
        public var lineEnding: RegistryText.LineEnding = .lf
        /// `true` when the file mixed line endings: ``formatted`` has only ``lineEnding``.
        public var hadMixedLineEndings = false
        /// `true` when the file starts with a byte-order mark, which ``formatted`` keeps.
        public var hasByteOrderMark = false

        /// `true` when the file is already in the canonical layout (line ends of one kind included).
        public var isCanonical: Bool { formatted == original && !hadMixedLineEndings }
    }

    /// Formats every registry file of `folder` (the files a registry load reads, read the same way), in name order.
    public static func format(folder: String) -> [Outcome] {
        let listing = RegistryFolder.list(folder)
        if listing.paths.isEmpty, let problem = listing.problems.first {
            return [Outcome(path: folder, original: "", formatted: nil, diagnostics: [problem])]
        }
        return listing.paths.map { path in
            switch RegistryText.read(path: path) {
            case .failure(let problem):
                return Outcome(path: path, original: "", formatted: nil, diagnostics: [problem])
            case .success(let text):
                return format(path: path, text: text)
            }
        }
    }

    /// Formats one file's `text` (read as ``RegistryText`` reads it); `path` names it in diagnostics and gives the
    /// expected Party code. The formatted text keeps the file's line ending and byte-order mark.
    public static func format(path: String, text: String) -> Outcome {
        format(path: path, text: RegistryText(normalizing: text))
    }

    /// Formats one file's normalised `text`; the outcome's texts are in the file's own style
    /// (``RegistryText/encoded(_:)``).
    public static func format(path: String, text: RegistryText) -> Outcome {
        let normalized = format(path: path, normalized: text.text)
        var outcome = normalized
        outcome.original = text.encoded(text.text)
        outcome.formatted = normalized.formatted.map(text.encoded)
        outcome.lineEnding = text.lineEnding
        outcome.hadMixedLineEndings = text.hasMixedLineEndings
        outcome.hasByteOrderMark = text.hasByteOrderMark
        return outcome
    }

    /// Formats LF-only text without a byte-order mark.
    private static func format(path: String, normalized text: String) -> Outcome {
        var outcome = Outcome(path: path, original: text, formatted: nil, diagnostics: [])
        switch layout(path: path, text: text) {
        case .failure(let error):
            outcome.diagnostics = error.diagnostics
        case .success(let formatted):
            if let problem = verify(path: path, original: text, formatted: formatted) {
                outcome.diagnostics = [Diagnostic(.badValue, at: SourceLocation(file: path, line: 1, column: 1),
                                                  "cannot format this file safely (\(problem)); it was left as it is")]
            } else {
                outcome.formatted = formatted
            }
        }
        return outcome
    }

    /// The canonical text with the comments placed, or the file's diagnostics.
    static func layout(path: String, text raw: String) -> Result<String, RegistryError> {
        let text = RegistryText(normalizing: raw).text
        let (registry, diagnostics) = RegistryLoader.parse(files: [(path, text)])
        guard diagnostics.isEmpty, let party = registry.parties.first else {
            return .failure(RegistryError(diagnostics))
        }
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else { return .failure(RegistryError([])) }
            root = composed
        } catch {
            return .failure(RegistryError([Diagnostic(.syntax, at: SourceLocation(file: path, line: 1, column: 1),
                                                      "\(error)")]))
        }
        let lines = CanonicalYAML.lines(party: party, patterns: registry.patterns)
        return .success(place(YAMLComments.comments(in: text, root: root), on: lines))
    }

    /// Writes `lines` with each comment above (or after) the first line holding its anchor, or the nearest
    /// enclosing one's line; comments after all content go last.
    static func place(_ comments: [YAMLComment], on lines: [CanonicalLine]) -> String {
        var lineOfAnchor: [String: Int] = [:]
        for (k, line) in lines.enumerated() {
            for anchor in line.anchors where lineOfAnchor[anchor] == nil { lineOfAnchor[anchor] = k }
        }
        var above = [[String]](repeating: [], count: lines.count)
        var after = [[String]](repeating: [], count: lines.count)
        var atEnd: [String] = []
        for comment in comments {
            guard comment.anchor != "$end" else { atEnd.append(comment.text); continue }
            var anchor = comment.anchor
            var target = lineOfAnchor[anchor]
            while target == nil, let slash = anchor.lastIndex(of: "/") {
                anchor = String(anchor[..<slash])
                target = lineOfAnchor[anchor]
            }
            let k = target ?? 0
            if comment.isTrailing { after[k].append(comment.text) } else { above[k].append(comment.text) }
        }
        var out = ""
        for (k, line) in lines.enumerated() {
            let pad = String(repeating: " ", count: line.indent)
            for text in above[k] { out += pad + text + "\n" }
            out += line.text
            // Several trailing comments for one line (a flow mapping split into lines keeps only one line): the
            // first stays trailing, the others go above so none is lost.
            if let first = after[k].first { out += "  " + first }
            out += "\n"
            for text in after[k].dropFirst() { out += pad + text + "\n" }
        }
        for text in atEnd { out += text + "\n" }
        return out
    }

    /// Why `formatted` is not a safe rewrite of `original`, or `nil` when it is.
    static func verify(path: String, original: String, formatted: String) -> String? {
        let before = RegistryLoader.parse(files: [(path, original)]).registry
        let reparsed = RegistryLoader.parse(files: [(path, formatted)])
        guard reparsed.diagnostics.isEmpty else { return "the rewrite does not load: \(reparsed.diagnostics[0].message)" }
        guard reparsed.registry.digest == before.digest else { return "the rewrite would change the registry" }
        guard case .success(let again) = layout(path: path, text: formatted), again == formatted else {
            return "the layout is not stable"
        }
        let kept = YAMLComments.scan(formatted).map(\.text), had = YAMLComments.scan(original).map(\.text)
        guard kept.sorted() == had.sorted() else { return "a comment could not be placed" }
        return nil
    }
}
