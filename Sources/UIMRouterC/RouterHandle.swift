// What a `uim_router *` of uim_router.h points to: a ReloadingRouter and a pool of routing contexts, one per
// concurrently routing thread, so that any number of threads route and reload with one handle and no context (whose
// PCRE2 match data and JIT stack belong to one thread) is ever used by two threads at once.
import Synchronization
import UIMRouter

/// What a `uim_router *` points to.
final class RouterHandle: Sendable {
    let holder: ReloadingRouter
    let directory: String?
    /// Idle contexts; a routing call takes one (or makes one) and puts it back. The lock is held only for the
    /// pop and the push, never while routing or compiling.
    private let pool = Mutex<[RoutingContextBox]>([])

    init(holder: ReloadingRouter, directory: String?) {
        self.holder = holder
        self.directory = directory
    }

    /// Runs `body` with a context no other thread holds: taken out of the pool for the call, put back after it.
    func withContext<T>(_ body: (RoutingContextBox) -> T) -> T {
        let box = pool.withLock { $0.popLast() } ?? RoutingContextBox(holder.makeContext())
        defer { pool.withLock { $0.append(box) } }
        return body(box)
    }
}

/// Carries a context, and the buffer the batch call formats JSON lines in, in and out of the pool.
// Safety: only ever used by the one thread that took it out of the pool (RouterHandle.withContext).
final class RoutingContextBox: @unchecked Sendable {
    let context: RoutingContext
    /// One result's JSON line; reused from call to call so that it grows to size once.
    var json = JSONWriter()

    init(_ context: RoutingContext) { self.context = context }
}

/// The handle behind a `uim_router *`, or nil for NULL. The caller keeps the handle open for the call's duration.
func handle(_ pointer: OpaquePointer?) -> RouterHandle? {
    guard let pointer else { return nil }
    return Unmanaged<RouterHandle>.fromOpaque(UnsafeRawPointer(pointer)).takeUnretainedValue()
}
