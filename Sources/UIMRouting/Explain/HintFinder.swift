// Repair hints for unrouted UIMs (issue 15): which damage between the pack and the screen would explain the miss.
// Whole-string damage (Caps Lock, a keyboard layout, GS stand-ins, typed separators, leftovers) gives one or a few
// rewritten candidates; local damage (lost GS, one look-alike confused, two neighbours transposed) is searched
// through the router's multi-pattern automata (HintFinder+Walk), never by routing every edited string. Every
// candidate is then confirmed by the ordinary router, checks and dates included: a hint is never a UIM that would
// not route, and it never changes the result it is attached to.
import UIMAutomata
import UIMRegistry

/// What a hint search found for one UIM.
public struct HintSearch: Sendable, Hashable {
    /// Repaired UIMs that route or are ambiguous, by repair kind in ``RepairKind`` order.
    public var hints: [RepairHint]
    /// `true` when the automaton search stopped at its state budget: some repairs may be missing.
    public var capped: Bool

    /// A search outcome.
    public init(hints: [RepairHint] = [], capped: Bool = false) {
        self.hints = hints
        self.capped = capped
    }
}

/// Finds repair hints for unrouted UIMs with a router. One per thread: it owns a ``RouteScratch``.
public final class HintFinder {
    /// The router whose patterns the repairs aim at, and that confirms every candidate.
    public let router: Router
    /// The most automaton steps one UIM's search may take (a bound whatever the registry).
    public let stepBudget: Int
    let scratch: RouteScratch

    /// The step budget a finder has unless told otherwise.
    public static let defaultStepBudget = 50_000

    /// A finder for `router`, spending at most `stepBudget` automaton steps per UIM.
    public init(router: Router, stepBudget: Int = HintFinder.defaultStepBudget) {
        self.router = router
        self.stepBudget = stepBudget
        scratch = router.makeScratch()
    }

    /// Sets `result`'s ``RouteResult/hints`` (and ``RouteResult/hintsCapped`` when the search stopped at its step
    /// budget) when it is `unrouted`; status, Party and matches stay as they are.
    public func attachHints(to result: inout RouteResult, on day: Day) {
        guard result.status == .unrouted else { return }
        let search = hints(for: result, on: day)
        result.hints = search.hints
        result.hintsCapped = search.capped
    }

    /// The hints for `result`, a result ``router`` produced on `day`: none unless it is `unrouted`.
    public func hints(for result: RouteResult, on day: Day) -> HintSearch {
        guard result.status == .unrouted else { return HintSearch() }
        var input = result.uim
        return input.withUTF8 { bytes in
            guard case .success(let range) = Normalizer.normalise(bytes) else { return HintSearch() }
            return hints(forNormalised: Array(bytes[range]), on: day)
        }
    }

    /// The hints for a normalised, unrouted UIM.
    public func hints(forNormalised subject: [UInt8], on day: Day) -> HintSearch {
        var budget = stepBudget
        var candidates: [(RepairKind, [UInt8])] = []
        candidates += rewrites(of: subject)
        // The subject's unedited walk through each automaton, read once for the three kinds.
        let automata = router.automatonTables.both.filter { $0.start >= 0 }
        let plains = automata.map { plainStates(subject, $0) }
        for kind in [RepairKind.gsRestored, .typedConfusable, .typedTransposition] {
            for (tables, plain) in zip(automata, plains) {
                candidates += walk(subject, tables, plain: plain, kind: kind, budget: &budget).map { (kind, $0) }
            }
        }
        var hints: [RepairHint] = []
        var seen = Set<[UInt8]>()
        for kind in RepairKind.allCases {
            for (candidateKind, candidate) in candidates where candidateKind == kind && candidate != subject {
                guard seen.insert(candidate).inserted, let hint = confirm(candidate, kind: kind, on: day) else {
                    continue
                }
                hints.append(hint)
            }
        }
        return HintSearch(hints: hints, capped: budget <= 0)
    }

    /// The hint for `candidate` when the router routes it (or finds it ambiguous).
    private func confirm(_ candidate: [UInt8], kind: RepairKind, on day: Day) -> RepairHint? {
        // Most candidates do not route: decide first, without building a result.
        let status = candidate.withUnsafeBufferPointer { router.decide(utf8: $0, on: day, using: scratch, fields: false) }
        guard status == .routed || status == .ambiguous else { return nil }
        let result = candidate.withUnsafeBufferPointer { router.route(utf8: $0, on: day, using: scratch) }
        guard result.status == .routed || result.status == .ambiguous, let first = result.matches.first,
              case .success(let range) = candidate.withUnsafeBufferPointer(Normalizer.normalise),
              range == 0..<candidate.count
        else { return nil }
        return RepairHint(repair: kind, uim: String(decoding: candidate, as: UTF8.self), status: result.status,
                          parties: result.parties, pattern: first.pattern)
    }
}
