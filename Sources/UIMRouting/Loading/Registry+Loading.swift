// Loading a registry: parse every file, compile every regex, check every example — all problems at once.
import UIMRegistry

/// What loading does with problems found in a registry's examples.
public enum ExampleChecking: Sendable, Hashable {
    /// Example problems are errors: loading throws (what `validate` and a Party's submission need).
    case errors
    /// Example problems are kept in ``Registry/warnings`` and the registry loads (what a router that must keep
    /// routing needs: a stale example is no reason to stop).
    case warnings
}

extension Registry {
    /// Loads and checks the registry folder at `directory`.
    ///
    /// Reads every `*.yaml` file directly in the folder (names starting with `.` or `_` are skipped), checks the
    /// format, compiles every regex and checks every example against the patterns.
    /// - Parameter examples: whether example problems are errors (default) or warnings.
    /// Files are read as ``RegistryText`` reads them: a UTF-8 byte-order mark is skipped, CRLF and lone CR end lines,
    /// other encodings are problems. Other entries of the folder (`KE.yml`, a folder) are named in ``warnings``.
    /// - Throws: ``RegistryError`` with every problem of every file; a registry is never half-loaded.
    public static func load(from directory: String, examples: ExampleChecking = .errors) throws(RegistryError)
        -> Registry
    {
        let (registry, diagnostics) = RegistryLoader.load(directory: directory)
        return try checked(registry, diagnostics, examples)
    }

    /// Loads and checks a registry from in-memory files, given as (path, YAML text); the path names the file in
    /// diagnostics and its last component (without `.yaml`) must equal the Party code.
    public static func load(files: [(path: String, text: String)], source: String = "memory",
                            examples: ExampleChecking = .errors) throws(RegistryError) -> Registry {
        var (registry, diagnostics) = RegistryLoader.parse(files: files)
        registry.source = source
        return try checked(registry, diagnostics, examples)
    }

    /// Adds the example diagnostics (which need compiled patterns) and throws when anything is wrong.
    private static func checked(_ registry: Registry, _ diagnostics: [Diagnostic], _ examples: ExampleChecking)
        throws(RegistryError) -> Registry
    {
        let exampleProblems = ExampleChecker.diagnostics(for: registry)
        let errors = examples == .errors ? diagnostics + exampleProblems : diagnostics
        guard errors.isEmpty else {
            var error = RegistryError(sorted(errors))
            error.warnings = sorted(registry.warnings)
            throw error
        }
        var loaded = registry
        let exampleWarnings = exampleProblems.map { problem in
            var warning = problem
            warning.severity = .warning
            return warning
        }
        loaded.warnings = sorted(registry.warnings + (examples == .warnings ? exampleWarnings : []))
        return loaded
    }

    private static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        Array(Set(diagnostics)).sorted {
            ($0.location.file, $0.location.line, $0.location.column, $0.message)
                < ($1.location.file, $1.location.line, $1.location.column, $1.message)
        }
    }
}
