// `check-submission`: what a Party runs before sending its file. The file is validated as if it replaced the
// Party's current file (format, regexes, examples against every pattern), then its conflicts with every other
// Party and its lint findings are gathered into one report.
import Foundation
import UIMRegistry
import UIMRouting

/// The outcome of checking one Party's submitted file against a registry.
public struct SubmissionReport: Sendable {
    /// The Party code (the file name without `.yaml`).
    public var party: String
    /// `true` when the file replaces an existing one (otherwise it adds a Party).
    public var replacesExisting: Bool
    /// Number of patterns in the submitted file that parsed.
    public var patternCount: Int
    /// Problems the submission causes: in its own file, or in other files (for example another Party's example
    /// that now matches one of its patterns).
    public var problems: [Diagnostic]
    /// Problems the registry had before the submission (not the submitter's to fix).
    public var preexisting: [Diagnostic]
    /// Overlaps of the submitted patterns with other Parties' patterns.
    public var conflicts: [ConflictFinding]
    /// Lint findings on the submitted patterns.
    public var lint: [LintFinding]

    /// `true` when the file can be accepted: no problem it causes, and no overlap (exact or sampled) with another
    /// Party. Check-separated pairs and lint findings are reported but do not block.
    public var isAcceptable: Bool {
        problems.isEmpty && !conflicts.contains { $0.kind != .checkSeparated }
    }
}

/// Checks a Party's registry file before it is submitted.
public enum SubmissionChecker {
    /// Checks the file at `path` (contents `text`) as if it replaced its Party's file among `registryFiles`. What
    /// `validate` only warns about in the file (placeholder text from `uim-router new`, a regex cut by a YAML
    /// comment) is a problem here.
    public static func check(path: String, text: String, registryFiles: [(path: String, text: String)],
                             today: Day) -> SubmissionReport {
        let name = fileName(of: path)
        let party = name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name
        let others = registryFiles.filter { fileName(of: $0.path) != name }
        let before = diagnostics(of: registryFiles)
        let (registry, after, router) = load(others + [(path, text)])
        let known = Set(before.map(\.description))
        let indices = Set(registry.patterns.indices.filter { registry.patterns[$0].party == party })
        let finder = ConflictFinder(registry: registry)
        // What only warns in `validate` (placeholder text left from the template, a regex cut by a comment) blocks
        // a submission: the file sent must say exactly what it means.
        let ownWarnings = registry.warnings.filter { $0.location.file == path }.map { warning in
            var problem = warning
            problem.severity = .error
            return problem
        }
        let problems = after.filter { $0.location.file == path || !known.contains($0.description) } + ownWarnings
        return SubmissionReport(
            party: party, replacesExisting: others.count < registryFiles.count, patternCount: indices.count,
            problems: problems.sorted {
                ($0.location.file, $0.location.line, $0.location.column) < ($1.location.file, $1.location.line,
                                                                            $1.location.column)
            },
            preexisting: after.filter { $0.location.file != path && known.contains($0.description) },
            conflicts: finder.conflicts(involving: indices),
            lint: PatternLinter(registry: registry, profiles: finder.profiles)
                .findings(today: today, patterns: indices, engines: router?.patternEngines,
                          interpreterReasons: router?.interpreterReasons))
    }

    /// The registry files of `directory` as the loader reads them (``RegistryText``): `*.yaml` directly in it, not
    /// starting with `.` or `_`, sorted by name.
    /// - Throws: ``RegistryError`` when the folder cannot be listed or a file cannot be read as UTF-8.
    public static func registryFiles(in directory: String) throws(RegistryError) -> [(path: String, text: String)] {
        let (files, listing) = RegistryFolder.read(directory)
        guard listing.problems.isEmpty else {
            var error = RegistryError(listing.problems)
            error.warnings = listing.warnings
            throw error
        }
        return files
    }

    /// The bundled registry's files, named `Patterns/NAME.yaml`.
    public static var bundledFiles: [(path: String, text: String)] {
        BundledRegistry.files.map { ("Patterns/\($0.name)", $0.text) }
    }

    /// The registry `files` parse to, every diagnostic (examples checked through the router built from the loader's
    /// compiled regexes) and that router.
    private static func load(_ files: [(path: String, text: String)]) -> (Registry, [Diagnostic], Router?) {
        let loaded = RegistryLoader.parseCompiling(files: files)
        guard let router = try? Router(registry: loaded.registry, compiled: loaded.regexes) else {
            return (loaded.registry, loaded.diagnostics, nil)
        }
        return (loaded.registry, loaded.diagnostics + ExampleChecker.diagnostics(checking: router), router)
    }

    private static func fileName(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    private static func diagnostics(of files: [(path: String, text: String)]) -> [Diagnostic] { load(files).1 }
}
