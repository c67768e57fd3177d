// Target 1, route: the fuzzer's bytes become UIMs for a small registry (patterns from a grammar of realistic pieces);
// the indexed router must return exactly what the naive try-every-pattern scan returns, on several dates, and
// nothing may crash or hang (PCRE2's match limits keep pathological patterns bounded).
//
// Speed (issue 16): building a router analyses every regex (the analyser's subset construction, slow under
// trace-cmp), so most inputs reuse one of the fixed registries in FixedRouters.swift, each built once per process,
// and spend their bytes on UIMs; an input whose first byte is 0 (1 in 256 of random inputs, and the checked-in
// build-mode seeds) still builds its own registry from the rest of its bytes, so registry construction stays fuzzed
// (a pathological regex costs seconds there under ASan, so even 1 in 16 held the target near 10 exec/s).
import FuzzKit
@_spi(Fuzzing) import UIMRouter

let routeDays = ["2023-06-01", "2024-01-01", "2025-06-30", "2026-06-01"].map { Day(iso: $0)! }

func fuzzRoute(_ data: UnsafeBufferPointer<UInt8>) {
    var input = FuzzInput(data)
    let mode = Int(input.byte())
    if mode != 0, let fixed = FixedRouters.router(mode % FixedRouters.count) {
        routeUIMs(fixed, count: input.int(1...16), &input)
        return
    }
    let (registry, patterns) = PatternGrammar.registry(&input)
    if fuzzVerbose { fuzzLog("regexes: \(registry.patterns.map { $0.regex.debugDescription })") }
    guard let built = FixedRouter(registry: registry, patterns: patterns) else {
        return  // a regex PCRE2 rejects (raw text, or an unlucky combination): nothing to route
    }
    routeUIMs(built, count: input.int(1...6), &input)
}

/// Routes `count` UIMs drawn from `fixed`'s patterns, then the input's remaining bytes as they are.
func routeUIMs(_ fixed: FixedRouter, count: Int, _ input: inout FuzzInput) {
    let router = fixed.router
    let scratch = fixed.scratch
    for _ in 0..<count {
        let uim = PatternGrammar.uim(for: fixed.patterns, &input)
        let day = input.pick(routeDays)
        let fast = router.route(uim, on: day, using: scratch)
        let reference = fixed.naive.route(uim, on: day)
        fuzzExpect(agrees(fast, reference), """
            router and naive scan disagree on \(uim.debugDescription) on \(day)
              router: \(fast)
              naive:  \(reference)
              regexes: \(fixed.registry.patterns.map(\.regex))
            """)
        var copy = uim
        let decided = copy.withUTF8 { router.decide(utf8: $0, on: day, using: scratch) }
        fuzzExpect(decided == fast.status && router.routedParty(in: scratch) == fast.party,
                   "decide(utf8:) gives \(decided) \(router.routedParty(in: scratch) ?? "-") for \(uim.debugDescription), route gives \(fast.status) \(fast.party ?? "-")")
        fuzzExpect((fast.status == .routed) == (fast.party != nil), "status \(fast.status) with party \(fast.party ?? "nil")")
    }
    // Raw bytes (possibly invalid UTF-8) straight to the byte entry point.
    let raw = input.rest()
    let day = routeDays[raw.count % routeDays.count]
    let fast = raw.withUnsafeBufferPointer { router.route(utf8: $0, on: day, using: scratch) }
    if let text = String(validating: raw, as: UTF8.self) {
        let reference = fixed.naive.route(text, on: day)
        fuzzExpect(agrees(fast, reference), "raw bytes \(raw): router \(fast), naive \(reference); regexes: \(fixed.registry.patterns.map(\.regex))")
    } else {
        fuzzExpect(fast.status == .invalid, "invalid UTF-8 \(raw) routed as \(fast.status)")
    }
}

/// libFuzzer's entry for one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzRoute(UnsafeBufferPointer(start: data, count: size))
    return 0
}

@main
enum Main {
    static func main() { FuzzDriver.run { testOneInput($0, $1) } }
}

/// The router agrees with the naive scan: the same result, except for a pattern the naive scan could not decide
/// (PCRE2 stopped at its limits: `match-limit`). The router may decide such a pattern exactly, with its automaton or
/// with PCRE2's own facts (a byte every match holds, a minimum length), so its answer for that pattern is free, as in
/// the `opaque` target's comparison; everything else must be equal.
func agrees(_ fast: RouteResult, _ reference: RouteResult) -> Bool {
    let undecided = Set(reference.rejected.filter { $0.reason == .matchLimit }.map(\.pattern))
    guard !undecided.isEmpty else { return fast == reference }
    return fast.uim == reference.uim && fast.error == reference.error
        && fast.matches.filter { !undecided.contains($0.pattern) } == reference.matches.filter { !undecided.contains($0.pattern) }
        && fast.rejected.filter { !undecided.contains($0.pattern) }
            == reference.rejected.filter { !undecided.contains($0.pattern) }
}
