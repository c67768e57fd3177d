// `uim-router list`: the Parties and their patterns — level, validity, check, description, examples — and the
// registry digest.
import ArgumentParser
import UIMRouter

extension Language: ExpressibleByArgument {}

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the Parties and their patterns, with the registry digest.",
        discussion: """
            For each pattern: level, validity window, check algorithm, number of examples and the description \
            in the chosen language; when a pattern has none in that language the English one is shown and the \
            line says so. --format json writes one object with every Party and pattern.

            Examples:
              uim-router list
              uim-router list --party KE --lang fr
              uim-router list --registry ./Patterns --format json
            """
    )

    @OptionGroup var registry: RegistryOptions

    @Option(help: ArgumentHelp("Only this Party.", valueName: "code"))
    var party: String?

    @Option(help: "Language of the descriptions: ar, en, es, fr, ru or zh (falls back to English).")
    var lang: Language = .en

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let loaded = try registry.load()
        if let party, loaded.party(party) == nil {
            Terminal.printError("uim-router: no Party '\(party)' in \(registry.displayName)")
            throw ExitCode(64)
        }
        let parties = loaded.parties.filter { party == nil || $0.code == party }
        switch format {
        case .text: printText(loaded, parties)
        case .json: print(json(loaded, parties))
        }
    }

    private func printText(_ loaded: Registry, _ parties: [Party]) {
        print("\(registry.displayName): \(loaded.parties.count) Parties, \(loaded.patterns.count) patterns")
        print("digest: sha256:\(loaded.digest)")
        print("release: \(loaded.release.map(\.description) ?? "unsigned")")
        for party in parties {
            let specs = loaded.patterns.filter { $0.party == party.code }
            print("")
            print("\(party.code)  \(party.name)\(party.protocolParty ? "" : " (not a Party to the Protocol)")"
                + "  — \(specs.count) pattern(s)")
            for spec in specs {
                let examples = spec.matchExamples.count + spec.noMatchExamples.count
                print("  \(spec.id)  level \(spec.level.rawValue), valid \(spec.validityText), "
                    + "check \(spec.check?.algorithm.rawValue ?? "none"), \(examples) example(s)")
                if let (text, used) = spec.description(in: lang) {
                    print("    \(text)" + (used == lang ? "" : "  [\(used.rawValue); no \(lang.rawValue) description]"))
                } else {
                    print("    (no description)")
                }
            }
        }
    }

    private func json(_ loaded: Registry, _ parties: [Party]) -> String {
        String(decoding: RegistryListing.json(loaded, parties: parties, language: lang), as: UTF8.self)
    }
}
