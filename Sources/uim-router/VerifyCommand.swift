// `uim-router verify`: does a registry folder's release verify against the trusted keys?
import ArgumentParser
import UIMRouter

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a registry's signed release against trusted public keys.",
        discussion: """
            Exit 0 when the release verifies: enough signatures by trusted keys, exactly the Party files it lists \
            with the SHA-256 it lists, and the registry digest it names. Otherwise exit 1 with every reason, \
            located: file added, removed or changed, digest mismatch, unknown key, bad signature, too few \
            signatures, malformed manifest.

            Examples:
              uim-router verify --registry Patterns --trust secretariat.pub
              uim-router verify --registry Patterns --trust secretariat.pub --trust custodian.pub --threshold 2
            """
    )

    @OptionGroup var registry: RegistryOptions

    func run() throws {
        guard !registry.trust.isEmpty else {
            Terminal.printError("uim-router verify: give at least one --trust KEY.pub")
            throw ExitCode(64)
        }
        do {
            let loaded = try registry.loadOrThrow(examples: .warnings)
            print("\(registry.displayName): ok — release \(loaded.release.map(\.description) ?? "unsigned"), "
                + "\(loaded.parties.count) Parties, \(loaded.patterns.count) patterns")
            print("digest: sha256:\(loaded.digest)")
        } catch {
            for diagnostic in error.diagnostics { print(diagnostic) }
            print("\(registry.displayName): does not verify — \(error.diagnostics.count) problem(s)")
            throw ExitCode(1)
        }
    }
}
