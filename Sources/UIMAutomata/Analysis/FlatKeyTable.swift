// An interning table for short integer sequences (automaton state sets, minimisation signatures, class columns):
// keys live back to back in one arena and an open-addressing index maps a key to its number. A `[[T]: Int32]`
// dictionary allocates one array per key and rehashes whole keys as it grows; subset constructions intern hundreds of
// thousands of keys, so this table is what keeps their build time and memory linear in the pairs actually stored.

/// Numbers distinct integer sequences in order of first insertion: key `n` is `arena[starts[n] ..< starts[n + 1]]`.
struct FlatKeyTable<Element: FixedWidthInteger> {
    /// Every key, back to back.
    private(set) var arena: [Element] = []
    /// Key `n` starts at `starts[n]`; one more entry than there are keys.
    private(set) var starts: [Int] = [0]
    /// Per key: its hash, so growing the index never rereads the arena.
    private var hashes: [UInt64] = []
    /// Open addressing: key number + 1, or 0 for an empty slot. The count is a power of two.
    private var slots: [Int32]

    /// A table sized for about `capacity` keys before it first grows.
    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
    }

    /// The number of keys.
    var count: Int { hashes.count }

    /// Elements held by all keys together.
    var elementCount: Int { arena.count }

    /// Key `n`, as an index range into ``arena``.
    @inline(__always)
    func range(of key: Int) -> Range<Int> { starts[key]..<starts[key + 1] }

    /// The number of `key`, or `nil` when it is not in the table.
    func find(_ key: UnsafeBufferPointer<Element>) -> Int32? {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if hashes[Int(entry - 1)] == hash, equals(Int(entry - 1), key) { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// The number of `key`, adding it when new (`inserted` tells which).
    mutating func insert(_ key: UnsafeBufferPointer<Element>) -> (number: Int32, inserted: Bool) {
        if (count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if hashes[Int(entry - 1)] == hash, equals(Int(entry - 1), key) { return (entry - 1, false) }
            slot = (slot + 1) & mask
        }
        let number = Int32(count)
        slots[slot] = number + 1
        hashes.append(hash)
        arena.append(contentsOf: key)
        starts.append(arena.count)
        return (number, true)
    }

    /// `insert` for an array.
    mutating func insert(_ key: [Element]) -> (number: Int32, inserted: Bool) {
        key.withUnsafeBufferPointer { insert($0) }
    }

    /// `find` for an array.
    func find(_ key: [Element]) -> Int32? {
        key.withUnsafeBufferPointer { find($0) }
    }

    /// Forgets every key, keeping the storage for the next round.
    mutating func removeAll() {
        arena.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        starts.append(0)
        hashes.removeAll(keepingCapacity: true)
        for slot in slots.indices { slots[slot] = 0 }
    }

    private func equals(_ number: Int, _ key: UnsafeBufferPointer<Element>) -> Bool {
        let start = starts[number]
        guard starts[number + 1] - start == key.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            for k in 0..<key.count where arena[start + k] != key[k] { return false }
            return true
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        let mask = size - 1
        var grown = [Int32](repeating: 0, count: size)
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while grown[slot] != 0 { slot = (slot + 1) & mask }
            grown[slot] = Int32(number + 1)
        }
        slots = grown
    }

    /// A multiply-rotate hash of the elements and the length (keys here are small integers, often sequential, so
    /// every element goes through a full multiply and the result through a final avalanche).
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<Element>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        for element in key {
            h = (h ^ UInt64(truncatingIfNeeded: element)) &* 0xBF58_476D_1CE4_E5B9
            h = h ^ (h >> 31)
        }
        h = (h ^ (h >> 30)) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 29)
    }
}
