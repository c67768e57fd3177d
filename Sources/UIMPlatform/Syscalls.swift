// Every system call the library makes goes through here (swift-system's `Internals/Syscalls.swift`): one file to read
// for what UIMRouter asks of the operating system, and the only place a module below the CLI needs `Glibc` for.
// Linux (Glibc) is the supported platform: it is what is built and tested, so there is no other branch here.
import Glibc

/// The system calls of the library, as thin wrappers with Swift types (no C type crosses this file's boundary).
package enum Syscalls {
    // MARK: - Clocks

    /// Nanoseconds on the monotonic clock (for intervals).
    @inline(__always)
    package static func monotonicNanoseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1_000_000_000 + now.tv_nsec
    }

    /// Seconds since 1970-01-01T00:00:00Z on the real-time clock.
    package static func realtimeSeconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return now.tv_sec
    }

    // MARK: - Files

    /// `read(2)`: bytes read, 0 at the end, -1 on error (see ``errno``).
    @inline(__always)
    package static func read(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        Glibc.read(descriptor, buffer, count)
    }

    /// `write(2)`: bytes written, -1 on error (see ``errno``).
    @inline(__always)
    package static func write(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        Glibc.write(descriptor, buffer, count)
    }

    /// `open(2)` for reading, close-on-exec: a descriptor, or -1.
    package static func openForReading(_ path: String) -> Int32 {
        Glibc.open(path, O_RDONLY | O_CLOEXEC)
    }

    /// `open(2)` of an existing file for writing, close-on-exec: a descriptor, or -1.
    package static func openForWriting(_ path: String) -> Int32 {
        Glibc.open(path, O_WRONLY | O_CLOEXEC)
    }

    /// `close(2)`.
    @discardableResult
    package static func close(_ descriptor: Int32) -> Int32 { Glibc.close(descriptor) }

    /// `fsync(2)`.
    package static func fsync(_ descriptor: Int32) -> Int32 { Glibc.fsync(descriptor) }

    /// `rename(2)`.
    package static func rename(_ from: String, _ to: String) -> Int32 { Glibc.rename(from, to) }

    /// `unlink(2)`.
    @discardableResult
    package static func unlink(_ path: String) -> Int32 { Glibc.unlink(path) }

    /// `isatty(3)`: whether `descriptor` is a terminal.
    package static func isTerminal(_ descriptor: Int32) -> Bool { Glibc.isatty(descriptor) != 0 }

    // MARK: - Errors, environment, machine

    /// The calling thread's `errno`.
    package static var errno: Int32 { Glibc.errno }

    /// `strerror(3)` of `code`.
    package static func errorMessage(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// The value of environment variable `name`, or `nil`.
    package static func environment(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

    /// Processors online (at least 1).
    package static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    // MARK: - Memory

    /// `memchr(3)`: the offset of the first `byte` in `count` bytes at `base`, or `nil`.
    @inline(__always)
    package static func firstIndex(of byte: UInt8, in base: UnsafeRawPointer, count: Int) -> Int? {
        guard let found = memchr(base, Int32(byte), count) else { return nil }
        return UnsafeRawPointer(found) - base
    }

    /// `strlen(3)` of a NUL-terminated C string.
    package static func length(of string: UnsafePointer<CChar>) -> Int { strlen(string) }
}

/// The `errno` values the library tells apart.
package enum ErrorCode {
    /// `EINTR`: a signal interrupted the call; try again.
    package static let interrupted = EINTR
    /// `EAGAIN`: nothing to read yet on a non-blocking descriptor.
    package static let wouldBlock = EAGAIN
    /// `EPIPE`: the reader of a pipe has gone.
    package static let brokenPipe = EPIPE
    /// `ENOENT`: no such file.
    package static let notFound = ENOENT
    /// `EINVAL`: an invalid argument.
    package static let invalid = EINVAL
}

extension Syscalls {
    /// `poll(2)` for input on one descriptor: > 0 when readable (or at its end), 0 after `milliseconds` without,
    /// -1 on error (see ``errno``).
    package static func waitReadable(_ descriptor: Int32, milliseconds: Int32) -> Int32 {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, milliseconds)
    }
}

extension Syscalls {
    /// `getrusage(2)`: the peak resident set size of this process, in KiB.
    package static func peakResidentKiB() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss
    }
}

extension Syscalls {
    /// `stat(2)`: whether `path` names a folder.
    package static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// `access(2)` with `F_OK`: whether `path` exists.
    package static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// `access(2)` with `R_OK`: whether this process may read `path`.
    package static func isReadable(_ path: String) -> Bool { access(path, R_OK) == 0 }

    /// `open(2)` with `O_CREAT | O_EXCL` for writing: a new file with permission bits `mode` (set again with
    /// `fchmod(2)` so that the umask neither widens nor narrows them), or -1 when it exists or cannot be created.
    package static func createExclusive(_ path: String, mode: UInt32) -> Int32 {
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL, mode_t(mode))
        if descriptor >= 0 { _ = fchmod(descriptor, mode_t(mode)) }
        return descriptor
    }
}

extension Syscalls {
    /// `realpath(3)`: `path` with symbolic links, `.` and `..` resolved, or `nil` when it does not exist.
    package static func resolvedPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `stat(2)`: whether `path` exists and is something other than a regular file (a pipe, a device, a folder).
    package static func isOtherThanRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG
    }

    /// `mkstemp(3)` of `template` (ending in `XXXXXX`), then the permission bits a plain create would give (0666
    /// less the umask; `mkstemp` makes the file private): the descriptor and the name made, or `nil` (see ``errno``).
    package static func createUnique(template: String) -> (descriptor: Int32, path: String)? {
        var bytes = Array(template.utf8CString)
        let descriptor = bytes.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        let mask = umask(0)
        umask(mask)
        fchmod(descriptor, 0o666 & ~mask)
        return (descriptor, String(decoding: bytes.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
}
