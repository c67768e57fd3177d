// The comments of a registry file and what each one is about, so that `fmt` can write them back beside the same
// key or item after reordering. Yams drops comments, so they are found by scanning the text (outside quoted and
// block scalars) and attached to the node that starts on their line (a trailing comment) or on the next line
// holding YAML content (a comment on lines of its own).
import Yams

/// One comment of a registry file.
struct YAMLComment: Sendable, Hashable {
    /// The comment as written, from `#` to the end of the line, trailing white space removed.
    var text: String
    /// `true` when it follows content on its line; `false` when it stands on a line of its own.
    var isTrailing: Bool
    /// The path of what it is about (see ``CanonicalLine/anchors``); `$start` and `$end` for comments above and after
    /// all content.
    var anchor: String
}

enum YAMLComments {
    /// Every comment of `text`, in file order, attached to the paths of the composed `root`.
    static func comments(in text: String, root: Node) -> [YAMLComment] {
        var paths: [Int: [String]] = [:]
        record(root, path: "", into: &paths)
        let found = scan(text)
        let contentLines = paths.keys.sorted()
        let firstContent = contentLines.first ?? Int.max
        return found.map { comment in
            // Comments above all content are about the file: they stay at its top.
            if comment.line < firstContent { return YAMLComment(text: comment.text, isTrailing: false, anchor: "$start") }
            if comment.isTrailing, let here = paths[comment.line]?.last {
                return YAMLComment(text: comment.text, isTrailing: true, anchor: here)
            }
            let next = contentLines.first { $0 > comment.line }.flatMap { paths[$0]?.first } ?? "$end"
            return YAMLComment(text: comment.text, isTrailing: false, anchor: next)
        }
    }

    /// The paths of the nodes starting on each (1-based) line, outermost first.
    private static func record(_ node: Node, path: String, into paths: inout [Int: [String]]) {
        func note(_ line: Int?, _ path: String) {
            guard let line, !path.isEmpty else { return }
            paths[line, default: []].append(path)
        }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                let name = key.scalar?.string ?? "?"
                let child = path.isEmpty ? name : path + "/" + name
                note(key.mark?.line, child)
                record(value, path: child, into: &paths)
            }
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() {
                var child = path + "/\(index)"
                if path == "patterns", let id = item.mapping?["id"]?.scalar?.string { child = "patterns/#\(id)" }
                note(item.mark?.line, child)
                record(item, path: child, into: &paths)
            }
        case .scalar, .alias:
            note(node.mark?.line, path)
        }
    }

    /// Comments found by scanning: `#` at the start of a line or after a space or tab, outside quoted scalars and
    /// block scalars. Quote state carries across lines (a quoted scalar may span several).
    static func scan(_ text: String) -> [(line: Int, text: String, isTrailing: Bool)] {
        var result: [(line: Int, text: String, isTrailing: Bool)] = []
        var quote: Character?
        var blockIndent: Int?  // inside a block scalar whose parent line had this indentation
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let indent = line.prefix { $0 == " " }.count
            if let parent = blockIndent {
                if line.allSatisfy({ $0 == " " }) || indent > parent { continue }
                blockIndent = nil
            }
            var previous: Character = " "
            var lastSignificant: Character?
            var hasContent = false
            var index = line.startIndex
            while index < line.endIndex {
                let c = line[index]
                if let open = quote {
                    if open == "\"" && c == "\\" {
                        index = line.index(after: index)
                        if index < line.endIndex { index = line.index(after: index) }
                        continue
                    }
                    if c == open {
                        let after = line.index(after: index)
                        if open == "'" && after < line.endIndex && line[after] == "'" {
                            index = line.index(after: after)
                            continue
                        }
                        quote = nil
                    }
                } else if c == "#" && (previous == " " || previous == "\t") {
                    let comment = String(line[index...]).trimmingTrailingWhitespace()
                    result.append((offset + 1, comment, hasContent))
                    break
                } else if (c == "'" || c == "\"") && (lastSignificant == nil || ":-[{,?".contains(lastSignificant!)) {
                    quote = c
                    hasContent = true
                } else if (c == "|" || c == ">") && (lastSignificant == ":" || lastSignificant == "-") {
                    blockIndent = indent
                    hasContent = true
                } else if c != " " && c != "\t" {
                    hasContent = true
                }
                if c != " " && c != "\t" { lastSignificant = c }
                previous = c
                index = line.index(after: index)
            }
        }
        return result
    }
}

extension StringProtocol {
    /// The text without trailing spaces and tabs.
    func trimmingTrailingWhitespace() -> String {
        var end = endIndex
        while end > startIndex, [" ", "\t", "\r"].contains(self[index(before: end)]) { end = index(before: end) }
        return String(self[startIndex..<end])
    }
}
