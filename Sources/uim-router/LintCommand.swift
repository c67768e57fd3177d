// `uim-router lint`: findings per pattern — opaque, too broad, nested quantifiers, redundant, missing examples or
// descriptions, validity over — printed like a compiler's warnings.
import ArgumentParser
import UIMRouter

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Review a registry's patterns: opaque, too broad, backtracking risks, redundant, incomplete.",
        discussion: """
            Prints one line per finding as FILE:LINE:COLUMN: SEVERITY: PATTERN: message [code]. Codes: opaque, \
            too-broad, nested-quantifier, redundant, missing-examples (warnings); missing-descriptions, expired, \
            off-automaton (notes: the router decides that pattern with PCRE2 instead of its automaton).

            Exit status: 0 when there is no warning (notes alone do not fail), 1 otherwise.

            Examples:
              uim-router lint
              uim-router lint --registry ./Patterns --date 2026-06-01
            """
    )

    @OptionGroup var registry: RegistryOptions

    @Option(help: ArgumentHelp("The day that decides what has expired, YYYY-MM-DD (default: today, UTC).",
                               valueName: "date"), transform: Day.argument)
    var date: Day?

    func run() throws {
        let router = try registry.loadRouter()
        let loaded = router.registry
        let findings = PatternLinter(registry: loaded).findings(today: date ?? Day.today(), engines: router.patternEngines,
                                                                interpreterReasons: router.interpreterReasons)
        for finding in findings { print(finding) }
        let warnings = findings.filter { $0.severity == .warning }.count
        print("\(registry.displayName): \(loaded.patterns.count) patterns, \(warnings) warning(s), "
            + "\(findings.count - warnings) note(s)")
        if warnings > 0 { throw ExitCode(1) }
    }
}
