// One repair hint: a repaired form of an unrouted UIM that the ordinary router routes.
import UIMRegistry

/// A repaired UIM that routes, offered beside an `unrouted` result. A hint never changes the result's status,
/// Party or matches: sending a query to a Party on a guess would leak enforcement data.
public struct RepairHint: Sendable, Hashable {
    /// The damage the repair undoes.
    public var repair: RepairKind
    /// The repaired, normalised UIM.
    public var uim: String
    /// `routed` or `ambiguous`: what the ordinary router says of ``uim`` (check characters and dates included).
    public var status: RouteStatus
    /// The Parties the repaired UIM matches, in order of first match.
    public var parties: [String]
    /// The first pattern the repaired UIM matches.
    public var pattern: String

    /// A hint.
    public init(repair: RepairKind, uim: String, status: RouteStatus, parties: [String], pattern: String) {
        self.repair = repair
        self.uim = uim
        self.status = status
        self.parties = parties
        self.pattern = pattern
    }

    /// The Party, when the repaired UIM is routed.
    public var party: String? { status == .routed ? parties.first : nil }

    /// Writes `{"repair":…,"uim":…,"status":…,"party":…,"parties":[…],"pattern":…}` (`party` only when routed).
    package func writeJSON(to writer: inout JSONWriter) {
        writer.raw("{\"repair\":")
        writer.string(repair.rawValue)
        writer.raw(",\"uim\":")
        writer.string(uim)
        writer.raw(",\"status\":")
        writer.string(status.rawValue)
        if let party {
            writer.raw(",\"party\":")
            writer.string(party)
        }
        writer.raw(",\"parties\":[")
        for (k, party) in parties.enumerated() {
            if k > 0 { writer.raw(",") }
            writer.string(party)
        }
        writer.raw("],\"pattern\":")
        writer.string(pattern)
        writer.raw("}")
    }
}
