// POST /v1/submissions/check: the check-submission report as JSON.
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import UIMRouter
@testable import UIMRouterService

@Suite("POST /v1/submissions/check")
struct SubmissionEndpointTests {
    static func kenya() throws -> String {
        try String(contentsOf: ServiceFixtures.repository.appendingPathComponent("Patterns/KE.yaml"), encoding: .utf8)
    }

    @Test func theCurrentFileIsAccepted() async throws {
        let service = try ServiceFixtures.service()
        let text = try Self.kenya()
        try await ServiceFixtures.withClient(service) { client in
            try await client.execute(uri: "/v1/submissions/check?party=KE", method: .post,
                                     headers: ServiceFixtures.headers("submit", contentType: "application/yaml"),
                                     body: ByteBuffer(string: text)) { response in
                #expect(response.status == .ok)
                let report = try ServiceFixtures.json(response.body)
                #expect(report["party"] as? String == "KE")
                #expect(report["accepted"] as? Bool == true)
                #expect(report["replaces_existing"] as? Bool == true)
                #expect((report["problems"] as? [Any])?.isEmpty == true)
            }
        }
    }

    @Test func aBrokenFileIsRefusedWithLinesAndColumns() async throws {
        let service = try ServiceFixtures.service()
        let text = try Self.kenya().replacingOccurrences(of: "valid_from", with: "vaild_from")
        try await ServiceFixtures.withClient(service) { client in
            try await client.execute(uri: "/v1/submissions/check?party=KE", method: .post,
                                     headers: ServiceFixtures.headers("submit", contentType: "application/yaml"),
                                     body: ByteBuffer(string: text)) { response in
                #expect(response.status == .ok)
                let report = try ServiceFixtures.json(response.body)
                #expect(report["accepted"] as? Bool == false)
                let problems = report["problems"] as? [[String: Any]] ?? []
                #expect(problems.first?["file"] as? String == "KE.yaml")
                #expect((problems.first?["line"] as? Int ?? 0) > 0)
                #expect((problems.first?["message"] as? String)?.contains("valid_from") == true)
            }
        }
    }

    @Test(arguments: ["", "?party=ke", "?party=K1"])
    func aMissingOrBadPartyIs400(query: String) async throws {
        let service = try ServiceFixtures.service()
        try await ServiceFixtures.withClient(service) { client in
            try await client.execute(uri: "/v1/submissions/check" + query, method: .post,
                                     headers: ServiceFixtures.headers("submit", contentType: "application/yaml"),
                                     body: ByteBuffer(string: "format: 1\n")) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func aFileNotInUTF8Is400() async throws {
        let service = try ServiceFixtures.service()
        try await ServiceFixtures.withClient(service) { client in
            try await client.execute(uri: "/v1/submissions/check?party=KE", method: .post,
                                     headers: ServiceFixtures.headers("submit", contentType: "application/yaml"),
                                     body: ByteBuffer(bytes: [0x66, 0xFF, 0xFE, 0x0A])) { response in
                #expect(response.status == .badRequest)
                #expect(ServiceFixtures.problemType(response.body) == "urn:uim-router:problem:not-utf8")
            }
        }
    }

    @Test func theRouteRoleCannotSubmit() async throws {
        let service = try ServiceFixtures.service()
        try await ServiceFixtures.withClient(service) { client in
            try await client.execute(uri: "/v1/submissions/check?party=KE", method: .post,
                                     headers: ServiceFixtures.headers("route", contentType: "application/yaml"),
                                     body: ByteBuffer(string: "format: 1\n")) { response in
                #expect(response.status == .forbidden)
            }
        }
    }
}
