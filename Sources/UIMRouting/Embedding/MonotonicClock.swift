// The monotonic clock the embedding layer times reloads with (and `RoutingBenchmark` measures with), kept here so
// that routing needs nothing from the tools above it.
import Glibc

package enum MonotonicClock {
    /// Nanoseconds on the monotonic clock.
    @inline(__always)
    package static func nanoseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1_000_000_000 + now.tv_nsec
    }
}
