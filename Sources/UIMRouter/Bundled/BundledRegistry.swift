// The bundled registry (`Patterns/` at build time), embedded in the library by the EmbedPatterns build tool so
// that an installed `uim-router` finds its default registry from any folder.
import Foundation

/// The registry shipped with UIMRouter: the project's `Patterns/` folder as it was when the library was built.
public enum BundledRegistry {
    /// The bundled files' names (`EU.yaml`, `KE.yaml`, …).
    public static var fileNames: [String] { files.map(\.name) }

    /// Loads and checks the bundled registry; diagnostics name the files as `Patterns/NAME.yaml`.
    public static func load(examples: ExampleChecking = .errors) throws(RegistryError) -> Registry {
        try Registry.load(files: files.map { ("Patterns/\($0.name)", $0.text) }, source: "bundled", examples: examples)
    }

    static func decode(_ base64: String) -> String {
        String(decoding: Data(base64Encoded: base64) ?? Data(), as: UTF8.self)
    }
}
