// End-to-end: the registry digest in `validate`, `list`, the `classify` summary and `bench`, the same everywhere.
import Foundation
import Testing

@Suite("registry digest in command output")
struct DigestOutputTests {
    func listedDigest(_ arguments: [String] = []) throws -> String {
        let result = try CLI.run(["list", "--format", "json"] + arguments)
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        return try #require(object["digest"] as? String)
    }

    @Test("classify --summary-json and --summary carry the digest list prints")
    func classifySummary() throws {
        let folder = try TemporaryFolder()
        let registry = try FixtureRegistry.write(in: folder)
        let digest = try listedDigest(["--registry", registry])
        let summary = folder.path("summary.json")
        let result = try CLI.run(["classify", "--registry", registry, "--quiet", "--summary", "--summary-json", summary],
                                 stdin: Data("AA01234567AB1234\nBB123456784\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: summary))) as? [String: Any])
        let described = try #require(object["registry"] as? [String: Any])
        #expect(described["digest"] as? String == digest)
        #expect(result.stderr.contains("registry digest sha256:\(digest)"), "\(result.stderr)")
    }

    @Test("bench writes digest= on every line; a registry with errors stops it with its diagnostics")
    func bench() throws {
        let digest = try listedDigest()
        let result = try CLI.run(["bench", "--repeat", "1"], stdin: Data("KRA4NWSG06MD2NL9A\nBB-1\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.lines.isEmpty)
        for line in result.lines { #expect(line.contains(" digest=\(digest)"), "\(line)") }
        let folder = try TemporaryFolder()
        let broken = try BrokenRegistry.write(in: folder)
        let refused = try CLI.run(["bench", "--registry", broken], stdin: Data("X\n".utf8))
        #expect(refused.status == 1)
        #expect(refused.stderr.contains(BrokenRegistry.expectedError(broken)))
    }
}
