// A growable byte buffer written through a raw pointer: the formatting hot path's output. Array appends cost a
// uniqueness and capacity check per byte; here a record reserves once and stores bytes directly.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        put(byte)
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
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
