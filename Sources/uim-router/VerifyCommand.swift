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
              uim-router verify --registry Patterns --trust secretariat.pub \\
                  --trust custodian.pub --threshold 2
            """
    )

    @OptionGroup var registry: RegistryOptions

    func run() throws {
        guard !registry.trust.isEmpty else {
            Terminal.printError("uim-router verify: give at least one --trust KEY.pub")
            throw ExitCode(64)
        }
        do throws(RegistryError) {
            // The cheap part alone first (signatures, file list and hashes), timed: what trust costs beyond loading.
            var verifyNanoseconds = 0
            if let folder = registry.folder, let policy = try registry.trustPolicy() {
                let start = RoutingBenchmark.monotonicNanoseconds()
                let problems = Registry.verifyRelease(in: folder, trust: policy)
                verifyNanoseconds = RoutingBenchmark.monotonicNanoseconds() - start
                if !problems.isEmpty { throw RegistryError(problems) }
            }
            let start = RoutingBenchmark.monotonicNanoseconds()
            let loaded = try registry.loadOrThrow(examples: .warnings)
            let loadNanoseconds = RoutingBenchmark.monotonicNanoseconds() - start
            print(
                "\(registry.displayName): ok — release \(loaded.release.map(\.description) ?? "unsigned"), "
                    + "\(loaded.parties.count) Parties, \(loaded.patterns.count) patterns")
            print("digest: sha256:\(loaded.digest)")
            print(
                "timing: verify_ms=\(RoutingBenchmark.decimal(Double(verifyNanoseconds) / 1e6)) "
                    + "verified_load_ms=\(RoutingBenchmark.decimal(Double(loadNanoseconds) / 1e6))")
        } catch {
            for diagnostic in error.diagnostics { print(diagnostic) }
            print("\(registry.displayName): does not verify — \(error.diagnostics.count) problem(s)")
            throw ExitCode(1)
        }
    }
}
