// Repair hints (issue 15): for every kind of damage, UIMs sampled from every bundled pattern are damaged, and the
// hint of that kind restores exactly the original UIM and Party; hints never alter a result.
import Testing
@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMAutomata
@testable import UIMRouting
@testable import UIMRegistryTools
@testable import UIMRouterTestSupport

@Suite("Repair hints")
struct RepairHintTests {
    static let day = Day(iso: "2026-06-01")!

    /// Routed samples of every bundled pattern: (UIM, Party).
    static let originals: [(uim: [UInt8], party: String)] = {
        let registry = try! BundledRegistry.load()
        let router = try! Router(registry: registry)
        var result: [([UInt8], String)] = []
        for spec in registry.patterns {
            guard let sampler = try? PatternSampler(spec: spec), let samples = try? sampler.samples(count: 6, seed: 15)
            else { continue }
            for uim in samples where router.route(uim, on: day).party == spec.party {
                result.append((Array(uim.utf8), spec.party))
            }
        }
        return result
    }()

    static let router = try! Router(registry: try! BundledRegistry.load())

    /// Damages `uim` as `kind` describes, with `variant` choosing where; `nil` when that damage does not apply.
    static func damage(_ uim: [UInt8], _ kind: RepairKind, variant: Int) -> [UInt8]? {
        let n = uim.count
        switch kind {
        case .gsRestored:
            guard uim.contains(0x1D) else { return nil }
            return uim.filter { $0 != 0x1D }
        case .gsSubstitute:
            guard uim.contains(0x1D) else { return nil }
            let standIn = ["<GS>", "^", "~", "{GS}", "\\x1D"][variant % 5]
            return HintFinder.replacing([0x1D], with: Array(standIn.utf8), in: uim)
        case .caseInverted:
            return uim.map(HintFinder.invertedCase)
        case .keyboardQWERTZ, .keyboardAZERTY:
            let back = kind == .keyboardQWERTZ ? HintFinder.qwertz : HintFinder.azerty
            let forward = Dictionary(back.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            guard let text = String(validating: uim, as: UTF8.self) else { return nil }
            let typed = String(text.map { forward[$0] ?? $0 })
            // Only where the layout's damage can be undone character by character.
            guard String(typed.map { back[$0] ?? $0 }) == text else { return nil }
            return Array(typed.utf8)
        case .typedConfusable:
            let places = uim.indices.filter { !HintFinder.confusables[Int(uim[$0])].isEmpty }
            guard !places.isEmpty else { return nil }
            let k = places[variant % places.count]
            var damaged = uim
            damaged[k] = HintFinder.confusables[Int(uim[k])][0]
            return damaged
        case .typedTransposition:
            let places = (0..<max(0, n - 1)).filter { uim[$0] != uim[$0 + 1] && uim[$0] < 0x80 && uim[$0 + 1] < 0x80 }
            guard !places.isEmpty else { return nil }
            let k = places[variant % places.count]
            var damaged = uim
            damaged.swapAt(k, k + 1)
            return damaged
        case .typedSeparators:
            guard !uim.contains(0x20), !uim.contains(UInt8(ascii: "-")), !uim.contains(UInt8(ascii: ".")), n > 4
            else { return nil }
            var damaged = uim
            damaged.insert(variant % 2 == 0 ? 0x20 : UInt8(ascii: "-"), at: n / 2)
            damaged.insert(variant % 2 == 0 ? 0x20 : UInt8(ascii: "-"), at: n / 4)
            return damaged
        case .junkRemoved:
            switch variant % 3 {
            case 0: return Array("TTT ".utf8) + uim
            case 1: return uim + Array(" TTT".utf8)
            default: return Array("X]d2".utf8) + uim
            }
        }
    }

    @Test("each kind of damage is undone: the hint of that kind is exactly the original UIM and Party",
          arguments: RepairKind.allCases)
    func restoresOriginal(kind: RepairKind) {
        let finder = HintFinder(router: Self.router)
        var checked = 0
        for (index, original) in Self.originals.enumerated() {
            guard let damaged = Self.damage(original.uim, kind, variant: index), damaged != original.uim else { continue }
            let result = damaged.withUnsafeBufferPointer { Self.router.route(utf8: $0, on: Self.day, using: Self.router.makeScratch()) }
            guard result.status == .unrouted else { continue }   // the damage happens to route: nothing to repair
            checked += 1
            let hints = finder.hints(for: result, on: Self.day).hints.filter { $0.repair == kind }
            let restored = hints.first { Array($0.uim.utf8) == original.uim }
            #expect(restored?.party == original.party,
                    "\(kind.rawValue): \(String(decoding: damaged, as: UTF8.self).debugDescription) from \(String(decoding: original.uim, as: UTF8.self).debugDescription): \(hints.map(\.uim))")
        }
        #expect(checked >= 5, "only \(checked) damaged UIMs of kind \(kind.rawValue) were unrouted")
    }

    @Test("hints never alter status, Party or matches, and every hint routes as it says")
    func hintsNeverAlterResults() {
        let finder = HintFinder(router: Self.router)
        var rng = SplitMix(seed: 11)
        var withHints = 0
        for (index, original) in Self.originals.enumerated() {
            for kind in RepairKind.allCases {
                guard var damaged = Self.damage(original.uim, kind, variant: index) else { continue }
                if Bool.random(using: &rng), !damaged.isEmpty {
                    damaged[Int.random(in: 0..<damaged.count, using: &rng)] = UInt8(ascii: "7")   // more noise
                }
                let plain = damaged.withUnsafeBufferPointer { Self.router.route(utf8: $0, on: Self.day, using: Self.router.makeScratch()) }
                var hinted = plain
                finder.attachHints(to: &hinted, on: Self.day)
                #expect(hinted.status == plain.status && hinted.party == plain.party && hinted.matches == plain.matches
                    && hinted.rejected == plain.rejected)
                #expect((hinted.hints != nil) == (plain.status == .unrouted))
                for hint in hinted.hints ?? [] {
                    withHints += 1
                    let check = Self.router.route(hint.uim, on: Self.day)
                    #expect(check.status == hint.status && check.parties == hint.parties, "\(hint)")
                    #expect(hint.status == .routed || hint.status == .ambiguous)
                }
            }
        }
        #expect(withHints > 50)
    }

    @Test("the search is bounded: a tiny budget stops it and says so")
    func budgetIsReported() {
        let finder = HintFinder(router: Self.router, stepBudget: 10)
        let search = finder.hints(forNormalised: Array("2356lLr5mbPoV7wix2I0120730613753195".utf8), on: Self.day)
        #expect(search.capped)
        let roomy = HintFinder(router: Self.router)
        #expect(!roomy.hints(forNormalised: Array("KRA4NWSG06DM2NL9A".utf8), on: Self.day).capped)
    }

    @Test("a capped search is said in the result: hintsCapped and \"hints_capped\":true, absent otherwise")
    func capIsAttachedToResult() {
        let uim = "2356lLr5mbPoV7wix2I0120730613753195"
        var capped = Self.router.route(uim, on: Self.day)
        #expect(capped.status == .unrouted)
        let plainJSON = capped.json
        HintFinder(router: Self.router, stepBudget: 10).attachHints(to: &capped, on: Self.day)
        #expect(capped.hintsCapped)
        #expect(capped.json.hasSuffix(",\"hints_capped\":true}"))
        #expect(capped.status == .unrouted && capped.party == nil && capped.matches.isEmpty)

        var roomy = Self.router.route("KRA4NWSG06DM2NL9A", on: Self.day)
        HintFinder(router: Self.router).attachHints(to: &roomy, on: Self.day)
        #expect(!roomy.hintsCapped)
        #expect(!roomy.json.contains("hints_capped"))
        // A result the search never ran on is written as before.
        #expect(!plainJSON.contains("hints"))
    }
}
