// Per-thread working memory for routing: PCRE2 match state plus reusable buffers for one UIM's outcome.
import UIMRegex

/// One thread's routing scratch space. Make one per thread with ``Router/makeScratch()`` and reuse it for every UIM:
/// after the first few UIMs its buffers have grown to size and routing allocates nothing.
///
/// Not `Sendable`: it holds PCRE2 match data and a JIT stack, which belong to one thread.
public final class RouteScratch {
    let matcher: MatchScratch
    // `@exclusivity(unchecked)`: the hot path mutates these buffers on every UIM and a scratch belongs to one
    // thread, so the runtime's dynamic exclusivity bookkeeping (~12 % of routing time) buys nothing here.
    /// The last UIM's matches, sorted by pattern index.
    @exclusivity(unchecked) package var matches: ScratchBuffer<MatchEntry>
    /// Captured group ranges (start, end; -1 when unset) for every match's fields, in `matches[i].fieldOffset` order.
    @exclusivity(unchecked) package var ranges: ScratchBuffer<Int32>
    /// The last UIM's set-aside patterns, sorted by pattern index.
    @exclusivity(unchecked) package var rejected: ScratchBuffer<RejectionEntry>
    /// The last UIM's status.
    @exclusivity(unchecked) public internal(set) var status: RouteStatus = .invalid
    /// Why the last UIM was invalid.
    @exclusivity(unchecked) public internal(set) var invalidReason: InvalidReason?
    /// Where the normalised UIM lies in the last input.
    @exclusivity(unchecked) package var subject: Range<Int> = 0..<0

    package struct MatchEntry: BitwiseCopyable {
        package var pattern: Int32
        /// Where the match's group ranges start in `ranges`; -1 when routed without fields (`decide(…fields: false)`).
        package var fieldOffset: Int32
    }

    package struct RejectionEntry: BitwiseCopyable {
        package var pattern: Int32
        package var reason: RejectionReason
    }

    init(maxCaptureCount: Int, patternCount: Int, limits: MatchLimits) {
        matcher = MatchScratch(maxCaptureCount: maxCaptureCount, limits: limits)
        matches = ScratchBuffer(capacity: min(patternCount, 64))
        rejected = ScratchBuffer(capacity: min(patternCount, 64))
        ranges = ScratchBuffer(capacity: 256)
    }

    deinit {
        matches.deallocate()
        rejected.deallocate()
        ranges.deallocate()
    }

    /// Number of patterns that matched the last UIM.
    public var matchCount: Int { matches.count }

    func reset() {
        matches.removeAll()
        rejected.removeAll()
        ranges.removeAll()
        invalidReason = nil
        subject = 0..<0
    }

    /// Starts routing `input`: resets, normalises, and returns the normalised subject; `nil` when `input` is invalid
    /// (``status`` and ``invalidReason`` then say so).
    @inline(__always)
    func begin(_ input: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        reset()
        switch Normalizer.normalise(input) {
        case .failure(let reason):
            status = .invalid
            invalidReason = reason
            return nil
        case .success(let range):
            subject = range
            return UnsafeBufferPointer(rebasing: input[range])
        }
    }

    /// Inserts keeping pattern order (the lists are tiny; insertion sort beats any allocation).
    func insertMatch(_ entry: MatchEntry) {
        matches.append(entry)
        var i = matches.count - 1
        while i > 0, matches[i - 1].pattern > entry.pattern {
            matches.swapAt(i, i - 1)
            i -= 1
        }
    }

    func insertRejection(_ entry: RejectionEntry) {
        rejected.append(entry)
        var i = rejected.count - 1
        while i > 0, rejected[i - 1].pattern > entry.pattern {
            rejected.swapAt(i, i - 1)
            i -= 1
        }
    }
}
