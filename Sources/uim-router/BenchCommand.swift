// `uim-router bench`: time routing of a file's UIMs in memory, the router against the naive scan.
import ArgumentParser
import UIMRouter
#if canImport(Glibc)
import Glibc
#endif

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time routing of a file's UIMs: the router and the naive scan on the same UIMs.",
        discussion: """
            Reads FILE (`-` or none: standard input) into memory as `classify` reads it — one UIM per line, or \
            CSV/TSV by extension or --input-format with the same choice of UIM column (--column), blank CSV/TSV \
            lines skipped — then routes every UIM --repeat times with each engine, timing only the routing. \
            Prints one key=value line per engine: engine, patterns, uims, compile_ms, ns_per_uim (median over \
            the repeats), p50_ns and p99_ns (single-UIM times, clock overhead included), peak_rss_mb, and the \
            counts per status, which are classify's counts for the same file (a malformed CSV/TSV row is invalid \
            there and here, and is not timed).

            Examples:
              uim-router bench Samples/seized-uims.txt
              uim-router bench --fields --repeat 20 --registry ./Patterns scanned.txt
              uim-router bench --json-lines --date 2026-06-01 Samples/seized-uims.txt
            """
    )

    @OptionGroup var registry: RegistryOptions

    @Option(help: ArgumentHelp("Query date, YYYY-MM-DD (default: today, UTC).",
                               valueName: "date"), transform: Day.argument)
    var date: Day?

    @Option(help: "Number of timed passes over the input.")
    var `repeat`: Int = 10

    @Flag(help: "Build full results (named-group fields), not only the status and Parties.")
    var fields = false

    @Flag(help: ArgumentHelp("Time routing plus each result's JSON line into one buffer (the contract's line, as "
                             + "`route --format json` and the C interface's batch call write it) instead of the engines."))
    var jsonLines = false

    @Option(help: ArgumentHelp("Route a generated registry of N patterns and generated UIMs instead of a registry "
                               + "and FILE (see SyntheticRegistry).", valueName: "N"))
    var synthetic: Int?

    @Option(help: "Seed of the generated registry (its UIMs use seed + 1).")
    var seed: UInt64 = 2026

    @Option(name: .customLong("uims"), help: "Number of generated UIMs with --synthetic.")
    var uimCount: Int = 10_000

    @Option(name: .customLong("engine"), help: ArgumentHelp(
        "Engine to time (repeatable): router, trie (prefix trie + PCRE2 on every candidate), naive (default: all).",
        valueName: "engine"))
    var engines: [RoutingEngine] = []

    @Flag(help: "Also time the repair-hint search (as explain and --hints run it) on every unrouted UIM.")
    var hints = false

    @Option(help: ArgumentHelp("The UIM column of CSV/TSV input: its name or 1-based number.", valueName: "name|n"))
    var column: String?

    @Option(name: .customLong("input-format"), help: "Input layout: plain, csv or tsv (default: from the extension).")
    var inputFormat: InputFormat?

    @Argument(help: "File of UIMs (`-` or none: standard input).")
    var file: String?

    func run() throws {
        let generated = synthetic.map { SyntheticRegistry(patterns: $0, seed: seed) }
        let loaded = try generated?.registry ?? registry.load()
        let compileStart = RoutingBenchmark.monotonicNanoseconds()
        let router = try Router(registry: loaded, options: RegistryOptions.routerOptions)
        let compileMilliseconds = Double(RoutingBenchmark.monotonicNanoseconds() - compileStart) / 1e6
        let day = date ?? Day.today()
        let list = try generated.map { UIMList(uims: $0.uims(count: uimCount, seed: seed &+ 1)) }
            ?? readUIMs(router: router, day: day)
        if jsonLines {
            let measurement = RoutingBenchmark.measureJSONLines(router: router, uims: list.uims, day: day, repeats: `repeat`)
            print(measurement.line(extra: [("fields", "json-lines"),
                                           ("compile_ms", RoutingBenchmark.decimal(compileMilliseconds)),
                                           ("digest", router.registryDigest)])
                  + " peak_rss_mb=\(RoutingBenchmark.decimal(RoutingBenchmark.peakResidentMiB()))")
            return
        }
        for engine in engines.isEmpty ? RoutingEngine.allCases : engines {
            var measurement = RoutingBenchmark.measure(router: router, engine: engine, uims: list.uims, day: day,
                                                       repeats: engine == .naive ? max(1, `repeat` / 2) : `repeat`,
                                                       fields: fields)
            // Rows classify counts invalid before routing: counted here too, not timed.
            measurement.uims += list.malformed
            measurement.counts[.invalid, default: 0] += list.malformed
            print(measurement.line(extra: [("fields", fields ? "yes" : "no"),
                                           ("compile_ms", RoutingBenchmark.decimal(compileMilliseconds)),
                                           ("digest", router.registryDigest),
                                           ("release", router.registry.releaseLabel)]
                                   + (engine == .router ? RoutingBenchmark.indexFigures(router) : []))
                  + " peak_rss_mb=\(RoutingBenchmark.decimal(RoutingBenchmark.peakResidentMiB()))")
        }
        if hints { print(hintLine(router: router, uims: list.uims, day: day)) }
    }

    /// `engine=hints`: the hint search's time per unrouted UIM (each timed alone), and what it found.
    private func hintLine(router: Router, uims: [[UInt8]], day: Day) -> String {
        let finder = HintFinder(router: router)
        let scratch = router.makeScratch()
        var times: [Int] = []
        var found = 0
        var capped = 0
        for uim in uims {
            let result = uim.withUnsafeBufferPointer { router.route(utf8: $0, on: day, using: scratch) }
            guard result.status == .unrouted else { continue }
            let start = RoutingBenchmark.monotonicNanoseconds()
            let search = finder.hints(for: result, on: day)
            times.append(RoutingBenchmark.monotonicNanoseconds() - start)
            if !search.hints.isEmpty { found += 1 }
            if search.capped { capped += 1 }
        }
        times.sort()
        func percentile(_ p: Double) -> Int { times.isEmpty ? 0 : times[min(times.count - 1, Int(Double(times.count) * p))] }
        let mean = times.isEmpty ? 0 : times.reduce(0, +) / times.count
        return "engine=hints patterns=\(router.registry.patterns.count) unrouted=\(times.count) with_hints=\(found) "
            + "capped=\(capped) mean_ns=\(mean) p50_ns=\(percentile(0.5)) p99_ns=\(percentile(0.99))"
    }

    /// The file's UIMs through classify's reader.
    private func readUIMs(router: Router, day: Day) throws -> UIMList {
        let name = file ?? "-"
        let descriptor = name == "-" ? 0 : try InputFiles.open(name)
        defer { if descriptor != 0 { close(descriptor) } }
        let input = ClassificationInput(name: name, descriptor: descriptor,
                                        format: inputFormat ?? InputFormat.guess(fromFileName: name))
        do {
            let list = try UIMList.read(input, router: router, date: day, column: column.map(ColumnSelector.init))
            if let choice = list.column, choice.reason != .requested, choice.reason != .named {
                Terminal.printError("uim-router bench: \(choice)")
            }
            return list
        } catch {
            Terminal.printError("uim-router bench: \(error)")
            throw ExitCode(error.code == .unreadable ? 74 : 65)
        }
    }
}

extension RoutingEngine: ExpressibleByArgument {}
