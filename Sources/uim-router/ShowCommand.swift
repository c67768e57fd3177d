// `uim-router show PATTERN-ID`: everything about one pattern, from its file and line to its conflicts.
import ArgumentParser
import UIMRouter

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show everything about one pattern: declaration, fields, analysis and conflicts.",
        discussion: """
            Prints the pattern's file and line, regex, named groups (the UIM's fields), check, validity, \
            descriptions, references and examples; then what the analyser knows: its literal prefixes, the byte \
            lengths of its matches, whether it is opaque (and why), and every pattern of another Party it \
            overlaps, with the shortest UIM that matches both.

            Examples:
              uim-router show KE-EGMS-STAMP
              uim-router show RU-PACK-29 --registry ./Patterns
            """
    )

    @OptionGroup var registry: RegistryOptions

    @Argument(help: ArgumentHelp("The id of the pattern.", valueName: "pattern-id"))
    var patternID: String

    func run() throws {
        let loaded = try registry.load()
        guard let report = PatternReport(id: patternID, in: loaded) else {
            Terminal.printError("uim-router: no pattern '\(patternID)' in \(registry.displayName)")
            throw ExitCode(64)
        }
        let spec = report.spec
        let partyName = loaded.party(spec.party)?.name ?? spec.party
        print("\(spec.id) — \(spec.party) \(partyName)")
        print("  declared at   \(spec.location)")
        print("  regex         \(spec.regex)")
        print("  fields        \(report.fields.isEmpty ? "(none)" : report.fields.joined(separator: ", "))")
        if let check = spec.check {
            print("  check         \(check.algorithm.rawValue) over '\(check.payloadGroup)', check character(s) "
                + "in '\(check.checkCharacterGroup)'")
        } else {
            print("  check         none")
        }
        print("  level         \(spec.level.rawValue)")
        print("  valid         \(spec.validityText)")
        for language in Language.allCases {
            if let text = spec.descriptions[language] { print("  description   [\(language.rawValue)] \(text)") }
        }
        for reference in spec.references { print("  reference     \(reference)") }
        for example in spec.matchExamples { print("  match         \(example.uim)") }
        for example in spec.noMatchExamples { print("  no_match      \(example.uim)") }
        print("analysis")
        if let reason = report.analysis.opaqueReason {
            print("  opaque        yes: \(reason); overlaps with it are only sampled")
        } else {
            print("  opaque        no (\(report.analysis.stateCount) automaton states)")
        }
        print("  prefixes      \(report.prefixTexts.map { $0.isEmpty ? "(none)" : $0 }.joined(separator: " | "))")
        print("  lengths       \(report.lengthText)")
        if let required = report.shape.requiredByte {
            print("  required      \(PatternReport.byteText(required)) (every match holds it)")
        }
        print("  pcre2         \(report.interpreterReason.map { "interpreter: \($0)" } ?? "JIT")")
        print("conflicts       \(report.conflicts.isEmpty ? "none" : String(report.conflicts.count))")
        for finding in report.conflicts {
            let other = finding.a.pattern == spec.id ? finding.b : finding.a
            print("  [\(finding.kind.rawValue)] \(other)  witness: \(finding.witness)")
        }
    }
}
