// The repository's README.md split into its fenced code blocks, for the tests that run them as written.
import Foundation

/// One fenced code block of README.md.
struct ReadmeBlock: CustomStringConvertible {
    /// The info string after the opening fence (`sh`, `yaml`, `json`, …), empty when there is none.
    var language: String
    /// The lines between the fences, each followed by a newline.
    var text: String
    /// The 1-based line of the opening fence.
    var line: Int
    /// The HTML comment on the last non-blank line before the fence (`<!-- illustrative -->` gives `illustrative`).
    var marker: String?

    /// The marker's first word without a trailing colon (`embedding-example: kept identical …` gives
    /// `embedding-example`).
    var markerName: String? {
        guard let marker, let word = marker.split(separator: " ").first else { return nil }
        return word.hasSuffix(":") ? String(word.dropLast()) : String(word)
    }

    var description: String { "README.md:\(line): ```\(language)" }
}

enum Readme {
    /// The repository's root folder (this file is `Tests/CLITests/Support/Readme.swift`).
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text() throws -> String {
        try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    }

    /// The text outside the fenced blocks.
    static func prose() throws -> String {
        var inBlock = false
        return try text().components(separatedBy: "\n").filter { line in
            if line.hasPrefix("```") { inBlock.toggle(); return false }
            return !inBlock
        }.joined(separator: "\n")
    }

    /// Every fenced block, in order. A fence is a line starting with three backquotes; blocks do not nest.
    static func blocks() throws -> [ReadmeBlock] {
        var blocks: [ReadmeBlock] = []
        var open: ReadmeBlock?
        var lastNonBlank = ""
        for (index, line) in try text().components(separatedBy: "\n").enumerated() {
            if line.hasPrefix("```") {
                if let block = open {
                    blocks.append(block)
                    open = nil
                } else {
                    let previous = lastNonBlank.trimmingCharacters(in: .whitespaces)
                    var marker: String?
                    if previous.hasPrefix("<!--") && previous.hasSuffix("-->") {
                        marker = previous.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespaces)
                    }
                    open = ReadmeBlock(language: String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces),
                                       text: "", line: index + 1, marker: marker)
                }
            } else if open != nil {
                open?.text += line + "\n"
            }
            if !line.trimmingCharacters(in: .whitespaces).isEmpty { lastNonBlank = line }
        }
        return blocks
    }

    /// The one block that `predicate` picks; fails when none or several do, so a test never runs the wrong block.
    static func block(_ what: String, where predicate: (ReadmeBlock) -> Bool) throws -> ReadmeBlock {
        let found = try blocks().filter(predicate)
        guard found.count == 1 else { throw ReadmeError("expected one README block \(what), found \(found.count)") }
        return found[0]
    }
}

struct ReadmeError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
