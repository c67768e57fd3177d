// An output file that appears under its name only when complete: written as a temporary file in the same folder
// and renamed over the name at the end, so an interrupted run never leaves a file that looks finished.
import UIMPlatform

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
        let path = Syscalls.resolvedPath(given) ?? given
        self.path = path
        if Syscalls.isOtherThanRegularFile(path) {
            let descriptor = Syscalls.openForWriting(path)
            guard descriptor >= 0 else { throw OutputError(code: Syscalls.errno) }
            self.descriptor = descriptor
            temporaryPath = nil
            return
        }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard let made = Syscalls.createUnique(template: "\(folder).\(name).partial-XXXXXX") else {
            throw OutputError(code: Syscalls.errno)
        }
        descriptor = made.descriptor
        temporaryPath = made.path
    }

    /// Makes the file durable and renames it to ``path``.
    public func commit() throws(OutputError) {
        guard !done else { return }
        guard let temporaryPath else {
            open = false
            done = true
            if Syscalls.close(descriptor) != 0 { throw OutputError(code: Syscalls.errno) }
            return
        }
        if Syscalls.fsync(descriptor) != 0, Syscalls.errno != ErrorCode.invalid {
            let code = Syscalls.errno
            discard()
            throw OutputError(code: code)
        }
        open = false
        if Syscalls.close(descriptor) != 0 {
            let code = Syscalls.errno
            discard()
            throw OutputError(code: code)
        }
        if Syscalls.rename(temporaryPath, path) != 0 {
            let code = Syscalls.errno
            discard()
            throw OutputError(code: code)
        }
        done = true
    }

    /// Removes the temporary file; ``path`` is left as it was.
    public func discard() {
        guard !done else { return }
        if open {
            Syscalls.close(descriptor)
            open = false
        }
        if let temporaryPath { Syscalls.unlink(temporaryPath) }
        done = true
    }

    deinit { discard() }
}
