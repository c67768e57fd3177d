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
package enum RegistryLoader {
    /// The format versions this loader reads.
    package static let supportedFormats = [1]

    /// Lists `directory` (``RegistryFolder``), reads every `*.yaml` directly in it whose name does not start with `.`
    /// or `_` (sorted by name) with ``RegistryText`` and parses them. Unreadable folders or files, files that are not
    /// UTF-8 and a folder without YAML files are diagnostics; other entries of the folder are warnings in the
    /// registry's ``Registry/warnings``.
    package static func load(directory: String) -> (registry: Registry, diagnostics: [Diagnostic]) {
        let (files, listing) = RegistryFolder.read(directory)
        var result = parse(files: files)
        result.registry.source = directory
        result.registry.warnings = sorted(listing.warnings + result.registry.warnings)
        return (result.registry, sorted(listing.problems + result.diagnostics))
    }

    /// Parses `files` (each path as the user named it, e.g. `Patterns/KE.yaml`; the file name without `.yaml` is the
    /// expected Party code), in the order given.
    ///
    /// The registry holds every Party whose file composed into a mapping with a `party` mapping (values that are
    /// missing or wrong fall back to the file name and `false`), and every pattern whose entry had no diagnostic
    /// and whose id was not already used, and its ``Registry/warnings`` (placeholder text, a regex cut by a comment).
    /// Each text is read as ``RegistryText`` normalises it. Diagnostics are sorted by file, line and column.
    package static func parse(files: [(path: String, text: String)]) -> (registry: Registry, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        var parties: [Party] = []
        var patterns: [PatternSpec] = []
        var firstUse: [String: SourceLocation] = [:]
        for file in files {
            var parser = FileParser(path: file.path, text: file.text)
            let parsed = parser.parse()
            diagnostics += parser.diagnostics
            warnings += parser.warnings
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
        var registry = Registry(parties: parties, patterns: patterns)
        registry.warnings = sorted(warnings)
        return (registry, sorted(diagnostics))
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
}
