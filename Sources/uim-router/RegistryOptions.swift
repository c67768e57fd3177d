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
            Terminal.printError("\(displayName): \(error.diagnostics.count) problem(s); run `uim-router validate` after fixing them.")
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
        if let folder { return try Registry.load(from: folder, examples: examples) }
        return try BundledRegistry.load(examples: examples)
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
