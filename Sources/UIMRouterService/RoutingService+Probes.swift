// Open endpoints: liveness, readiness, the OpenAPI document; and `/metrics` (role `metrics`).
import Hummingbird
import UIMRouter

extension RoutingService {
    func addProbes(to router: Hummingbird.Router<ServiceRequestContext>) {
        router.get("/healthz") { _, _ in
            Self.json(.ok, #"{"status":"ok"}"#)
        }
        router.get("/readyz") { _, context in
            // A service only starts with a registry that loaded, and a failed reload keeps it: in service means ready.
            let digest = registry.digest
            context.note.digest = digest
            var w = JSONWriter()
            w.raw("{"); w.key("status"); w.string("ready"); w.raw(","); w.key("digest"); w.string(digest); w.raw("}")
            return Self.json(.ok, w.bytes)
        }
        router.get("/openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml"],
                     body: .init(byteBuffer: ByteBuffer(bytes: PackageResources.openapi_yaml)))
        }
        router.get("/metrics") { request, context in
            try authorize(request, context, .metrics)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: prometheus.emitToBuffer())))
        }
    }

    static func json(_ status: HTTPResponse.Status, _ text: String) -> Response {
        json(status, Array(text.utf8))
    }

    static func json(_ status: HTTPResponse.Status, _ bytes: [UInt8]) -> Response {
        Response(status: status, headers: [.contentType: "application/json"],
                 body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
