// In-memory files (memfd) for the code under test that reads and writes file descriptors (the classifier).
import CFuzzerDriver
#if canImport(Glibc)
import Glibc
#endif

/// An anonymous in-memory file; closed on deinit.
public final class MemoryFile {
    public let descriptor: Int32

    /// An empty file, or one holding `bytes` with the offset rewound to 0.
    public init(_ bytes: [UInt8] = []) {
        let fd = fuzz_memfd()
        if fd < 0 { fuzzFailure("memfd_create failed: errno \(errno)") }
        descriptor = fd
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if written <= 0 { fuzzFailure("write to memfd failed: errno \(errno)") }
            offset += written
        }
        rewind()
    }

    deinit { close(descriptor) }

    /// Moves the offset back to the start.
    public func rewind() { lseek(descriptor, 0, SEEK_SET) }

    /// The whole content (the offset ends at the end).
    public func contents() -> [UInt8] {
        rewind()
        var result: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 { fuzzFailure("read from memfd failed: errno \(errno)") }
            if count == 0 { return result }
            result += block[0..<count]
        }
    }
}
