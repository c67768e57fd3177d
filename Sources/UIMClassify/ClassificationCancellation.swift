// A stop request that a signal handler, a failing writer or a test can raise while a classification runs.
import Synchronization

/// Asks a running ``Classifier`` to stop: the reader reads no further input, the records already read are
/// finished, and the run ends as ``ClassificationOutcome/Ending/cancelled``.
///
/// Safe to call from any thread (a `DispatchSource` signal handler, for example); cancelling twice is harmless.
public final class ClassificationCancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    /// A request not yet raised.
    public init() {}

    /// Raises the request.
    public func cancel() { flag.store(true, ordering: .relaxed) }

    /// Whether the request has been raised.
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}
