// RoutingMetrics: counts per status, Party and pattern, and reloads — and never a UIM in a label or dimension.
import MetricsTestKit
import Testing

@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMRouting
@testable import UIMRouterTestSupport

@Suite("RoutingMetrics")
struct RoutingMetricsTests {
    @Test("results per status, Party and pattern; reloads by outcome; no input text anywhere")
    func counts() throws {
        let metrics = TestMetrics()
        let holder = ReloadingRouter(router: try Router(registry: ReloadingRouterTests.b),
                                     metrics: RoutingMetrics(factory: metrics))
        let context = holder.makeContext()
        let inputs = ["X2001", "X2002", "X1001", "C101", "nothing here", ""]
        for uim in inputs { _ = context.route(uim, on: ReloadingRouterTests.day) }
        _ = holder.reload(registry: ReloadingRouterTests.a)
        _ = holder.reload(from: "/nonexistent/registry")
        func total(_ label: String, _ dimensions: [(String, String)]) throws -> Int64 {
            try metrics.expectCounter("uim_router_\(label)", dimensions).totalValue
        }
        #expect(try total("results_total", [("status", "routed")]) == 3)
        #expect(try total("results_total", [("status", "ambiguous")]) == 1)
        #expect(try total("results_total", [("status", "unrouted")]) == 1)
        #expect(try total("results_total", [("status", "invalid")]) == 1)
        #expect(try total("party_results_total", [("party", "BB"), ("status", "routed")]) == 2)
        #expect(try total("party_results_total", [("party", "DD"), ("status", "ambiguous")]) == 1)
        #expect(try total("pattern_matches_total", [("party", "BB"), ("pattern", "BB-1")]) == 3)
        #expect(try total("reloads_total", [("outcome", "ok")]) == 1)
        #expect(try total("reloads_total", [("outcome", "failed")]) == 1)
        for counter in metrics.counters {
            let texts = [counter.label] + counter.dimensions.flatMap { [$0.0, $0.1] }
            for input in inputs where !input.isEmpty {
                #expect(!texts.contains { $0.contains(input) }, "\(counter.label) carries '\(input)'")
            }
        }
    }
}
