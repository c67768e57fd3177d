// The C interface's trusted open (issue 16): a handle whose registry, first and at every reload, must be a signed
// release that verifies against the given public keys; and the release version of the registry in service.
import UIMRouter

#if canImport(Glibc)
    import Glibc
#endif

/// `uim_router_open_trusted` of uim_router.h: like `uim_router_open`, but the folder's release must verify against
/// the `count` public key files in `key_paths` (at least `threshold` of them signed it), now and at every reload of
/// the handle, and a reload to an older release is refused.
@_cdecl("uim_router_open_trusted")
public func uim_router_open_trusted(
    _ directory: UnsafePointer<CChar>?,
    _ keyPaths: UnsafePointer<UnsafePointer<CChar>?>?, _ count: Int,
    _ threshold: Int32,
    _ diagnostics: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
)
    -> OpaquePointer?
{
    diagnostics?.pointee = nil
    guard let directory, let keyPaths, count > 0 else {
        diagnostics?.pointee = strdup("uim_router_open_trusted: a registry folder and at least one key file are needed")
        return nil
    }
    let paths = (0..<count).compactMap { keyPaths[$0].map { String(cString: $0) } }
    let folder = String(cString: directory)
    do throws(RegistryError) {
        let policy = try TrustPolicy.read(keyFiles: paths, threshold: Int(threshold))
        let holder = try ReloadingRouter(directory: folder, trust: policy)
        return OpaquePointer(Unmanaged.passRetained(RouterHandle(holder: holder, directory: folder)).toOpaque())
    } catch {
        diagnostics?.pointee = strdup(error.diagnostics.map(\.description).joined(separator: "\n"))
        return nil
    }
}

/// `uim_router_release_version` of uim_router.h: the version of the verified release in service, 0 when the
/// registry in service is not a verified release, -1 for a NULL handle.
@_cdecl("uim_router_release_version")
public func uim_router_release_version(_ pointer: OpaquePointer?) -> Int {
    guard let pointer else { return -1 }
    let handle = Unmanaged<RouterHandle>.fromOpaque(UnsafeRawPointer(pointer)).takeUnretainedValue()
    guard let release = handle.holder.router.registry.release, release.verified else { return 0 }
    return release.version
}
