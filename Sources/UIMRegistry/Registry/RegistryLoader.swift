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
import UIMRegex
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
        let loaded = loadCompiling(directory: directory)
        return (loaded.registry, loaded.diagnostics)
    }

    /// What a load yields: the registry, every diagnostic, and the compiled regex (without JIT) of each of the
    /// registry's patterns, in the same order, for the router built from this load (which JIT-compiles them rather
    /// than compiling every regex again).
    package struct Loaded {
        package var registry: Registry
        package var diagnostics: [Diagnostic]
        /// `regexes[i]` is `registry.patterns[i].regex` compiled; not yet shared with any other thread.
        package var regexes: [CompiledRegex]
    }

    /// ``load(directory:)``, keeping the compiled regexes.
    package static func loadCompiling(directory: String) -> Loaded {
        let (files, listing) = RegistryFolder.read(directory)
        let parsed = parseCompiling(files: files, source: directory)
        let warnings = sorted(listing.warnings + parsed.registry.warnings)
        return Loaded(registry: parsed.registry.replacing(warnings: warnings),
                      diagnostics: sorted(listing.problems + parsed.diagnostics), regexes: parsed.regexes)
    }

    /// ``parse(files:)``, keeping the compiled regexes; `source` names the registry (``Registry/source``).
    package static func parseCompiling(files: [(path: String, text: String)], source: String = "memory") -> Loaded {
        var diagnostics: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        var parties: [Party] = []
        var patterns: [PatternSpec] = []
        var regexes: [CompiledRegex] = []
        var firstUse: [String: SourceLocation] = [:]
        for file in files {
            var parser = FileParser(path: file.path, text: file.text)
            let parsed = parser.parse()
            diagnostics += parser.diagnostics
            warnings += parser.warnings
            if let party = parsed.party { parties.append(party) }
            for pattern in parsed.patterns {
                if let first = firstUse[pattern.id] {
                    diagnostics.append(PatternProblem.duplicateID(pattern.id, firstUse: first, at: pattern.idLocation))
                    continue
                }
                firstUse[pattern.id] = pattern.idLocation
                if let spec = pattern.spec, let regex = pattern.regex {
                    patterns.append(spec)
                    regexes.append(regex)
                }
            }
        }
        let registry = Registry(unchecked: parties, patterns: patterns, source: source, warnings: sorted(warnings))
        return Loaded(registry: registry, diagnostics: sorted(diagnostics), regexes: regexes)
    }

    /// Parses `files` (each path as the user named it, e.g. `Patterns/KE.yaml`; the file name without `.yaml` is the
    /// expected Party code), in the order given.
    ///
    /// The registry holds every Party whose file composed into a mapping with a `party` mapping (values that are
    /// missing or wrong fall back to the file name and `false`), and every pattern whose entry had no diagnostic
    /// and whose id was not already used, and its ``Registry/warnings`` (placeholder text, a regex cut by a comment).
    /// Each text is read as ``RegistryText`` normalises it. Diagnostics are sorted by file, line and column.
    package static func parse(files: [(path: String, text: String)]) -> (registry: Registry, diagnostics: [Diagnostic]) {
        let parsed = parseCompiling(files: files)
        return (parsed.registry, parsed.diagnostics)
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
