// Bearer tokens and roles: 401 without or with an unknown token, 403 without the role; the probes are open.
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import UIMRouter
@testable import UIMRouterService

@Suite("Authentication and roles")
struct AuthTests {
    static let endpoints: [(String, HTTPRequest.Method, String)] = [
        ("/v1/route", .post, "route"), ("/v1/registry", .get, "route"), ("/v1/parties", .get, "route"),
        ("/v1/parties/KE", .get, "route"), ("/v1/admin/reload", .post, "admin"), ("/metrics", .get, "metrics"),
    ]

    @Test(arguments: endpoints)
    func noTokenIs401WithAChallenge(path: String, method: HTTPRequest.Method, role: String) async throws {
        let service = try ServiceFixtures.service()
        try await ServiceFixtures.withClient(service) { client in
            try await client.execute(uri: path, method: method,
                                     headers: ServiceFixtures.headers(nil, contentType: "text/plain")) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            var unknown = ServiceFixtures.headers(nil, contentType: "text/plain")
            unknown[.authorization] = "Bearer uimr_0000"
            try await client.execute(uri: path, method: method, headers: unknown) { response in
                #expect(response.status == .unauthorized)
                #expect(ServiceFixtures.problemType(response.body) == "urn:uim-router:problem:invalid-token")
            }
            var basic = ServiceFixtures.headers(nil, contentType: "text/plain")
            basic[.authorization] = "Basic dXNlcjpwYXNz"
            try await client.execute(uri: path, method: method, headers: basic) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test(arguments: endpoints)
    func aTokenWithoutTheRoleIs403(path: String, method: HTTPRequest.Method, role: String) async throws {
        let service = try ServiceFixtures.service()
        let other = role == "route" ? "submit" : "route"
        try await ServiceFixtures.withClient(service) { client in
            try await client.execute(uri: path, method: method,
                                     headers: ServiceFixtures.headers(other, contentType: "text/plain")) { response in
                #expect(response.status == .forbidden)
                #expect(ServiceFixtures.problemType(response.body) == "urn:uim-router:problem:forbidden")
            }
            try await client.execute(uri: path, method: method,
                                     headers: ServiceFixtures.headers(role, contentType: "text/plain")) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: path, method: method,
                                     headers: ServiceFixtures.headers("all", contentType: "text/plain")) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test(arguments: ["/healthz", "/readyz", "/openapi.yaml"])
    func probesAndTheDocumentAreOpen(path: String) async throws {
        let service = try ServiceFixtures.service()
        try await ServiceFixtures.withClient(service) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[RoutingService.digestHeader] == service.registry.digest)
            }
        }
    }

    @Test func withoutATokensFileEverythingIsAnswered() async throws {
        let service = try ServiceFixtures.service(ServiceFixtures.configuration(authenticated: false))
        try await ServiceFixtures.withClient(service) { client in
            try await client.execute(uri: "/v1/registry", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }
}

@Suite("Tokens file")
struct TokenStoreTests {
    @Test func aMadeTokenIsFoundByItsHashOnly() throws {
        let made = TokenStore.makeToken(name: "gsp", roles: [.route, .admin])
        #expect(made.token.hasPrefix("uimr_") && made.token.count == 5 + 64)
        let other = TokenStore.makeToken(name: "other", roles: [.metrics])
        let text = "# comment\n\n" + other.entry.line + "\n" + made.entry.line + "\n"
        #expect(!text.contains(made.token))
        let store = try TokenStore(text: text)
        #expect(store.entry(for: made.token)?.name == "gsp")
        #expect(store.entry(for: made.token)?.roles == [.route, .admin])
        #expect(store.entry(for: other.token)?.name == "other")
        #expect(store.entry(for: made.token + "x") == nil)
        #expect(store.entry(for: "") == nil)
        #expect(made.entry.line.hasPrefix("sha256:") && made.entry.line.hasSuffix(" gsp route,admin"))
    }

    @Test(arguments: ["sha256:abc gsp route", "gsp route", "sha256:\(String(repeating: "0", count: 64)) gsp root",
                      "md5:\(String(repeating: "0", count: 64)) gsp route"])
    func aMalformedLineIsAnErrorWithItsLine(line: String) {
        #expect(throws: TokenFileError.self) { try TokenStore(text: "\n" + line, path: "tokens") }
        do { _ = try TokenStore(text: "\n" + line, path: "tokens") } catch {
            #expect("\(error)".hasPrefix("tokens:2:"))
        }
    }
}
