// What PCRE2 itself knows about every match of a regex, read with pcre2_pattern_info: sound by construction, since
// PCRE2 relies on the same facts to skip matching. The router's pre-filter uses them for regexes its own analysis
// does not decide.
internal import CPCRE2

/// Bounds PCRE2 computes for a regex: every subject it matches is at least ``minimumCharacters`` long, starts with one
/// of ``firstBytes`` and contains ``requiredByte``.
///
/// Read from a compilation without `PCRE2_ANCHORED` (pcre2api documents the first-code-unit facts for non-anchored
/// patterns); a whole-string match is also a match starting at offset 0, so the facts apply to it. PCRE2 does not
/// say whether a first or required code unit is caseless, so an ASCII letter admits its other case too.
public struct PCRE2Facts: Sendable, Hashable {
    /// No subject shorter than this many characters (so bytes) matches (`PCRE2_INFO_MINLENGTH`; 0 when unknown).
    public let minimumCharacters: Int
    /// The bytes a matching subject can start with (`PCRE2_INFO_FIRSTCODEUNIT` / `FIRSTBITMAP`), sorted; `nil` when
    /// PCRE2 knows nothing about the first byte.
    public let firstBytes: [UInt8]?
    /// A byte every matching subject contains, in this case or (ASCII letters) the other
    /// (`PCRE2_INFO_LASTCODEUNIT`); `nil` when none is known.
    public let requiredByte: UInt8?

    /// The facts for `regex` (compiled as the router compiles it, but unanchored); `nil` when PCRE2 rejects it.
    public init?(regex: String) {
        let options = UInt32(PCRE2_UTF) | UInt32(PCRE2_NEVER_BACKSLASH_C)
        var errorCode: Int32 = 0
        var errorOffset = 0
        var text = regex
        let compiled = text.withUTF8 { bytes in
            pcre2_compile_8(bytes.baseAddress ?? UnsafePointer(bitPattern: 1), bytes.count, options,
                            &errorCode, &errorOffset, nil)
        }
        guard let code = compiled else { return nil }
        defer { pcre2_code_free_8(code) }
        var minimum: UInt32 = 0
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_MINLENGTH), &minimum)
        minimumCharacters = Int(minimum)
        var firstType: UInt32 = 0
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTCODETYPE), &firstType)
        if firstType == 1 {
            var unit: UInt32 = 0
            pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTCODEUNIT), &unit)
            firstBytes = Self.withOtherCase(UInt8(truncatingIfNeeded: unit))
        } else {
            var bitmap: UnsafePointer<UInt8>? = nil
            pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTBITMAP), &bitmap)
            firstBytes = bitmap.map { map in (0...255).map(UInt8.init).filter { map[Int($0 >> 3)] & (1 << ($0 & 7)) != 0 } }
        }
        var lastType: UInt32 = 0
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_LASTCODETYPE), &lastType)
        if lastType == 1 {
            var unit: UInt32 = 0
            pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_LASTCODEUNIT), &unit)
            requiredByte = UInt8(truncatingIfNeeded: unit)
        } else {
            requiredByte = nil
        }
    }

    /// `byte`, and its other case when it is an ASCII letter.
    static func withOtherCase(_ byte: UInt8) -> [UInt8] {
        let lower = byte | 0x20
        guard lower >= 0x61, lower <= 0x7A else { return [byte] }
        return [byte & ~0x20, lower]
    }
}
