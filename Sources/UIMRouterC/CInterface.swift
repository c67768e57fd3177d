// The C interface declared in include/uim_router.h: a handle owns a ReloadingRouter and a pool of routing contexts
// (one per concurrently routing thread), so any number of threads can route and reload with one handle.
import Synchronization
import UIMRouter

#if canImport(Glibc)
import Glibc
#endif

/// What a `uim_router *` points to.
final class RouterHandle: Sendable {
    let holder: ReloadingRouter
    let directory: String?
    /// Idle contexts; a routing call takes one (or makes one) and puts it back. The lock is held only for the
    /// pop and the push, never while routing or compiling.
    // Safety: a RoutingContext is used by one thread at a time: it is out of the pool while a call uses it.
    nonisolated(unsafe) private let pool = Mutex<[RoutingContextBox]>([])

    init(holder: ReloadingRouter, directory: String?) {
        self.holder = holder
        self.directory = directory
    }

    func withContext<T>(_ body: (RoutingContext) -> T) -> T {
        let box = pool.withLock { $0.popLast() } ?? RoutingContextBox(holder.makeContext())
        defer { pool.withLock { $0.append(box) } }
        return body(box.context)
    }
}

/// Carries a context in and out of the pool.
// Safety: only ever used by the one thread that took it out of the pool.
final class RoutingContextBox: @unchecked Sendable {
    let context: RoutingContext
    init(_ context: RoutingContext) { self.context = context }
}

private func handle(_ pointer: OpaquePointer?) -> RouterHandle? {
    guard let pointer else { return nil }
    return Unmanaged<RouterHandle>.fromOpaque(UnsafeRawPointer(pointer)).takeUnretainedValue()
}

private func give(_ text: String, to out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) {
    guard let out else { return }
    out.pointee = strdup(text)
}

private func diagnosticsText(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map(\.description).joined(separator: "\n")
}

/// `uim_router_open` of uim_router.h: a handle for the registry folder (NULL: bundled), or NULL and the diagnostics.
@_cdecl("uim_router_open")
public func uim_router_open(_ directory: UnsafePointer<CChar>?,
                            _ diagnostics: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> OpaquePointer? {
    let folder = directory.map { String(cString: $0) }
    do throws(RegistryError) {
        let registry = if let folder { try Registry.load(from: folder, examples: .warnings) }
            else { try BundledRegistry.load(examples: .warnings) }
        let holder = ReloadingRouter(router: try Router(registry: registry))
        diagnostics?.pointee = nil
        return OpaquePointer(Unmanaged.passRetained(RouterHandle(holder: holder, directory: folder)).toOpaque())
    } catch {
        give(diagnosticsText(error.diagnostics), to: diagnostics)
        return nil
    }
}

/// `uim_router_route` of uim_router.h: the JSON line into `buffer`; the length needed when it does not fit.
@_cdecl("uim_router_route")
public func uim_router_route(_ pointer: OpaquePointer?, _ uim: UnsafePointer<CChar>?, _ date: UnsafePointer<CChar>?,
                             _ buffer: UnsafeMutablePointer<CChar>?, _ capacity: Int) -> Int {
    guard let handle = handle(pointer), let uim else { return -1 }
    let day: Day
    if let date {
        guard let parsed = Day(iso: String(cString: date)) else { return -1 }
        day = parsed
    } else {
        day = Day.today()
    }
    let input = UnsafeBufferPointer(start: UnsafeRawPointer(uim).assumingMemoryBound(to: UInt8.self),
                                    count: strlen(uim))
    var line = handle.withContext { $0.route(utf8: input, on: day) }.json
    return line.withUTF8 { bytes in
        guard let buffer, bytes.count < capacity else {
            if let buffer, capacity > 0 { buffer[0] = 0 }
            return bytes.count
        }
        UnsafeMutableRawPointer(buffer).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        buffer[bytes.count] = 0
        return bytes.count
    }
}

/// `uim_router_reload` of uim_router.h: 0 when the new registry is in service, -1 (old one kept) and diagnostics.
@_cdecl("uim_router_reload")
public func uim_router_reload(_ pointer: OpaquePointer?, _ directory: UnsafePointer<CChar>?,
                              _ diagnostics: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    guard let handle = handle(pointer) else { return -1 }
    diagnostics?.pointee = nil
    let outcome: ReloadingRouter.Outcome
    if let folder = directory.map({ String(cString: $0) }) ?? handle.directory {
        outcome = handle.holder.reload(from: folder)
    } else {
        do throws(RegistryError) {
            outcome = handle.holder.reload(registry: try BundledRegistry.load(examples: .warnings))
        } catch {
            outcome = .failed(error.diagnostics)
        }
    }
    switch outcome {
    case .reloaded: return 0
    case .failed(let problems):
        give(diagnosticsText(problems), to: diagnostics)
        return -1
    }
}

/// `uim_router_digest` of uim_router.h: the digest of the registry in service, 64 hex digits and a NUL.
@_cdecl("uim_router_digest")
public func uim_router_digest(_ pointer: OpaquePointer?, _ buffer: UnsafeMutablePointer<CChar>?,
                              _ capacity: Int) -> Int32 {
    guard let handle = handle(pointer), let buffer, capacity >= 65 else { return -1 }
    let digest = Array(handle.holder.router.registryDigest.utf8CString)
    for (k, byte) in digest.prefix(65).enumerated() { buffer[k] = byte }
    return 0
}

/// `uim_router_close` of uim_router.h: releases the handle.
@_cdecl("uim_router_close")
public func uim_router_close(_ pointer: OpaquePointer?) {
    guard let pointer else { return }
    Unmanaged<RouterHandle>.fromOpaque(UnsafeRawPointer(pointer)).release()
}

/// `uim_router_free_string` of uim_router.h: frees a diagnostics string.
@_cdecl("uim_router_free_string")
public func uim_router_free_string(_ text: UnsafeMutablePointer<CChar>?) {
    free(text)
}
