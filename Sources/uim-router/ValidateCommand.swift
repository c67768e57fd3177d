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
              UIM_REGISTRY=/srv/gsp/registry uim-router validate
            """
    )

    @OptionGroup var registry: RegistryOptions

    func run() throws {
        do {
            let loaded = try registry.loadOrThrow()
            print("\(registry.displayName): ok — \(loaded.parties.count) Parties, \(loaded.patterns.count) patterns, "
                + "\(loaded.patterns.reduce(0) { $0 + $1.matchExamples.count + $1.noMatchExamples.count }) examples checked")
            print("release: \(loaded.release.map(\.description) ?? "unsigned")")
            print("digest: sha256:\(loaded.digest)")
        } catch {
            for diagnostic in error.diagnostics { print(diagnostic) }
            print("\(registry.displayName): \(error.diagnostics.count) problem(s)")
            throw ExitCode(1)
        }
    }
}
