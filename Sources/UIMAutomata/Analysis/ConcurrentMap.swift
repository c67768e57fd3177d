// Per-pattern work of a registry build (PCRE2 compilation, automaton analysis) on every core. Each index is computed
// by exactly one thread into its own slot, so the result is the same array, in the same order, as a serial `map`.
import Dispatch
import Synchronization
import UIMPlatform

/// `(0..<count).map(transform)`, computed on up to `maxThreads` threads (`nil`: the online processors; `1` computes
/// serially, which makes the number of heap allocations repeatable, as the CI's allocation smoke needs; the router
/// passes ``RouterOptions/buildThreads``).
///
/// Threads take the next index from a shared counter, so one slow element (an exponential regex) does not hold up
/// a whole share of the others. `transform` must not depend on the order in which indices are computed.
package func concurrentMap<T: Sendable>(count: Int, maxThreads: Int? = nil, _ transform: @Sendable (Int) -> T) -> [T] {
    let threads = min(count, max(1, maxThreads ?? ConcurrentSlots<Int>.processorCount))
    guard threads > 1 else { return (0..<count).map(transform) }
    let slots = ConcurrentSlots<T>(count: count)
    defer { slots.deallocate() }
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
        while true {
            let index = slots.next.add(1, ordering: .relaxed).oldValue
            guard index < count else { return }
            slots.store(transform(index), at: index)
        }
    }
    return slots.collect()
}

/// The result slots of one ``concurrentMap(count:maxThreads:_:)`` and its work counter.
///
/// Safety (`@unchecked Sendable`): every slot is written by exactly one thread (the one that drew its index from
/// `next`), and read only after `concurrentPerform` has returned, which waits for every thread.
private final class ConcurrentSlots<T>: @unchecked Sendable {
    let next = Atomic<Int>(0)
    private let buffer: UnsafeMutableBufferPointer<T?>

    static var processorCount: Int {
        Syscalls.processorCount
    }

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    func store(_ value: T, at index: Int) { buffer[index] = value }

    func collect() -> [T] { buffer.map { $0! } }

    func deallocate() {
        buffer.deinitialize()
        buffer.deallocate()
    }
}
