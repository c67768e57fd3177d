// POST /v1/route: JSON batches and streamed text/plain, each result exactly `route --format json`'s object.
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import UIMRouter
@testable import UIMRouterService

@Suite("POST /v1/route")
struct RouteEndpointTests {
    static let sample: [String] = {
        let file = ServiceFixtures.repository.appendingPathComponent("Samples/seized-uims.txt")
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }()

    @Test func jsonBatchEqualsRouteFormatJSON() async throws {
        let uims = Array(Self.sample.prefix(100))
        #expect(uims.count == 100)
        let expected = try ServiceFixtures.expectedLines(uims, date: "2026-06-01")
        let service = try ServiceFixtures.service()
        let body = try JSONSerialization.data(withJSONObject: ["uims": uims, "date": "2026-06-01"])
        try await ServiceFixtures.withClient(service) { client in
            try await client.execute(uri: "/v1/route", method: .post,
                                     headers: ServiceFixtures.headers("route", contentType: "application/json"),
                                     body: ByteBuffer(data: body)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(response.headers[RoutingService.digestHeader] == service.registry.digest)
                let text = String(buffer: response.body)
                let prefix = "{\"registry\":{\"digest\":\"\(service.registry.digest)\"},"
                    + "\"date\":\"2026-06-01\",\"results\":["
                #expect(text == prefix + expected.joined(separator: ",") + "]}")
            }
        }
    }

    @Test func streamedTextEqualsRouteFormatJSONLineByLine() async throws {
        let expected = try ServiceFixtures.expectedLines(Self.sample, date: "2026-06-01")
        let service = try ServiceFixtures.service()
        let body = Self.sample.joined(separator: "\n") + "\n"
        try await ServiceFixtures.withClient(service) { client in
            try await client.execute(uri: "/v1/route?date=2026-06-01", method: .post,
                                     headers: ServiceFixtures.headers("route",
                                                                      contentType: "text/plain; charset=utf-8"),
                                     body: ByteBuffer(string: body)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/x-ndjson")
                #expect(String(buffer: response.body) == expected.map { $0 + "\n" }.joined())
            }
        }
    }

    @Test(arguments: [("", 0), ("\n", 1), ("a", 1), ("a\nb", 2), ("a\r\n\n b \n", 3)])
    func linesAreSplitLikeStandardInput(body: String, lines: Int) async throws {
        let service = try ServiceFixtures.service()
        try await ServiceFixtures.withClient(service) { client in
            try await client.execute(uri: "/v1/route", method: .post,
                                     headers: ServiceFixtures.headers("route", contentType: "text/plain"),
                                     body: ByteBuffer(string: body)) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.split(separator: "\n").count == lines)
            }
        }
    }

    @Test func aLineLongerThanTheLimitEndsTheStream() async throws {
        let service = try ServiceFixtures.service()
        let body = "KE0000000001234\n" + String(repeating: "X", count: 5000) + "\nBB-123456\n"
        try await ServiceFixtures.withClient(service) { client in
            try await client.execute(uri: "/v1/route", method: .post,
                                     headers: ServiceFixtures.headers("route", contentType: "text/plain"),
                                     body: ByteBuffer(string: body)) { response in
                let lines = String(buffer: response.body).split(separator: "\n")
                #expect(lines.count == 2)
                #expect(lines.last?.hasPrefix("{\"error\":") == true)
            }
        }
    }

    @Test func anInvalidUIMIsAResultNotAnError() async throws {
        let service = try ServiceFixtures.service()
        let body = try JSONSerialization.data(withJSONObject: ["uims": ["", "\u{1}bad"]])
        try await ServiceFixtures.withClient(service) { client in
            try await client.execute(uri: "/v1/route", method: .post,
                                     headers: ServiceFixtures.headers("route", contentType: "application/json"),
                                     body: ByteBuffer(data: body)) { response in
                #expect(response.status == .ok)
                let object = try ServiceFixtures.json(response.body)
                let results = object["results"] as? [[String: Any]] ?? []
                #expect(results.map { $0["status"] as? String } == ["invalid", "invalid"])
                #expect(object["date"] as? String == Day.today().description)
            }
        }
    }

    @Test(arguments: [
        ("application/json", "not json", 400, "bad-json"),
        ("application/json", #"{"uims": "one"}"#, 400, "bad-json"),
        ("application/json", #"{"uims": [1]}"#, 400, "bad-json"),
        ("application/json", #"{"date": "2026-06-01"}"#, 400, "bad-json"),
        ("application/json", #"{"uims": [], "date": "2026-02-30"}"#, 400, "bad-date"),
        ("application/json", #"{"uims": [], "date": "tomorrow"}"#, 400, "bad-date"),
        ("application/xml", "<uims/>", 415, "unsupported-media-type"),
    ])
    func badRequestsAreProblems(contentType: String, body: String, status: Int, slug: String) async throws {
        let service = try ServiceFixtures.service()
        try await ServiceFixtures.withClient(service) { client in
            try await client.execute(uri: "/v1/route", method: .post,
                                     headers: ServiceFixtures.headers("route", contentType: contentType),
                                     body: ByteBuffer(string: body)) { response in
                #expect(Int(response.status.code) == status)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.headers[RoutingService.digestHeader] == service.registry.digest)
                let problem = try ServiceFixtures.json(response.body)
                #expect(problem["type"] as? String == "urn:uim-router:problem:\(slug)")
                #expect(problem["status"] as? Int == status)
                #expect((problem["detail"] as? String)?.isEmpty == false)
                #expect(problem["title"] is String)
            }
        }
    }

    @Test func aMissingContentTypeIs415() async throws {
        let service = try ServiceFixtures.service()
        try await ServiceFixtures.withClient(service) { client in
            try await client.execute(uri: "/v1/route", method: .post, headers: ServiceFixtures.headers("route"),
                                     body: ByteBuffer(string: "KE1")) { response in
                #expect(response.status == .unsupportedMediaType)
            }
        }
    }

    @Test func aBadQueryDateIs400() async throws {
        let service = try ServiceFixtures.service()
        try await ServiceFixtures.withClient(service) { client in
            try await client.execute(uri: "/v1/route?date=2026-13-01", method: .post,
                                     headers: ServiceFixtures.headers("route", contentType: "text/plain"),
                                     body: ByteBuffer(string: "KE1\n")) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func moreUIMsThanTheBatchLimitIs413() async throws {
        let service = try ServiceFixtures.service()   // maxBatch 100 in the fixtures
        let body = try JSONSerialization.data(withJSONObject: ["uims": Array(repeating: "KE1", count: 101)])
        try await ServiceFixtures.withClient(service) { client in
            try await client.execute(uri: "/v1/route", method: .post,
                                     headers: ServiceFixtures.headers("route", contentType: "application/json"),
                                     body: ByteBuffer(data: body)) { response in
                #expect(response.status == .contentTooLarge)
                #expect(ServiceFixtures.problemType(response.body) == "urn:uim-router:problem:batch-too-large")
            }
        }
    }

    @Test func aBodyLargerThanTheLimitIs413() async throws {
        let service = try ServiceFixtures.service()   // maxBodyBytes 64 KiB in the fixtures
        let body = #"{"uims": [""# + String(repeating: "A", count: 70_000) + #""]}"#
        try await ServiceFixtures.withClient(service) { client in
            try await client.execute(uri: "/v1/route", method: .post,
                                     headers: ServiceFixtures.headers("route", contentType: "application/json"),
                                     body: ByteBuffer(string: body)) { response in
                #expect(response.status == .contentTooLarge)
                #expect(ServiceFixtures.problemType(response.body) == "urn:uim-router:problem:body-too-large")
            }
        }
    }
}
