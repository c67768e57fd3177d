// The `uim-router` command: subcommands only; each lives in its own file. `main()` answers `--version` and unknown
// command names itself, then leaves everything else to ArgumentParser.
import ArgumentParser
import Foundation
import UIMRouter

@main
struct UIMRouterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uim-router",
        abstract: "Route scanned tobacco-pack UIMs to the Party whose tracking-and-tracing system issued them.",
        discussion: """
            The registry of Parties' UIM patterns is the bundled one unless --registry or the UIM_REGISTRY \
            environment variable names a folder of <PARTY>.yaml files. `uim-router help <command>` shows a \
            command's options and examples.

            Exit status: 0 success (whatever the UIMs' statuses); 1 the registry has problems (for validate: the \
            registry is not sound; for conflicts, lint, check-submission: findings that block); 64 bad usage; 65 \
            an input's columns do not fit; 66 an input cannot be opened; 74 input or output failed (a closed pipe \
            or a full disk is reported, never a silent truncation); 130 interrupted.
            """,
        version: UIMRouterVersion.version,
        subcommands: [RouteCommand.self, ValidateCommand.self, BenchCommand.self, ClassifyCommand.self,
                      ConflictsCommand.self, LintCommand.self, CheckSubmissionCommand.self, SampleCommand.self,
                      ListCommand.self, ShowCommand.self, NewCommand.self, FmtCommand.self,
                      DiffCommand.self, SchemaCommand.self, ExplainCommand.self, KeygenCommand.self,
                      ReleaseCommand.self, SignCommand.self, VerifyCommand.self]
    )

    /// `--version` prints the bundled registry's digest and PCRE2's version too (ArgumentParser's prints one fixed
    /// string); an unknown command, alone or after `help`, is bad usage with a "did you mean" (ArgumentParser would
    /// print the top-level help and exit 0 for `help NAME`). The rest is ArgumentParser's.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments == ["--version"] {
            print(UIMRouterVersion.text())
            return
        }
        if let problem = unknownCommand(in: arguments) {
            Terminal.printError(problem)
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        main(nil)
    }

    /// The message for a first word (or the word after `help`) that names no subcommand, or `nil`.
    static func unknownCommand(in arguments: [String]) -> String? {
        let names = configuration.subcommands.map { $0._commandName }
        var words = arguments[...]
        if words.first == "help" { words = words.dropFirst() }
        guard let word = words.first, !word.hasPrefix("-"), !names.contains(word), word != "help" else { return nil }
        let advice = Spelling.suggestion(for: word, among: names).map { "; did you mean '\($0)'?" } ?? ""
        return """
            Error: no command '\(word)'\(advice)
            Commands: \(names.joined(separator: ", ")). See 'uim-router --help'.
            """
    }
}
