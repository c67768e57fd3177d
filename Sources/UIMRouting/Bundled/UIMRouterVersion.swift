// What one build of UIMRouter is made of — its version, the PCRE2 it runs on, the registry bundled in it — for
// `uim-router --version` and for hosts that log what they route with.
import UIMRegex
import UIMRegistry

/// The version of this build of UIMRouter, of the PCRE2 library it is linked with, and of its bundled registry.
///
/// ```swift
/// print(UIMRouterVersion.text())   // uim-router 0.1.0, bundled registry sha256:…, PCRE2 10.42 2022-12-11
/// ```
public enum UIMRouterVersion {
    /// UIMRouter's own version, for example `0.1.0`.
    public static let version = "0.1.0"

    /// The linked libpcre2-8's version as PCRE2 reports it (`pcre2_config(PCRE2_CONFIG_VERSION)`), for example
    /// `10.42 2022-12-11`: the library found at run time, which may differ from the headers built against.
    public static var pcre2: String { PCRE2Library.versionText }

    /// The digest of the bundled registry (``Registry/digest``, hex SHA-256). It loads that registry, which takes
    /// a few milliseconds: ask once, not per UIM.
    public static func bundledRegistryDigest() throws(RegistryError) -> String {
        try BundledRegistry.load(examples: .warnings).digest
    }

    /// Three lines: `uim-router VERSION`, `bundled registry: sha256:DIGEST (N files)`, `PCRE2: VERSION`. A bundled
    /// registry that does not load is said so on the second line instead of a digest.
    public static func text() -> String {
        let registry: String
        do {
            registry = "sha256:\(try bundledRegistryDigest()) (\(BundledRegistry.fileNames.count) files)"
        } catch {
            registry = "does not load (\(error.diagnostics.count) problem(s); run `uim-router validate`)"
        }
        return "uim-router \(version)\nbundled registry: \(registry)\nPCRE2: \(pcre2)"
    }
}
