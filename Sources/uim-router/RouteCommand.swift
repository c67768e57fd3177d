// `uim-router route`: route the UIMs given, or one per line of standard input; one output line per input line.
import ArgumentParser
import UIMRouter
#if canImport(Glibc)
import Glibc
#endif

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Route UIMs to the Party that issued them.",
        discussion: """
            Routes each UIM given as an argument, or each line of standard input when none is given. Every input \
            line yields exactly one output line, in order: blank and malformed lines yield `invalid`, never a \
            skipped line. Surrounding white space and a leading AIM symbology identifier (]d2, ]Q3, ]C1 …) are \
            removed before matching; case is never folded.

            Statuses: routed (one Party), ambiguous (several Parties: all are listed, none is picked), unrouted \
            (no pattern; patterns set aside by check character, validity date or match limit are named), \
            invalid.

            Examples:
              uim-router route ']d2WAAGSnB3Wwd25r4f5z21090418' KE62611695722008
              uim-router route --format json --date 2026-06-01 < scanned.txt
              zcat seized.txt.gz | uim-router route --registry ./Patterns --format json
            """
    )

    @OptionGroup var registry: RegistryOptions

    @Option(help: "Output format: text (aligned, for people) or json (the contract's JSON, one object per line).")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("Query date for validity periods, YYYY-MM-DD (default: today, UTC).",
                               valueName: "date"), transform: Day.argument)
    var date: Day?

    @Argument(help: "UIMs to route (default: one per line of standard input).")
    var uims: [String] = []

    func run() throws {
        signal(SIGPIPE, SIG_IGN)   // a closed pipe becomes a write error we report, not a silent death
        let router = try registry.loadRouter()
        let loaded = router.registry
        let day = date ?? Day.today()
        let scratch = router.makeScratch()
        let output = OutputSink(descriptor: 1)
        let text = ResultText(registry: loaded, uimWidth: uims.isEmpty ? 30 : min(60, uims.map(\.count).max() ?? 0))
        var writer = JSONWriter()

        func emit(_ line: UnsafeBufferPointer<UInt8>) throws {
            let result = router.route(utf8: line, on: day, using: scratch)
            switch format {
            case .json:
                writer.bytes.removeAll(keepingCapacity: true)
                result.writeJSON(to: &writer)
                writer.bytes.append(UInt8(ascii: "\n"))
                try output.write(writer.bytes)
            case .text:
                try output.write(text.line(for: result))
            }
        }

        do {
            if uims.isEmpty {
                let reader = LineReader(descriptor: 0)
                // Flush before blocking on input, so an officer typing UIMs sees each answer at once.
                reader.willBlock = { try? output.flush() }
                let ok = try reader.forEachLine(emit)
                try output.flush()
                if !ok {
                    Terminal.printError("uim-router: cannot read standard input: \(String(cString: strerror(errno)))")
                    throw ExitCode(74)
                }
            } else {
                for uim in uims {
                    var copy = uim
                    try copy.withUTF8 { try emit($0) }
                }
                try output.flush()
            }
        } catch let error as OutputError {
            Terminal.printError("uim-router: \(error)")
            throw ExitCode(74)
        }
    }
}
