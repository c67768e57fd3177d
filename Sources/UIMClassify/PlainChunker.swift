// Cuts plain input (one UIM per line) into chunks of whole lines. The reader thread only finds line ends and
// counts them; splitting and routing happen on the worker threads.
import UIMPlatform

/// Splits one plain input into chunks of about `blockSize` bytes, each made of whole lines ending in `\n`. A CR before
/// a `\n` is part of the line end and is dropped here, on the reader thread, so the routing threads' loop over a
/// chunk's lines stays as lean as for LF files (a chunk without CR, the common case, costs one `memchr`).
///
/// Memory stays bounded: a line longer than `blockSize` is cut to its first `blockSize` bytes (it is `invalid`
/// anyway: longer than 512 bytes) and the rest of it is skipped.
package struct PlainChunker {
    private let source: ByteSource
    private let blockSize: Int
    private var carry: [UInt8] = []
    private var skipping = false
    private(set) var nextLine = 1

    package init(source: ByteSource, blockSize: Int) {
        self.source = source
        self.blockSize = max(blockSize, 1024)
    }

    /// The next chunk's bytes and first line, or nil at the end of the input.
    package mutating func next() throws(ReadStop) -> (bytes: [UInt8], firstLine: Int)? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(blockSize + (1 << 16))
        swap(&bytes, &carry)
        carry.reserveCapacity(0)
        while true {
            while bytes.count < blockSize, try source.read(appendingTo: &bytes) > 0 {}
            if skipping {
                if let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) {
                    bytes.removeSubrange(0...newline)
                    skipping = false
                    continue
                }
                bytes.removeAll(keepingCapacity: true)
                if source.atEOF { return nil }
                continue
            }
            if bytes.isEmpty { return nil }
            if let lastNewline = bytes.lastIndex(of: UInt8(ascii: "\n")) {
                if lastNewline + 1 < bytes.count {
                    carry = Array(bytes[(lastNewline + 1)...])
                    bytes.removeSubrange((lastNewline + 1)...)
                }
            } else if source.atEOF {
                bytes.append(UInt8(ascii: "\n"))
            } else {
                // One line fills the whole block: keep its start, drop the rest of it.
                bytes.removeSubrange(blockSize...)
                bytes.append(UInt8(ascii: "\n"))
                skipping = true
            }
            let firstLine = nextLine
            nextLine += Self.countNewlines(bytes)
            Self.dropCarriageReturns(&bytes)
            return (bytes, firstLine)
        }
    }

    /// Removes every CR that comes just before a `\n` (CRLF line ends), in place.
    static func dropCarriageReturns(_ bytes: inout [UInt8]) {
        let count = bytes.count
        let kept = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
            guard let base = buffer.baseAddress, let first = Syscalls.firstIndex(of: 0x0D, in: base, count: count)
            else { return count }
            var read = first
            var write = read
            while read < count {
                let byte = base[read]
                if byte != 0x0D || read + 1 >= count || base[read + 1] != 0x0A {
                    base[write] = byte
                    write += 1
                }
                read += 1
            }
            return write
        }
        if kept < count { bytes.removeSubrange(kept...) }
    }

    /// The number of `\n` bytes, eight at a time: for `y = word ^ 0x0A…`, `~(((y & 0x7F…) + 0x7F…) | y | 0x7F…)` has
    /// the top bit set exactly in the bytes where `y` is zero (no carry crosses bytes).
    static func countNewlines(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            let raw = UnsafeRawPointer(base)
            let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            var count = 0
            var index = 0
            while index + 8 <= buffer.count {
                let y = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
                // The flags, moved to the low bit of each byte, summed into the top byte by one multiplication.
                count &+= Int(((~(((y & low7) &+ low7) | y | low7) >> 7) &* 0x0101_0101_0101_0101) >> 56)
                index += 8
            }
            while index < buffer.count {
                count &+= base[index] == 0x0A ? 1 : 0
                index += 1
            }
            return count
        }
    }
}
