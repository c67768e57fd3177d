// The registry in service and its reloads: a `ReloadingRouter` (the library's atomic swap) plus what the API says
// about it (source, loaded-at time). A failed reload leaves both untouched.
import Foundation
import Synchronization
import UIMRouter

/// The router in service, swapped whole on a successful reload.
public final class ServedRegistry: Sendable {
    /// The library's holder: routing contexts pick up a new router atomically.
    public let holder: ReloadingRouter
    /// The folder reloads read; `nil`: the bundled registry.
    public let folder: String?
    private let state: Mutex<State>
    private let reloading = Mutex<Void>(())

    struct State {
        var router: Router
        var loadedAt: Date
    }

    /// What the API reports about the registry in service.
    public struct Snapshot: Sendable {
        public var router: Router
        public var loadedAt: Date
        public var digest: String { router.registry.digest }
    }

    /// Loads and compiles the registry (folder or bundled); throws every problem when it does not load.
    public init(folder: String?, metrics: RoutingMetrics?) throws(RegistryError) {
        let registry = try Self.load(folder)
        let router = try Router(registry: registry)
        holder = ReloadingRouter(router: router, metrics: metrics)
        self.folder = folder
        state = Mutex(State(router: router, loadedAt: Date()))
    }

    private static func load(_ folder: String?) throws(RegistryError) -> Registry {
        if let folder { return try Registry.load(from: folder, examples: .warnings) }
        return try BundledRegistry.load(examples: .warnings)
    }

    /// Routing contexts of the router in service, kept between requests: a context holds PCRE2 match data and a JIT
    /// stack, too costly to make for every single-UIM request. Emptied when the router changes.
    private let contexts = Mutex<(router: ObjectIdentifier?, free: [RoutingBox])>((nil, []))

    /// A pinned routing context of the router in service, for one request; give it back with ``giveBack(_:)``.
    func borrowContext() -> RoutingBox {
        let current = ObjectIdentifier(holder.router)
        let reused: RoutingBox? = contexts.withLock { pool in
            guard pool.router == current else { return nil }
            return pool.free.popLast()
        }
        return reused ?? RoutingBox(holder.makePinnedContext())
    }

    /// Returns a context after its request; kept only while its router is still in service.
    func giveBack(_ box: RoutingBox) {
        let current = ObjectIdentifier(holder.router)
        let own = ObjectIdentifier(box.context.router)
        guard own == current else { return }
        contexts.withLock { pool in
            if pool.router != current { pool = (current, []) }
            if pool.free.count < 64 { pool.free.append(box) }
        }
    }

    /// The registry in service now.
    public var snapshot: Snapshot { state.withLock { Snapshot(router: $0.router, loadedAt: $0.loadedAt) } }

    /// The digest in service now.
    public var digest: String { state.withLock { $0.router.registry.digest } }

    /// Where the registry comes from: the folder, or `bundled`.
    public var sourceName: String { folder ?? "bundled" }

    /// Reloads from the folder (or the bundled copy); reloads are serialised. On failure the old registry stays.
    public func reload() -> ReloadingRouter.Outcome {
        reloading.withLock { _ in
            let outcome: ReloadingRouter.Outcome
            if let folder {
                outcome = holder.reload(from: folder)
            } else {
                do throws(RegistryError) {
                    outcome = holder.reload(registry: try BundledRegistry.load(examples: .warnings))
                } catch {
                    outcome = .failed(error.diagnostics)
                }
            }
            if case .reloaded = outcome {
                let router = holder.router
                state.withLock { $0 = State(router: router, loadedAt: Date()) }
            }
            return outcome
        }
    }
}
