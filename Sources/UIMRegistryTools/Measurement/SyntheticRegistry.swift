// A seeded generator of registries and UIMs with the forms real Parties submit — IIC-led codes, GS1 AI-form codes
// with a GS1 check digit, stamp codes without a literal prefix (fixed and variable length), a few opaque regexes and
// a few patterns that overlap another Party's — so that `bench` and the benchmark package can measure routing at
// 100, 1,000 or 10,000 patterns. The same seed always gives the same registry and the same UIMs.
import UIMRegistry
import UIMAutomata

/// A generated registry and a generator of UIMs for it.
///
/// ```swift
/// let synthetic = SyntheticRegistry(patterns: 1_000, seed: 7)
/// let router = try Router(registry: synthetic.registry)
/// let uims = synthetic.uims(count: 10_000, seed: 8)
/// ```
///
/// Template mix (of `patterns`): 55 % IIC-led (`AB3F(?<year>[0-9]{2})…`, a fifth with a variable-length serial), 20 %
/// GS1 AI-form (`01(?<gtin>…)21(?<serial>…)` with a GS1 mod-10 check), 12 % prefix-less stamp codes of fixed
/// length, 6 % prefix-less stamp codes of variable length, 2 % opaque (a lookahead), 5 % overlapping an earlier
/// IIC-led pattern of another Party (so some UIMs are ambiguous).
public struct SyntheticRegistry: Sendable {
    /// One piece of a generated pattern: it gives both the regex text and text that matches it.
    enum Segment: Sendable {
        case literal(String)
        /// `alphabet` repeated `min...max` times, as a named group when `name` is set.
        case characters(alphabet: Int, min: Int, max: Int, name: String?)
        /// A GS1 mod-10 payload of `digits` digits behind `lead` (a literal), then its check digit.
        case gs1(lead: String, digits: Int)
        /// Text the regex needs but that matches nothing (a lookahead): contributes no characters.
        case zeroWidth(String)
    }

    /// The generated registry (Parties `P0000`, `P0001`, …, about eight patterns each).
    public let registry: Registry
    /// Per pattern: its segments (the source of both its regex and its sample UIMs).
    let segments: [[Segment]]
    /// Indices of patterns that overlap another Party's pattern: UIMs drawn from them can be ambiguous.
    let overlapping: [Int]

    static let alphabets: [(regex: String, bytes: [UInt8])] = [
        ("[0-9]", Array("0123456789".utf8)),
        ("[A-Z]", Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)),
        ("[0-9A-Z]", Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)),
        ("[0-9A-Za-z]", Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)),
    ]
    static let base36 = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")

    /// Generates `patterns` patterns from `seed`.
    public init(patterns count: Int, seed: UInt64 = 2026) {
        var rng = SplitMix(seed: seed)
        var segments: [[Segment]] = []
        var overlapping: [Int] = []
        var iicLed: [Int] = []
        for index in 0..<count {
            let roll = Int.random(in: 0..<100, using: &rng)
            switch roll {
            case 0..<55:
                iicLed.append(index)
                segments.append(Self.iicLed(index, &rng))
            case 55..<75:
                segments.append(Self.gs1(index, &rng))
            case 75..<87:
                segments.append(Self.stamp(index, variable: false, &rng))
            case 87..<93:
                segments.append(Self.stamp(index, variable: true, &rng))
            case 93..<95:
                var template = Self.iicLed(index, &rng)
                template.insert(.zeroWidth("(?=[0-9]{2})"), at: 1)
                segments.append(template)
            default:
                // Overlaps an earlier IIC-led pattern: same literal, broader classes, same length.
                guard let target = iicLed.randomElement(using: &rng) else {
                    segments.append(Self.iicLed(index, &rng))
                    continue
                }
                var template = segments[target]
                for k in template.indices {
                    if case .characters(_, let min, let max, let name) = template[k] {
                        template[k] = .characters(alphabet: 3, min: min, max: max, name: name)
                    }
                }
                overlapping.append(target)
                segments.append(template)
            }
        }
        let partyCount = max(1, (count + 7) / 8)
        let codes = (0..<partyCount).map { "P" + Self.digits($0, 4) }
        let parties = codes.map {
            Party(code: $0, name: "Synthetic \($0)", protocolParty: true,
                  location: SourceLocation(file: "\($0).yaml", line: 1, column: 1))
        }
        var specs: [PatternSpec] = []
        for (index, template) in segments.enumerated() {
            // Overlapping patterns go to the next Party so that the overlap crosses Parties.
            var party = index % partyCount
            if let target = Self.overlapTarget(template, index: index, segments: segments) {
                party = (target % partyCount + 1) % partyCount
            }
            let hasCheck = template.contains { if case .gs1 = $0 { true } else { false } }
            specs.append(PatternSpec(id: "s\(index)", party: codes[party], regex: Self.regex(template),
                                     check: hasCheck ? CheckSpec(algorithm: .gs1Mod10) : nil,
                                     location: SourceLocation(file: "\(codes[party]).yaml", line: 1, column: 1)))
        }
        // Valid by construction (one Party per code, unique ids): the checks of the public init would find nothing.
        registry = Registry(unchecked: parties, patterns: specs, source: "synthetic(\(count), seed \(seed))")
        self.segments = segments
        self.overlapping = overlapping
    }

    /// The regex of `template`.
    static func regex(_ template: [Segment]) -> String {
        template.map { segment -> String in
            switch segment {
            case .literal(let text): return text
            case .zeroWidth(let text): return text
            case .characters(let alphabet, let min, let max, let name):
                let body = alphabets[alphabet].regex + (min == max ? "{\(min)}" : "{\(min),\(max)}")
                return name.map { "(?<\($0)>\(body))" } ?? body
            case .gs1(let lead, let digits):
                return "(?<gtin>(?<payload>\(lead)[0-9]{\(digits)})(?<check>[0-9]))"
            }
        }.joined()
    }

    /// UIMs for the registry, drawn from `seed`: 80 % match a pattern (6 % of all drawn from overlapping
    /// patterns, so some are ambiguous; one GS1 check digit in ten is wrong), 10 % near misses (one character
    /// changed), 10 % noise.
    public func uims(count: Int, seed: UInt64 = 2027) -> [[UInt8]] {
        var rng = SplitMix(seed: seed)
        return (0..<count).map { _ in
            let roll = Int.random(in: 0..<100, using: &rng)
            if roll >= 90 {
                let length = Int.random(in: 8...30, using: &rng)
                return (0..<length).map { _ in Self.alphabets[3].bytes.randomElement(using: &rng) ?? 0x30 }
            }
            let fromOverlap = roll < 6 && !overlapping.isEmpty
            let index = fromOverlap ? overlapping[Int.random(in: 0..<overlapping.count, using: &rng)]
                : Int.random(in: 0..<segments.count, using: &rng)
            var uim = sample(segments[index], &rng)
            if roll >= 80, !uim.isEmpty {
                uim[Int.random(in: 0..<uim.count, using: &rng)] = UInt8(ascii: "#")
            }
            return uim
        }
    }

    /// Text matching `template` (its check digit wrong one time in ten).
    func sample(_ template: [Segment], _ rng: inout SplitMix) -> [UInt8] {
        var out: [UInt8] = []
        for segment in template {
            switch segment {
            case .literal(let text):
                out += text.utf8.filter { $0 != UInt8(ascii: "\\") }
            case .zeroWidth:
                continue
            case .characters(let alphabet, let min, let max, _):
                let bytes = Self.alphabets[alphabet].bytes
                for _ in 0..<Int.random(in: min...max, using: &rng) { out.append(bytes.randomElement(using: &rng) ?? 0x30) }
            case .gs1(let lead, let digits):
                var payload = Array(lead.utf8)
                for _ in 0..<digits { payload.append(UInt8(ascii: "0") + UInt8.random(in: 0...9, using: &rng)) }
                var check = CheckAlgorithm.gs1Mod10.compute(payload: payload) ?? [UInt8(ascii: "0")]
                if Int.random(in: 0..<10, using: &rng) == 0 { check = [UInt8(ascii: "0") + (check[0] - 0x30 + 1) % 10] }
                out += payload + check
            }
        }
        return out
    }

    // MARK: - Templates

    /// `IIIC(?<year>[0-9]{2})(?<product>[0-9A-Z]{4})(?<serial>[0-9A-Z]{k})`: a unique 4-character issuer code.
    static func iicLed(_ index: Int, _ rng: inout SplitMix) -> [Segment] {
        let iic = String(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(index % 26)))) + code36(index / 26, 3)
        let serial = Int.random(in: 10...20, using: &rng)
        let variable = Int.random(in: 0..<5, using: &rng) == 0
        return [.literal(iic), .characters(alphabet: 0, min: 2, max: 2, name: "year"),
                .characters(alphabet: 2, min: 4, max: 4, name: "product"),
                .characters(alphabet: 2, min: serial, max: variable ? serial + 4 : serial, name: "serial")]
    }

    /// `01(?<gtin>CCCCCCC[0-9]{5}[0-9])21(?<serial>…)`: a unique 7-digit company prefix, GS1 check digit.
    static func gs1(_ index: Int, _ rng: inout SplitMix) -> [Segment] {
        [.literal("01"), .gs1(lead: digits(1_000_000 + index, 7), digits: 5), .literal("21"),
         .characters(alphabet: 3, min: 6, max: Int.random(in: 6...13, using: &rng), name: "serial")]
    }

    /// `(?<series>[A-Z]{2})(?<number>[0-9]{8})-KZ3F`: no literal prefix, a unique literal tail; `variable` makes
    /// the number 7–10 digits long.
    static func stamp(_ index: Int, variable: Bool, _ rng: inout SplitMix) -> [Segment] {
        let length = Int.random(in: 7...9, using: &rng)
        return [.characters(alphabet: 1, min: 2, max: 2, name: "series"),
                .characters(alphabet: 0, min: length, max: variable ? length + 3 : length, name: "number"),
                .literal("-" + code36(index, 4))]
    }

    /// The index of the pattern `template` was copied from, for an overlapping pattern.
    private static func overlapTarget(_ template: [Segment], index: Int, segments: [[Segment]]) -> Int? {
        guard case .literal(let iic) = template.first, iic.count == 4, case .characters(3, _, _, _) = template.last
        else { return nil }
        return segments[..<index].firstIndex { if case .literal(iic) = $0.first { true } else { false } }
    }

    static func code36(_ value: Int, _ width: Int) -> String {
        var value = value
        var out: [Character] = []
        for _ in 0..<width {
            out.append(base36[value % 36])
            value /= 36
        }
        return String(out.reversed())
    }

    static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value % Int(pow10(width)))
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    private static func pow10(_ n: Int) -> Int { (0..<n).reduce(1) { acc, _ in acc * 10 } }
}
