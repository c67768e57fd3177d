// Per-thread PCRE2 state: match data, a match context with limits, and a JIT stack. Never crosses threads.
internal import CPCRE2

/// The outcome of one PCRE2 match.
package enum MatchOutcome: Equatable {
    case match
    case noMatch
    /// A limit (match, depth, heap, JIT stack) or another PCRE2 error stopped the match undecided.
    case undecided(code: Int32)
}

/// One thread's PCRE2 working memory, reused for every match so the hot path allocates nothing.
///
/// Not `Sendable`: pcre2api says "each thread must provide its own copy" of match data, and a match context with a
/// JIT stack assigned "must be a different stack for each thread".
package final class MatchScratch {
    private let matchData: OpaquePointer
    private let context: OpaquePointer
    private let jitStack: OpaquePointer?
    private let ovector: UnsafeMutablePointer<Int>
    /// Pairs available in the ovector (group 0 included).
    let pairCount: Int

    /// Scratch able to hold `maxCaptureCount` groups (plus group 0), matching under `limits`.
    package init(maxCaptureCount: Int, limits: MatchLimits) {
        pairCount = maxCaptureCount + 1
        guard let data = pcre2_match_data_create_8(UInt32(pairCount), nil),
              let context = pcre2_match_context_create_8(nil)
        else { fatalError("PCRE2 could not allocate match data (out of memory)") }
        matchData = data
        self.context = context
        pcre2_set_match_limit_8(context, limits.matchLimit)
        pcre2_set_depth_limit_8(context, limits.depthLimit)
        pcre2_set_heap_limit_8(context, limits.heapLimitKiB)
        jitStack = pcre2_jit_stack_create_8(min(32 * 1024, limits.jitStackBytes), limits.jitStackBytes, nil)
        if let jitStack { pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack)) }
        ovector = pcre2_get_ovector_pointer_8(data)
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(context)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    }

    /// Matches `regex` against the whole of `subject`, which must be valid UTF-8 (the normaliser guarantees it).
    @inline(__always)
    package func match(_ regex: CompiledRegex, _ subject: UnsafeBufferPointer<UInt8>) -> MatchOutcome {
        match(code: regex.code, isJIT: regex.isJIT, subject)
    }

    /// Matches compiled code borrowed from a live `CompiledRegex` (the hot path's reference-count-free form).
    @inline(__always)
    package func match(code: OpaquePointer, isJIT: Bool, _ subject: UnsafeBufferPointer<UInt8>) -> MatchOutcome {
        let base = subject.baseAddress ?? UnsafePointer(bitPattern: 1)!
        let rc = isJIT
            ? pcre2_jit_match_8(code, base, subject.count, 0, 0, matchData, context)
            : pcre2_match_8(code, base, subject.count, 0, UInt32(PCRE2_NO_UTF_CHECK), matchData, context)
        if rc >= 0 { return .match }   // rc == 0 only when the ovector is too small, which `init` rules out
        if rc == PCRE2_ERROR_NOMATCH { return .noMatch }
        return .undecided(code: rc)
    }

    /// The byte range of group `number` in the last successful match, or `nil` when it took no part.
    @inline(__always)
    package func range(ofGroup number: Int) -> Range<Int>? {
        let start = ovector[2 * number]
        let end = ovector[2 * number + 1]
        return start == pcre2Unset ? nil : start..<end
    }
}
