// SIGHUP reloads the registry, as `POST /v1/admin/reload` does; a failed reload keeps the old registry.
import Logging
import ServiceLifecycle
import UnixSignals
import UIMRouter

/// A service that reloads the registry on each SIGHUP until shutdown.
public struct HangupReloader: Service {
    let service: RoutingService

    public init(service: RoutingService) { self.service = service }

    public func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            service.reloadAndLog(trigger: "SIGHUP")
        }
    }
}

extension RoutingService {
    /// Reloads and writes one log line saying what happened (digests and counts, never a file's text).
    @discardableResult
    public func reloadAndLog(trigger: String) -> ReloadOutcome {
        let previous = registry.digest
        let outcome = registry.reload()
        switch outcome {
        case .reloaded(let digest, _, _):
            logger.notice("registry reloaded", metadata: ["trigger": "\(trigger)", "digest": "\(digest)",
                                                          "previous": "\(previous)"])
        case .failed(let diagnostics):
            logger.error("registry reload failed; the previous registry stays in service",
                         metadata: ["trigger": "\(trigger)", "problems": "\(diagnostics.count)",
                                    "digest": "\(previous)"])
            for diagnostic in diagnostics.prefix(20) { logger.error("\(diagnostic.description)") }
        }
        return ReloadOutcome(previous: previous, outcome: outcome)
    }
}

/// A reload's outcome and the digest that was in service before it.
public struct ReloadOutcome: Sendable {
    public var previous: String
    public var outcome: ReloadingRouter.Outcome
}
