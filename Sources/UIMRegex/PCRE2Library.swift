// The PCRE2 library this process runs on: its version, and the JIT defects of the versions we know about.
internal import CPCRE2

/// Facts about the linked libpcre2-8.
package enum PCRE2Library {
    /// `major.minor` of the linked library, for example `(10, 42)`.
    static let version: (major: Int, minor: Int) = {
        let text = versionText
        let numbers = text.split(separator: " ").first?.split(separator: ".").compactMap { Int($0) } ?? []
        return (numbers.first ?? 0, numbers.dropFirst().first ?? 0)
    }()

    /// The version string PCRE2 reports, for example `10.42 2022-12-11`.
    package static let versionText: String = {
        var buffer = [UInt8](repeating: 0, count: 64)
        let length = buffer.withUnsafeMutableBytes { pcre2_config_8(UInt32(PCRE2_CONFIG_VERSION), $0.baseAddress) }
        guard length > 1 else { return "unknown" }
        return String(decoding: buffer.prefix(Int(length) - 1), as: UTF8.self)
    }()

    /// PCRE2 before 10.43 has JIT defects with `PCRE2_ENDANCHORED` on patterns that use `(*ACCEPT)` or recursion
    /// (its ChangeLog for 10.43 fixes them): the JIT can report a whole-string match the interpreter does not.
    static var jitMishandlesAcceptAndRecursion: Bool {
        version.major < 10 || (version.major == 10 && version.minor < 43)
    }

    /// The construct of `regex` that PCRE2 before 10.43 JIT-compiles wrongly under `PCRE2_ENDANCHORED`, if any:
    /// `(*ACCEPT)`, or a recursion or subroutine call (`(?R)`, `(?1)`, `(?+1)`, `(?-1)`, `(?&name)`, `(?P>name)`,
    /// `\g<…>`, `\g'…'`). The scan is textual and errs towards finding one (inside `\Q…\E` or a class too): a
    /// false finding only moves a pattern to the interpreter, which is always exact.
    static func acceptOrRecursion(in regex: String) -> String? {
        let bytes = Array(regex.utf8)
        func has(_ text: StaticString, at index: Int) -> Bool {
            text.withUTF8Buffer { needle in
                guard index + needle.count <= bytes.count else { return false }
                for k in 0..<needle.count where bytes[index + k] != needle[k] { return false }
                return true
            }
        }
        func isDigit(_ index: Int) -> Bool { index < bytes.count && (0x30...0x39).contains(bytes[index]) }
        for index in bytes.indices {
            if has("(*ACCEPT", at: index) { return "(*ACCEPT)" }
            // The opaque fuzz target found the 10.42 JIT matching `(*SKIP)` after a possessive group where the
            // interpreter does not: backtracking verbs stay off the JIT too.
            if has("(*SKIP", at: index) || has("(*PRUNE", at: index) || has("(*COMMIT", at: index)
                || has("(*THEN", at: index) || has("(*MARK", at: index) || has("(*:", at: index)
            {
                return "a backtracking verb"
            }
            if has("(?R", at: index) || has("(?&", at: index) || has("(?P>", at: index) || has("\\g<", at: index)
                || has("\\g'", at: index) || (has("(?", at: index) && isDigit(index + 2))
                || ((has("(?+", at: index) || has("(?-", at: index)) && isDigit(index + 3))
            {
                return "recursion or a subroutine call"
            }
        }
        return nil
    }
}
