// The bundled registry (`Patterns/` at build time), embedded in the library by the EmbedPatterns build tool so
// that an installed `uim-router` finds its default registry from any folder.
import Foundation
import UIMRegistry

/// The registry shipped with UIMRouter: the project's `Patterns/` folder as it was when the library was built.
public enum BundledRegistry {
    /// The bundled files' names (`EU.yaml`, `KE.yaml`, …).
    public static var fileNames: [String] { files.map(\.name) }

    /// Loads and checks the bundled registry; diagnostics name the files as `Patterns/NAME.yaml`.
    public static func load(examples: ExampleChecking = .errors) throws(RegistryError) -> Registry {
        try Registry.load(files: files.map { ("Patterns/\($0.name)", $0.text) }, source: "bundled", examples: examples)
    }

    /// Loads and checks the bundled registry and returns the router compiled from it, whose examples were checked
    /// (see ``Router/init(loading:examples:options:)``).
    public static func loadRouter(examples: ExampleChecking = .errors, options: RouterOptions = RouterOptions())
        throws(RegistryError) -> Router
    {
        try Router(loadingFiles: files.map { ("Patterns/\($0.name)", $0.text) }, source: "bundled", examples: examples,
                   options: options)
    }

    /// The UTC day (`YYYY-MM-DD`) the bundled files were embedded into the library, i.e. when it was built.
    public static var builtOn: String { embeddedOn }

    /// `true` when the registry folder at `folder` holds exactly the bundled files (same names, same text once read
    /// as ``RegistryText`` reads it); `false` when it differs or cannot be read.
    public static func isSameAs(folder: String) -> Bool {
        let (found, listing) = RegistryFolder.read(folder)
        guard listing.problems.isEmpty, found.count == files.count else { return false }
        let bundled = Dictionary(files.map { ($0.name, RegistryText(normalizing: $0.text).text) }) { a, _ in a }
        return found.allSatisfy { file in
            let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
            return bundled[name] == file.text
        }
    }

    static func decode(_ base64: String) -> String {
        String(decoding: Data(base64Encoded: base64) ?? Data(), as: UTF8.self)
    }
}
