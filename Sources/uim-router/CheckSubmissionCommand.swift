// `uim-router check-submission`: a Party's file checked as if it replaced its current one — validation, examples,
// conflicts with every other Party, lint — in one report, exit 0 only when it can be accepted.
import ArgumentParser
import UIMRouter

struct CheckSubmissionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-submission",
        abstract: "Check a Party's pattern file before it is sent: validity, examples, conflicts, lint.",
        discussion: """
            FILE is validated as if it replaced its Party's file (FILE's name, e.g. KE.yaml, names the Party) in \
            the registry: format, regexes, check groups, and every example of every Party against the new \
            patterns. Then its overlaps with every other Party's patterns and its lint findings are listed.

            Exit status: 0 when the file can be accepted (no problem it causes, no overlap with another Party; \
            check-separated pairs and lint findings are reported but do not block), 1 otherwise.

            Examples:
              uim-router check-submission KE.yaml
              uim-router check-submission submissions/UZ.yaml --registry ./Patterns
            """
    )

    @OptionGroup var registry: RegistryOptions

    @Argument(help: ArgumentHelp("The Party's registry file.", valueName: "file.yaml"))
    var file: String

    @Option(help: ArgumentHelp("The day that decides what has expired, YYYY-MM-DD (default: today, UTC).",
                               valueName: "date"), transform: Day.argument)
    var date: Day?

    func run() throws {
        try registry.verifyIfTrusted()
        let text: String
        switch RegistryText.read(path: file) {
        case .success(let read):
            text = read.text
        case .failure(let problem) where problem.code == .io:
            Terminal.printError("uim-router: \(problem.message)")
            throw ExitCode(66)
        case .failure(let problem):
            print("\(file): checked against \(registry.displayName)")
            print("VERDICT: cannot be accepted yet: save the file as UTF-8")
            print("")
            print("  \(problem)")
            throw ExitCode(1)
        }
        try registry.checkFolder()
        let files: [(path: String, text: String)]
        do {
            files = try registry.folder.map(SubmissionChecker.registryFiles(in:)) ?? SubmissionChecker.bundledFiles
        } catch {
            Terminal.printError(error.description)
            Terminal.printError("uim-router: cannot read the registry \(registry.displayName) to check against")
            throw ExitCode(error.diagnostics.allSatisfy { $0.code == .io } ? 66 : 1)
        }
        let report = SubmissionChecker.check(path: file, text: text, registryFiles: files, today: date ?? Day.today())
        if let note = registry.patternsNote { Terminal.printError(note) }
        let digest = (try? Registry.load(files: files, examples: .warnings))?.digest
        let against = registry.displayName + (digest.map { ", digest sha256:\($0)" } ?? "")
        print(SubmissionText.report(report, file: file, registry: against))
        if !report.isAcceptable { throw ExitCode(1) }
    }
}
