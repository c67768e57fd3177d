// One read of a registry folder for trust: the bytes of every Party file the loader would read and of
// `_release.json`. Verification and loading both use these same bytes, so a file changed between the check and the
// load cannot slip in.
import Foundation
import UIMRegistry

/// The bytes of a registry folder's Party files and manifest, read once.
package struct ReleaseFolder {
    /// The folder as named.
    var directory: String
    /// Party files by name (`KE.yaml`), as the loader selects them: `*.yaml`, not starting with `.` or `_`.
    var files: [String: [UInt8]]
    /// The bytes of `_release.json`, nil when there is none.
    var manifest: [UInt8]?

    package init(directory: String, files: [String: [UInt8]], manifest: [UInt8]?) {
        self.directory = directory
        self.files = files
        self.manifest = manifest
    }

    var prefix: String { directory.hasSuffix("/") ? directory : directory + "/" }
    var manifestPath: String { prefix + ReleaseManifest.fileName }

    /// Reads `directory`; nil when it cannot be listed or a Party file cannot be read (the loader then says why).
    static func read(_ directory: String) -> ReleaseFolder? {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory) else { return nil }
        var folder = ReleaseFolder(directory: directory, files: [:], manifest: nil)
        for name in names where name.hasSuffix(".yaml") && !name.hasPrefix(".") && !name.hasPrefix("_") {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: folder.prefix + name, isDirectory: &isFolder), !isFolder.boolValue else {
                continue
            }
            guard let data = manager.contents(atPath: folder.prefix + name) else { return nil }
            folder.files[name] = Array(data)
        }
        folder.manifest = manager.contents(atPath: folder.manifestPath).map { Array($0) }
        return folder
    }

    /// The Party files as (path, text) for ``Registry/load(files:source:examples:)``, or the diagnostics of files
    /// that are not UTF-8.
    func texts() -> (files: [(path: String, text: String)], problems: [Diagnostic]) {
        var texts: [(path: String, text: String)] = []
        var problems: [Diagnostic] = []
        for name in files.keys.sorted() {
            let path = prefix + name
            if let text = String(validating: files[name] ?? [], as: UTF8.self) {
                texts.append((path, text))
            } else {
                problems.append(
                    Diagnostic(
                        .io, at: SourceLocation(file: path, line: 1, column: 1),
                        "this file is not valid UTF-8; save it as UTF-8"))
            }
        }
        return (texts, problems)
    }

    /// `sha256:…` of every Party file by name.
    var fileDigests: [String: String] { files.mapValues { ReleaseKeys.sha256($0) } }

    /// Writes `manifest` as `_release.json`, through a temporary `_` file renamed into place.
    func write(_ manifest: ReleaseManifest) throws(RegistryError) {
        let temporary = prefix + "_release.json.tmp"
        let location = SourceLocation(file: manifestPath, line: 1, column: 1)
        do {
            try Data(manifest.canonicalBytes).write(to: URL(fileURLWithPath: temporary))
        } catch {
            throw RegistryError([Diagnostic(.io, at: location, "cannot write the release manifest: \(error)")])
        }
        guard rename(temporary, manifestPath) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw RegistryError([Diagnostic(.io, at: location, "cannot write the release manifest: \(reason)")])
        }
    }
}
