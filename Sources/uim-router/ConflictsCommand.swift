// `uim-router conflicts`: every pair of patterns of different Parties that can match the same UIM, with the UIM.
import ArgumentParser
import UIMRouter

struct ConflictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "List the UIMs that would route as ambiguous: overlapping patterns of different Parties.",
        discussion: """
            For every pair of patterns of different Parties whose validity periods intersect, decides whether a \
            UIM can match both and prints the shortest such UIM (the lexicographically smallest of the shortest) \
            as the witness. Kinds: overlap (exact: the witness matches both regexes and passes both check \
            characters; it routes as ambiguous), check-separated (the regexes overlap but no UIM passing both \
            checks was found in a bounded search), sampled (a pattern is opaque; the witness was found by \
            sampling and verified with PCRE2).

            Exit status: 0 when no pair overlaps (check-separated pairs alone are reported but do not fail), 1 \
            when any overlap or sampled overlap exists.

            Examples:
              uim-router conflicts
              uim-router conflicts --party RU --date 2026-06-01
              uim-router conflicts --registry ./Patterns --format json > conflicts.jsonl
            """
    )

    @OptionGroup var registry: RegistryOptions

    @Option(help: ArgumentHelp("Only pairs with a pattern of this Party.", valueName: "code"))
    var party: String?

    @Option(help: ArgumentHelp("Only patterns valid on this day, YYYY-MM-DD (default: every pair whose validity "
        + "periods intersect).",
                               valueName: "date"), transform: Day.argument)
    var date: Day?

    @Option(help: "Output format: text (for people) or json (one object per finding per line).")
    var format: OutputFormat = .text

    func run() throws {
        let loaded = try registry.load()
        if let party, loaded.party(party) == nil {
            Terminal.printError("uim-router: no Party '\(party)' in \(registry.displayName)")
            throw ExitCode(64)
        }
        let findings = ConflictFinder(registry: loaded).conflicts(party: party, on: date)
        switch format {
        case .json:
            for finding in findings {
                var writer = JSONWriter()
                finding.writeJSON(to: &writer)
                print(String(decoding: writer.bytes, as: UTF8.self))
            }
        case .text:
            print(ConflictText.report(findings, registry: loaded))
        }
        if findings.contains(where: { $0.kind != .checkSeparated }) { throw ExitCode(1) }
    }
}
