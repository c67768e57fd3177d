// Loading a registry: parse every file, compile every regex, check every example — all problems at once.

extension Registry {
    /// Loads and checks the registry folder at `directory`.
    ///
    /// Reads every `*.yaml` file directly in the folder (names starting with `.` or `_` are skipped), checks the
    /// format, compiles every regex and checks every example against the patterns.
    /// - Throws: ``RegistryError`` with every problem of every file; a registry is never half-loaded.
    public static func load(from directory: String) throws(RegistryError) -> Registry {
        let (registry, diagnostics) = RegistryLoader.load(directory: directory)
        return try checked(registry, diagnostics)
    }

    /// Loads and checks a registry from in-memory files, given as (path, YAML text); the path names the file in
    /// diagnostics and its last component (without `.yaml`) must equal the Party code.
    public static func load(files: [(path: String, text: String)], source: String = "memory") throws(RegistryError)
        -> Registry
    {
        var (registry, diagnostics) = RegistryLoader.parse(files: files)
        registry.source = source
        return try checked(registry, diagnostics)
    }

    /// Adds the example diagnostics (which need compiled patterns) and throws when anything is wrong.
    private static func checked(_ registry: Registry, _ diagnostics: [Diagnostic]) throws(RegistryError) -> Registry {
        let all = diagnostics + ExampleChecker.diagnostics(for: registry)
        guard all.isEmpty else {
            throw RegistryError(Array(Set(all)).sorted {
                ($0.location.file, $0.location.line, $0.location.column, $0.message)
                    < ($1.location.file, $1.location.line, $1.location.column, $1.message)
            })
        }
        return registry
    }
}
