// Reads lines of raw bytes from a file descriptor, so invalid UTF-8 reaches the normaliser untouched
// (String-based line reading would silently repair it). One buffer, reused.
import UIMPlatform

/// Reads `\n`-terminated lines as bytes. A last line without `\n` is still a line; an empty input has none. A CR
/// before the `\n` (or ending the input) is part of the line end, as in every input format of the tool.
package final class LineReader {
    private let descriptor: Int32
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEOF = false
    /// Called before a read that may block (to flush pending output for interactive use).
    public var willBlock: (() -> Void)?

    /// A reader of `descriptor` (0 for standard input).
    public init(descriptor: Int32, bufferSize: Int = 1 << 16) {
        self.descriptor = descriptor
        self.buffer = [UInt8](repeating: 0, count: bufferSize)
    }

    /// Calls `body` with each line's bytes (without its `\n` or `\r\n`), in order. Returns `false` on a read error.
    public func forEachLine(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows -> Bool {
        while true {
            // A complete line in the buffer?
            if let newline = buffer[start..<end].firstIndex(of: UInt8(ascii: "\n")) {
                try buffer.withUnsafeBufferPointer { try body(Self.line($0, start, newline)) }
                start = newline + 1
                continue
            }
            if atEOF {
                if start < end {
                    try buffer.withUnsafeBufferPointer { try body(Self.line($0, start, end)) }
                    start = end
                }
                return true
            }
            // Compact, grow if one line fills the buffer, then read more.
            if start > 0 {
                buffer.withUnsafeMutableBufferPointer { pointer in
                    let base = pointer.baseAddress!
                    base.update(from: base + start, count: end - start)
                }
                end -= start
                start = 0
            }
            if end == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
            willBlock?()
            let count = buffer.withUnsafeMutableBufferPointer { pointer in
                Syscalls.read(descriptor, pointer.baseAddress! + end, pointer.count - end)
            }
            if count < 0 {
                if Syscalls.errno == ErrorCode.interrupted { continue }
                return false
            }
            if count == 0 { atEOF = true } else { end += count }
        }
    }

    /// `buffer[start..<end]` without a final CR.
    @inline(__always)
    private static func line(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
        -> UnsafeBufferPointer<UInt8> {
        let last = end > start && buffer[end - 1] == 0x0D ? end - 1 : end
        return UnsafeBufferPointer(rebasing: buffer[start..<last])
    }
}
