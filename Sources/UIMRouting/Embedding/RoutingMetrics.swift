// Counters of routing results through swift-metrics, for an embedding host's dashboards: per status, per Party and
// per pattern, and reloads. Counts only: no UIM, field value or input text ever becomes a label, a dimension or a
// log line.
import CoreMetrics
import UIMRegistry

/// Counts routing results and reloads through swift-metrics.
///
/// Metrics (all counters; dimension values are status names, Party codes and pattern ids from the registry, never
/// input):
///
/// | label | dimensions | counts |
/// |---|---|---|
/// | `<prefix>_results_total` | `status` | every result |
/// | `<prefix>_party_results_total` | `party`, `status` | routed results per Party; ambiguous results per candidate |
/// | `<prefix>_pattern_matches_total` | `party`, `pattern` | every matching pattern of a routed or ambiguous result |
/// | `<prefix>_reloads_total` | `outcome` (`ok`, `failed`) | reloads of a ``ReloadingRouter`` |
/// | `<prefix>_registry_info` (gauge) | `digest`, `release` | 1: the registry in service; 0: the one it replaced |
///
/// The host chooses the backend: bootstrap `MetricsSystem` once at start-up (for example with a Prometheus or
/// StatsD backend), or pass a `MetricsFactory` here.
public struct RoutingMetrics: Sendable {
    /// The label prefix (default `uim_router`).
    public let prefix: String
    private let factory: (any MetricsFactory)?

    /// Counters labelled `prefix_…`, made by `factory` (default: the bootstrapped `MetricsSystem.factory`).
    public init(prefix: String = "uim_router", factory: (any MetricsFactory)? = nil) {
        self.prefix = prefix
        self.factory = factory
    }

    func counter(_ name: String, _ dimensions: [(String, String)]) -> Counter {
        let label = "\(prefix)_\(name)"
        if let factory { return Counter(label: label, dimensions: dimensions, factory: factory) }
        return Counter(label: label, dimensions: dimensions)
    }

    /// Counts one reload.
    func recordReload(succeeded: Bool) {
        counter("reloads_total", [("outcome", succeeded ? "ok" : "failed")]).increment()
    }

    /// Marks `registry` as in service (gauge 1, labelled with its digest and release: see
    /// ``Registry/releaseLabel``) and `old`, if any, as no longer (0).
    func recordRegistry(_ registry: Registry, replacing old: Registry?) {
        if let old, old.digest != registry.digest || old.releaseLabel != registry.releaseLabel {
            gauge("registry_info", [("digest", old.digest), ("release", old.releaseLabel)]).record(0)
        }
        gauge("registry_info", [("digest", registry.digest), ("release", registry.releaseLabel)]).record(1)
    }

    func gauge(_ name: String, _ dimensions: [(String, String)]) -> Gauge {
        let label = "\(prefix)_\(name)"
        if let factory { return Gauge(label: label, dimensions: dimensions, factory: factory) }
        return Gauge(label: label, dimensions: dimensions)
    }

    /// A per-thread cache of counters (creating a counter costs a backend lookup; incrementing one does not).
    func makeRecorder() -> Recorder { Recorder(metrics: self) }

    /// Counters of one routing thread.
    final class Recorder {
        private let metrics: RoutingMetrics
        private var statuses: [RouteStatus: Counter] = [:]
        private var parties: [String: Counter] = [:]
        private var patterns: [String: Counter] = [:]

        init(metrics: RoutingMetrics) { self.metrics = metrics }

        /// Counts `result`: its status, its Party or candidates, its matching patterns. Reads no input text.
        func record(_ result: RouteResult) {
            let status = result.status
            cached(&statuses, status) { metrics.counter("results_total", [("status", status.rawValue)]) }.increment()
            guard status == .routed || status == .ambiguous else { return }
            for party in result.parties {
                cached(&parties, party + "\u{0}" + status.rawValue) {
                    metrics.counter("party_results_total", [("party", party), ("status", status.rawValue)])
                }.increment()
            }
            for match in result.matches {
                cached(&patterns, match.party + "\u{0}" + match.pattern) {
                    metrics.counter("pattern_matches_total", [("party", match.party), ("pattern", match.pattern)])
                }.increment()
            }
        }

        /// Counts a decision without a result: its status, and its Party when routed.
        func record(status: RouteStatus, party: String?) {
            cached(&statuses, status) { metrics.counter("results_total", [("status", status.rawValue)]) }.increment()
            guard let party else { return }
            cached(&parties, party + "\u{0}" + status.rawValue) {
                metrics.counter("party_results_total", [("party", party), ("status", status.rawValue)])
            }.increment()
        }

        private func cached<Key: Hashable>(_ table: inout [Key: Counter], _ key: Key, _ make: () -> Counter)
            -> Counter
        {
            if let known = table[key] { return known }
            let made = make()
            table[key] = made
            return made
        }
    }
}
