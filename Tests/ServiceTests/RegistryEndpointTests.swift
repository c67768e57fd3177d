// GET /v1/registry, /v1/parties[/{code}], POST /v1/admin/reload, /metrics and the problems of unknown paths.
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import UIMRouter
@testable import UIMRouterService

@Suite("Registry, Parties, reload, metrics")
struct RegistryEndpointTests {
    @Test func registryInfo() async throws {
        let service = try ServiceFixtures.service()
        let loaded = try BundledRegistry.load(examples: .warnings)
        try await ServiceFixtures.withClient(service) { client in
            try await client.execute(uri: "/v1/registry", method: .get, headers: ServiceFixtures.headers("route")) {
                let object = try ServiceFixtures.json($0.body)
                #expect(object["digest"] as? String == loaded.digest)
                #expect(object["source"] as? String == "bundled")
                #expect(object["parties"] as? Int == loaded.parties.count)
                #expect(object["patterns"] as? Int == loaded.patterns.count)
                #expect((object["loaded_at"] as? String)?.hasSuffix("Z") == true)
                #expect(object["release"] == nil)
            }
        }
    }

    @Test("with --trust: the verified release is in /v1/registry, and a reload to an unsigned folder is refused")
    func signedRelease() async throws {
        let folder = try ServiceFixtures.copiedPatterns()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let key = ReleaseSigningKey()
        try RegistryPublisher.release(directory: folder, key: key, version: 3, note: "test release")
        var configuration = ServiceFixtures.configuration(folder: folder)
        configuration.trust = TrustPolicy(keys: [key.publicKey])
        let service = try ServiceFixtures.service(configuration)
        let digest = service.registry.digest
        try await ServiceFixtures.withClient(service) { client in
            try await client.execute(uri: "/v1/registry", method: .get, headers: ServiceFixtures.headers("route")) {
                let release = try #require(try ServiceFixtures.json($0.body)["release"] as? [String: Any])
                #expect(release["version"] as? Int == 3)
                #expect(release["verified"] as? Bool == true)
                #expect(release["note"] as? String == "test release")
                #expect(release["signers"] as? [String] == [key.id])
            }
            // A Party file changed after signing: the release no longer verifies, the old one stays in service.
            let file = URL(fileURLWithPath: folder).appendingPathComponent("KE.yaml")
            try (String(contentsOf: file, encoding: .utf8) + "\n# changed\n").write(to: file, atomically: true,
                                                                                   encoding: .utf8)
            try await client.execute(uri: "/v1/admin/reload", method: .post, headers: ServiceFixtures.headers("admin")) {
                #expect($0.status == .unprocessableContent)
                #expect($0.headers[.contentType] == "application/problem+json")
            }
            #expect(service.registry.digest == digest)
        }
        var unsigned = ServiceFixtures.configuration()
        unsigned.trust = TrustPolicy(keys: [key.publicKey])
        #expect(unsigned.problem?.contains("--trust needs --registry") == true)
    }

    @Test func partiesAreListFormatJSONInTheAskedLanguage() async throws {
        let service = try ServiceFixtures.service()
        let loaded = try BundledRegistry.load(examples: .warnings)
        try await ServiceFixtures.withClient(service) { client in
            try await client.execute(uri: "/v1/parties", method: .get, headers: ServiceFixtures.headers("route")) {
                #expect(String(buffer: $0.body)
                        == String(decoding: RegistryListing.json(loaded, parties: loaded.parties, language: .en),
                                  as: UTF8.self))
            }
            var french = ServiceFixtures.headers("route")
            french[.acceptLanguage] = "de-DE, fr-CH;q=0.9, en;q=0.5"
            try await client.execute(uri: "/v1/parties/KE", method: .get, headers: french) {
                #expect($0.status == .ok)
                #expect(String(buffer: $0.body)
                        == String(decoding: RegistryListing.json(loaded, parties: [loaded.party("KE")!], language: .fr),
                                  as: UTF8.self))
            }
            try await client.execute(uri: "/v1/parties/XX", method: .get, headers: ServiceFixtures.headers("route")) {
                #expect($0.status == .notFound)
                #expect($0.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test(arguments: [(nil, Language.en), ("fr", .fr), ("zh-Hans-CN", .zh), ("de, ru;q=0.2, es;q=0.8", .es),
                      ("*", .en), ("ar;q=0", .en)])
    func acceptLanguage(header: String?, language: Language) {
        #expect(RoutingService.language(header) == language)
    }

    @Test func reloadChangesTheDigestAndABrokenReloadKeepsIt() async throws {
        let folder = try ServiceFixtures.copiedPatterns()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let service = try ServiceFixtures.service(ServiceFixtures.configuration(folder: folder))
        let before = service.registry.digest
        let kenya = folder + "/KE.yaml"
        let original = try String(contentsOfFile: kenya, encoding: .utf8)
        try await ServiceFixtures.withClient(service) { client in
            try original.replacingOccurrences(of: "name: Kenya", with: "name: Republic of Kenya")
                .write(toFile: kenya, atomically: true, encoding: .utf8)
            let changed: String = try await client.execute(uri: "/v1/admin/reload", method: .post,
                                                           headers: ServiceFixtures.headers("admin")) {
                #expect($0.status == .ok)
                let object = try ServiceFixtures.json($0.body)
                #expect(object["previous_digest"] as? String == before)
                #expect(object["changed"] as? Bool == true)
                #expect($0.headers[RoutingService.digestHeader] == object["digest"] as? String)
                return object["digest"] as? String ?? ""
            }
            #expect(changed != before && service.registry.digest == changed)

            try (original + "\n  - id: [broken\n").write(toFile: kenya, atomically: true, encoding: .utf8)
            try await client.execute(uri: "/v1/admin/reload", method: .post,
                                     headers: ServiceFixtures.headers("admin")) {
                #expect($0.status == .unprocessableContent)
                #expect($0.headers[RoutingService.digestHeader] == changed)
                let problem = try ServiceFixtures.json($0.body)
                #expect(problem["type"] as? String == "urn:uim-router:problem:reload-failed")
                let diagnostics = problem["diagnostics"] as? [[String: Any]] ?? []
                #expect(!diagnostics.isEmpty)
                #expect(diagnostics.first?["file"] as? String == kenya)
                #expect(diagnostics.first?["line"] is Int)
            }
            #expect(service.registry.digest == changed)
            try await client.execute(uri: "/readyz", method: .get) {
                #expect($0.status == .ok)
                #expect($0.headers[RoutingService.digestHeader] == changed)
            }
        }
    }

    @Test func metricsCountRequestsAndResultsNeverUIMs() async throws {
        let service = try ServiceFixtures.service()
        let uim = "0108008232764457235WYDQ-R5W"
        try await ServiceFixtures.withClient(service) { client in
            try await client.execute(uri: "/v1/route?date=2026-06-01", method: .post,
                                     headers: ServiceFixtures.headers("route", contentType: "text/plain"),
                                     body: ByteBuffer(string: uim + "\nnot a uim\n")) { #expect($0.status == .ok) }
            try await client.execute(uri: "/v1/route", method: .post,
                                     headers: ServiceFixtures.headers("route", contentType: "text/plain")) { _ in }
            try await client.execute(uri: "/metrics", method: .get, headers: ServiceFixtures.headers("metrics")) {
                #expect($0.status == .ok)
                let text = String(buffer: $0.body)
                let routed = #"uim_router_http_requests_total{route="/v1/route",method="POST",status="200"} 2"#
                #expect(text.contains(routed))
                #expect(text.contains("uim_router_http_request_duration_seconds_bucket"))
                #expect(text.contains(#"uim_router_results_total{status="routed"} 1"#))
                #expect(!text.contains(uim) && !text.contains("not a uim"))
            }
        }
    }

    @Test func anUnknownPathIsAProblemWithTheDigest() async throws {
        let service = try ServiceFixtures.service()
        try await ServiceFixtures.withClient(service) { client in
            try await client.execute(uri: "/v2/route", method: .get) {
                #expect($0.status == .notFound)
                #expect($0.headers[.contentType] == "application/problem+json")
                #expect($0.headers[RoutingService.digestHeader] == service.registry.digest)
            }
        }
    }

    @Test func theOpenAPIDocumentIsServed() async throws {
        let service = try ServiceFixtures.service()
        let file = try String(contentsOf: ServiceFixtures.repository
            .appendingPathComponent("Sources/UIMRouterService/openapi.yaml"), encoding: .utf8)
        try await ServiceFixtures.withClient(service) { client in
            try await client.execute(uri: "/openapi.yaml", method: .get) {
                #expect(String(buffer: $0.body) == file)
                #expect(file.hasPrefix("openapi: 3.1.0\n"))
            }
        }
    }
}
