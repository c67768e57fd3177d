// Ed25519 keys for signing registry releases (swift-crypto's Curve25519.Signing; no cryptography of our own) and
// their files: `NAME.key` holds the private key (mode 0600), `NAME.pub` the public key a router trusts.
import Crypto
import Foundation
import UIMPlatform
import UIMRegistry

/// A public key a router trusts to sign registry releases, read from a `NAME.pub` file.
public struct TrustedKey: Sendable, Hashable {
    /// The raw 32-byte Ed25519 public key.
    public let rawRepresentation: [UInt8]
    /// `ed25519:` and the first 16 hexadecimal digits of the public key's SHA-256: names the key in manifests.
    public var id: String { ReleaseKeys.keyID(rawRepresentation) }

    /// The key whose raw 32-byte representation is `raw`; nil when it is not an Ed25519 public key.
    public init?(rawRepresentation raw: [UInt8]) {
        guard raw.count == 32, (try? Curve25519.Signing.PublicKey(rawRepresentation: raw)) != nil else { return nil }
        rawRepresentation = raw
    }

    /// Reads a `NAME.pub` file written by `uim-router keygen`.
    /// - Throws: ``RegistryError`` (code ``Diagnostic/Code/keyFile``) when the file is missing or not a public key.
    public static func read(path: String) throws(RegistryError) -> TrustedKey {
        let raw = try ReleaseKeys.readKeyFile(path: path, header: ReleaseKeys.publicHeader)
        guard let key = TrustedKey(rawRepresentation: raw) else {
            throw RegistryError([ReleaseKeys.problem(path, "not an Ed25519 public key")])
        }
        return key
    }

    /// True when `signature` is this key's valid signature over `message`.
    func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation) else { return false }
        return key.isValidSignature(signature, for: message)
    }
}

/// A private key that signs registry releases, read from a `NAME.key` file.
public struct ReleaseSigningKey: Sendable {
    // The raw 32 bytes; swift-crypto's key type is not Sendable, so it is made when needed.
    private let raw: [UInt8]
    private var key: Curve25519.Signing.PrivateKey {
        // The bytes came from a valid key (init checks them).
        try! Curve25519.Signing.PrivateKey(rawRepresentation: raw)  // swiftlint:disable:this force_try
    }

    /// A new random key.
    public init() { raw = Array(Curve25519.Signing.PrivateKey().rawRepresentation) }

    package init(raw: [UInt8]) throws {
        _ = try Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        self.raw = raw
    }

    /// The public half, as a router trusts it.
    public var publicKey: TrustedKey {
        // A public key swift-crypto just derived is always a valid one.
        TrustedKey(rawRepresentation: Array(key.publicKey.rawRepresentation))!
    }

    /// The key id (see ``TrustedKey/id``).
    public var id: String { publicKey.id }

    /// The Ed25519 signature over `message`.
    package func signature(for message: [UInt8]) throws -> [UInt8] { Array(try key.signature(for: message)) }

    /// Reads a `NAME.key` file written by `uim-router keygen`.
    public static func read(path: String) throws(RegistryError) -> ReleaseSigningKey {
        let raw = try ReleaseKeys.readKeyFile(path: path, header: ReleaseKeys.privateHeader)
        do {
            return try ReleaseSigningKey(raw: raw)
        } catch {
            throw RegistryError([ReleaseKeys.problem(path, "not an Ed25519 private key")])
        }
    }

    /// Writes `base.key` (this key, mode 0600) and `base.pub` (its public half). Refuses to overwrite either.
    public func write(base: String) throws(RegistryError) {
        let privatePath = base + ".key"
        let publicPath = base + ".pub"
        for path in [privatePath, publicPath] where FileManager.default.fileExists(atPath: path) {
            throw RegistryError([
                ReleaseKeys.problem(
                    path,
                    "already exists; a key file is never overwritten "
                        + "(choose another --out name, or move the old key away first)")
            ])
        }
        let privateText = Data(key.rawRepresentation).base64EncodedString()
        let publicText = Data(publicKey.rawRepresentation).base64EncodedString()
        try ReleaseKeys.create(path: privatePath, mode: 0o600, text: "\(ReleaseKeys.privateHeader) \(privateText)\n")
        try ReleaseKeys.create(path: publicPath, mode: 0o644, text: "\(ReleaseKeys.publicHeader) \(publicText)\n")
    }
}

/// Key files and key ids.
package enum ReleaseKeys {
    static let privateHeader = "uim-router-ed25519-private-key-1"
    static let publicHeader = "uim-router-ed25519-public-key-1"

    static func keyID(_ raw: [UInt8]) -> String {
        "ed25519:" + hex(Array(SHA256.hash(data: raw))).prefix(16)
    }

    static func problem(_ path: String, _ message: String) -> Diagnostic {
        Diagnostic(.keyFile, at: SourceLocation(file: path, line: 1, column: 1), message)
    }

    /// The 32 raw bytes of a key file: one line, `header BASE64`.
    static func readKeyFile(path: String, header: String) throws(RegistryError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RegistryError([problem(path, "cannot read this key file; check the path and that it is readable")])
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0] == header, let raw = Data(base64Encoded: String(parts[1])), raw.count == 32
        else {
            let other = header == publicHeader ? privateHeader : publicHeader
            if parts.first.map(String.init) == other {
                throw RegistryError([
                    problem(
                        path,
                        header == publicHeader
                            ? "this is a private key; give the .pub file here (a router never needs the private key)"
                            : "this is a public key; signing needs the .key file")
                ])
            }
            throw RegistryError([
                problem(
                    path,
                    "not a key file written by `uim-router keygen` "
                        + "(expected one line: \(header) and 32 bytes in base64)")
            ])
        }
        return Array(raw)
    }

    /// Creates `path` with `mode` (failing if it exists) and writes `text`.
    static func create(path: String, mode: UInt32, text: String) throws(RegistryError) {
        // The mode is set again after the umask, which must not widen or narrow what was asked.
        let descriptor = Syscalls.createExclusive(path, mode: mode)
        guard descriptor >= 0 else {
            throw RegistryError([problem(path, "cannot create this file: \(Syscalls.errorMessage(Syscalls.errno))")])
        }
        defer { Syscalls.close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Syscalls.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, Syscalls.fsync(descriptor) == 0 else {
            throw RegistryError([problem(path, "cannot write this file: \(Syscalls.errorMessage(Syscalls.errno))")])
        }
    }
}

extension ReleaseKeys {
    /// Lower-case hexadecimal digits of `bytes`.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `sha256:` and the SHA-256 of `bytes` in hexadecimal.
    package static func sha256(_ bytes: some DataProtocol) -> String { "sha256:" + hex(SHA256.hash(data: bytes)) }
}
