// Buffered output to a file descriptor that reports write failures (disk full, closed pipe) instead of
// silently truncating.
import UIMPlatform

/// A write to the output failed.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// The `errno` of the failed write.
    public var code: Int32
    /// What failed, with the system's words.
    public var description: String { "cannot write output: \(Syscalls.errorMessage(code))" }
}

/// Collects output bytes and writes them to a file descriptor in large blocks.
package final class OutputSink {
    private let descriptor: Int32
    private var pending: [UInt8] = []
    private let threshold: Int

    /// A sink writing to `descriptor` (1 for standard output) once `threshold` bytes are pending.
    public init(descriptor: Int32, threshold: Int = 1 << 16) {
        self.descriptor = descriptor
        self.threshold = threshold
        pending.reserveCapacity(threshold + 4096)
    }

    /// Appends bytes; writes when enough are pending.
    public func write(_ bytes: some Collection<UInt8>) throws(OutputError) {
        pending.append(contentsOf: bytes)
        if pending.count >= threshold { try flush() }
    }

    /// Appends a string's UTF-8 bytes.
    public func write(_ text: String) throws(OutputError) {
        try write(text.utf8)
    }

    /// Writes everything pending.
    public func flush() throws(OutputError) {
        var offset = 0
        while offset < pending.count {
            let written = pending.withUnsafeBytes { raw in
                Syscalls.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if Syscalls.errno == ErrorCode.interrupted { continue }
                let code = Syscalls.errno
                pending.removeAll(keepingCapacity: true)
                throw OutputError(code: code)
            }
            offset += written
        }
        pending.removeAll(keepingCapacity: true)
    }
}
