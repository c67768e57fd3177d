// An output file that appears under its name only when complete: written as a temporary file in the same folder
// and renamed over the name at the end, so an interrupted run never leaves a file that looks finished.
import Glibc

/// A file written under a temporary name (`.NAME.partial-XXXXXX`, beside it) and renamed to `path` by
/// ``commit()``. Until then `path` is untouched; ``discard()`` (or deinit) removes the temporary file.
///
/// When `path` names something that is not a regular file (`/dev/null`, `/dev/stdout`, a FIFO), it is written
/// directly: such a target cannot look finished, and renaming over it would replace a device with a file. A
/// symbolic link is followed, so the link stays and its target is replaced.
package final class AtomicOutputFile {
    /// The final path (a symbolic link resolved).
    public let path: String
    /// The temporary file's path (nil when `path` is written directly).
    public let temporaryPath: String?
    /// The open descriptor to write to.
    public let descriptor: Int32
    private var open = true
    private var done = false

    /// Creates the temporary file beside `path` (or opens `path` itself when it is not a regular file).
    public init(path given: String) throws(OutputError) {
        var path = given
        if let resolved = realpath(given, nil) {
            path = String(cString: resolved)
            free(resolved)
        }
        self.path = path
        var status = stat()
        if stat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG {
            let descriptor = openForWriting(path)
            guard descriptor >= 0 else { throw OutputError(code: errno) }
            self.descriptor = descriptor
            temporaryPath = nil
            return
        }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(folder).\(name).partial-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw OutputError(code: errno) }
        self.descriptor = descriptor
        temporaryPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // mkstemp makes the file private (0600); give it the permissions a plain create would.
        let mask = umask(0)
        umask(mask)
        fchmod(descriptor, 0o666 & ~mask)
    }

    /// Makes the file durable and renames it to ``path``.
    public func commit() throws(OutputError) {
        guard !done else { return }
        guard let temporaryPath else {
            open = false
            done = true
            if close(descriptor) != 0 { throw OutputError(code: errno) }
            return
        }
        if fsync(descriptor) != 0, errno != EINVAL {
            let code = errno
            discard()
            throw OutputError(code: code)
        }
        open = false
        if close(descriptor) != 0 {
            let code = errno
            discard()
            throw OutputError(code: code)
        }
        if rename(temporaryPath, path) != 0 {
            let code = errno
            discard()
            throw OutputError(code: code)
        }
        done = true
    }

    /// Removes the temporary file; ``path`` is left as it was.
    public func discard() {
        guard !done else { return }
        if open {
            close(descriptor)
            open = false
        }
        if let temporaryPath { unlink(temporaryPath) }
        done = true
    }

    deinit { discard() }
}

private func openForWriting(_ path: String) -> Int32 {
    Glibc.open(path, O_WRONLY | O_CLOEXEC)
}
