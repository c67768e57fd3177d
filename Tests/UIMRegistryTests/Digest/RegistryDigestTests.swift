// The registry digest: stable under comments, layout and where the registry was read from; changed by any change
// of meaning; carried by the router.
import Foundation
import Testing

@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMRouting
@testable import UIMRouterTestSupport

@Suite("RegistryDigest")
struct RegistryDigestTests {
    static let patternsFolder = RepositoryFiles.patterns

    static let file = """
        format: 1
        party: {code: KE, name: Kenya, protocol_party: true}
        patterns:
          - id: KE-1
            regex: 'KE[0-9]{4}'
            examples: {match: [KE1234]}
        """

    static func load(_ text: String) throws -> Registry {
        try Registry.load(files: [("KE.yaml", text)])
    }

    @Test("64 lower-case hex digits; the bundled registry and Patterns/ on disk have the same one")
    func bundledEqualsFolder() throws {
        let bundled = try BundledRegistry.load()
        #expect(bundled.digest.range(of: #"^[0-9a-f]{64}$"#, options: .regularExpression) != nil)
        let folder = try Registry.load(from: Self.patternsFolder)
        #expect(folder.digest == bundled.digest)
        #expect(try Router(registry: folder).registryDigest == bundled.digest)
    }

    @Test("comments, quoting, flow or block style and key order do not change it")
    func layoutDoesNotCount() throws {
        let relaid = """
            # a comment
            patterns:
              - regex: "KE[0-9]{4}"   # same regex, double-quoted
                id: KE-1
                examples:
                  match:
                    - 'KE1234'
            party:
              protocol_party: true
              name: "Kenya"
              code: KE
            format: 1
            """
        #expect(try Self.load(relaid).digest == Self.load(Self.file).digest)
    }

    @Test("a change of regex, name, example or validity changes it", arguments: [
        ("'KE[0-9]{4}'", "'KE[0-9]{4,5}'"), ("name: Kenya", "name: Kenia"), ("[KE1234]", "[KE1235]"),
        ("examples:", "valid_until: 2030-01-01\n    examples:"),
    ])
    func meaningCounts(change: (String, String)) throws {
        let changed = Self.file.replacingOccurrences(of: change.0, with: change.1)
        #expect(changed != Self.file)
        #expect(try Self.load(changed).digest != Self.load(Self.file).digest)
    }

    @Test("a registry built in code with a changed pattern has the digest of its new patterns")
    func mutation() throws {
        let loaded = try Self.load(Self.file)
        var patterns = loaded.patterns
        patterns[0].regex = "KE[0-9]{6}"
        let registry = try Registry(parties: loaded.parties, patterns: patterns, source: loaded.source)
        #expect(registry.digest != loaded.digest)
        #expect(registry.digest == RegistryDigest.digest(parties: registry.parties, patterns: registry.patterns))
    }
}
