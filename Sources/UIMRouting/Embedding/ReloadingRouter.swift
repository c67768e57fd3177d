// Hot reload for an embedding host (the GSP router): the current router is swapped atomically while routing
// threads go on. Compiling happens on the reloading thread, outside any lock; a routing thread's hot path reads one
// atomic generation number and takes the lock only once per reload, to pick up the new router.
import Synchronization
import UIMRegistry

/// Holds the router a host routes with and replaces it with a newly compiled one without stopping routing.
///
/// ```swift
/// let holder = try ReloadingRouter(directory: "/srv/gsp/Patterns")
/// // each routing thread:
/// let context = holder.makeContext()
/// let result = context.route(uim, on: day)
/// // a maintenance thread, when the registry folder changed:
/// switch holder.reload(from: "/srv/gsp/Patterns") {
/// case .reloaded(let digest, _, _): log("now routing with \(digest)")
/// case .failed(let diagnostics): log(diagnostics)       // the old router stays in service
/// }
/// ```
///
/// A routing thread never waits for a compile and never sees a half-built router: a ``Router`` is immutable and
/// only a complete one is published. Results routed before the swap come from the old router, results after it
/// from the new one; each result comes from exactly one of them (``RoutingContext/router`` says which).
public final class ReloadingRouter: Sendable {
    private let current: Mutex<Router>
    private let published = Atomic<Int>(0)
    /// Where counts of results go (counts only, never a UIM); `nil`: none are kept.
    public let metrics: RoutingMetrics?
    /// The keys a registry's release must be signed by, for the first registry and every reload; nil: none (a
    /// reload takes any registry that loads).
    public let trust: TrustPolicy?

    /// A holder serving `router` first. With `trust`, reloads take only releases that verify and are not older than
    /// the one in service (see ``reload(from:options:allowingRollback:)``).
    public init(router: Router, trust: TrustPolicy? = nil, metrics: RoutingMetrics? = nil) {
        current = Mutex(router)
        self.trust = trust
        self.metrics = metrics
        metrics?.recordRegistry(router.registry, replacing: nil)
    }

    /// A holder serving the registry folder `directory` (example problems are warnings: see ``ExampleChecking``).
    /// - Throws: ``RegistryError`` with every problem when the registry does not load.
    public convenience init(directory: String, options: RouterOptions = RouterOptions(),
                            metrics: RoutingMetrics? = nil) throws(RegistryError) {
        self.init(router: try Router(loading: directory, examples: .warnings, options: options), metrics: metrics)
    }

    /// A holder serving the registry folder `directory`, whose release must verify under `trust`.
    /// - Throws: ``RegistryError`` with every reason the release does not verify or the registry does not load.
    public convenience init(directory: String, trust: TrustPolicy, options: RouterOptions = RouterOptions(),
                            metrics: RoutingMetrics? = nil) throws(RegistryError) {
        self.init(router: try Router(loading: directory, trust: trust, examples: .warnings, options: options),
                  trust: trust, metrics: metrics)
    }

    /// The router in service now.
    public var router: Router { current.withLock { $0 } }

    /// How many reloads have succeeded; a context compares it with its own to notice a swap.
    public var generation: Int { published.load(ordering: .acquiring) }

    /// What a reload did.
    public enum Outcome: Sendable {
        /// The new router is in service.
        case reloaded(digest: String, generation: Int, nanoseconds: Int)
        /// The old router stays in service; every problem of the new registry.
        case failed([Diagnostic])
    }

    /// Loads and compiles the registry folder `directory` on the calling thread, then swaps it in. Reloads are
    /// serialised with each other; routing is never held up by them.
    ///
    /// With a ``trust`` policy the folder's release must verify, and a release whose version is lower than the one
    /// in service is refused (code ``Diagnostic/Code/releaseRollback``) unless `allowingRollback` or the policy's
    /// ``TrustPolicy/allowRollback`` says otherwise.
    public func reload(from directory: String, options: RouterOptions? = nil, allowingRollback: Bool = false)
        -> Outcome
    {
        let start = MonotonicClock.nanoseconds()
        do {
            // The router that checked the examples is the one swapped in: each regex is compiled once per reload.
            let fresh = try Router(loading: directory, trust: trust, examples: .warnings,
                                   options: options ?? router.options)
            return try swap(in: fresh, allowingRollback: allowingRollback, since: start)
        } catch {
            metrics?.recordReload(succeeded: false)
            return .failed(error.diagnostics)
        }
    }

    /// Compiles `registry` on the calling thread, then swaps it in. With a ``trust`` policy, `registry` must have
    /// been loaded with a release that verified under the policy's keys (``TrustPolicy/accepts(_:)``), and the
    /// rollback rule of ``reload(from:options:allowingRollback:)`` applies.
    public func reload(registry: Registry, options: RouterOptions? = nil, allowingRollback: Bool = false) -> Outcome {
        let start = MonotonicClock.nanoseconds()
        do {
            try checkTrust(registry)
            return try swap(in: try Router(registry: registry, options: options ?? router.options),
                            allowingRollback: allowingRollback, since: start)
        } catch {
            metrics?.recordReload(succeeded: false)
            return .failed(error.diagnostics)
        }
    }

    /// Swaps in `router`, compiled by the caller (for example with ``Router/init(loading:examples:options:)``, whose
    /// router checked the examples); the trust and rollback rules of ``reload(registry:options:allowingRollback:)``
    /// apply to its registry.
    public func reload(router: Router, allowingRollback: Bool = false) -> Outcome {
        let start = MonotonicClock.nanoseconds()
        do {
            return try swap(in: router, allowingRollback: allowingRollback, since: start)
        } catch {
            metrics?.recordReload(succeeded: false)
            return .failed(error.diagnostics)
        }
    }

    private func swap(in fresh: Router, allowingRollback: Bool, since start: Int) throws(RegistryError) -> Outcome {
        let registry = fresh.registry
        try checkTrust(registry)
        // The router and its generation change under one lock, so a context that sees a generation fetches a
        // router at least that new; the rollback check reads the version in service under the same lock.
        let swapped: Result<(Int, Registry), RegistryError> = current.withLock { router in
            if let trust, !(allowingRollback || trust.allowRollback),
               let serving = router.registry.release?.version, let next = registry.release?.version, next < serving {
                return .failure(RegistryError([Diagnostic(.releaseRollback,
                    at: SourceLocation(file: registry.source, line: 1, column: 1),
                    "rollback refused: release \(next) is older than release \(serving) in service")]))
            }
            let old = router.registry
            router = fresh
            return .success((published.add(1, ordering: .releasing).newValue, old))
        }
        let (generation, old) = try swapped.get()
        metrics?.recordReload(succeeded: true)
        metrics?.recordRegistry(registry, replacing: old)
        return .reloaded(digest: registry.digest, generation: generation,
                         nanoseconds: MonotonicClock.nanoseconds() - start)
    }

    /// With a trust policy: the registry must carry a release the policy accepts.
    private func checkTrust(_ registry: Registry) throws(RegistryError) {
        guard let trust else { return }
        guard let release = registry.release, trust.accepts(release) else {
            let at = SourceLocation(file: registry.source, line: 1, column: 1)
            throw RegistryError([Diagnostic(.releaseMissing, at: at,
                "this registry was not loaded from a release verified by the trusted keys")])
        }
    }

    /// A routing context for one thread.
    public func makeContext() -> RoutingContext { RoutingContext(holder: self, pinned: false) }

    /// A routing context that keeps the router in service now for its whole life, even across reloads: for one
    /// request whose results must all come from one registry (a service answers with that registry's digest).
    public func makePinnedContext() -> RoutingContext { RoutingContext(holder: self, pinned: true) }
}

/// One thread's view of a ``ReloadingRouter``: the router it routes with and that router's scratch.
///
/// Not `Sendable`: make one per routing thread. Each call checks the holder's generation (one atomic load) and
/// picks up a newly swapped-in router before routing. Counters are cached per context, so counting takes no lock
/// of UIMRouter's (what a counter increment costs is the metrics backend's).
public final class RoutingContext {
    private let holder: ReloadingRouter
    private var seen: Int
    /// The router the last call routed with.
    public private(set) var router: Router
    private var scratch: RouteScratch
    private let counters: RoutingMetrics.Recorder?
    private let pinned: Bool

    init(holder: ReloadingRouter, pinned: Bool) {
        self.holder = holder
        self.pinned = pinned
        counters = holder.metrics?.makeRecorder()
        seen = holder.generation
        router = holder.router
        scratch = router.makeScratch()
    }

    /// Picks up the holder's current router when a reload happened since the last call.
    @inline(__always)
    private func refresh() {
        if pinned { return }
        let generation = holder.generation
        guard generation != seen else { return }
        seen = generation
        router = holder.router
        scratch = router.makeScratch()
    }

    /// Routes `uim` with the router in service now; counts the result when the holder has metrics.
    public func route(_ uim: String, on day: Day) -> RouteResult {
        refresh()
        let result = router.route(uim, on: day, using: scratch)
        counters?.record(result)
        return result
    }

    /// Routes the UTF-8 bytes `input`, like ``Router/route(utf8:on:using:)``.
    public func route(utf8 input: UnsafeBufferPointer<UInt8>, on day: Day) -> RouteResult {
        refresh()
        let result = router.route(utf8: input, on: day, using: scratch)
        counters?.record(result)
        return result
    }

    /// Decides the UTF-8 bytes `input` like ``Router/decide(utf8:on:using:fields:)`` with `fields: false`: the
    /// status and, when routed, the Party, without building a ``RouteResult``. Allocation-free once the context has
    /// warmed up. With metrics, counts the status and the routed Party (no pattern counts: no pattern is named).
    public func decide(utf8 input: UnsafeBufferPointer<UInt8>, on day: Day) -> (status: RouteStatus, party: String?) {
        refresh()
        let status = router.decide(utf8: input, on: day, using: scratch, fields: false)
        let party = router.routedParty(in: scratch)
        counters?.record(status: status, party: party)
        return (status, party)
    }
}
