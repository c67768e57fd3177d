// Builds an Explanation: routes the UIM, then walks each unmatched pattern's own automaton to find where the UIM
// leaves its language, re-runs PCRE2 on check failures to show the check characters, and searches repair hints.
import UIMRegex
import UIMRegistry
import UIMAutomata

/// Explains routing results. One per thread: it owns a ``RouteScratch`` and a ``HintFinder``.
public final class Explainer {
    /// The router explained.
    public let router: Router
    let finder: HintFinder
    let scratch: RouteScratch
    /// Per pattern (registry order), its analysis as the router's build made it: computed on the first explanation
    /// that needs near misses (the router keeps only its combined automata, not each pattern's).
    private lazy var analyses: [PatternAnalysis] = {
        let specs = router.registry.patterns
        return concurrentMap(count: specs.count, maxThreads: router.options.buildThreads) { index in
            PatternAnalysis(regex: specs[index].regex, stateLimit: PatternAnalysis.routerStateLimit)
        }
    }()
    /// Near misses listed at most (opaque patterns are listed by name after them, as many again at most).
    public static let nearestCount = 5

    /// An explainer for `router`.
    public init(router: Router) {
        self.router = router
        finder = HintFinder(router: router)
        scratch = router.makeScratch()
    }

    /// Explains the routing of `uim` (as scanned) on `day`.
    public func explain(_ uim: String, on day: Day) -> Explanation {
        var text = uim
        let (result, range) = text.withUTF8 { bytes in
            let result = router.route(utf8: bytes, on: day, using: scratch)
            guard case .success(let range) = Normalizer.normalise(bytes) else { return (result, nil as Range<Int>?) }
            return (result, range)
        }
        let bytes = Array(uim.utf8)
        guard let range else {
            return Explanation(input: uim, normalised: nil, stripped: [], date: day, result: result, nearest: [],
                               checks: [], dates: [], hints: HintSearch())
        }
        let subject = Array(bytes[range])
        let decided = Set(result.matches.map(\.pattern) + result.rejected.map(\.pattern))
        return Explanation(
            input: uim, normalised: String(decoding: subject, as: UTF8.self),
            stripped: Self.stripped(bytes, keeping: range), date: day, result: result,
            nearest: result.status == .unrouted ? nearMisses(subject, skipping: decided) : [],
            checks: checkMisses(subject, result), dates: dateMisses(result),
            hints: result.status == .unrouted ? finder.hints(forNormalised: subject, on: day) : HintSearch())
    }

    /// What normalisation removed from `bytes` to leave `range`.
    static func stripped(_ bytes: [UInt8], keeping range: Range<Int>) -> [String] {
        var parts: [String] = []
        var leading = bytes[..<range.lowerBound]
        if leading.first.map(Normalizer.isSpace) == true {
            parts.append("leading white space")
            while let first = leading.first, Normalizer.isSpace(first) { leading = leading.dropFirst() }
        }
        if !leading.isEmpty { parts.append("AIM symbology identifier \(String(decoding: leading, as: UTF8.self))") }
        if range.upperBound < bytes.count { parts.append("trailing white space") }
        return parts
    }

    /// The unmatched patterns nearest to `subject`: analysable ones ranked by how far the UIM gets through their
    /// automaton, then opaque ones by name.
    func nearMisses(_ subject: [UInt8], skipping decided: Set<String>) -> [Explanation.NearMiss] {
        var ranked: [(miss: Explanation.NearMiss, lengthGap: Int)] = []
        var opaque: [Explanation.NearMiss] = []
        for (spec, analysis) in zip(router.registry.patterns, analyses) where !decided.contains(spec.id) {
            let lengths = analysis.lengths?.description ?? Self.boundText(RegexShape(analysis: analysis))
            guard !analysis.isOpaque else {
                // Listed by name when its sound bound admits the UIM at all (no position is available).
                guard RegexShape(analysis: analysis).admits(length: subject.count) else { continue }
                opaque.append(.init(party: spec.party, pattern: spec.id, reached: nil, expected: [], found: nil,
                                    lengths: lengths))
                continue
            }
            let automaton = analysis.automaton
            var state = automaton.start
            var reached = 0
            while reached < subject.count, state >= 0 {
                let next = automaton.next(state, subject[reached])
                if next < 0 { break }
                state = next
                reached += 1
            }
            guard state >= 0 else { continue }   // matches nothing at all
            var expected = Self.classes(accepted: (0...255).map(UInt8.init).filter { automaton.next(state, $0) >= 0 })
            if automaton.accepting[Int(state)] { expected.append("end of UIM") }
            let found = reached < subject.count ? Self.character(at: reached, in: subject) : nil
            let gap = analysis.lengths.map { set in
                set.contains(subject.count) ? 0 : abs((set.minimum ?? 0) - subject.count)
            } ?? 0
            ranked.append((.init(party: spec.party, pattern: spec.id, reached: reached, expected: expected,
                                 found: found, lengths: lengths), gap))
        }
        ranked.sort { ($0.miss.reached ?? 0, -$0.lengthGap) > ($1.miss.reached ?? 0, -$1.lengthGap) }
        return ranked.prefix(Self.nearestCount).map(\.miss) + opaque.prefix(Self.nearestCount)
    }

    /// The check characters found and computed for each `check-failed` rejection.
    func checkMisses(_ subject: [UInt8], _ result: RouteResult) -> [Explanation.CheckMiss] {
        result.rejected.filter { $0.reason == .checkFailed }.compactMap { rejection in
            guard let index = router.registry.patterns.firstIndex(where: { $0.id == rejection.pattern }),
                  let check = router.registry.patterns[index].check
            else { return nil }
            let regex = router.patterns[index].regex
            let matcher = MatchScratch(maxCaptureCount: regex.captureCount, limits: router.options.limits)
            let groups = subject.withUnsafeBufferPointer { bytes -> (String, String)? in
                guard matcher.match(regex, bytes) == .match,
                      let payload = regex.groupNumber(named: check.payloadGroup).flatMap(matcher.range(ofGroup:)),
                      let digits = regex.groupNumber(named: check.checkCharacterGroup).flatMap(matcher.range(ofGroup:))
                else { return nil }
                return (String(decoding: bytes[payload], as: UTF8.self), String(decoding: bytes[digits], as: UTF8.self))
            }
            guard let (payload, found) = groups else { return nil }
            return .init(party: rejection.party, pattern: rejection.pattern, algorithm: check.algorithm,
                         payload: payload, found: found, computed: check.algorithm.compute(payload: payload))
        }
    }

    /// The validity window of each date rejection.
    func dateMisses(_ result: RouteResult) -> [Explanation.DateMiss] {
        result.rejected.filter { $0.reason == .notYetValid || $0.reason == .expired }.compactMap { rejection in
            guard let spec = router.registry.patterns.first(where: { $0.id == rejection.pattern }) else { return nil }
            return .init(party: rejection.party, pattern: rejection.pattern, validFrom: spec.validFrom,
                         validUntil: spec.validUntil, reason: rejection.reason)
        }
    }

    // MARK: Rendering helpers

    static func boundText(_ shape: RegexShape) -> String {
        shape.maxLength.map { "\(shape.minLength)–\($0)" } ?? "≥ \(shape.minLength)"
    }

    /// The character starting at byte `index` of `subject`, for a person (`GS` for the group separator).
    static func character(at index: Int, in subject: [UInt8]) -> String {
        if subject[index] == 0x1D { return "GS" }
        let length = min(Normalizer.scalarLength(subject[index]), subject.count - index)
        return String(decoding: subject[index..<index + length], as: UTF8.self)
    }

    /// Accepted bytes as character classes: ASCII ranges in one bracket, `GS`, and `non-ASCII` for UTF-8 lead bytes.
    static func classes(accepted bytes: [UInt8]) -> [String] {
        var result: [String] = []
        var ranges: [ClosedRange<UInt8>] = []
        for byte in bytes where byte >= 0x20 && byte < 0x7F {
            if let last = ranges.last, last.upperBound &+ 1 == byte {
                ranges[ranges.count - 1] = last.lowerBound...byte
            } else {
                ranges.append(byte...byte)
            }
        }
        func show(_ byte: UInt8) -> String {
            let text = String(UnicodeScalar(byte))
            return "]\\^-[".contains(text) ? "\\" + text : text
        }
        if !ranges.isEmpty {
            let body = ranges.map { $0.count == 1 ? show($0.lowerBound)
                : $0.count == 2 ? show($0.lowerBound) + show($0.upperBound)
                : show($0.lowerBound) + "-" + show($0.upperBound) }.joined()
            result.append(ranges.count == 1 && ranges[0].count == 1 ? "'\(body)'" : "[\(body)]")
        }
        if bytes.contains(0x1D) { result.append("GS") }
        if bytes.contains(where: { $0 >= 0xC2 }) { result.append("non-ASCII") }
        return result
    }
}
