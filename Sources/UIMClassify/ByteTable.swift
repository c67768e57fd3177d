// Precomputed byte strings (Party codes, names, pattern ids, field keys) indexed by number, stored flat so the
// formatting hot path reads them without reference counting.

/// A fixed list of byte strings in one allocation. Pointer semantics: the owner calls ``deallocate()`` once.
struct ByteTable {
    private let storage: UnsafeMutablePointer<UInt8>
    private let offsets: UnsafeMutablePointer<Int>
    let count: Int

    init(_ strings: [[UInt8]]) {
        count = strings.count
        let total = strings.reduce(0) { $0 + $1.count }
        storage = .allocate(capacity: max(total, 1))
        offsets = .allocate(capacity: count + 1)
        var position = 0
        for (k, string) in strings.enumerated() {
            offsets[k] = position
            string.withUnsafeBufferPointer { source in
                if let start = source.baseAddress { (storage + position).update(from: start, count: source.count) }
            }
            position += string.count
        }
        offsets[count] = position
    }

    func deallocate() {
        storage.deallocate()
        offsets.deallocate()
    }

    @inline(__always)
    subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: storage + offsets[index], count: offsets[index + 1] - offsets[index])
    }
}
