// The figures of a classification run — counts only, never a UIM — so they can be shared with the Secretariat, with
// their provenance: which inputs, which registry (path and digest), which tool version, which date, and when.
import UIMPlatform
import UIMRegistry
import UIMRouting

/// What a classification run found: counts per status, per Party, per ambiguous Party set and per reason.
///
/// It never holds a UIM or any other input text: only counts, Party codes and names, and the registry used.
public struct ClassificationSummary: Sendable, Hashable {
    /// A number of UIMs routed to one Party.
    public struct PartyCount: Sendable, Hashable {
        /// The Party's code.
        public var code: String
        /// The Party's display name (empty when the registry has none).
        public var name: String
        /// UIMs routed to it.
        public var count: Int
    }

    /// A number of UIMs that matched the patterns of the same several Parties.
    public struct AmbiguousSet: Sendable, Hashable {
        /// The candidate Parties' codes, in registry order.
        public var parties: [String]
        /// UIMs with exactly these candidates.
        public var count: Int
    }

    /// A number of records set aside for one reason.
    public struct ReasonCount: Sendable, Hashable {
        /// The reason, as written in the records (`check-failed`, `no-pattern`, `longer than 512 bytes`, …).
        public var reason: String
        /// Records with it.
        public var count: Int
    }

    /// Unrouted UIMs with repair hints, when the run searched them (``ClassifierOptions/hints``).
    public struct HintCounts: Sendable, Hashable {
        /// A number of unrouted UIMs with at least one hint of one kind.
        public struct RepairCount: Sendable, Hashable {
            /// The repair kind.
            public var repair: RepairKind
            /// Unrouted UIMs with a hint of this kind.
            public var count: Int
        }

        /// Unrouted UIMs with at least one hint (each counted once, whatever its hints' kinds).
        public var unroutedWithHints: Int
        /// By repair kind, every kind present in ``RepairKind`` order: a UIM with hints of two kinds counts under
        /// each, so these may add up to more than ``unroutedWithHints``.
        public var byRepair: [RepairCount]
        /// Unrouted UIMs whose search stopped at its step budget (``HintFinder/stepBudget``): some of their repairs
        /// may be missing. In the JSON summary (`capped`) only when not 0.
        public var capped: Int = 0
    }

    /// One input of the run, as read.
    public struct Input: Sendable, Hashable {
        /// Its name (`-` for standard input).
        public var name: String
        /// Its physical lines (a CSV/TSV header and blank lines included).
        public var lines: Int
        /// Blank lines of a CSV/TSV input, skipped (a plain list routes every line).
        public var blankLines: Int
        /// The UIM column of a CSV/TSV input.
        public var uimColumn: String?
        /// The date column of a CSV/TSV input routed with per-row dates.
        public var dateColumn: String?

        /// An input's figures.
        public init(name: String, lines: Int, blankLines: Int, uimColumn: String? = nil, dateColumn: String? = nil) {
            self.name = name
            self.lines = lines
            self.blankLines = blankLines
            self.uimColumn = uimColumn
            self.dateColumn = dateColumn
        }
    }

    /// The inputs read, in order.
    public var inputs: [Input]
    /// Lines read over all inputs.
    public var lines: Int { inputs.reduce(0) { $0 + $1.lines } }
    /// Blank lines skipped over all inputs (CSV/TSV only).
    public var blankLines: Int { inputs.reduce(0) { $0 + $1.blankLines } }
    /// The version of the tool that made the run (empty when the caller did not say).
    public var toolVersion: String
    /// When the summary was made: UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    public var generated: String
    /// The column each record's query date was read from, when the dates were per row (then ``date`` applies to no
    /// record).
    public var dateColumn: String?
    /// Where the registry came from (a folder path, or `bundled`).
    public var registry: String
    /// The registry's digest (``Registry/digest``): ties every count to the library version that made it.
    public var registryDigest: String
    /// The registry's release (``Registry/releaseLabel``): `unsigned`, or the release version.
    public var registryRelease: String = "unsigned"
    /// The registry's number of Parties.
    public var registryParties: Int
    /// The registry's number of patterns.
    public var registryPatterns: Int
    /// The query date used for validity periods (unless ``dateColumn`` gives one per row).
    public var date: Day
    /// False when the run was stopped (interrupted, or by an error) before the end of its input.
    public var complete: Bool
    /// Records classified (one per input record).
    public var records: Int
    /// Records per status, in the order routed, ambiguous, unrouted, invalid (every status present).
    public var statuses: [RouteStatus: Int]
    /// Routed UIMs per Party, most first (then by code); Parties with none are left out.
    public var parties: [PartyCount]
    /// Ambiguous UIMs per candidate set, most first.
    public var ambiguous: [AmbiguousSet]
    /// Unrouted UIMs by reason: the reason of the first pattern set aside (`check-failed`, `not-yet-valid`,
    /// `expired`, `match-limit`), or `no-pattern` when no regex matched at all. Every reason is present.
    public var unrouted: [ReasonCount]
    /// Invalid records by reason (every reason present, including the malformed-row ones).
    public var invalid: [ReasonCount]
    /// Unrouted UIMs with repair hints, by kind; nil when the run did not search hints.
    public var hints: HintCounts?

    /// The number of records with `status`.
    public func count(_ status: RouteStatus) -> Int { statuses[status] ?? 0 }

    init(tally: ClassificationTally, router: Router, date: Day, complete: Bool, inputs: [Input] = [],
         dateColumn: String? = nil, toolVersion: String = "", hints: Bool = false) {
        self.inputs = inputs
        self.dateColumn = dateColumn
        self.toolVersion = toolVersion
        generated = Self.utcNow()
        registry = router.registry.source
        registryDigest = router.registry.digest
        registryRelease = router.registry.releaseLabel
        registryParties = router.registry.parties.count
        registryPatterns = router.registry.patterns.count
        self.date = date
        self.complete = complete
        records = tally.records
        var statuses: [RouteStatus: Int] = [:]
        for (k, status) in RouteStatus.allCases.enumerated() { statuses[status] = tally.statuses[k] }
        self.statuses = statuses
        let names = Dictionary(router.registry.parties.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        parties = zip(router.partyCodes, tally.routed).filter { $0.1 > 0 }
            .map { PartyCount(code: $0.0, name: names[$0.0] ?? "", count: $0.1) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.code < $1.code }
        ambiguous = tally.ambiguous.map { AmbiguousSet(parties: $0.key.split(separator: "+").map(String.init), count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.parties.lexicographicallyPrecedes($1.parties) }
        unrouted = zip(RejectionReason.allCases.map(\.rawValue) + ["no-pattern"], tally.unrouted)
            .map { ReasonCount(reason: $0.0, count: $0.1) }
        invalid = zip(InvalidReason.allCases.map(\.rawValue) + MalformedRow.allCases.map(\.description), tally.invalid)
            .map { ReasonCount(reason: $0.0, count: $0.1) }
        let byRepair = zip(RepairKind.allCases, tally.hintedByKind).map { HintCounts.RepairCount(repair: $0, count: $1) }
        self.hints = hints ? HintCounts(unroutedWithHints: tally.hinted, byRepair: byRepair,
                                                   capped: tally.hintsCapped) : nil
    }

    /// The current time, UTC, as `YYYY-MM-DDTHH:MM:SSZ`.
    static func utcNow() -> String {
        let seconds = Syscalls.realtimeSeconds()
        let day = Day(daysSinceEpoch: Int32((seconds - ((seconds % 86_400) + 86_400) % 86_400) / 86_400))
        let time = ((seconds % 86_400) + 86_400) % 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(day)T\(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60))Z"
    }
}
