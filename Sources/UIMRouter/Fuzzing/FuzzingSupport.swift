// Entry points for the fuzz harness (the separate `Fuzz/` package): the reference implementations and internal
// readers its targets compare against. They are SPI, not public API: a fuzz target opts in with
// `@_spi(Fuzzing) import UIMRouter`; nothing else should. Each entry is a thin wrapper that adds no behaviour, so a
// finding made through it is a finding in the wrapped code.
import UIMRegex
import UIMRegistry
import UIMAutomata
import UIMRouting
import UIMClassify

/// The naive try-every-pattern scan, the reference the indexed ``Router`` must always agree with.
@_spi(Fuzzing)
public final class FuzzingNaiveScanner {
    private let scanner: NaiveScanner
    private let scratch: MatchScratch

    /// A naive scanner over the compiled patterns of `router` (same regexes, no pattern index).
    public init(router: Router) {
        scanner = NaiveScanner(router: router)
        scratch = MatchScratch(maxCaptureCount: router.maxCaptureCount, limits: router.options.limits)
    }

    /// Routes `uim` on `day` by trying every pattern.
    public func route(_ uim: String, on day: Day) -> RouteResult {
        scanner.route(uim, on: day, using: scratch)
    }
}

/// One PCRE2 regex compiled as the router compiles it (UTF, anchored at both ends), with its own match state.
@_spi(Fuzzing)
public final class FuzzingRegex {
    private let regex: CompiledRegex
    private let scratch: MatchScratch

    /// Compiles `pattern`; `nil` when PCRE2 rejects it.
    public init?(_ pattern: String, jit: Bool = true, limits: MatchLimits = MatchLimits()) {
        guard let regex = try? CompiledRegex(pattern, jit: jit) else { return nil }
        self.regex = regex
        scratch = MatchScratch(maxCaptureCount: regex.captureCount, limits: limits)
    }

    /// Whether the regex matches the whole of `subject`; `nil` when PCRE2 stopped undecided (a limit).
    public func wholeMatch(_ subject: String) -> Bool? {
        var text = subject
        switch text.withUTF8({ scratch.match(regex, $0) }) {
        case .match: return true
        case .noMatch: return false
        case .undecided: return nil
        }
    }
}

extension PatternAnalysis {
    /// Whether the analyser's automaton accepts `bytes`; `nil` when the regex is opaque.
    @_spi(Fuzzing)
    public func automatonAccepts(_ bytes: [UInt8]) -> Bool? {
        opaqueReason == nil ? automaton.accepts(bytes) : nil
    }

    /// Up to `count` strings drawn from the automaton, of lengths up to `maximumLength` (none when opaque).
    @_spi(Fuzzing)
    public func automatonSamples(count: Int, maximumLength: Int, using rng: inout some RandomNumberGenerator)
        -> [[UInt8]]
    {
        guard opaqueReason == nil, automaton.start >= 0 else { return [] }
        let counts = automaton.pathCounts(upTo: maximumLength)
        let lengths = automaton.acceptedLengths(counts: counts)
        guard !lengths.isEmpty else { return [] }
        return (0..<count).compactMap { _ in
            automaton.sample(length: lengths.randomElement(using: &rng)!, counts: counts, using: &rng)
        }
    }
}

/// One record as the classification readers cut it: its first line and its fields (plain input: one field).
@_spi(Fuzzing)
public struct FuzzingRecord: Equatable, CustomStringConvertible {
    /// The input line the record starts on (1-based; for CSV/TSV the header is line 1; 0 for plain input).
    public var line: Int
    /// The fields' bytes, unquoted.
    public var fields: [[UInt8]]
    /// Why the row is malformed, if it is.
    public var malformed: MalformedRow?

    public var description: String {
        "line \(line) \(fields.map { String(decoding: $0, as: UTF8.self).debugDescription }) \(malformed.map { "\($0)" } ?? "")"
    }
}

/// The classification readers, run on a descriptor with a chosen read-block size (production reads 64 KiB blocks;
/// small blocks move every record boundary across reads, which is what the fuzz target compares).
@_spi(Fuzzing)
public enum FuzzingReaders {
    /// The header and records of a CSV/TSV input read from `descriptor` as ``Classifier`` reads them; `nil` when
    /// reading failed.
    public static func delimited(descriptor: Int32, delimiter: UInt8, blockSize: Int, chunkBytes: Int,
                                 maximumRecordBytes: Int) -> (header: [String]?, records: [FuzzingRecord])? {
        let source = ByteSource(descriptor: descriptor, stops: [], blockSize: blockSize)
        var reader = CSVReader(source: source, delimiter: delimiter, maximumRecordBytes: maximumRecordBytes)
        var records: [FuzzingRecord] = []
        do throws(ReadStop) {
            guard let header = try reader.readHeader() else { return (nil, []) }
            while let (bytes, ends, entries) = try reader.nextChunk(expectedFields: header.count,
                                                                   targetBytes: chunkBytes) {
                for entry in entries {
                    var fields: [[UInt8]] = []
                    var start = entry.firstField == 0 ? 0 : Int(ends[Int(entry.firstField) - 1])
                    for k in 0..<Int(entry.fieldCount) {
                        let end = Int(ends[Int(entry.firstField) + k])
                        fields.append(Array(bytes[start..<end]))
                        start = end
                    }
                    records.append(FuzzingRecord(line: entry.line, fields: fields, malformed: entry.malformed))
                }
            }
            return (header, records)
        } catch {
            return nil
        }
    }

    /// The lines of a plain input read from `descriptor` as ``Classifier`` reads them (without their `\n`); `nil`
    /// when reading failed.
    public static func plain(descriptor: Int32, blockSize: Int, chunkBytes: Int) -> [FuzzingRecord]? {
        let source = ByteSource(descriptor: descriptor, stops: [], blockSize: blockSize)
        var chunker = PlainChunker(source: source, blockSize: chunkBytes)
        var records: [FuzzingRecord] = []
        do throws(ReadStop) {
            while let (bytes, _) = try chunker.next() {
                guard bytes.last == UInt8(ascii: "\n") else { return nil }
                for line in bytes.dropLast().split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                    records.append(FuzzingRecord(line: 0, fields: [Array(line)], malformed: nil))
                }
            }
            return records
        } catch {
            return nil
        }
    }
}
