// One worker's counts for the chunk it is encoding, in one raw allocation it alone touches: counting a record is an
// add through a pointer (no uniqueness check, no hashing, no reference counting on memory another thread shares).
// At the end of the chunk they become the ClassificationTally handed to the writer.
import UIMRouting

/// Counters for one chunk; one per worker. Pointer semantics: the owner calls ``deallocate()`` once.
struct TallyCounters {
    let partyCount: Int
    /// `records`, the 4 statuses, `routed` by Party, `unrouted` by reason (+ no pattern), `invalid` by reason.
    private let slots: UnsafeMutablePointer<Int>
    private let slotCount: Int
    private let routedStart = 5
    private let unroutedStart: Int
    private let invalidStart: Int
    /// Unrouted records with at least one repair hint, then by `RepairKind.allCases` index, then those whose search
    /// stopped at its step budget (``countHints(_:capped:)``).
    private let hintedStart: Int
    /// Ambiguous records of this chunk by their candidate Parties' signature (see ``AmbiguousKeys``).
    private(set) var ambiguous: [UInt64: Int] = [:]

    init(partyCount: Int) {
        self.partyCount = partyCount
        unroutedStart = routedStart + partyCount
        invalidStart = unroutedStart + RejectionReason.allCases.count + 1
        hintedStart = invalidStart + InvalidReason.allCases.count + MalformedRow.allCases.count
        slotCount = hintedStart + 2 + RepairKind.allCases.count
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
    }

    func deallocate() { slots.deallocate() }

    @inline(__always)
    private func bump(_ status: RouteStatus) {
        slots[0] &+= 1
        slots[1 &+ status.tallyIndex] &+= 1
    }

    @inline(__always)
    func countRouted(party: Int) {
        bump(.routed)
        slots[routedStart &+ party] &+= 1
    }

    @inline(__always)
    mutating func countAmbiguous(signature: UInt64) {
        bump(.ambiguous)
        ambiguous[signature, default: 0] += 1
    }

    /// An unrouted record: `firstReason` is its first set-aside pattern's reason (nil: no pattern matched).
    @inline(__always)
    func countUnrouted(firstReason: RejectionReason?) {
        bump(.unrouted)
        let slot = firstReason.map(\.tallyIndex) ?? RejectionReason.allCases.count
        slots[unroutedStart &+ slot] &+= 1
    }

    @inline(__always)
    func countInvalid(_ reason: InvalidReason) {
        bump(.invalid)
        slots[invalidStart &+ reason.tallyIndex] &+= 1
    }

    @inline(__always)
    func countMalformed(_ reason: MalformedRow) {
        bump(.invalid)
        slots[invalidStart &+ InvalidReason.allCases.count &+ reason.tallyIndex] &+= 1
    }

    /// An unrouted record's repair hints: counted once when there is any, and once under each kind present; and the
    /// record once more when its search was `capped`.
    func countHints(_ hints: [RepairHint], capped: Bool = false) {
        if capped { slots[hintedStart &+ 1 &+ RepairKind.allCases.count] &+= 1 }
        guard !hints.isEmpty else { return }
        slots[hintedStart] &+= 1
        for (k, kind) in RepairKind.allCases.enumerated() where hints.contains(where: { $0.repair == kind }) {
            slots[hintedStart &+ 1 &+ k] &+= 1
        }
    }

    /// The counts so far as a tally (ambiguous sets named through `keys`); then zero again.
    mutating func takeTally(keys: AmbiguousKeys) -> ClassificationTally {
        var tally = ClassificationTally(partyCount: partyCount)
        tally.records = slots[0]
        for k in tally.statuses.indices { tally.statuses[k] = slots[1 + k] }
        for k in tally.routed.indices { tally.routed[k] = slots[routedStart + k] }
        for k in tally.unrouted.indices { tally.unrouted[k] = slots[unroutedStart + k] }
        for k in tally.invalid.indices { tally.invalid[k] = slots[invalidStart + k] }
        tally.hinted = slots[hintedStart]
        for k in tally.hintedByKind.indices { tally.hintedByKind[k] = slots[hintedStart + 1 + k] }
        tally.hintsCapped = slots[hintedStart + 1 + RepairKind.allCases.count]
        for (signature, count) in ambiguous { tally.ambiguous[keys.name(of: signature), default: 0] += count }
        slots.update(repeating: 0, count: slotCount)
        ambiguous.removeAll(keepingCapacity: true)
        return tally
    }
}

/// Names sets of candidate Parties compactly. A set (Party indices in order of first match) packs into a `UInt64`
/// signature, one byte per Party (index + 1), when it has at most 8 Parties with indices below 255; any other set
/// gets a numbered signature with the top bit set. The tally's key (codes joined with `+`) is built once per set.
struct AmbiguousKeys {
    let partyCodes: [String]
    private var overflow: [[Int]] = []

    init(partyCodes: [String]) { self.partyCodes = partyCodes }

    /// The signature of the Party list `parties` (`count` of them).
    mutating func signature(of parties: UnsafePointer<Int>, count: Int) -> UInt64 {
        if count <= 8 {
            var signature: UInt64 = 0
            var packable = true
            for k in 0..<count {
                guard parties[k] < 255 else {
                    packable = false
                    break
                }
                signature = signature << 8 | UInt64(parties[k] + 1)
            }
            if packable { return signature }
        }
        let list = Array(UnsafeBufferPointer(start: parties, count: count))
        if let known = overflow.firstIndex(of: list) { return 1 << 63 | UInt64(known) }
        overflow.append(list)
        return 1 << 63 | UInt64(overflow.count - 1)
    }

    /// The tally key of `signature`: the Parties' codes joined with `+`.
    func name(of signature: UInt64) -> String {
        var parties: [Int] = []
        if signature >> 63 == 1 {
            parties = overflow[Int(signature & ~(1 << 63))]
        } else {
            var rest = signature
            while rest != 0 {
                parties.append(Int(rest & 0xFF) - 1)
                rest >>= 8
            }
            parties.reverse()
        }
        return parties.map { partyCodes[$0] }.joined(separator: "+")
    }
}
