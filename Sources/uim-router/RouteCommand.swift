// `uim-router route`: route the UIMs given, or one per line of standard input; one output line per input line.
import ArgumentParser
import Dispatch
import Synchronization
import UIMRouter
#if canImport(Glibc)
import Glibc
#endif

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Route's formats: JSON lines are `jsonl`, as for classify; `json` (the contract's spelling) is the same.
enum RouteFormat: String, ExpressibleByArgument, CaseIterable {
    case text, jsonl

    init?(argument: String) { self.init(rawValue: argument == "json" ? "jsonl" : argument) }
}

struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Route UIMs to the Party that issued them.",
        discussion: """
            Routes each UIM given as an argument, or each line of standard input when none is given (`-` among \
            the arguments also stands for the lines of standard input). Every input line yields exactly one \
            output line, in order: blank and malformed lines yield `invalid`, never a skipped line. A CR before \
            a line feed is part of the line end. Surrounding white space and a leading AIM symbology identifier \
            (]d2, ]Q3, ]C1 …) are removed before matching; case is never folded.

            Statuses: routed (one Party), ambiguous (several Parties: all are listed, none is picked), unrouted \
            (no pattern; patterns set aside by check character, validity date or match limit are named), \
            invalid.

            --hints searches every unrouted UIM for scanner or typing damage (lost or stand-in GS, Caps Lock, \
            QWERTZ/AZERTY layouts, a look-alike, two neighbours swapped, separators, leftovers) and lists the \
            repaired forms that route: "hints" in JSON, an indented `hint KIND: UIM routes to PARTY` line per hint \
            in text. Hints never change the status, Party or matches: check with the issuing Party (see \
            `uim-router explain`).

            --output writes a temporary file beside FILE and renames it when complete: an interrupted or failed \
            run leaves no partial file. A closed standard output (`| head -1`) ends the run quietly; a write that \
            fails otherwise (a full disk) exits 74.

            Examples:
              uim-router route ']d2WAAGSnB3Wwd25r4f5z21090418' KE62611695722008
              uim-router route --format jsonl --date 2026-06-01 < scanned.txt
              uim-router route --hints --date 2026-06-01 'KRATIZIZGXEZRQZ34'
              zcat seized.txt.gz | uim-router route --format jsonl --output routed.jsonl -
            """
    )

    @OptionGroup var registry: RegistryOptions

    @Option(help: "Output format: text (aligned, for people) or jsonl (or json: the contract's JSON, one per line).")
    var format: RouteFormat = .text

    @Option(help: ArgumentHelp("Query date for validity periods, YYYY-MM-DD (default: today, UTC).",
                               valueName: "date"), transform: Day.argument)
    var date: Day?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE (complete or not at all) instead of standard output.",
                                                    valueName: "file"))
    var output: String?

    @Flag(help: "Give every unrouted UIM its repair hints: repaired forms that route (never changes the result).")
    var hints = false

    @Argument(help: "UIMs to route (`-`: the lines of standard input; default: standard input).")
    var uims: [String] = []

    func validate() throws {
        if uims.filter({ $0 == "-" }).count > 1 { throw ValidationError("Standard input (-) can be read only once.") }
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)   // a closed pipe becomes a write error: quiet on standard output, reported elsewhere
        let router = try registry.loadRouter()
        let loaded = router.registry
        let day = date ?? Day.today()
        let scratch = router.makeScratch()
        let finder = hints ? HintFinder(router: router) : nil
        var outputFile: AtomicOutputFile?
        // Ctrl-C is caught before the temporary file exists, so no moment leaves one behind.
        let temporary = PendingOutput()
        let interrupts = output == nil ? [] : Self.discardOnInterrupt(temporary)
        defer { interrupts.forEach { $0.cancel() } }
        if let output {
            do {
                try temporary.paths.withLock { paths in
                    let file = try AtomicOutputFile(path: output)
                    outputFile = file
                    paths = file.temporaryPath.map { ($0, file.path) }
                }
            } catch {
                Terminal.printError("uim-router: cannot create \(output): \(error)")
                throw ExitCode(74)
            }
        }
        let sink = OutputSink(descriptor: outputFile?.descriptor ?? 1)
        let arguments = uims.filter { $0 != "-" }
        let text = ResultText(registry: loaded,
                              uimWidth: arguments.isEmpty ? 30 : min(60, arguments.map(\.count).max() ?? 0))
        var writer = JSONWriter()

        func emit(_ line: UnsafeBufferPointer<UInt8>) throws {
            var result = router.route(utf8: line, on: day, using: scratch)
            finder?.attachHints(to: &result, on: day)
            switch format {
            case .jsonl:
                writer.bytes.removeAll(keepingCapacity: true)
                result.writeJSON(to: &writer)
                writer.bytes.append(UInt8(ascii: "\n"))
                try sink.write(writer.bytes)
            case .text:
                try sink.write(text.line(for: result) + text.hintLines(for: result))
            }
        }

        do {
            for uim in uims.isEmpty ? ["-"] : uims {
                if uim == "-" {
                    let reader = LineReader(descriptor: 0)
                    // Flush before blocking on input, so an officer typing UIMs sees each answer at once.
                    reader.willBlock = { try? sink.flush() }
                    guard try reader.forEachLine(emit) else {
                        let reason = String(cString: strerror(errno))
                        outputFile?.discard()
                        Terminal.printError("uim-router: cannot read standard input: \(reason)"
                            + (output.map { "; \($0) was not written" } ?? ""))
                        throw ExitCode(74)
                    }
                } else {
                    var copy = uim
                    try copy.withUTF8 { try emit($0) }
                }
            }
            try sink.flush()
            try outputFile?.commit()
        } catch let error as OutputError {
            outputFile?.discard()
            if outputFile == nil, ClosedPipe.isClosedPipe(error.code) { ClosedPipe.end() }
            Terminal.printError("uim-router: \(error)" + (output.map { "; \($0) was not written" } ?? ""))
            throw ExitCode(74)
        }
    }

    /// On Ctrl-C (or SIGTERM) removes the temporary file named in `paths` (once it exists) and exits 130, so no
    /// partial file is left.
    private static func discardOnInterrupt(_ pending: PendingOutput) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                pending.paths.withLock { paths in
                    if let paths { unlink(paths.temporary) }
                    Terminal.printError("uim-router: interrupted" + (paths.map { "; \($0.final) was not written" } ?? ""))
                    Glibc.exit(130)
                }
            }
            source.resume()
            return source
        }
    }
}

/// The temporary and final paths of route's `--output`, once the temporary file exists; shared with the signal
/// handler.
final class PendingOutput: Sendable {
    let paths = Mutex<(temporary: String, final: String)?>(nil)
}
