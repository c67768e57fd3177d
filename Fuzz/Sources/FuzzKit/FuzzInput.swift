// Turns libFuzzer's bytes into structured choices. Each choice consumes bytes from the front; once the bytes run
// out every choice takes its first option, so short inputs still build something small and valid.

/// A cursor over the fuzzer's bytes that hands out small integers, booleans and picks.
public struct FuzzInput {
    public let bytes: [UInt8]
    public private(set) var position = 0

    public init(_ buffer: UnsafeBufferPointer<UInt8>) { bytes = Array(buffer) }
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// True when every byte has been consumed.
    public var isExhausted: Bool { position >= bytes.count }

    /// The next byte (0 once exhausted).
    public mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// An integer in `range` (one byte for spans up to 256, two above).
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = range.upperBound - range.lowerBound + 1
        if span <= 1 { return range.lowerBound }
        let raw = span <= 256 ? Int(byte()) : Int(byte()) << 8 | Int(byte())
        return range.lowerBound + raw % span
    }

    /// True or false, from one byte.
    public mutating func bool() -> Bool { byte() & 1 == 1 }

    /// True about once in `n` (and never once exhausted).
    public mutating func oneIn(_ n: Int) -> Bool { isExhausted ? false : int(0...(n - 1)) == n - 1 }

    /// One element of `items` (the first once exhausted).
    public mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// A length-prefixed run of up to `maximum` raw bytes.
    public mutating func data(upTo maximum: Int) -> [UInt8] {
        let count = min(int(0...maximum), bytes.count - min(position, bytes.count))
        defer { position += count }
        return Array(bytes[position..<(position + count)])
    }

    /// Everything not consumed yet.
    public mutating func rest() -> [UInt8] {
        defer { position = bytes.count }
        return position < bytes.count ? Array(bytes[position...]) : []
    }

    /// A seed for a random generator, from 8 bytes.
    public mutating func seed() -> UInt64 {
        var value: UInt64 = 0
        for _ in 0..<8 { value = value << 8 | UInt64(byte()) }
        return value
    }
}
