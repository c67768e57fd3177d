// Reads registry files (format 1, see the registry-format contract) into a `Registry`, reporting every problem of
// every file at once, each with the file, line and column an editor can jump to.
//
// The YAML is composed into Yams `Node`s and walked by hand rather than decoded with Codable: every key and value
// then keeps its `Mark`, and one file can yield many diagnostics instead of the first decoding error.
//
// Files: this one (entry points, folder listing, ordering), `+File` (one file: top level and `party`),
// `+Pattern` (one pattern entry), `+Values` (typed reads of nodes), `+Locations` (syntax errors, regex columns),
// `+Hints` (did-you-mean).
import Foundation
import Yams

/// Loads registry folders and files into a ``Registry`` plus the ``Diagnostic``s found on the way.
///
/// Never stops at the first problem: every file is parsed, every problem reported. The returned registry holds
/// what parsed cleanly (see ``parse(files:)``); a caller that gets any diagnostic must not route with it.
enum RegistryLoader {
    /// The format versions this loader reads.
    static let supportedFormats = [1]

    /// Lists `directory`, reads every `*.yaml` directly in it whose name does not start with `.` or `_` (sorted by
    /// name) and parses them. Unreadable folders or files, non-UTF-8 files and a folder without YAML files are
    /// diagnostics (code ``Diagnostic/Code/io``) at line 1, column 1.
    static func load(directory: String) -> (registry: Registry, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let files = readFiles(in: directory, diagnostics: &diagnostics)
        var result = parse(files: files)
        result.registry.source = directory
        return (result.registry, sorted(diagnostics + result.diagnostics))
    }

    /// Parses `files` (each path as the user named it, e.g. `Patterns/KE.yaml`; the file name without `.yaml` is the
    /// expected Party code), in the order given.
    ///
    /// The registry holds every Party whose file composed into a mapping with a `party` mapping (values that are
    /// missing or wrong fall back to the file name and `false`), and every pattern whose entry had no diagnostic
    /// and whose id was not already used. Diagnostics are sorted by file, line and column.
    static func parse(files: [(path: String, text: String)]) -> (registry: Registry, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var parties: [Party] = []
        var patterns: [PatternSpec] = []
        var firstUse: [String: SourceLocation] = [:]
        for file in files {
            var parser = FileParser(path: file.path, text: file.text)
            let parsed = parser.parse()
            diagnostics += parser.diagnostics
            if let party = parsed.party { parties.append(party) }
            for pattern in parsed.patterns {
                if let first = firstUse[pattern.id] {
                    diagnostics.append(
                        Diagnostic(
                            .duplicateID, at: pattern.idLocation,
                            "pattern id '\(pattern.id)' is already used at \(first.file):\(first.line); "
                                + "give each pattern an id of its own"))
                    continue
                }
                firstUse[pattern.id] = pattern.idLocation
                if let spec = pattern.spec { patterns.append(spec) }
            }
        }
        return (Registry(parties: parties, patterns: patterns), sorted(diagnostics))
    }

    /// Diagnostics by file, line and column; diagnostics at the same place keep the order they were found in.
    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element.location, rhs.element.location)
            if a.file != b.file { return a.file < b.file }
            if a.line != b.line { return a.line < b.line }
            if a.column != b.column { return a.column < b.column }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    // MARK: - Reading the folder

    private static func readFiles(in directory: String, diagnostics: inout [Diagnostic])
        -> [(path: String, text: String)]
    {
        let manager = FileManager.default
        let folder = SourceLocation(file: directory, line: 1, column: 1)
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            diagnostics.append(
                Diagnostic(
                    .io, at: folder,
                    "registry folder '\(directory)' does not exist; name an existing folder of <PARTY>.yaml files"))
            return []
        }
        guard isDirectory.boolValue else {
            diagnostics.append(
                Diagnostic(
                    .io, at: folder, "'\(directory)' is not a folder; name the folder that holds the <PARTY>.yaml files"
                ))
            return []
        }
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: directory)
        } catch {
            diagnostics.append(
                Diagnostic(
                    .io, at: folder, "cannot list registry folder '\(directory)'; check that it is readable"))
            return []
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        let yamlNames = names.filter { name in
            var isFolder: ObjCBool = false
            return name.hasSuffix(".yaml") && !name.hasPrefix(".") && !name.hasPrefix("_")
                && manager.fileExists(atPath: prefix + name, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
        guard !yamlNames.isEmpty else {
            diagnostics.append(
                Diagnostic(
                    .io, at: folder,
                    "registry folder '\(directory)' has no .yaml file; add one <PARTY>.yaml file per Party "
                        + "(names starting with '.' or '_' are ignored)"))
            return []
        }
        var files: [(path: String, text: String)] = []
        for name in yamlNames {
            let path = prefix + name
            let start = SourceLocation(file: path, line: 1, column: 1)
            guard let data = manager.contents(atPath: path) else {
                diagnostics.append(Diagnostic(.io, at: start, "cannot read this file; check that it is readable"))
                continue
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                diagnostics.append(
                    Diagnostic(
                        .io, at: start,
                        "this file is not valid UTF-8 (first bad byte at offset \(firstInvalidUTF8Offset(data))); "
                            + "save it as UTF-8"))
                continue
            }
            files.append((path, text))
        }
        return files
    }

    private static func firstInvalidUTF8Offset(_ data: Data) -> Int {
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: return offset
            }
        }
    }
}
