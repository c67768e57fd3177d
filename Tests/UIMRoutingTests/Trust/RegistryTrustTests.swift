// Signed registry releases: each reason a release is refused, thresholds, key rotation, the version rules.
import Foundation
import Testing

@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMRouting
@testable import UIMRouterTestSupport

@Suite("Registry trust")
struct RegistryTrustTests {
    @Test("a release verifies and loads with its version and signer")
    func verifies() throws {
        let folder = try SignedFolder()
        let manifest = try folder.release(3, by: TrustKeys.a)
        let registry = try Registry.load(from: folder.path, trust: TrustKeys.policy(TrustKeys.a))
        #expect(registry.release?.version == 3)
        #expect(registry.release?.signers == [TrustKeys.a.id])
        #expect(registry.release?.verified == true)
        #expect(registry.releaseLabel == "3")
        #expect(manifest.digest == "sha256:" + registry.digest)
        #expect(manifest.files.keys.sorted() == ["AA.yaml", "BB.yaml"])
    }

    @Test("without keys: as before, the manifest read but not verified; no manifest says unsigned")
    func withoutKeys() throws {
        let folder = try SignedFolder()
        #expect(try Registry.load(from: folder.path, trust: nil).releaseLabel == "unsigned")
        try folder.release(2, by: TrustKeys.a)
        let registry = try Registry.load(from: folder.path, trust: nil)
        #expect(registry.releaseLabel == "2-unverified")
        #expect(registry.release?.verified == false)
        #expect(registry.digest == (try Registry.load(from: folder.path)).digest)
    }

    @Test("unsigned registry refused when keys are given")
    func unsigned() throws {
        let folder = try SignedFolder()
        #expect(folder.refusal(TrustKeys.policy(TrustKeys.a)) == [.releaseMissing])
    }

    @Test("file added, removed, changed: each refused, located at the file")
    func files() throws {
        let folder = try SignedFolder()
        try folder.release(1, by: TrustKeys.a)
        let policy = TrustKeys.policy(TrustKeys.a)
        try folder.write("CC.yaml", "format: 1\nparty: {code: CC, name: C, protocol_party: true}\npatterns:\n  - id: CC-1\n    regex: 'C1'\n")
        #expect(folder.refusal(policy) == [.releaseFileAdded])
        try folder.remove("CC.yaml")
        try folder.write("_notes.yaml", "ignored: by the loader, and so by the release")
        #expect(folder.refusal(policy) == [])
        let bravo = try folder.read("BB.yaml")
        try folder.remove("BB.yaml")
        #expect(folder.refusal(policy) == [.releaseFileRemoved])
        try folder.write("BB.yaml", bravo + Array("\n".utf8))
        do {
            _ = try Registry.load(from: folder.path, trust: policy)
            Issue.record("a changed file loaded")
        } catch {
            #expect(error.diagnostics.map(\.code) == [.releaseFileChanged])
            #expect(error.diagnostics.first?.location.file == folder.path + "/BB.yaml")
        }
    }

    @Test("digest mismatch: files listed as they are, but the digest is not theirs")
    func digestMismatch() throws {
        let folder = try SignedFolder()
        var manifest = try folder.release(1, by: TrustKeys.a)
        manifest.digest = "sha256:" + String(repeating: "0", count: 64)
        manifest.signatures = []
        manifest.signatures.append(.init(key: TrustKeys.a.id, signature: try TrustKeys.a.signature(for: manifest.signedBytes)))
        try folder.write(ReleaseManifest.fileName, manifest.canonicalBytes)
        #expect(folder.refusal(TrustKeys.policy(TrustKeys.a)) == [.releaseDigestMismatch])
    }

    @Test("unknown key: a release signed by a key not trusted here is refused, too few signatures")
    func unknownKey() throws {
        let folder = try SignedFolder()
        try folder.release(1, by: TrustKeys.a)
        #expect(folder.refusal(TrustKeys.policy(TrustKeys.b)) == [.releaseUnknownKey, .releaseTooFewSignatures])
    }

    @Test("bad signature: a trusted key's signature over other content")
    func badSignature() throws {
        let folder = try SignedFolder()
        var manifest = try folder.release(1, by: TrustKeys.a)
        manifest.signatures[0].signature = try TrustKeys.a.signature(for: Array("something else".utf8))
        try folder.write(ReleaseManifest.fileName, manifest.canonicalBytes)
        #expect(folder.refusal(TrustKeys.policy(TrustKeys.a)) == [.releaseBadSignature, .releaseTooFewSignatures])
    }

    @Test("threshold: one signature of two needed is too few; sign adds the second")
    func threshold() throws {
        let folder = try SignedFolder()
        try folder.release(1, by: TrustKeys.a)
        let both = TrustKeys.policy(TrustKeys.a, TrustKeys.b, threshold: 2)
        #expect(folder.refusal(both) == [.releaseTooFewSignatures])
        try RegistryPublisher.sign(directory: folder.path, key: TrustKeys.b)
        #expect(folder.refusal(both) == [])
        #expect(try Registry.load(from: folder.path, trust: both).release?.signers.count == 2)
        // The same key twice counts once.
        #expect(throws: RegistryError.self) { try RegistryPublisher.sign(directory: folder.path, key: TrustKeys.b) }
        #expect(TrustPolicy(keys: [TrustKeys.a.publicKey], threshold: 2).thresholdProblem != nil)
    }

    @Test("malformed manifest: not JSON, missing keys, or not the canonical form")
    func malformed() throws {
        let folder = try SignedFolder()
        try folder.release(1, by: TrustKeys.a)
        let good = try folder.read(ReleaseManifest.fileName)
        for bad in ["", "{", "[]", #"{"format": 1}"#, String(decoding: good, as: UTF8.self).replacingOccurrences(of: "\n  ", with: "\n   ")] {
            try folder.write(ReleaseManifest.fileName, bad)
            #expect(folder.refusal(TrustKeys.policy(TrustKeys.a)) == [.releaseMalformed], "\(bad)")
        }
    }

    @Test("key rotation: old and new both trusted, then only the new")
    func rotation() throws {
        let folder = try SignedFolder()
        try folder.release(1, by: TrustKeys.a)  // the old key
        let transition = TrustKeys.policy(TrustKeys.a, TrustKeys.b)
        let newOnly = TrustKeys.policy(TrustKeys.b)
        #expect(folder.refusal(transition) == [])
        #expect(folder.refusal(newOnly) == [.releaseUnknownKey, .releaseTooFewSignatures])
        try RegistryPublisher.sign(directory: folder.path, key: TrustKeys.b)  // the new key countersigns
        #expect(folder.refusal(transition) == [])
        #expect(folder.refusal(newOnly) == [])  // the old key's signature is not trusted but not needed
        try folder.release(2, by: TrustKeys.b)  // from now on, the new key alone
        #expect(folder.refusal(newOnly) == [])
        #expect(folder.refusal(TrustKeys.policy(TrustKeys.a)) == [.releaseUnknownKey, .releaseTooFewSignatures])
    }

    @Test("version: release refuses a version not above the existing one; the floor refuses older releases")
    func versions() throws {
        let folder = try SignedFolder()
        try folder.release(5, by: TrustKeys.a)
        #expect(throws: RegistryError.self) { try folder.release(5, by: TrustKeys.a) }
        #expect(throws: RegistryError.self) { try folder.release(4, by: TrustKeys.a) }
        var policy = TrustKeys.policy(TrustKeys.a)
        policy.minimumVersion = 6
        #expect(folder.refusal(policy) == [.releaseRollback])
        try folder.release(6, by: TrustKeys.a)
        #expect(folder.refusal(policy) == [])
    }

    @Test("release refuses a registry that does not validate")
    func refusesInvalid() throws {
        var files = SignedFolder.files
        files["AA.yaml"] = files["AA.yaml"]?.replacingOccurrences(of: "match: [X1234]", with: "match: [Y1234]")
        let folder = try SignedFolder(files: files)
        #expect(throws: RegistryError.self) { try folder.release(1, by: TrustKeys.a) }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/" + ReleaseManifest.fileName))
    }

    @Test("key files: 0600 private key, never overwritten, public key read back with the same id")
    func keyFiles() throws {
        let folder = try SignedFolder()
        let key = ReleaseSigningKey()
        try key.write(base: folder.path + "/k")
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path + "/k.key")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try TrustedKey.read(path: folder.path + "/k.pub").id == key.id)
        #expect(try ReleaseSigningKey.read(path: folder.path + "/k.key").id == key.id)
        #expect(throws: RegistryError.self) { try ReleaseSigningKey().write(base: folder.path + "/k") }
        #expect(try ReleaseSigningKey.read(path: folder.path + "/k.key").id == key.id)
        #expect(throws: RegistryError.self) { try TrustedKey.read(path: folder.path + "/k.key") }
    }
}
