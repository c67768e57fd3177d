// `uim-router keygen --out NAME`: a new Ed25519 key pair for signing registry releases.
import ArgumentParser
import UIMRouter

struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Make a key pair for signing registry releases: NAME.key (private, mode 0600) and NAME.pub.",
        discussion: """
            Never overwrites a key file. Keep NAME.key offline, with whoever publishes releases; give NAME.pub to \
            every router (--trust NAME.pub). Prints the key id that manifests name the key by.

            Examples:
              uim-router keygen --out secretariat
            """
    )

    @Option(help: ArgumentHelp("Path and name of the key files, without extension.", valueName: "name"))
    var out: String

    func run() throws {
        let key = ReleaseSigningKey()
        do {
            try key.write(base: out)
        } catch {
            Terminal.printError(error.description)
            throw ExitCode(1)
        }
        print("key id: \(key.id)")
        print("private key: \(out).key (keep it secret; mode 0600)")
        print("public key: \(out).pub (give it to routers: --trust \(out).pub)")
    }
}
