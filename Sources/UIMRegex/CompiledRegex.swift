// A PCRE2 pattern compiled (and JIT-compiled) once at registry build time and shared by every thread.
internal import CPCRE2

/// PCRE2_UNSET / PCRE2_ZERO_TERMINATED are `~(size_t)0`, which Swift imports as `Int`.
let pcre2Unset = Int(bitPattern: UInt.max)

/// A regex compiled with whole-string semantics: anchored at the start and at the end of the subject.
///
/// Safety (`@unchecked Sendable`): pcre2api "MULTITHREADING": "The data in the compiled pattern is fixed, and does
/// not change when the pattern is matched. Therefore, it is thread-safe". JIT compilation writes into the code
/// block, so it runs either in `init` or in ``jitCompile()``, which its owner calls before the value is shared (the
/// registry loader compiles without JIT; the one router built from that load JIT-compiles the same code while it is
/// being built); nothing mutates `code` afterwards.
package final class CompiledRegex: @unchecked Sendable {
    package let code: OpaquePointer
    /// The regex as written.
    package let pattern: String
    /// `true` when PCRE2's JIT compiled the pattern and produced code (otherwise the interpreter runs it).
    package private(set) var isJIT: Bool
    /// Why the interpreter runs the pattern although JIT was asked for; `nil` when it runs on the JIT (or when the
    /// interpreter was asked for).
    package private(set) var interpreterReason: String?
    /// `true` once JIT compilation was asked for (in `init` or by ``jitCompile()``), whatever its outcome.
    private var jitAttempted: Bool
    /// Number of capture groups (not counting group 0).
    package let captureCount: Int
    /// The named groups, sorted by group number.
    package let namedGroups: [(name: String, number: Int)]

    /// Compiles `pattern`; `jit: false` keeps it on the interpreter (tests use it to compare both).
    package init(_ pattern: String, jit: Bool = true) throws(RegexCompileError) {
        // ANCHORED + ENDANCHORED give "the WHOLE normalised UIM" semantics without rewriting the user's regex, so
        // error offsets point into the regex as written. NEVER_BACKSLASH_C: `\C` could split a UTF-8 character.
        let options = UInt32(PCRE2_UTF) | UInt32(PCRE2_ANCHORED) | UInt32(PCRE2_ENDANCHORED)
            | UInt32(PCRE2_NEVER_BACKSLASH_C)
        var errorCode: Int32 = 0
        var errorOffset = 0
        var text = pattern
        let compiled = text.withUTF8 { bytes in
            pcre2_compile_8(bytes.baseAddress ?? UnsafePointer(bitPattern: 1), bytes.count, options,
                            &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            throw RegexCompileError(message: CompiledRegex.message(for: errorCode), offset: errorOffset)
        }
        code = compiled
        self.pattern = pattern
        (isJIT, interpreterReason) = jit ? CompiledRegex.jitCompile(compiled, pattern: pattern) : (false, nil)
        jitAttempted = jit
        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        captureCount = Int(count)
        namedGroups = CompiledRegex.readNameTable(compiled)
    }

    deinit { pcre2_code_free_8(code) }

    /// JIT-compiles the code compiled by `init(_:jit: false)`, in place: the registry loader compiles every regex once
    /// (to report errors and read its groups) and the router built from that load reuses the code rather than
    /// compiling the regex again. Does nothing when JIT was already asked for.
    ///
    /// Must run before the regex is shared between threads (see the type's safety note).
    package func jitCompile() {
        guard !jitAttempted else { return }
        jitAttempted = true
        (isJIT, interpreterReason) = CompiledRegex.jitCompile(code, pattern: pattern)
    }

    /// JIT-compiles `code` where the JIT is exact for it; otherwise says why the interpreter will run it.
    ///
    /// `pcre2_jit_compile` returns 0 without producing code for a pattern that starts with `(*NO_JIT)`, so success is
    /// judged by `PCRE2_INFO_JITSIZE`: a JIT match on such a pattern would fail every time.
    private static func jitCompile(_ code: OpaquePointer, pattern: String) -> (Bool, String?) {
        if PCRE2Library.jitMishandlesAcceptAndRecursion, let construct = PCRE2Library.acceptOrRecursion(in: pattern) {
            return (false, "it uses \(construct), which the JIT of PCRE2 \(PCRE2Library.versionText) does not match "
                + "exactly with whole-string anchoring (fixed in PCRE2 10.43)")
        }
        let rc = pcre2_jit_compile_8(code, UInt32(PCRE2_JIT_COMPLETE))
        guard rc == 0 else { return (false, "PCRE2 could not JIT-compile it: \(message(for: rc))") }
        var size = 0
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_JITSIZE), &size)
        guard size > 0 else { return (false, "PCRE2 produced no JIT code for it (it starts with (*NO_JIT))") }
        return (true, nil)
    }

    /// The group number of the named group `name`, if the regex has one.
    package func groupNumber(named name: String) -> Int? {
        namedGroups.first { $0.name == name }?.number
    }

    private static func readNameTable(_ code: OpaquePointer) -> [(name: String, number: Int)] {
        var count: UInt32 = 0
        var entrySize: UInt32 = 0
        var table: UnsafePointer<UInt8>? = nil
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &count)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        guard let table, count > 0 else { return [] }
        // Each entry: 2-byte big-endian group number, then the NUL-terminated name; sorted by name.
        return (0..<Int(count)).map { index in
            let entry = table + index * Int(entrySize)
            let number = Int(entry[0]) << 8 | Int(entry[1])
            return (String(cString: entry + 2), number)
        }.sorted { $0.number < $1.number }
    }

    static func message(for errorCode: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = pcre2_get_error_message_8(errorCode, &buffer, buffer.count)
        return length > 0 ? String(decoding: buffer[0..<Int(length)], as: UTF8.self) : "PCRE2 error \(errorCode)"
    }
}
