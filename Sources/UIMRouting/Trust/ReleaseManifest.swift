// `_release.json`: what a signed registry release says about its folder, and the one canonical byte form it is
// written in. The signatures cover that canonical form (without the signatures), and a manifest is accepted only
// when its bytes are exactly that form: any byte changed in it, even white space, is refused.
import Foundation
import UIMRegistry

/// The manifest of a registry release, `DIR/_release.json` (the loader ignores `_` files).
public struct ReleaseManifest: Sendable, Hashable {
    /// One signature: the signing key's id and the Ed25519 signature over ``ReleaseManifest/signedBytes``.
    public struct Signature: Sendable, Hashable {
        /// The key id (``TrustedKey/id``).
        public var key: String
        /// The 64-byte Ed25519 signature.
        public var signature: [UInt8]

        /// A signature entry (the fuzzing SPI builds them too).
        package init(key: String, signature: [UInt8]) {
            self.key = key
            self.signature = signature
        }
    }

    /// The manifest's own format version.
    public static let currentFormat = 1
    /// The manifest's file name inside the registry folder.
    public static let fileName = "_release.json"

    /// The manifest format (``currentFormat``).
    public var format: Int = ReleaseManifest.currentFormat
    /// The release version: an integer that only grows from release to release.
    public var version: Int
    /// When the release was made, UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    public var created: String
    /// Free text from the publisher (`--note`).
    public var note: String?
    /// `sha256:` and the registry digest (``Registry/digest``).
    public var digest: String
    /// Every Party file by name, with `sha256:` and the SHA-256 of its bytes.
    public var files: [String: String]
    /// The signatures, in the order they were added.
    public var signatures: [Signature] = []

    /// A manifest with these fields (the fuzzing SPI builds them too).
    package init(format: Int = ReleaseManifest.currentFormat, version: Int, created: String, note: String?,
                 digest: String, files: [String: String], signatures: [Signature] = []) {
        self.format = format
        self.version = version
        self.created = created
        self.note = note
        self.digest = digest
        self.files = files
        self.signatures = signatures
    }

    /// The bytes every signature signs: a domain line, then the manifest in canonical form without signatures.
    public var signedBytes: [UInt8] {
        var unsigned = self
        unsigned.signatures = []
        return Array("uim-router registry release signature 1\n".utf8) + unsigned.canonicalBytes(withSignatures: false)
    }

    /// The manifest in its one canonical form, as `_release.json` holds it.
    public var canonicalBytes: [UInt8] { canonicalBytes(withSignatures: true) }

    private func canonicalBytes(withSignatures: Bool) -> [UInt8] {
        var w = JSONWriter()
        w.raw("{\n  "); w.key("format"); w.raw(" "); w.number(format)
        w.raw(",\n  "); w.key("version"); w.raw(" "); w.number(version)
        w.raw(",\n  "); w.key("created"); w.raw(" "); w.string(created)
        if let note { w.raw(",\n  "); w.key("note"); w.raw(" "); w.string(note) }
        w.raw(",\n  "); w.key("digest"); w.raw(" "); w.string(digest)
        w.raw(",\n  "); w.key("files"); w.raw(" {")
        for (k, name) in files.keys.sorted().enumerated() {
            w.raw(k == 0 ? "\n    " : ",\n    "); w.key(name); w.raw(" "); w.string(files[name] ?? "")
        }
        w.raw(files.isEmpty ? "}" : "\n  }")
        if withSignatures {
            w.raw(",\n  "); w.key("signatures"); w.raw(" [")
            for (k, entry) in signatures.enumerated() {
                w.raw(k == 0 ? "\n    {" : ",\n    {"); w.key("key"); w.raw(" "); w.string(entry.key)
                w.raw(", "); w.key("signature"); w.raw(" "); w.string(Data(entry.signature).base64EncodedString())
                w.raw("}")
            }
            w.raw(signatures.isEmpty ? "]" : "\n  ]")
        }
        w.raw("\n}\n")
        return w.bytes
    }
}

extension ReleaseManifest {
    private struct Wire: Decodable {
        struct WireSignature: Decodable { var key: String; var signature: String }
        var format: Int
        var version: Int
        var created: String
        var note: String?
        var digest: String
        var files: [String: String]
        var signatures: [WireSignature]
    }

    /// Reads a manifest from the bytes of `_release.json`.
    ///
    /// - Returns: the manifest, or the reason it is malformed. Accepted only when the bytes are exactly the
    ///   canonical form of what they decode to, so no byte can change without being noticed.
    public static func parse(_ bytes: [UInt8]) -> Result<ReleaseManifest, ManifestProblem> {
        let wire: Wire
        do {
            wire = try JSONDecoder().decode(Wire.self, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, _) {
            return malformed("missing key '\(key.stringValue)'")
        } catch let DecodingError.typeMismatch(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return malformed("wrong type at '\(path)'")
        } catch {
            return malformed("not valid JSON")
        }
        guard wire.format == currentFormat else {
            return malformed("format \(wire.format) is not one this version reads (\(currentFormat))")
        }
        guard wire.version >= 1 else { return malformed("version must be 1 or more") }
        var signatures: [Signature] = []
        for entry in wire.signatures {
            guard let raw = Data(base64Encoded: entry.signature), raw.count == 64 else {
                return malformed("signature of key '\(entry.key)' is not 64 bytes in base64")
            }
            signatures.append(Signature(key: entry.key, signature: Array(raw)))
        }
        let manifest = ReleaseManifest(
            format: wire.format, version: wire.version, created: wire.created,
            note: wire.note, digest: wire.digest, files: wire.files, signatures: signatures)
        let canonical = manifest.canonicalBytes
        if canonical != bytes {
            let common = min(canonical.count, bytes.count)
            let offset = (0..<common).first { canonical[$0] != bytes[$0] } ?? common
            return .failure(
                ManifestProblem(
                    offset: offset,
                    message: "not in the canonical form `uim-router release` "
                        + "and `sign` write (changed by hand or in transit?)"))
        }
        return .success(manifest)
    }

    private static func malformed(_ message: String) -> Result<ReleaseManifest, ManifestProblem> {
        .failure(ManifestProblem(offset: nil, message: message))
    }

    /// Why a manifest is malformed; `offset` is the byte where it first departs from the canonical form, if known.
    public struct ManifestProblem: Error, Sendable, Hashable {
        /// The byte offset of the problem in the file, if known.
        public var offset: Int?
        /// What is wrong.
        public var message: String

        /// The line and column (1-based, in bytes) of `offset` in `bytes`.
        func location(in bytes: [UInt8], file: String) -> SourceLocation {
            guard let offset else { return SourceLocation(file: file, line: 1, column: 1) }
            var line = 1
            var column = 1
            for byte in bytes.prefix(offset) {
                if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
            }
            return SourceLocation(file: file, line: line, column: column)
        }
    }
}
