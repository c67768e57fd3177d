// RFC 9457 problem details: every error the service answers is `application/problem+json` with a `type`, a `title`
// and a `detail` that says what to do. A UIM that is not valid is never a problem: it is a result with status
// `invalid`.
import Hummingbird
import UIMRouter

/// An error answered as an RFC 9457 problem document.
public struct Problem: Error, HTTPResponseError, Sendable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A short slug naming the kind of problem; the document's `type` is `urn:uim-router:problem:<slug>`.
    public var slug: String
    /// A short, fixed summary of the kind of problem.
    public var title: String
    /// What went wrong with this request and what to do about it.
    public var detail: String
    /// Registry diagnostics (a failed reload), as `FILE:LINE:COLUMN: error: message` objects.
    public var diagnostics: [Diagnostic] = []
    /// Extra response headers (`WWW-Authenticate` on a 401).
    public var headers: HTTPFields = [:]

    /// A problem of kind `slug`.
    public init(_ status: HTTPResponse.Status, _ slug: String, _ title: String, _ detail: String) {
        self.status = status
        self.slug = slug
        self.title = title
        self.detail = detail
    }

    /// The `type` URI.
    public var type: String { "urn:uim-router:problem:\(slug)" }

    /// The problem document, as JSON bytes.
    public var json: [UInt8] {
        var w = JSONWriter()
        w.raw("{"); w.key("type"); w.string(type)
        w.raw(","); w.key("title"); w.string(title)
        w.raw(","); w.key("status"); w.number(Int(status.code))
        w.raw(","); w.key("detail"); w.string(detail)
        if !diagnostics.isEmpty {
            w.raw(","); w.key("diagnostics"); w.raw("[")
            for (i, diagnostic) in diagnostics.enumerated() {
                if i > 0 { w.raw(",") }
                DiagnosticJSON.write(diagnostic, to: &w)
            }
            w.raw("]")
        }
        w.raw("}")
        return w.bytes
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response { response() }

    /// The response carrying this problem.
    public func response() -> Response {
        var fields = headers
        fields[.contentType] = "application/problem+json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: json)))
    }

    /// The problem for any other error thrown while answering: Hummingbird's own `HTTPError`s (no route, body too
    /// large) keep their status; anything else is a 500 that names no detail of the failure.
    static func from(_ error: any Error) -> Problem {
        if let problem = error as? Problem { return problem }
        if let error = error as? any HTTPResponseError {
            switch error.status {
            case .notFound:
                return Problem(.notFound, "not-found", "No such resource",
                               "There is no resource at this path; the API is described at /openapi.yaml.")
            case .contentTooLarge:
                return .bodyTooLarge(limit: nil)
            case .methodNotAllowed:
                return Problem(.methodNotAllowed, "method-not-allowed", "Method not allowed",
                               "This path does not take this method; the API is described at /openapi.yaml.")
            default:
                return Problem(error.status, "http-\(error.status.code)", error.status.reasonPhrase,
                               "The request could not be answered (\(error.status.code)); see /openapi.yaml.")
            }
        }
        return Problem(.internalServerError, "internal", "Internal error",
                       "The service failed to answer this request; retry, and report it if it persists.")
    }

    static func bodyTooLarge(limit: Int?) -> Problem {
        let limitText = limit.map { " (at most \($0) bytes)" } ?? ""
        return Problem(.contentTooLarge, "body-too-large", "Request body too large",
                       "The request body is larger than this service accepts\(limitText); split it into several "
                       + "requests, or send UIMs as text/plain, which is streamed and has no size limit.")
    }
}

/// A registry diagnostic as a JSON object: `file`, `line`, `column`, `severity`, `code`, `message`.
enum DiagnosticJSON {
    static func write(_ diagnostic: Diagnostic, to w: inout JSONWriter) {
        w.raw("{"); w.key("file"); w.string(diagnostic.location.file)
        w.raw(","); w.key("line"); w.number(diagnostic.location.line)
        w.raw(","); w.key("column"); w.number(diagnostic.location.column)
        w.raw(","); w.key("severity"); w.string(diagnostic.severity.rawValue)
        w.raw(","); w.key("code"); w.string(diagnostic.code.rawValue)
        w.raw(","); w.key("message"); w.string(diagnostic.message)
        w.raw("}")
    }
}
