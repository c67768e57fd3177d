// A registry pattern prepared for routing: its compiled regex and everything the hot path needs as plain integers.
import UIMRegex
import UIMRegistry
import UIMAutomata

/// One pattern ready for the hot path.
package struct CompiledPattern: Sendable {
    let regex: CompiledRegex
    /// Index into the router's Party table.
    package let party: Int32
    /// Validity as days since 1970-01-01 (`Int32.min` / `Int32.max` when open).
    let validFrom: Int32
    let validUntil: Int32
    let check: CheckAlgorithm?
    /// The check's payload and check-character group numbers; 0 without a check, or when the regex lacks the group
    /// (a router refuses such a pattern; alone, ``NaiveScanner/decide(_:_:on:using:)`` judges its check failed).
    let payloadGroup: Int
    let checkCharacterGroup: Int
    /// The check's payload and check-character group numbers, `nil` where 0.
    package var checkGroups: (payload: Int?, digits: Int?) {
        (payloadGroup > 0 ? payloadGroup : nil, checkCharacterGroup > 0 ? checkCharacterGroup : nil)
    }
    /// The named groups, in group-number order: their numbers and names.
    package let fieldGroups: [Int]
    package let fieldNames: [String]

    /// `spec` with its compiled `regex`; `party` indexes the router's Party table (0 for a pattern judged alone).
    package init(spec: PatternSpec, party: Int32, regex: CompiledRegex) {
        self.regex = regex
        self.party = party
        validFrom = spec.validFrom?.daysSinceEpoch ?? Int32.min
        validUntil = spec.validUntil?.daysSinceEpoch ?? Int32.max
        check = spec.check?.algorithm
        payloadGroup = spec.check.flatMap { regex.groupNumber(named: $0.payloadGroup) } ?? 0
        checkCharacterGroup = spec.check.flatMap { regex.groupNumber(named: $0.checkCharacterGroup) } ?? 0
        fieldGroups = regex.namedGroups.map(\.number)
        fieldNames = regex.namedGroups.map(\.name)
    }
}

/// The part of a pattern the hot path reads, as plain values: reading it costs no reference counting.
///
/// `code` borrows the `CompiledRegex` that the router's `patterns` array keeps alive for the router's lifetime.
/// Safety (`@unchecked Sendable`): `code` points at JIT-compiled PCRE2 code that is never written after the router
/// is built, which pcre2api (MULTITHREADING) declares safe to share between threads; the rest are plain values.
struct HotPattern: @unchecked Sendable {
    let code: OpaquePointer
    let isJIT: Bool
    let party: Int32
    let validFrom: Int32
    let validUntil: Int32
    let check: CheckAlgorithm?
    let payloadGroup: Int32
    let checkCharacterGroup: Int32
    /// The pattern's named-group numbers are `Router.fieldGroupNumbers[fieldStart ..< fieldStart + fieldCount]`, and
    /// their boundaries (``GroupBoundary/encoded``, two per group) `Router.fieldBoundaries[2 * fieldStart ...]`.
    let fieldStart: Int32
    let fieldCount: Int32
    /// Every named group's position follows from the regex alone (see ``GroupLayout``): once the automaton has
    /// proved a match, fields need no PCRE2 run.
    let fieldsAreFixed: Bool
    /// The check groups' positions follow from the regex alone: encoded payload start, payload end, check start,
    /// check end (``GroupBoundary/encoded``); `nil` when PCRE2 must find them.
    let checkBoundaries: SIMD4<Int32>?

    init(_ pattern: CompiledPattern, fieldStart: Int, layouts: [GroupLayout?]?) {
        code = pattern.regex.code
        isJIT = pattern.regex.isJIT
        party = pattern.party
        validFrom = pattern.validFrom
        validUntil = pattern.validUntil
        check = pattern.check
        payloadGroup = Int32(pattern.payloadGroup)
        checkCharacterGroup = Int32(pattern.checkCharacterGroup)
        self.fieldStart = Int32(fieldStart)
        fieldCount = Int32(pattern.fieldGroups.count)
        func layout(_ group: Int) -> GroupLayout? {
            guard let layouts, group >= 1, group <= layouts.count else { return nil }
            return layouts[group - 1]
        }
        fieldsAreFixed = pattern.fieldGroups.allSatisfy { layout($0) != nil }
        if pattern.check != nil, let payload = layout(pattern.payloadGroup),
           let digits = layout(pattern.checkCharacterGroup) {
            checkBoundaries = SIMD4(payload.start.encoded, payload.end.encoded, digits.start.encoded,
                                    digits.end.encoded)
        } else {
            checkBoundaries = nil
        }
    }

    /// The layouts of `pattern`'s capturing groups by group number (index 0 is group 1), when its analysis has a
    /// syntax tree whose groups are exactly PCRE2's (same count, same names in the same order); otherwise `nil`.
    static func layouts(of pattern: CompiledPattern, analysis: PatternAnalysis) -> [GroupLayout?]? {
        guard let tree = analysis.tree else { return nil }
        let names = tree.captureNames
        guard names.count == pattern.regex.captureCount else { return nil }
        for (name, number) in pattern.regex.namedGroups where names[number - 1] != name { return nil }
        guard names.compactMap({ $0 }).count == pattern.regex.namedGroups.count else { return nil }
        return tree.groupLayouts
    }
}
