// The bundled registry: it loads, its embedded copy equals Patterns/ on disk, and every example routes as stated.
import Foundation
import Testing
@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMRouting
@testable import UIMRouterTestSupport

@Suite("Bundled registry")
struct BundledRegistryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("the embedded files are byte-identical to Patterns/")
    func embeddedMatchesDisk() throws {
        let folder = Self.root.appending(path: "Patterns")
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") && !$0.hasPrefix("_") }.sorted()
        #expect(BundledRegistry.fileNames == onDisk)
        for (name, text) in BundledRegistry.files {
            #expect(try String(contentsOf: folder.appending(path: name), encoding: .utf8) == text, "\(name) differs: rebuild")
        }
    }

    @Test("loads without diagnostics and covers the Working Group's members")
    func loads() throws {
        let registry = try BundledRegistry.load()
        #expect(registry.patterns.count >= 20)
        for code in ["EU", "GB", "KE", "PK", "SN", "BR", "IN"] { #expect(registry.party(code) != nil, "\(code) missing") }
        for pattern in registry.patterns {
            #expect(!pattern.matchExamples.isEmpty && !pattern.noMatchExamples.isEmpty, "\(pattern.id) lacks examples")
            #expect(!pattern.references.isEmpty, "\(pattern.id) lacks references")
        }
    }

    @Test("every match example routes to its Party on a day its pattern is valid; no_match examples never match it")
    func examplesRoute() throws {
        let registry = try BundledRegistry.load()
        let router = try Router(registry: registry)
        let scratch = router.makeScratch()
        for pattern in registry.patterns {
            let day = pattern.validFrom ?? pattern.validUntil ?? Day(iso: "2026-06-01")!
            for example in pattern.matchExamples {
                let result = router.route(example.uim, on: day, using: scratch)
                #expect(result.status == .routed && result.party == pattern.party, "\(pattern.id): \(example.uim) → \(result.status)")
                #expect(result.matches.contains { $0.pattern == pattern.id })
            }
            for example in pattern.noMatchExamples {
                #expect(!router.route(example.uim, on: day, using: scratch).matches.contains { $0.pattern == pattern.id })
            }
        }
    }
}
