// Entry points for the `verify` fuzz target: release verification on an in-memory folder, and the pieces to build
// manifests and signatures from fuzz input. SPI (`@_spi(Fuzzing)`), thin wrappers that add no behaviour.
import UIMRegistry
import UIMRouting

@_spi(Fuzzing)
public enum FuzzingTrust {
    /// The signing key whose raw 32-byte representation is `seed` (nil when it is not 32 bytes).
    public static func signingKey(raw seed: [UInt8]) -> ReleaseSigningKey? { try? ReleaseSigningKey(raw: seed) }

    /// A manifest with these fields and no signature.
    public static func manifest(
        version: Int, created: String, note: String?, digest: String,
        files: [String: String]
    ) -> ReleaseManifest {
        ReleaseManifest(version: version, created: created, note: note, digest: digest, files: files)
    }

    /// A signature entry naming `key` holding `signature` (any bytes).
    public static func signature(key: String, bytes: [UInt8]) -> ReleaseManifest.Signature {
        ReleaseManifest.Signature(key: key, signature: bytes)
    }

    /// `key`'s real signature over `manifest`'s signed bytes.
    public static func sign(_ manifest: ReleaseManifest, with key: ReleaseSigningKey) -> ReleaseManifest.Signature? {
        guard let bytes = try? key.signature(for: manifest.signedBytes) else { return nil }
        return ReleaseManifest.Signature(key: key.id, signature: bytes)
    }

    /// `sha256:` and the hexadecimal SHA-256 of `bytes`, as manifests list files.
    public static func sha256(_ bytes: [UInt8]) -> String { ReleaseKeys.sha256(bytes) }

    /// Verifies an in-memory folder (Party files by name, the manifest's bytes) as
    /// ``Registry/load(from:trust:examples:)`` does before loading; returns the codes of every problem, [] when the
    /// release verifies.
    public static func verify(files: [String: [UInt8]], manifest: [UInt8]?, policy: TrustPolicy) -> [Diagnostic.Code] {
        let folder = ReleaseFolder(directory: "fuzz", files: files, manifest: manifest)
        return ReleaseVerifier.verify(folder, policy: policy).problems.map(\.code)
    }
}
