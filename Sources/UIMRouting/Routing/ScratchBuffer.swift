// A growable list of plain values that a RouteScratch reuses for every UIM: emptying it is one store, appending is a
// bounds check and a store, and it allocates only when it grows past every earlier UIM's size.

/// A reusable list of plain values, owned by one ``RouteScratch``.
///
/// Reading it (as a collection) is valid until the owning scratch routes the next UIM; it is never shared between
/// threads. The owner frees it with ``deallocate()``.
package struct ScratchBuffer<Element: BitwiseCopyable>: RandomAccessCollection {
    private var base: UnsafeMutablePointer<Element>
    package private(set) var count: Int = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 4)
        base = UnsafeMutablePointer<Element>.allocate(capacity: self.capacity)
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { count }

    package subscript(position: Int) -> Element {
        @inline(__always) get {
            precondition(position >= 0 && position < count, "ScratchBuffer index out of range")
            return base[position]
        }
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow() }
        base[count] = element
        count += 1
    }

    @inline(__always)
    mutating func removeAll() { count = 0 }

    /// Calls `body` with the elements as a buffer (valid only during the call).
    @inline(__always)
    package func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Swaps the elements at `i` and `j` (both below `count`).
    @inline(__always)
    mutating func swapAt(_ i: Int, _ j: Int) {
        let saved = base[i]
        base[i] = base[j]
        base[j] = saved
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.initialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }

    func deallocate() { base.deallocate() }
}
