// `--registry DIR` (or UIM_REGISTRY), shared by every subcommand that reads a registry: which registry is read
// (--registry, then UIM_REGISTRY, then the bundled copy), saying so, and the folder check (exit 66).
import ArgumentParser
import Foundation
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
    var displayName: String { folder ?? "bundled registry (built \(BundledRegistry.builtOn))" }

    /// Which registry a command read, for its first line: the folder, or `bundled, built <date>`; with the digest
    /// when the registry loaded.
    func provenance(digest: String?, prefix: String = "registry: ") -> String {
        let digestText = digest.map { ", digest sha256:\($0)" } ?? ""
        guard let folder else { return "\(prefix)bundled, built \(BundledRegistry.builtOn)\(digestText)" }
        return "\(prefix)\(folder)\(digestText)"
    }

    /// When the bundled registry is in use and `./Patterns` exists but holds other files: say so, and how to read it.
    /// An officer who edits `Patterns/KE.yaml` and runs `uim-router validate` must not be told "ok" about the old copy
    /// without a word.
    var patternsNote: String? {
        guard folder == nil else { return nil }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: "Patterns", isDirectory: &isFolder), isFolder.boolValue,
              !BundledRegistry.isSameAs(folder: "Patterns")
        else { return nil }
        return "note: ./Patterns differs from the bundled registry (built \(BundledRegistry.builtOn)), which this "
            + "command read; to check ./Patterns, run it with --registry Patterns"
    }

    /// Prints which registry was read (and the ./Patterns note) on standard error: the first line a person sees,
    /// without touching standard output, which may be data.
    func announce(digest: String?) {
        Terminal.printError(provenance(digest: digest))
        if let patternsNote { Terminal.printError(patternsNote) }
    }

    /// Exits 66 (an input that cannot be opened) when --registry or UIM_REGISTRY names a folder that does not
    /// exist, is not a folder or cannot be listed, saying which and why.
    func checkFolder() throws {
        guard let folder else { return }
        try InputFiles.checkFolder(folder)
    }

    /// Loads the registry for routing, or prints every diagnostic to standard error and exits 1. Problems in
    /// examples do not stop routing: they are printed as warnings (`validate` treats them as errors). Says on
    /// standard error which registry it read.
    func load() throws -> Registry { try loadRouter().registry }

    /// Loads the registry and returns the router compiled from it (the one that checked its examples: each regex is
    /// compiled once), or prints every diagnostic and exits 1.
    func loadRouter() throws -> Router {
        try checkFolder()
        do {
            let router = try loadRouterOrThrow(examples: .warnings)
            announce(digest: router.registry.digest)
            for warning in router.registry.warnings {
                Terminal.printError("\(warning.location): warning: \(warning.message)")
            }
            return router
        } catch {
            announce(digest: nil)
            for warning in error.warnings { Terminal.printError(warning.description) }
            Terminal.printError(error.description)
            Terminal.printError(trust.isEmpty
                ? "\(displayName): \(error.diagnostics.count) problem(s); run `uim-router validate` after fixing them."
                : "\(displayName): refused — \(error.diagnostics.count) problem(s) with the registry or its release")
            throw ExitCode(1)
        }
    }

    func loadOrThrow(examples: ExampleChecking = .errors) throws(RegistryError) -> Registry {
        try loadRouterOrThrow(examples: examples).registry
    }

    func loadRouterOrThrow(examples: ExampleChecking = .errors) throws(RegistryError) -> Router {
        let policy = try trustPolicy()
        let options = Self.routerOptions
        if let folder { return try Router(loading: folder, trust: policy, examples: examples, options: options) }
        if policy != nil {
            let at = SourceLocation(file: "bundled registry", line: 1, column: 1)
            throw RegistryError([Diagnostic(.releaseMissing, at: at,
                "the bundled registry is unsigned; name a released folder with --registry when giving --trust")])
        }
        return try BundledRegistry.loadRouter(examples: examples, options: options)
    }

    /// The options every router of the CLI is built with: `UIM_ROUTER_BUILD_THREADS=N` (a positive number) caps the
    /// threads of the build (`1`: serial, which the CI's allocation smoke needs); otherwise every core.
    static var routerOptions: RouterOptions {
        var options = RouterOptions()
        if let value = getenv("UIM_ROUTER_BUILD_THREADS"), let threads = Int(String(cString: value)), threads > 0 {
            options.buildThreads = threads
        }
        return options
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

    /// `--date` parsed with a message that says what is wrong: a date that does not exist (`2026-02-30`) is told so,
    /// not asked to be written as YYYY-MM-DD. Use as `@Option(…, transform: Day.argument)`.
    static func argument(_ text: String) throws -> Day {
        guard let day = Day(iso: text) else { throw DateArgumentError(description: Day.problem(with: text) ?? text) }
        return day
    }
}

/// Why a `--date` value is not a day; ArgumentParser prints its description after "The value '…' is invalid".
struct DateArgumentError: Error, CustomStringConvertible {
    var description: String
}

enum Terminal {
    static func printError(_ text: String) {
        var line = text
        line += "\n"
        _ = line.withUTF8 { write(2, $0.baseAddress, $0.count) }
    }

    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }
}
