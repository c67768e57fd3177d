// One engine, ready to route one UIM at a time into a caller's scratch: what the benchmark package times, so that
// the router and its baselines (the plain prefix trie, the naive scan) run the same code as `uim-router bench`.
import UIMRegistry
import UIMAutomata
import UIMRouting

/// Routes single UIMs with one ``RoutingEngine`` of a router, allocation-free once the scratch has warmed up.
///
/// ```swift
/// let runner = EngineRunner(router: router, engine: .trie)
/// let scratch = router.makeScratch()
/// let status = uim.withUnsafeBufferPointer { runner.route($0, on: day, fields: false, using: scratch) }
/// ```
public struct EngineRunner: Sendable {
    /// The router whose patterns are routed.
    public let router: Router
    /// The engine used.
    public let engine: RoutingEngine
    let plainTrie: CandidateTrie?
    /// The naive engine: the reference scan itself.
    let naive: NaiveScanner?

    /// Prepares `engine` for `router` (the trie baseline builds its trie over every pattern here).
    public init(router: Router, engine: RoutingEngine) {
        self.router = router
        self.engine = engine
        plainTrie = engine == .trie ? CandidateTrie(shapes: router.shapes) : nil
        naive = engine == .naive ? NaiveScanner(router: router) : nil
    }

    /// Routes the UTF-8 bytes of one scanned line into `scratch`; with `fields`, every match's named-group ranges are
    /// extracted too (the naive scan always extracts them).
    @inline(__always)
    public func route(_ input: UnsafeBufferPointer<UInt8>, on day: Day, fields: Bool, using scratch: RouteScratch)
        -> RouteStatus {
        if let naive {
            naive.evaluate(input, day: day.daysSinceEpoch, scratch: scratch)
        } else {
            router.evaluate(input, day: day.daysSinceEpoch, ignoringValidity: false, fields: fields,
                            plainTrie: plainTrie, scratch: scratch)
        }
        return scratch.status
    }
}
