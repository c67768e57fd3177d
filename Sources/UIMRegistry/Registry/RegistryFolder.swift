// The files of a registry folder, as the contract defines them: `<PARTY>.yaml` directly in the folder, names starting
// with `.` or `_` ignored. Every reader of a folder (loading, `check-submission`, `fmt`) lists it here, so they all
// read the same files the same way (``RegistryText``), and anything else in the folder is named in a warning: a
// `KE.yml` skipped in silence looks to its author like a file that was checked.
import Foundation

/// Lists and reads a registry folder.
package enum RegistryFolder {
    /// What a folder holds: the paths of its registry files (sorted by name), warnings about the entries that are not
    /// read, and the problem that kept the folder from being listed at all.
    package struct Listing {
        package var paths: [String] = []
        package var warnings: [Diagnostic] = []
        package var problems: [Diagnostic] = []
    }

    /// Lists `directory`. A folder that does not exist, is not a folder or cannot be listed is a problem; one without
    /// any registry file too.
    package static func list(_ directory: String) -> Listing {
        var listing = Listing()
        let manager = FileManager.default
        let folder = SourceLocation(file: directory, line: 1, column: 1)
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            listing.problems.append(
                Diagnostic(
                    .io, at: folder,
                    "registry folder '\(directory)' does not exist; name an existing folder of <PARTY>.yaml files"))
            return listing
        }
        guard isDirectory.boolValue else {
            listing.problems.append(
                Diagnostic(
                    .io, at: folder, "'\(directory)' is not a folder; name the folder that holds the <PARTY>.yaml files"
                ))
            return listing
        }
        guard let names = try? manager.contentsOfDirectory(atPath: directory) else {
            listing.problems.append(
                Diagnostic(.io, at: folder, "cannot list registry folder '\(directory)'; check that it is readable"))
            return listing
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        for name in names.sorted() where !name.hasPrefix(".") && !name.hasPrefix("_") {
            var isFolder: ObjCBool = false
            _ = manager.fileExists(atPath: prefix + name, isDirectory: &isFolder)
            if name.hasSuffix(".yaml") && !isFolder.boolValue {
                listing.paths.append(prefix + name)
            } else {
                listing.warnings.append(
                    Diagnostic(
                        .unreadFile, at: SourceLocation(file: prefix + name, line: 1, column: 1),
                        unreadAdvice(name, isFolder: isFolder.boolValue), severity: .warning))
            }
        }
        if listing.paths.isEmpty {
            listing.problems.append(
                Diagnostic(
                    .io, at: folder,
                    "registry folder '\(directory)' has no .yaml file; add one <PARTY>.yaml file per Party "
                        + "(names starting with '.' or '_' are ignored)"))
        }
        return listing
    }

    /// Lists `directory` and reads its registry files with ``RegistryText``; a file that cannot be read or is not
    /// UTF-8 is a problem and is left out.
    package static func read(_ directory: String) -> (files: [(path: String, text: String)], listing: Listing) {
        var listing = list(directory)
        var files: [(path: String, text: String)] = []
        for path in listing.paths {
            switch RegistryText.read(path: path) {
            case .success(let text): files.append((path, text.text))
            case .failure(let problem): listing.problems.append(problem)
            }
        }
        return (files, listing)
    }

    /// What to do about an entry of the folder that is not read.
    private static func unreadAdvice(_ name: String, isFolder: Bool) -> String {
        let hide = "or start its name with '_' to keep it out of the registry"
        if isFolder {
            return "'\(name)' is a folder and is not read: registry files sit directly in the registry folder; "
                + "move its files up, \(hide)"
        }
        let dot = name.lastIndex(of: ".")
        let stem = dot.map { String(name[..<$0]) } ?? name
        let ext = dot.map { String(name[name.index(after: $0)...]) } ?? ""
        switch ext.lowercased() {
        case "yaml", "yml":
            return "'\(name)' is not read: only files named <PARTY>.yaml are; rename it to \(stem).yaml, \(hide)"
        case "json":
            return "'\(name)' is not read: registry files are YAML named <PARTY>.yaml; write it as \(stem).yaml, "
                + hide
        default:
            return "'\(name)' is not read: only files named <PARTY>.yaml are; remove it from the registry folder, "
                + hide
        }
    }
}
