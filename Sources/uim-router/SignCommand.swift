// `uim-router sign`: add a signature to a registry's release, after checking the folder is what it lists.
import ArgumentParser
import UIMRouter

struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Add a signature to a registry's release manifest (a second custodian, or a new key).",
        discussion: """
            Checks first that every Party file and the registry digest are still those of the release, so a key \
            signs only what is there.

            Examples:
              uim-router sign --registry Patterns --key custodian.key
            """
    )

    @Option(help: ArgumentHelp("The registry folder.", valueName: "dir"))
    var registry: String

    @Option(help: ArgumentHelp("The private key file (NAME.key from keygen).", valueName: "key"))
    var key: String

    func run() throws {
        do {
            let signingKey = try ReleaseSigningKey.read(path: key)
            let manifest = try RegistryPublisher.sign(directory: registry, key: signingKey)
            print(
                "\(registry)/\(ReleaseManifest.fileName): release \(manifest.version) now signed by "
                    + manifest.signatures.map(\.key).joined(separator: ", "))
        } catch {
            for diagnostic in error.diagnostics { Terminal.printError(diagnostic.description) }
            Terminal.printError("\(registry): not signed")
            throw ExitCode(1)
        }
    }
}
