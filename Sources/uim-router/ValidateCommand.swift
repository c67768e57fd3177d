// `uim-router validate`: load and check a registry; every problem as FILE:LINE:COLUMN: message.
import ArgumentParser
import UIMRouter

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a registry: YAML, keys, regexes, check groups, dates, languages and every example.",
        discussion: """
            Prints every problem of every file as FILE:LINE:COLUMN: error: message and exits 1, or prints a \
            summary and exits 0 when the registry is sound.

            Examples:
              uim-router validate
              uim-router validate --registry Patterns
              UIM_REGISTRY=./Patterns uim-router validate
            """
    )

    @OptionGroup var registry: RegistryOptions

    func run() throws {
        try registry.checkFolder()
        do {
            let loaded = try registry.loadOrThrow()
            print(registry.provenance(digest: loaded.digest))
            if let note = registry.patternsNote { print(note) }
            for warning in loaded.warnings { print(warning) }
            let warned = loaded.warnings.isEmpty ? "" : ", \(loaded.warnings.count) warning(s) above"
            print("\(registry.displayName): ok — \(loaded.parties.count) Parties, \(loaded.patterns.count) patterns, "
                + "\(loaded.patterns.reduce(0) { $0 + $1.matchExamples.count + $1.noMatchExamples.count }) examples checked"
                + warned)
            print("release: \(loaded.release.map(\.description) ?? "unsigned")")
            print("digest: sha256:\(loaded.digest)")
        } catch {
            print(registry.provenance(digest: nil))
            if let note = registry.patternsNote { print(note) }
            for diagnostic in (error.diagnostics + error.warnings).sorted(by: Self.fileOrder) { print(diagnostic) }
            print("\(registry.displayName): \(error.diagnostics.count) problem(s)")
            throw ExitCode(1)
        }
    }

    /// By file, line and column, errors before warnings at the same place.
    private static func fileOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        (a.location.file, a.location.line, a.location.column, a.severity == .error ? 0 : 1)
            < (b.location.file, b.location.line, b.location.column, b.severity == .error ? 0 : 1)
    }
}
