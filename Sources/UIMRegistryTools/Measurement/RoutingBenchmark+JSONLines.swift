// Times what a Swift host does to get the contract's JSON lines for a list of UIMs held in memory: route each UIM
// (a full RouteResult) and append its JSON line to one buffer. The baseline of the C interface's batch call
// (uim_router_route_batch, which does the same per UIM), for `uim-router bench --json-lines`.
import UIMRegistry
import UIMRouting

extension RoutingBenchmark {
    /// Routes every UIM of `uims` `repeats` times with the router, writing each result's JSON line and a newline into
    /// one reused buffer; `nsPerUIM` is the median over the repeats. The counts are those of the first pass.
    public static func measureJSONLines(router: Router, uims: [[UInt8]], day: Day, repeats: Int)
        -> RoutingMeasurement
    {
        let scratch = router.makeScratch()
        var writer = JSONWriter()
        var perRepeat: [Double] = []
        var singles: [Int] = []
        singles.reserveCapacity(uims.count * max(repeats, 1))
        var counts: [RouteStatus: Int] = [:]
        for pass in 0..<max(repeats, 1) {
            writer.bytes.removeAll(keepingCapacity: true)
            let start = monotonicNanoseconds()
            for uim in uims {
                let before = monotonicNanoseconds()
                let result = uim.withUnsafeBufferPointer { router.route(utf8: $0, on: day, using: scratch) }
                result.writeJSON(to: &writer)
                writer.bytes.append(UInt8(ascii: "\n"))
                singles.append(monotonicNanoseconds() - before)
                if pass == 0 { counts[result.status, default: 0] += 1 }
            }
            perRepeat.append(Double(monotonicNanoseconds() - start) / Double(max(uims.count, 1)))
        }
        perRepeat.sort()
        singles.sort()
        func percentile(_ p: Double) -> Int {
            singles.isEmpty ? 0 : singles[min(singles.count - 1, Int(Double(singles.count) * p))]
        }
        return RoutingMeasurement(engine: .router, patterns: router.patterns.count, uims: uims.count,
                                  nsPerUIM: perRepeat[perRepeat.count / 2], p50Nanoseconds: percentile(0.5),
                                  p99Nanoseconds: percentile(0.99), counts: counts)
    }
}
