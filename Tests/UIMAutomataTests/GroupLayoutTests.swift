// Group positions read off the regex (GroupLayout) against PCRE2's captures: wherever a layout is claimed, it must
// equal where PCRE2 puts the group on every subject it matches; and the shapes registries use must get layouts.
import Testing
@testable import UIMRouter
@testable import UIMRegex
@testable import UIMRegistry
@testable import UIMAutomata
@testable import UIMRouting
@testable import UIMRouterTestSupport

@Suite("Group layouts agree with PCRE2")
struct GroupLayoutTests {
    @Test("random dialect regexes: every claimed layout equals PCRE2's capture on matching subjects")
    func layoutsEqualPCRE2() throws {
        var rng = SeededGenerator(seed: 0x6A0F_2026)
        let scratch = MatchScratch(maxCaptureCount: 64, limits: MatchLimits())
        var checked = 0
        var mismatches: [String] = []
        for round in 0..<1_500 {
            // Half fully random dialect regexes, half registry-like sequences with groups on the spine.
            let text = round % 2 == 0 ? RandomDialectRegex.regex(&rng) : Self.spineRegex(&rng)
            guard let regex = try? CompiledRegex(text, jit: false) else { continue }
            let analysis = PatternAnalysis(regex: text)
            guard let tree = analysis.tree, !analysis.isEmpty else { continue }
            let layouts = tree.groupLayouts
            #expect(layouts.count == regex.captureCount, "\(text): \(layouts.count) layouts, \(regex.captureCount) groups")
            guard layouts.count == regex.captureCount, layouts.contains(where: { $0 != nil }) else { continue }
            let counts = analysis.automaton.pathCounts(upTo: 12)
            let lengths = analysis.automaton.acceptedLengths(counts: counts)
            for _ in 0..<6 where !lengths.isEmpty {
                guard let bytes = analysis.automaton.sample(length: lengths.randomElement(using: &rng)!, counts: counts,
                                                            using: &rng) else { continue }
                let outcome = bytes.withUnsafeBufferPointer { scratch.match(regex, $0) }
                guard outcome == .match else { continue }
                for (k, layout) in layouts.enumerated() {
                    guard let layout else { continue }
                    let expected = GroupBoundary.offset(layout.start.encoded, length: bytes.count)
                        ..< GroupBoundary.offset(layout.end.encoded, length: bytes.count)
                    let actual = scratch.range(ofGroup: k + 1)
                    checked += 1
                    if actual != expected, mismatches.count < 20 {
                        mismatches.append("\(text.debugDescription) on \(bytes): group \(k + 1) PCRE2 "
                            + "\(String(describing: actual)), layout \(expected)")
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        #expect(checked >= 500, "only \(checked) group positions compared")
    }

    /// A sequence of pieces (some variable-length, some over non-ASCII characters), a few wrapped in named groups,
    /// sometimes nested.
    static func spineRegex(_ rng: inout SeededGenerator) -> String {
        let atoms = ["[0-9]", "[A-Z]", "X", "-", "[0-9A-Z]", "é", "[aé]", "\\d", "(?:AB|C)", "[^\\x00-\\x1F]"]
        let quantifiers = ["", "", "{3}", "{2,4}", "+", "?", "*"]
        var names = 0
        func piece(_ depth: Int, _ rng: inout SeededGenerator) -> String {
            var text = ""
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                if depth < 2, Int.random(in: 0..<4, using: &rng) == 0 {
                    names += 1
                    text += "(?<g\(names)>" + piece(depth + 1, &rng) + ")"
                } else {
                    text += atoms.randomElement(using: &rng)! + quantifiers.randomElement(using: &rng)!
                }
            }
            return text
        }
        return piece(0, &rng)
    }

    @Test("registry shapes: fixed parts from the start, a variable part, fixed parts from the end")
    func typicalShapes() {
        let tree = PatternAnalysis(regex: "01(?<gtin>[0-9]{13})(?<check>[0-9])21(?<serial>[A-Z0-9]{1,20})").tree!
        #expect(tree.groupLayouts == [
            GroupLayout(start: .fromStart(2), end: .fromStart(15)),
            GroupLayout(start: .fromStart(15), end: .fromStart(16)),
            GroupLayout(start: .fromStart(18), end: .fromEnd(0)),
        ])
        let tail = PatternAnalysis(regex: "(?<serial>[A-Z]+)-(?<payload>[0-9]{6})(?<check>[0-9X])").tree!
        #expect(tail.groupLayouts == [
            GroupLayout(start: .fromStart(0), end: .fromEnd(8)),
            GroupLayout(start: .fromEnd(7), end: .fromEnd(1)),
            GroupLayout(start: .fromEnd(1), end: .fromEnd(0)),
        ])
        // Between two variable parts, inside an alternation or a repetition, or over characters of several UTF-8
        // lengths: PCRE2 must find it.
        #expect(PatternAnalysis(regex: "[A-Z]+(?<x>[0-9])[A-Z]+").tree!.groupLayouts == [nil])
        #expect(PatternAnalysis(regex: "(?:A(?<x>[0-9])|B)").tree!.groupLayouts == [nil])
        #expect(PatternAnalysis(regex: "(?:(?<x>[0-9]))?A").tree!.groupLayouts == [nil])
        #expect(PatternAnalysis(regex: "[aé](?<x>[0-9])[aé]+").tree!.groupLayouts == [nil])
        #expect(PatternAnalysis(regex: "(?i)k(?<x>[0-9])").tree!.groupLayouts
            == [GroupLayout(start: .fromEnd(1), end: .fromEnd(0))])
    }

    @Test("the router reads checks and fields off layouts without changing any result")
    func routerUsesLayouts() throws {
        let router = try Router(registry: TestRegistry.make([
            TestRegistry.pattern("A-1", "AA", "A(?<payload>[0-9]{6})(?<check>[0-9])", check: .gs1Mod10),
        ]))
        #expect(router.hot[0].checkBoundaries != nil)
        #expect(router.hot[0].fieldsAreFixed)
        let scratch = router.makeScratch()
        let good = router.route("A0000000", on: Day(iso: "2026-06-01")!, using: scratch)
        #expect(good.status == .routed)
        #expect(good.matches.first?.fields.map(\.value) == ["000000", "0"])
        let bad = router.route("A0000001", on: Day(iso: "2026-06-01")!, using: scratch)
        #expect(bad.status == .unrouted)
        #expect(bad.rejected.first?.reason == .checkFailed)
    }
}
