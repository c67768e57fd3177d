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
            Reads FILE (one UIM per line, or the first tab-separated field; default: standard input) into \
            memory, then routes every UIM --repeat times with each engine, timing only the routing. Prints one \
            key=value line per engine: engine, patterns, uims, compile_ms, ns_per_uim (median over the repeats), \
            p50_ns and p99_ns (single-UIM times, clock overhead included), peak_rss_mb, and the counts per \
            status.

            Examples:
              uim-router bench Samples/seized-uims.txt
              uim-router bench --fields --repeat 20 --registry ./Patterns scanned.txt
            """
    )

    @OptionGroup var registry: RegistryOptions

    @Option(help: ArgumentHelp("Query date, YYYY-MM-DD (default: today, UTC).", valueName: "date"))
    var date: Day?

    @Option(help: "Number of timed passes over the input.")
    var `repeat`: Int = 10

    @Flag(help: "Build full results (named-group fields), not only the status and Parties.")
    var fields = false

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

    @Argument(help: "File of UIMs (default: standard input).")
    var file: String?

    func run() throws {
        let generated = synthetic.map { SyntheticRegistry(patterns: $0, seed: seed) }
        let loaded = try generated?.registry ?? registry.load()
        let compileStart = RoutingBenchmark.monotonicNanoseconds()
        let router = try Router(registry: loaded)
        let compileMilliseconds = Double(RoutingBenchmark.monotonicNanoseconds() - compileStart) / 1e6
        let uims = try generated?.uims(count: uimCount, seed: seed &+ 1) ?? readUIMs()
        let day = date ?? Day.today()
        for engine in engines.isEmpty ? RoutingEngine.allCases : engines {
            let measurement = RoutingBenchmark.measure(router: router, engine: engine, uims: uims, day: day,
                                                       repeats: engine == .naive ? max(1, `repeat` / 2) : `repeat`,
                                                       fields: fields)
            print(measurement.line(extra: [("fields", fields ? "yes" : "no"),
                                           ("compile_ms", RoutingBenchmark.decimal(compileMilliseconds)),
                                           ("digest", router.registryDigest),
                                           ("release", router.registry.releaseLabel)]
                                   + (engine == .router ? RoutingBenchmark.indexFigures(router) : []))
                  + " peak_rss_mb=\(RoutingBenchmark.decimal(RoutingBenchmark.peakResidentMiB()))")
        }
    }

    private func readUIMs() throws -> [[UInt8]] {
        var uims: [[UInt8]] = []
        let descriptor = file.map { open($0, O_RDONLY) } ?? 0
        guard descriptor >= 0 else {
            Terminal.printError("uim-router bench: cannot open \(file ?? "-"): \(String(cString: strerror(errno)))")
            throw ExitCode(66)
        }
        _ = LineReader(descriptor: descriptor).forEachLine { line in
            uims.append(Array(line.prefix { $0 != UInt8(ascii: "\t") }))
        }
        return uims
    }
}

extension RoutingEngine: ExpressibleByArgument {}
