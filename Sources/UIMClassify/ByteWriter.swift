// A growable byte buffer written through a raw pointer: the formatting hot path's output. Array appends cost a
// uniqueness and capacity check per byte; here a record reserves once and stores bytes directly.

/// Bytes written through a pointer. Pointer semantics: copies share the storage, and the owner calls
/// ``deallocate()`` exactly once.
struct ByteWriter {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    func deallocate() { base.deallocate() }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    @inline(never)
    private mutating func grow(to needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Appends one byte; the caller has reserved room.
    @inline(__always)
    mutating func put(_ byte: UInt8) {
        assert(count < capacity, "put past the reserved room")
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        put(byte)
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count)
        Self.copy(bytes, to: base + count)
        count += bytes.count
    }

    /// Appends `bytes`; the caller has reserved room.
    @inline(__always)
    mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        assert(count + bytes.count <= capacity, "put past the reserved room")
        Self.copy(bytes, to: base + count)
        count += bytes.count
    }

    /// Copies `source` to `destination`. Cells, keys and field values are mostly a few bytes long, where a call to
    /// memcpy costs more than the copy: up to 16 bytes move as two overlapping word loads and stores.
    @inline(__always)
    static func copy(_ source: UnsafeBufferPointer<UInt8>, to destination: UnsafeMutablePointer<UInt8>) {
        guard let start = source.baseAddress else { return }
        let count = source.count
        let from = UnsafeRawPointer(start)
        let to = UnsafeMutableRawPointer(destination)
        if count >= 8 {
            if count > 16 {
                to.copyMemory(from: from, byteCount: count)
                return
            }
            let head = from.loadUnaligned(as: UInt64.self)
            let tail = from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 {
            let head = from.loadUnaligned(as: UInt32.self)
            let tail = from.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
        } else {
            for k in 0..<count { destination[k] = start[k] }
        }
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    mutating func append(_ other: ByteWriter) {
        append(other.bytes)
    }

    mutating func removeAll() { count = 0 }

    /// Removes the last byte.
    mutating func removeLast() { count -= 1 }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// The bytes written, as an array.
    func makeArray() -> [UInt8] { Array(bytes) }

    /// Appends `value` in decimal.
    mutating func appendNumber(_ value: Int) {
        if value < 0 {
            append(UInt8(ascii: "-"))
            appendNumber(0 - value)
            return
        }
        reserve(20)
        let start = count
        var rest = value
        repeat {
            put(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10))
            rest /= 10
        } while rest > 0
        var low = start
        var high = count - 1
        while low < high {
            let byte = base[low]
            base[low] = base[high]
            base[high] = byte
            low += 1
            high -= 1
        }
    }

    /// Appends a JSON string literal of UTF-8 `text` (escaping quote, backslash and control characters).
    mutating func appendJSONString(_ text: UnsafeBufferPointer<UInt8>) {
        guard Self.needsJSONEscapes(text) else {
            reserve(text.count + 2)
            appendJSONStringNeedingNoEscapes(text)
            return
        }
        appendEscapedJSONString(text)
    }

    /// Appends `"text"` for a `text` that ``needsJSONEscapes(_:)`` says needs none; the caller has reserved room.
    @inline(__always)
    mutating func appendJSONStringNeedingNoEscapes(_ text: UnsafeBufferPointer<UInt8>) {
        put(UInt8(ascii: "\""))
        put(text)
        put(UInt8(ascii: "\""))
    }

    /// True when `text` holds a byte JSON escapes: a control character (below 0x20, or 0x7F), a quote or a
    /// backslash. Eight bytes per step, as in `Normalizer.byteKind`: a zero byte of `word ^ c` borrows into
    /// its top bit when 1 is subtracted; a borrow crossing into the next byte only follows a byte already caught.
    @inline(__always)
    static func needsJSONEscapes(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = text.baseAddress else { return false }
        let raw = UnsafeRawPointer(start)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroByte(_ word: UInt64) -> UInt64 { (word &- ones) & ~word }
        var caught: UInt64 = 0
        var index = 0
        while index + 8 <= text.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            caught |= ((word &- 0x20 &* ones) & ~word) | zeroByte(word ^ (0x22 &* ones))
                | zeroByte(word ^ (0x5C &* ones)) | zeroByte(word ^ (0x7F &* ones))
            index += 8
        }
        var tail: UInt8 = 0
        while index < text.count {
            let byte = start[index]
            tail |= byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F ? 1 : 0
            index += 1
        }
        return caught & high != 0 || tail != 0
    }

    private mutating func appendEscapedJSONString(_ text: UnsafeBufferPointer<UInt8>) {
        reserve(text.count * 6 + 2)
        var cursor = base + count
        cursor.pointee = UInt8(ascii: "\"")
        cursor += 1
        for byte in text {
            if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x7F {
                cursor.pointee = byte
                cursor += 1
                continue
            }
            cursor.pointee = UInt8(ascii: "\\")
            switch byte {
            case 0x22, 0x5C:
                cursor[1] = byte
                cursor += 2
            case 0x0A:
                cursor[1] = UInt8(ascii: "n")
                cursor += 2
            case 0x0D:
                cursor[1] = UInt8(ascii: "r")
                cursor += 2
            case 0x09:
                cursor[1] = UInt8(ascii: "t")
                cursor += 2
            default:
                cursor[1] = UInt8(ascii: "u")
                cursor[2] = UInt8(ascii: "0")
                cursor[3] = UInt8(ascii: "0")
                cursor[4] = Self.hex(byte >> 4)
                cursor[5] = Self.hex(byte & 0xF)
                cursor += 6
            }
        }
        cursor.pointee = UInt8(ascii: "\"")
        cursor += 1
        count = cursor - base
    }

    mutating func appendJSONString(_ text: [UInt8]) {
        text.withUnsafeBufferPointer { appendJSONString($0) }
    }

    mutating func appendJSONString(_ text: String) {
        var copy = text
        copy.withUTF8 { appendJSONString($0) }
    }

    @inline(__always)
    private static func hex(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
