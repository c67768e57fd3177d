// `uim-router explain`: why each UIM routed as it did — what normalisation stripped, the result, and when it did not
// route, the nearest patterns with where the UIM leaves each, check characters, validity windows and repair hints.
import ArgumentParser
import UIMRouter

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain why UIMs routed or did not route, with repair hints for scanner damage.",
        discussion: """
            For each UIM (arguments, or one per line of standard input): what normalisation stripped, the \
            result, and when it is not routed the nearest patterns (where the UIM leaves each pattern, what the \
            pattern accepts there, the lengths it accepts), check characters computed against the ones found, \
            validity windows, and repair hints: repaired forms of the UIM that the router routes. Hints never \
            change the result. --format json writes one object per UIM (see README).

            Examples:
              uim-router explain 'KE0000000O01234X'
              uim-router explain --format json --date 2026-06-01 < Samples/damaged-uims.txt
            """
    )

    @OptionGroup var registry: RegistryOptions

    @Option(help: "Output format: text (for people) or json (one object per UIM).")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("Query date for validity periods, YYYY-MM-DD (default: today, UTC).", valueName: "date"))
    var date: Day?

    @Argument(help: "UIMs to explain (default, or `-`: one per line of standard input).")
    var uims: [String] = []

    func run() throws {
        let router = try registry.loadRouter()
        let explainer = Explainer(router: router)
        let day = date ?? Day.today()
        var inputs = uims
        if inputs.isEmpty || inputs == ["-"] {
            inputs = []
            while let line = readLine(strippingNewline: true) { inputs.append(line) }
        }
        let text = ExplanationText(registry: router.registry)
        for uim in inputs {
            let explanation = explainer.explain(uim, on: day)
            print(format == .json ? explanation.json : text.render(explanation))
        }
    }
}
