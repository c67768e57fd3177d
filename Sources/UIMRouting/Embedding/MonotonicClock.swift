// The monotonic clock the embedding layer times reloads with (and `RoutingBenchmark` measures with), kept here so
// that routing needs nothing from the tools above it.
import UIMPlatform

package enum MonotonicClock {
    /// Nanoseconds on the monotonic clock.
    @inline(__always)
    package static func nanoseconds() -> Int {
        Syscalls.monotonicNanoseconds()
    }
}
