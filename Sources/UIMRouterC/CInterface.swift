// The C interface declared in include/uim_router.h: opening, JSON routing of one UIM, reloading, digest, closing.
// The handle and its per-thread contexts are in RouterHandle.swift; decide, batch and version in CInterface+Decide.swift.
import UIMRouter

#if canImport(Glibc)
import Glibc
#endif

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
        let router = if let folder { try Router(loading: folder, examples: .warnings) }
            else { try BundledRegistry.loadRouter(examples: .warnings) }
        let holder = ReloadingRouter(router: router)
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
    var line = handle.withContext { $0.context.route(utf8: input, on: day) }.json
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
            outcome = handle.holder.reload(router: try BundledRegistry.loadRouter(
                examples: .warnings, options: handle.holder.router.options))
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
