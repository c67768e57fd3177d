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
    ///
    /// The examples are checked through a compiled ``Router``; a caller that routes should use
    /// ``Router/init(loading:examples:options:)``, which returns that router rather than this registry.
    /// - Throws: ``RegistryError`` with every problem of every file; a registry is never half-loaded.
    public static func load(from directory: String, examples: ExampleChecking = .errors) throws(RegistryError)
        -> Registry
    {
        try Router(loading: directory, examples: examples).registry
    }

    /// Loads and checks a registry from in-memory files, given as (path, YAML text); the path names the file in
    /// diagnostics and its last component (without `.yaml`) must equal the Party code.
    public static func load(files: [(path: String, text: String)], source: String = "memory",
                            examples: ExampleChecking = .errors) throws(RegistryError) -> Registry {
        try Router(loadingFiles: files, source: source, examples: examples).registry
    }
}

extension Router {
    /// Loads and checks the registry folder at `directory` (as ``Registry/load(from:examples:)`` does) and returns
    /// the router compiled from it: the router that checked the examples. Each regex is compiled once, by the loader;
    /// the router JIT-compiles that same code.
    ///
    /// ```swift
    /// let router = try Router(loading: "Patterns", examples: .warnings)
    /// print(router.registry.digest, router.registry.warnings.count)
    /// ```
    /// - Throws: ``RegistryError`` with every problem of every file.
    public convenience init(loading directory: String, examples: ExampleChecking = .errors,
                            options: RouterOptions = RouterOptions()) throws(RegistryError) {
        try self.init(checking: RegistryLoader.loadCompiling(directory: directory), examples: examples,
                      options: options)
    }

    /// Loads and checks a registry from in-memory files, given as (path, YAML text), as
    /// ``Registry/load(files:source:examples:)`` does, and returns the router compiled from it (see
    /// ``init(loading:examples:options:)``).
    public convenience init(loadingFiles files: [(path: String, text: String)], source: String = "memory",
                            examples: ExampleChecking = .errors,
                            options: RouterOptions = RouterOptions()) throws(RegistryError) {
        try self.init(checking: RegistryLoader.parseCompiling(files: files, source: source), examples: examples,
                      options: options)
    }

    /// Compiles the router of `loaded` from the loader's compiled regexes, checks every example through it and
    /// throws every problem, or returns it with the example problems as warnings (``ExampleChecking/warnings``).
    ///
    /// A registry with diagnostics still holds every pattern that parsed cleanly, so its examples are checked too,
    /// and the error names every problem at once.
    convenience init(checking loaded: RegistryLoader.Loaded, examples: ExampleChecking, options: RouterOptions)
        throws(RegistryError)
    {
        let registry = loaded.registry
        // Every pattern of a loaded registry compiled and has its check groups (the loader keeps no other), so this
        // throws only for a registry from elsewhere; the loader then already named each problem.
        let router: Router
        do {
            router = try Router(registry: registry, options: options, compiled: loaded.regexes)
        } catch {
            let problems = loaded.diagnostics.isEmpty ? error.diagnostics : loaded.diagnostics
            var failure = RegistryError(Self.sorted(problems))
            failure.warnings = Self.sorted(registry.warnings)
            throw failure
        }
        let exampleProblems = ExampleChecker.diagnostics(checking: router)
        let errors = examples == .errors ? loaded.diagnostics + exampleProblems : loaded.diagnostics
        guard errors.isEmpty else {
            var error = RegistryError(Self.sorted(errors))
            error.warnings = Self.sorted(registry.warnings)
            throw error
        }
        let exampleWarnings = exampleProblems.map { problem in
            var warning = problem
            warning.severity = .warning
            return warning
        }
        let warnings = Self.sorted(registry.warnings + (examples == .warnings ? exampleWarnings : []))
        self.init(router, registry: registry.replacing(warnings: warnings))
    }

    private static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        Array(Set(diagnostics)).sorted {
            ($0.location.file, $0.location.line, $0.location.column, $0.message)
                < ($1.location.file, $1.location.line, $1.location.column, $1.message)
        }
    }
}
