// `uim-router new CODE --name NAME`: writes the commented starting file of a new Party.
import ArgumentParser
import Foundation
import UIMRouter

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a commented template file for a new Party.",
        discussion: """
            Writes CODE.yaml into the registry folder (--registry, else $UIM_REGISTRY, else ./Patterns) with one \
            example pattern and a comment on every key. Then run `uim-router validate` on the folder: it points \
            at the placeholder example (and at anything else still to fix) line by line. An existing file is \
            never overwritten.

            The file's first line is a yaml-language-server modeline naming \(RegistrySchema.fileName), the JSON \
            Schema of registry files, which is written (or brought up to date) beside it: an editor with YAML \
            language support then completes keys, shows what each means and flags structural mistakes as you type.

            Examples:
              uim-router new TZ --name "United Republic of Tanzania"
              uim-router new NO --name Norway --not-protocol-party --registry ./Patterns
            """
    )

    @OptionGroup var registry: RegistryOptions

    @Argument(help: ArgumentHelp("The Party's code: the file name, 1 to 16 letters or digits.", valueName: "code"))
    var code: String

    @Option(help: "The Party's display name.")
    var name: String

    @Flag(help: "The Party is not a Party to the Protocol.")
    var notProtocolParty = false

    func run() throws {
        try registry.rejectTrust("new")
        guard PartyTemplate.isValidCode(code) else {
            Terminal.printError("uim-router: '\(code)' cannot be a Party code; use 1 to 16 letters or digits")
            throw ExitCode(64)
        }
        let folder = registry.folder ?? "Patterns"
        let path = (folder.hasSuffix("/") ? folder : folder + "/") + code + ".yaml"
        guard !FileManager.default.fileExists(atPath: path) else {
            Terminal.printError("uim-router: \(path) already exists; it was left as it is")
            throw ExitCode(1)
        }
        let text = PartyTemplate.text(
            code: code, name: name, protocolParty: !notProtocolParty, today: Day.today(),
            schemaPath: RegistrySchema.fileName)
        let schemaPath = (folder.hasSuffix("/") ? folder : folder + "/") + RegistrySchema.fileName
        var written = path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            Terminal.printError("uim-router: cannot write \(path): \(error.localizedDescription)")
            throw ExitCode(74)
        }
        // The schema is generated, so a copy from another version is brought up to date rather than kept.
        if (try? String(contentsOfFile: schemaPath, encoding: .utf8)) != RegistrySchema.text {
            do {
                try RegistrySchema.text.write(toFile: schemaPath, atomically: true, encoding: .utf8)
                written += " and \(schemaPath)"
            } catch {
                Terminal.printError("uim-router: cannot write \(schemaPath): \(error.localizedDescription)")
                throw ExitCode(74)
            }
        }
        print("wrote \(written); fill in the TODOs, then run: uim-router validate --registry \(folder)")
    }
}
