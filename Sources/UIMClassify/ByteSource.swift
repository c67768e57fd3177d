// Reads one input descriptor in blocks. It waits in short polls rather than one blocking read, so a cancellation
// (Ctrl-C) is seen even while a pipe or a terminal has nothing to say.
import UIMPlatform

/// Why reading stopped early.
package enum ReadStop: Error {
    case cancelled
    case failed(errno: Int32)
}

/// Raw bytes from one file descriptor, with the count read so far. Used by one thread.
package final class ByteSource {
    let descriptor: Int32
    private let stops: [ClassificationCancellation]
    /// Bytes read so far.
    private(set) var bytesRead = 0
    /// True once `read` has returned 0.
    private(set) var atEOF = false
    private var block: [UInt8]
    private var sawFirstBytes = false
    /// True when the last byte read is not a line feed (the input so far ends inside a line).
    private(set) var endsInsideLine = false

    package init(descriptor: Int32, stops: [ClassificationCancellation], blockSize: Int = 1 << 16) {
        self.descriptor = descriptor
        self.stops = stops
        self.block = [UInt8](repeating: 0, count: blockSize)
    }

    /// Appends up to one block of input to `buffer` (skipping a UTF-8 byte-order mark at the very start).
    /// Returns the number of bytes appended: 0 only at the end of the input.
    func read(appendingTo buffer: inout [UInt8]) throws(ReadStop) -> Int {
        if atEOF { return 0 }
        while true {
            if stops.contains(where: \.isCancelled) { throw .cancelled }
            let ready = Syscalls.waitReadable(descriptor, milliseconds: 100)
            if ready == 0 { continue }
            if ready < 0 {
                if Syscalls.errno == ErrorCode.interrupted { continue }
                throw .failed(errno: Syscalls.errno)
            }
            let count = block.withUnsafeMutableBytes { raw in
                Syscalls.read(descriptor, raw.baseAddress, raw.count)
            }
            if count < 0 {
                let code = Syscalls.errno
                if code == ErrorCode.interrupted || code == ErrorCode.wouldBlock { continue }
                throw .failed(errno: code)
            }
            if count == 0 {
                atEOF = true
                return 0
            }
            bytesRead += count
            var start = 0
            if !sawFirstBytes {
                sawFirstBytes = true
                // Spreadsheet exports often begin with a byte-order mark; it is not part of the first UIM.
                if count >= 3, block[0] == 0xEF, block[1] == 0xBB, block[2] == 0xBF { start = 3 }
            }
            block.withUnsafeBufferPointer { buffer.append(contentsOf: $0[start..<count]) }
            if count > start { endsInsideLine = block[count - 1] != UInt8(ascii: "\n") }
            if count > start { return count - start }
        }
    }
}
