// `uim-router sample`: random UIMs that match one pattern, check characters included.
import ArgumentParser
import UIMRouter

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Print random UIMs that match a pattern, with valid check characters.",
        discussion: """
            Draws the UIMs from the pattern's automaton (each allowed length equally likely, then uniformly \
            among the UIMs of that length), writes in the check characters and verifies each with PCRE2. Opaque \
            patterns cannot be sampled (exit status 1). The same --seed gives the same UIMs.

            Examples:
              uim-router sample RU-PACK-29
              uim-router sample GB-QCUKT-UNIT -n 100 --seed 7 --registry ./Patterns
            """
    )

    @OptionGroup var registry: RegistryOptions

    @Argument(help: ArgumentHelp("The id of the pattern to sample.", valueName: "pattern-id"))
    var patternID: String

    @Option(name: .short, help: "Number of UIMs.")
    var n: Int = 10

    @Option(help: "Random seed (default: 1).")
    var seed: UInt64 = 1

    func run() throws {
        let loaded = try registry.load()
        guard let spec = loaded.patterns.first(where: { $0.id == patternID }) else {
            Terminal.printError("uim-router: no pattern '\(patternID)' in \(registry.displayName)")
            throw ExitCode(64)
        }
        do {
            for uim in try PatternSampler(spec: spec).samples(count: max(0, n), seed: seed) { print(uim) }
        } catch {
            Terminal.printError("uim-router: cannot sample '\(patternID)': \(error)")
            throw ExitCode(1)
        }
    }
}
