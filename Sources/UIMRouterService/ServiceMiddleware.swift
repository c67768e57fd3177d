// Around every request: errors become RFC 9457 problems, every response carries `UIM-Registry-Digest`, and each
// request gets one log line and its count and latency — after a streamed body has been written, not before.
import Hummingbird
import Logging

struct ServiceMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let service: RoutingService

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response
    {
        let start = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let problem = Problem.from(error)
            if problem.status == .internalServerError {
                // The error's type only: its text could quote a request.
                service.logger.error("internal error", metadata: ["error.type": "\(type(of: error))"])
            }
            response = problem.response()
        }
        response.headers[RoutingService.digestHeader] = context.note.digest ?? service.registry.digest
        let route = context.endpointPath ?? "unmatched"
        let method = request.method.rawValue
        let path = route  // the route template, never the raw path: a client could put a UIM in it
        let status = Int(response.status.code)
        let note = context.note
        let service = self.service
        let finish: @Sendable (String) -> Void = { outcome in
            let elapsed = ContinuousClock.now - start
            let nanoseconds = elapsed.components.seconds * 1_000_000_000
                + elapsed.components.attoseconds / 1_000_000_000
            service.httpMetrics.record(route: route, method: method, status: status, nanoseconds: nanoseconds)
            service.logger.info("request", metadata: [
                "method": "\(method)", "path": "\(path)", "status": "\(status)",
                "duration_ms": "\(Double(nanoseconds / 1000) / 1000)", "uims": "\(note.uims)",
                "token": "\(note.tokenName ?? "-")", "outcome": "\(outcome)",
            ])
        }
        if response.body.contentLength == nil {
            // A streamed body: count and log once it has been written (or has failed).
            let body = response.body
            response.body = ResponseBody { writer in
                do {
                    try await body.write(writer)
                    finish("complete")
                } catch {
                    finish("aborted")
                    throw error
                }
            }
        } else {
            finish("complete")
        }
        return response
    }
}
