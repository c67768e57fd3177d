// `--registry DIR` (or UIM_REGISTRY), shared by every subcommand that reads a registry.
import ArgumentParser
import UIMRouter
#if canImport(Glibc)
import Glibc
#endif

struct RegistryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Registry folder of <PARTY>.yaml files (default: $UIM_REGISTRY, else the bundled registry).",
        valueName: "dir"))
    var registry: String?

    @Option(name: .long, help: ArgumentHelp(
        "A public key (NAME.pub) trusted to sign registry releases; repeat for several. With any, the registry "
            + "must carry a release that verifies, or the command exits 1 before doing anything.",
        valueName: "key.pub"))
    var trust: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "How many distinct trusted keys must have signed the release (default 1).", valueName: "k"))
    var threshold: Int = 1

    /// The folder named by --registry or UIM_REGISTRY, or nil for the bundled registry.
    var folder: String? {
        if let registry { return registry }
        if let value = getenv("UIM_REGISTRY"), value.pointee != 0 { return String(cString: value) }
        return nil
    }

    /// A human name for the registry in use.
    var displayName: String { folder ?? "bundled registry" }

    /// Loads the registry for routing, or prints every diagnostic to standard error and exits 1. Problems in
    /// examples do not stop routing: they are printed as warnings (`validate` treats them as errors).
    func load() throws -> Registry {
        do {
            let registry = try loadOrThrow(examples: .warnings)
            for warning in registry.warnings {
                Terminal.printError("\(warning.location): warning: \(warning.message)")
            }
            return registry
        } catch {
            Terminal.printError(error.description)
            Terminal.printError(trust.isEmpty
                ? "\(displayName): \(error.diagnostics.count) problem(s); run `uim-router validate` after fixing them."
                : "\(displayName): refused — \(error.diagnostics.count) problem(s) with the registry or its release")
            throw ExitCode(1)
        }
    }

    /// Loads the registry and compiles its router, or prints every diagnostic and exits 1.
    func loadRouter() throws -> Router {
        let loaded = try load()
        do {
            return try Router(registry: loaded)
        } catch {
            Terminal.printError(error.description)
            throw ExitCode(1)
        }
    }

    func loadOrThrow(examples: ExampleChecking = .errors) throws(RegistryError) -> Registry {
        let policy = try trustPolicy()
        if let folder { return try Registry.load(from: folder, trust: policy, examples: examples) }
        if policy != nil {
            let at = SourceLocation(file: "bundled registry", line: 1, column: 1)
            throw RegistryError([Diagnostic(.releaseMissing, at: at,
                "the bundled registry is unsigned; name a released folder with --registry when giving --trust")])
        }
        return try BundledRegistry.load(examples: examples)
    }

    /// For commands that read the folder's files themselves: with --trust, the registry's release must verify (every
    /// reason printed, exit 1); without, nothing is checked.
    func verifyIfTrusted() throws {
        guard !trust.isEmpty else { return }
        _ = try load()
    }

    /// For commands that write the registry (fmt, new): --trust means nothing there, so it is a usage error.
    func rejectTrust(_ command: String) throws {
        guard trust.isEmpty else {
            Terminal.printError("uim-router \(command): --trust does not apply to a command that writes the registry; "
                + "make a new release afterwards (`uim-router release`)")
            throw ExitCode(64)
        }
    }

    /// The policy of --trust and --threshold; nil when no key is given.
    func trustPolicy() throws(RegistryError) -> TrustPolicy? {
        guard !trust.isEmpty else { return nil }
        return try TrustPolicy.read(keyFiles: trust, threshold: threshold)
    }
}

/// `--date YYYY-MM-DD` as a Day.
extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
    public static var defaultCompletionKind: CompletionKind { .default }
}

enum Terminal {
    static func printError(_ text: String) {
        var line = text
        line += "\n"
        _ = line.withUTF8 { write(2, $0.baseAddress, $0.count) }
    }

    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }
}
