// `POST /v1/route`: a JSON batch (`{"uims": […], "date": …}` → one result per UIM, in order) or a text/plain body
// streamed line by line to NDJSON with bounded memory. Every result is exactly `route --format json`'s object, from
// the library's own writer, and every result of one response comes from one registry (a pinned context).
import Foundation
import Hummingbird
import UIMRouter

extension RoutingService {
    func addRouting(to router: Hummingbird.Router<ServiceRequestContext>) {
        router.post("/v1/route") { request, context in
            try authorize(request, context, .route)
            switch Self.mediaType(request.headers[.contentType]) {
            case "application/json":
                return try await routeJSON(request, context)
            case "text/plain":
                return try routeLines(request, context)
            default:
                throw Problem(.unsupportedMediaType, "unsupported-media-type", "Unsupported content type",
                              "Send `Content-Type: application/json` with {\"uims\": [...], \"date\": \"YYYY-MM-DD\"}, "
                              + "or `Content-Type: text/plain` with one UIM per line.")
            }
        }
    }

    /// The media type of a `Content-Type` value, lower-cased, without parameters.
    static func mediaType(_ value: String?) -> String? {
        guard let value else { return nil }
        let type = value.split(separator: ";", maxSplits: 1).first ?? ""
        return type.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The query date: `text` as YYYY-MM-DD, today (UTC) when absent; a 400 problem saying what is wrong otherwise.
    static func day(_ text: String?) throws -> Day {
        guard let text else { return Day.today() }
        if let day = Day(iso: text) { return day }
        throw Problem(.badRequest, "bad-date", "Bad date",
                      "`date` must be a day written YYYY-MM-DD: \(Day.problem(with: text) ?? "it is not one").")
    }

    private struct RouteRequest: Decodable {
        var uims: [String]
        var date: String?
    }

    private func routeJSON(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let body = try await collectBody(of: request)
        let parsed: RouteRequest
        do {
            parsed = try JSONDecoder().decode(RouteRequest.self, from: Data(buffer: body))
        } catch {
            throw Problem(.badRequest, "bad-json", "Body is not a route request",
                          "The body must be a JSON object {\"uims\": [\"…\", …], \"date\": \"YYYY-MM-DD\"} with "
                          + "`uims` a list of strings and `date` optional (\(Self.decodingProblem(error))).")
        }
        guard parsed.uims.count <= configuration.maxBatch else {
            throw Problem(.contentTooLarge, "batch-too-large", "Too many UIMs",
                          "A request routes at most \(configuration.maxBatch) UIMs; this one has \(parsed.uims.count). "
                          + "Split it, or send the UIMs as text/plain, which is streamed.")
        }
        let day = try Self.day(parsed.date)
        let box = registry.borrowContext()
        defer { registry.giveBack(box) }
        let routing = box.context
        let digest = routing.router.registry.digest
        context.note.digest = digest
        var w = JSONWriter()
        w.bytes.reserveCapacity(64 + parsed.uims.count * 160)
        w.raw("{"); w.key("registry"); w.raw("{"); w.key("digest"); w.string(digest); w.raw("}")
        w.raw(","); w.key("date"); w.string(day.description)
        w.raw(","); w.key("results"); w.raw("[")
        for (i, uim) in parsed.uims.enumerated() {
            if i > 0 { w.raw(",") }
            var text = uim
            text.withUTF8 { routing.route(utf8: $0, on: day).writeJSON(to: &w) }
        }
        w.raw("]}")
        context.note.uims = parsed.uims.count
        return Self.json(.ok, w.bytes)
    }

    /// The whole body, at most `maxBodyBytes`: a larger one is a 413 problem, one that stops arriving (the client
    /// went away, or stalled until the idle timeout closed the connection) a 400.
    func collectBody(of request: Request) async throws -> ByteBuffer {
        let limit = configuration.maxBodyBytes
        let timeout = Duration.seconds(configuration.requestTimeout)
        do {
            return try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
                group.addTask {
                    var request = request
                    return try await request.collectBody(upTo: limit)
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let body = first else {
                    var problem = Problem(.requestTimeout, "request-timeout", "Body too slow",
                                          "The request body did not arrive within \(timeout.components.seconds) s; "
                                          + "send it again, or send UIMs as text/plain, which is streamed.")
                    problem.headers[.connection] = "close"
                    throw problem
                }
                return body
            }
        } catch let problem as Problem {
            throw problem
        } catch let error as any HTTPResponseError {
            if error.status == .contentTooLarge { throw Problem.bodyTooLarge(limit: configuration.maxBodyBytes) }
            throw error
        } catch {
            throw Problem(.badRequest, "incomplete-body", "Body incomplete",
                          "The request body ended before its announced length, or stopped arriving; send it again.")
        }
    }

    /// What is wrong with a JSON body, without quoting it (it may hold UIMs).
    static func decodingProblem(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not JSON" }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty: return "not JSON"
        case .keyNotFound(let key, _): return "`\(key.stringValue)` is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return "wrong type at `\(path.hasPrefix(".") ? String(path.dropFirst()) : path)`"
        @unknown default: return "not a route request"
        }
    }

    /// Streams a text/plain body: each line (split on LF; a last line without LF is a line) yields one NDJSON
    /// result line, written as soon as the chunk that completed it has been routed. Memory is one chunk, one
    /// partial line (at most `maxLineBytes`) and one output buffer, whatever the body's size.
    private func routeLines(_ request: Request, _ context: ServiceRequestContext) throws -> Response {
        let day = try Self.day(request.uri.queryParameters.get("date"))
        let box = registry.borrowContext()
        let digest = box.context.router.registry.digest
        context.note.digest = digest
        let note = context.note
        let maxLine = configuration.maxLineBytes
        let stream = LineStream(routing: box, day: day, maxLine: maxLine)
        let registry = self.registry
        return Response(
            status: .ok, headers: [.contentType: "application/x-ndjson"],
            body: ResponseBody { writer in
                defer { registry.giveBack(box) }
                var output = ByteBuffer()
                for try await chunk in request.body {
                    let (lines, overflow) = stream.feed(chunk, into: &output)
                    note.add(uims: lines)
                    if overflow {
                        output.writeString(
                            "{\"error\":\"a line is longer than \(maxLine) bytes; the response ends here\"}\n")
                        try await writer.write(output)
                        try await writer.finish(nil)
                        return
                    }
                    if output.readableBytes > 0 {
                        try await writer.write(output)
                        output.clear()
                    }
                }
                note.add(uims: stream.finish(into: &output))
                if output.readableBytes > 0 { try await writer.write(output) }
                try await writer.finish(nil)
            })
    }
}

/// A routing context lent to one request at a time (``ServedRegistry/borrowContext()``), possibly to the task that
/// writes its streamed response.
/// Safety: the pool hands a box to one borrower until it is given back, and a borrower uses it from one task, one call
/// at a time; `@unchecked` only moves it between those tasks.
final class RoutingBox: @unchecked Sendable {
    let context: RoutingContext
    init(_ context: RoutingContext) { self.context = context }
}
