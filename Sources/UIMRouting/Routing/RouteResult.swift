// What routing one UIM produced, as an owned value (the contract's JSON result shape).
import UIMRegistry

/// The outcome of routing one UIM.
public enum RouteStatus: String, Sendable, Hashable, CaseIterable {
    /// Exactly one Party's patterns match.
    case routed
    /// Patterns of two or more Parties match: every candidate is reported, none is picked.
    case ambiguous
    /// No pattern matches (some may have been set aside: see ``RouteResult/rejected``).
    case unrouted
    /// The input cannot be routed at all (see ``RouteResult/error``).
    case invalid
}

/// Why a pattern whose regex matched was set aside.
public enum RejectionReason: String, Sendable, Hashable, CaseIterable, BitwiseCopyable {
    /// The check character(s) did not verify.
    case checkFailed = "check-failed"
    /// The query date is before the pattern's `valid_from`.
    case notYetValid = "not-yet-valid"
    /// The query date is after the pattern's `valid_until`.
    case expired = "expired"
    /// PCRE2 could not decide the match within the configured limits.
    case matchLimit = "match-limit"
}

/// One pattern that matched.
public struct PatternMatch: Sendable, Hashable {
    /// The Party's code.
    public var party: String
    /// The pattern's id.
    public var pattern: String
    /// Every named group that took part in the match, in group order.
    public var fields: [Field]

    /// A match of `pattern` (of `party`) with `fields`.
    public init(party: String, pattern: String, fields: [Field]) {
        self.party = party
        self.pattern = pattern
        self.fields = fields
    }

    /// The value of the field `name`, if it took part in the match.
    public subscript(field name: String) -> String? { fields.first { $0.name == name }?.value }
}

/// A pattern whose regex matched but that was set aside.
public struct Rejection: Sendable, Hashable {
    /// The Party's code.
    public var party: String
    /// The pattern's id.
    public var pattern: String
    /// Why it was set aside.
    public var reason: RejectionReason

    /// `pattern` (of `party`) set aside for `reason`.
    public init(party: String, pattern: String, reason: RejectionReason) {
        self.party = party
        self.pattern = pattern
        self.reason = reason
    }
}

/// The routing result for one UIM, as the contract describes it.
public struct RouteResult: Sendable, Hashable {
    /// The input as given (before normalisation); invalid UTF-8 is shown with U+FFFD replacement characters.
    public var uim: String
    /// routed, ambiguous, unrouted or invalid.
    public var status: RouteStatus
    /// Every matching pattern, in registry order.
    public var matches: [PatternMatch]
    /// Patterns whose regex matched but that were set aside, in registry order.
    public var rejected: [Rejection]
    /// Why the input is invalid, when ``status`` is ``RouteStatus/invalid``.
    public var error: InvalidReason?
    /// Repair hints, when they were asked for (``HintFinder/attachHints(to:on:)``) and the result is unrouted: they
    /// never change ``status``, ``party`` or ``matches``.
    public var hints: [RepairHint]?
    /// `true` when the repair-hint search for this unrouted result stopped at its step budget
    /// (``HintFinder/stepBudget``): some repairs may be missing from ``hints``. Written to JSON only when `true`.
    public var hintsCapped: Bool = false

    /// A result; `party` is derived from `status` and `matches`.
    public init(uim: String, status: RouteStatus, matches: [PatternMatch] = [], rejected: [Rejection] = [],
                error: InvalidReason? = nil) {
        self.uim = uim
        self.status = status
        self.matches = matches
        self.rejected = rejected
        self.error = error
    }

    /// The Party the UIM routes to: set only when ``status`` is ``RouteStatus/routed``.
    public var party: String? { status == .routed ? matches.first?.party : nil }

    /// The distinct candidate Parties, in order of first match.
    public var parties: [String] {
        var seen: [String] = []
        for match in matches where !seen.contains(match.party) { seen.append(match.party) }
        return seen
    }
}
