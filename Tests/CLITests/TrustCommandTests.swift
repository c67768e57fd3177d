// End-to-end: keygen, release, sign, verify, and --trust on the commands that load a registry.
import Foundation
import Testing

@Suite("Trust commands")
struct TrustCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A folder with the fixture registry and keys `a` and `b`; `release` 1 signed by `a`.
    static func released() throws -> (TemporaryFolder, String) {
        let folder = try TemporaryFolder()
        let registry = try FixtureRegistry.write(in: folder)
        #expect(try CLI.run(["keygen", "--out", folder.path("a")]).status == 0)
        #expect(try CLI.run(["keygen", "--out", folder.path("b")]).status == 0)
        let release = try CLI.run(["release", "--registry", registry, "--key", folder.path("a.key"), "--version", "1"])
        #expect(release.status == 0, "\(release.stderr)")
        return (folder, registry)
    }

    @Test("keygen prints the key id, writes a 0600 private key and never overwrites it")
    func keygen() throws {
        let folder = try TemporaryFolder()
        let made = try CLI.run(["keygen", "--out", folder.path("k")])
        #expect(made.status == 0)
        #expect(made.lines.first?.hasPrefix("key id: ed25519:") == true)
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path("k.key"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let before = try Data(contentsOf: URL(fileURLWithPath: folder.path("k.key")))
        let again = try CLI.run(["keygen", "--out", folder.path("k")])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path("k.key"))) == before)
    }

    @Test("verify: exit 0 when it verifies; exit 1 with the reason, located, when a file changed")
    func verify() throws {
        let (folder, registry) = try Self.released()
        let ok = try CLI.run(["verify", "--registry", registry, "--trust", folder.path("a.pub")])
        #expect(ok.status == 0, "\(ok.text)")
        #expect(ok.text.contains("release 1 (verified"))
        try Data("# unsigned edit\n".utf8).write(to: URL(fileURLWithPath: registry + "/AA.yaml"), options: .atomic)
        let refused = try CLI.run(["verify", "--registry", registry, "--trust", folder.path("a.pub")])
        #expect(refused.status == 1)
        #expect(refused.text.contains("\(registry)/AA.yaml:1:1: error: file changed since release 1"), "\(refused.text)")
        #expect(try CLI.run(["verify", "--registry", registry]).status == 64)
    }

    @Test("threshold 2: too few until sign adds the second signature")
    func threshold() throws {
        let (folder, registry) = try Self.released()
        let trust = ["--trust", folder.path("a.pub"), "--trust", folder.path("b.pub"), "--threshold", "2"]
        let few = try CLI.run(["verify", "--registry", registry] + trust)
        #expect(few.status == 1)
        #expect(few.text.contains("too few signatures: 1 valid signature(s) by trusted keys, 2 needed"))
        #expect(try CLI.run(["sign", "--registry", registry, "--key", folder.path("b.key")]).status == 0)
        #expect(try CLI.run(["verify", "--registry", registry] + trust).status == 0)
    }

    @Test("route with --trust exits 1 before routing when the release does not verify; routes when it does")
    func routeWithTrust() throws {
        let (folder, registry) = try Self.released()
        let routed = try CLI.run(["route", "--registry", registry, "--trust", folder.path("a.pub"), "--date",
                                  "2026-06-01", "--format", "json", "BB123456784"])
        #expect(routed.status == 0, "\(routed.stderr)")
        #expect(routed.text.contains("\"party\":\"BB\""))
        let refused = try CLI.run(["route", "--registry", registry, "--trust", folder.path("b.pub"), "BB123456784"])
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("signature by key"), "\(refused.stderr)")
        #expect(refused.stderr.contains("too few signatures"))
    }

    @Test("validate and list say unsigned without a release, the version with one")
    func unsignedAndVersion() throws {
        let folder = try TemporaryFolder()
        let registry = try FixtureRegistry.write(in: folder)
        #expect(try CLI.run(["validate", "--registry", registry]).lines.contains("release: unsigned"))
        #expect(try CLI.run(["list", "--registry", registry]).lines.contains("release: unsigned"))
        let (signer, released) = try Self.released()
        #expect(try CLI.run(["validate", "--registry", released]).lines.contains("release: 1 (not verified: no trusted key given)"))
        let listed = try CLI.run(["list", "--registry", released, "--trust", signer.path("a.pub"), "--format", "json"])
        #expect(listed.text.contains("\"release\":\"1\""), "\(listed.text)")
    }

    @Test("release refuses a registry that does not validate, and a version not above the existing one")
    func releaseRefusals() throws {
        let (folder, registry) = try Self.released()
        let same = try CLI.run(["release", "--registry", registry, "--key", folder.path("a.key"), "--version", "1"])
        #expect(same.status == 1)
        #expect(same.stderr.contains("not above the existing release 1"))
        let broken = try BrokenRegistry.write(in: folder)
        let invalid = try CLI.run(["release", "--registry", broken, "--key", folder.path("a.key"), "--version", "1"])
        #expect(invalid.status == 1)
        #expect(invalid.stderr.contains(BrokenRegistry.expectedError(broken)))
        #expect(!FileManager.default.fileExists(atPath: broken + "/_release.json"))
    }

    @Test("the README's publishing flow runs as written (Scripts/readme-publishing-flow)")
    func readmeFlow() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Self.root.appendingPathComponent("Scripts/readme-publishing-flow").path, CLI.binary.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("readme-publishing-flow: ok"))
    }
}
