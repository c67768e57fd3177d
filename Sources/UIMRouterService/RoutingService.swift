// The GSP routing service: the registry in service, the tokens, the metrics, and the Hummingbird application that
// answers the API (endpoints in `RoutingService+*.swift`).
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import NIOSSL
import Logging
import Metrics
import Prometheus
import Synchronization
import UIMRouter

/// The HTTP routing service of a registry.
public struct RoutingService: Sendable {
    /// How it was started.
    public let configuration: ServiceConfiguration
    /// The registry in service.
    public let registry: ServedRegistry
    /// Where every counter and histogram of the service goes; `/metrics` prints it.
    public let prometheus: PrometheusCollectorRegistry
    let httpMetrics: HTTPMetrics
    /// One line per request; never a UIM, a body, a field or a token.
    public let logger: Logger

    /// The header every response carries.
    public static let digestHeader = HTTPField.Name("UIM-Registry-Digest")!

    /// Loads the registry; throws every problem when it does not load.
    public init(configuration: ServiceConfiguration, logger: Logger = Logger(label: "uim-router-server"),
                prometheus: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) throws(RegistryError) {
        self.configuration = configuration
        self.logger = logger
        self.prometheus = prometheus
        let factory = PrometheusMetricsFactory(registry: prometheus)
        registry = try ServedRegistry(folder: configuration.registryFolder, trust: configuration.trust,
                                      metrics: RoutingMetrics(factory: factory))
        httpMetrics = HTTPMetrics(factory: factory)
    }

    /// The routes and the middleware.
    public func makeRouter() -> Hummingbird.Router<ServiceRequestContext> {
        let router = Hummingbird.Router(context: ServiceRequestContext.self)
        router.add(middleware: ServiceMiddleware(service: self))
        addProbes(to: router)
        addRouting(to: router)
        addRegistryEndpoints(to: router)
        addAdmin(to: router)
        addSubmissions(to: router)
        return router
    }

    /// The application, listening as configured (HTTPS when a certificate is configured); `onListening` gets the
    /// bound address (`HOST:PORT`).
    /// - Throws: when the certificate, key or client CA cannot be read.
    public func makeApplication(onListening: @escaping @Sendable (String) async -> Void = { _ in }) throws
        -> some ApplicationProtocol
    {
        let http1 = HTTP1Channel.Configuration(
            idleTimeout: .seconds(Int64(configuration.idleTimeout)),
            httpDecoderConfiguration: .init(maxHeaderFieldSize: configuration.maxHeaderBytes,
                                            maxHeaderListSize: configuration.maxHeaderBytes, maxHeaderFieldCount: 100))
        var server = HTTPServerBuilder.http1(configuration: http1)
        if let tls = try tlsConfiguration() { server = try .tls(server, tlsConfiguration: tls) }
        return Application(
            router: makeRouter(),
            server: server,
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: "uim-router",
                availableConnectionsDelegate: MaximumAvailableConnections(configuration.maxConnections)),
            onServerRunning: { channel in
                let address = channel.localAddress
                let host = address?.ipAddress ?? configuration.host
                let shown = host.contains(":") ? "[\(host)]" : host
                await onListening("\(shown):\(address?.port ?? configuration.port)")
            },
            logger: logger)
    }

    /// The server's TLS settings (TLS 1.2 or later), or `nil` without a certificate. With a client CA, a client
    /// must present a certificate it signed.
    func tlsConfiguration() throws -> TLSConfiguration? {
        guard let certificate = configuration.tlsCertificate, let key = configuration.tlsKey else { return nil }
        let chain = try NIOSSLCertificate.fromPEMFile(certificate).map { NIOSSLCertificateSource.certificate($0) }
        var tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain, privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
        tls.minimumTLSVersion = .tlsv12
        if let clientCA = configuration.tlsClientCA {
            tls.trustRoots = .file(clientCA)
            tls.certificateVerification = .noHostnameVerification
        }
        return tls
    }

    // MARK: Authorisation

    /// Checks the bearer token for `role`: 401 when missing or unknown, 403 when the role is missing. Notes the
    /// token's name (never the token) for the log line. Without a tokens file everything is allowed.
    func authorize(_ request: Request, _ context: ServiceRequestContext, _ role: Role) throws {
        guard let tokens = configuration.tokens else { return }
        guard let value = request.headers[.authorization], value.count > 7,
              value.prefix(7).lowercased() == "bearer "
        else {
            var problem = Problem(.unauthorized, "unauthorized", "Authentication required",
                                  "Send `Authorization: Bearer <token>`; a token is made with "
                                  + "`uim-router-server token add NAME --roles \(role.rawValue) --tokens FILE`.")
            problem.headers[.wwwAuthenticate] = "Bearer realm=\"uim-router\""
            throw problem
        }
        let token = value.dropFirst(7).trimmingCharacters(in: .whitespaces)
        guard let entry = tokens.entry(for: token) else {
            var problem = Problem(.unauthorized, "invalid-token", "Token not accepted",
                                  "The bearer token is not in this service's tokens file; ask its operator for one.")
            problem.headers[.wwwAuthenticate] = "Bearer realm=\"uim-router\", error=\"invalid_token\""
            throw problem
        }
        context.note.tokenName = entry.name
        guard entry.roles.contains(role) else {
            throw Problem(.forbidden, "forbidden", "Role missing",
                          "The token '\(entry.name)' does not have the role '\(role.rawValue)' this request needs; "
                          + "ask the operator to add it.")
        }
    }
}

/// Request counts and latency histograms by route, method and status: counts only, never a UIM or a field.
final class HTTPMetrics: Sendable {
    struct Key: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    struct Pair: Sendable {
        var counter: Metrics.Counter
        var timer: Metrics.Timer
    }

    private let factory: PrometheusMetricsFactory
    private let cache = Mutex<[Key: Pair]>([:])

    init(factory: PrometheusMetricsFactory) { self.factory = factory }

    func record(route: String, method: String, status: Int, nanoseconds: Int64) {
        let key = Key(route: route, method: method, status: status)
        let pair = cache.withLock { table in
            if let pair = table[key] { return pair }
            let dimensions = [("route", route), ("method", method), ("status", String(status))]
            let pair = Pair(
                counter: Metrics.Counter(label: "uim_router_http_requests_total", dimensions: dimensions,
                                         factory: factory),
                timer: Metrics.Timer(label: "uim_router_http_request_duration_seconds", dimensions: dimensions,
                                     preferredDisplayUnit: .seconds, factory: factory))
            table[key] = pair
            return pair
        }
        pair.counter.increment()
        pair.timer.recordNanoseconds(nanoseconds)
    }
}
