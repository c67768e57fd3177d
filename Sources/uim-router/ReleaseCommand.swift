// `uim-router release`: validate a registry folder fully, then write its signed `_release.json`.
import ArgumentParser
import UIMRouter

struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Validate a registry and write its signed release manifest, DIR/_release.json.",
        discussion: """
            The manifest holds the version (an integer that only grows: a version not above the folder's \
            existing release is refused), the creation time (UTC), the registry digest, the SHA-256 of every \
            Party file and the signature. A registry that does not validate is refused. Add further signatures \
            with `uim-router sign`.

            Examples:
              uim-router release --registry Patterns --key secretariat.key --version 1 \\
                  --note "first release"
            """
    )

    @Option(help: ArgumentHelp("The registry folder.", valueName: "dir"))
    var registry: String

    @Option(help: ArgumentHelp("The private key file (NAME.key from keygen).", valueName: "key"))
    var key: String

    @Option(help: ArgumentHelp("The release version: above the folder's existing release.", valueName: "n"))
    var version: Int

    @Option(help: ArgumentHelp("A note kept in the manifest.", valueName: "text"))
    var note: String?

    func run() throws {
        do {
            let signingKey = try ReleaseSigningKey.read(path: key)
            let manifest = try RegistryPublisher.release(
                directory: registry, key: signingKey, version: version,
                note: note)
            print(
                "\(registry)/\(ReleaseManifest.fileName): release \(manifest.version), \(manifest.files.count) "
                    + "file(s), digest \(manifest.digest), signed by \(signingKey.id)")
        } catch {
            for diagnostic in error.diagnostics { Terminal.printError(diagnostic.description) }
            Terminal.printError("\(registry): no release written")
            throw ExitCode(1)
        }
    }
}
