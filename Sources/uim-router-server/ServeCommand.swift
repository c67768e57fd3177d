// `uim-router-server serve`: load the registry, listen, answer until SIGTERM/SIGINT (graceful), reload on SIGHUP.
import ArgumentParser
import Logging
import ServiceLifecycle
import UIMRouter
import UIMRouterService
#if canImport(Glibc)
import Glibc
#endif

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the routing API.",
        discussion: """
            Loads the registry (--registry DIR, else $UIM_REGISTRY, else the bundled one) and answers the API \
            described at /openapi.yaml. A line `listening on HOST:PORT` on standard error says where (with \
            --port 0, a free port is picked). SIGHUP or POST /v1/admin/reload reloads the registry (a registry \
            that does not load leaves the old one in service); SIGTERM or SIGINT stops accepting connections, \
            finishes the requests in flight (up to --shutdown-timeout) and exits 0.

            Examples:
              uim-router-server token add gsp-platform --roles route --tokens /etc/uim-router/tokens
              uim-router-server serve --registry /srv/gsp/Patterns --tokens /etc/uim-router/tokens --port 8080
            """
    )

    @Option(help: ArgumentHelp("Registry folder (default: $UIM_REGISTRY, else the bundled registry).",
                               valueName: "dir"))
    var registry: String?

    @Option(help: ArgumentHelp(
        "A public key (NAME.pub) trusted to sign registry releases; repeat for several. With any, the folder's "
            + "release must verify at start and at every reload, and a reload to an older release is refused.",
        valueName: "key.pub"))
    var trust: [String] = []

    @Option(help: ArgumentHelp("How many distinct trusted keys must have signed the release (default 1).",
                               valueName: "k"))
    var threshold = 1

    @Option(help: "Address to bind; plain HTTP binds only to loopback unless --insecure-plain-http is given.")
    var host = "127.0.0.1"

    @Option(help: "Port to bind; 0 picks a free one.")
    var port = 8080

    @Option(help: ArgumentHelp("Tokens file (`token add` writes it); without one, no request is authenticated.",
                               valueName: "file"))
    var tokens: String?

    @Option(help: "Most UIMs in one JSON request.")
    var maxBatch = 10_000

    @Option(help: "Largest JSON request body, in bytes (text/plain is streamed and has no limit).")
    var maxBodyBytes = 8 << 20

    @Option(help: "Largest request head, in bytes.")
    var maxHeaderBytes = 16 << 10

    @Option(help: "Seconds after which an idle connection is closed.")
    var idleTimeout = 60

    @Option(help: "Seconds a JSON or YAML request body may take to arrive (else 408).")
    var requestTimeout = 30

    @Option(help: "Most connections served at once.")
    var maxConnections = 1024

    @Option(help: "Seconds SIGTERM waits for requests in flight.")
    var shutdownTimeout = 30

    @Option(help: ArgumentHelp("TLS certificate chain (PEM): serve HTTPS.", valueName: "file"))
    var tlsCert: String?

    @Option(help: ArgumentHelp("TLS private key (PEM).", valueName: "file"))
    var tlsKey: String?

    @Option(help: ArgumentHelp("CA (PEM) whose client certificates are required (mutual TLS).", valueName: "file"))
    var tlsClientCa: String?

    @Flag(help: "Serve plain HTTP on an address other than loopback (behind a TLS-terminating proxy only).")
    var insecurePlainHttp = false

    @Flag(help: "Reload when a file of the registry folder changes (polled, debounced).")
    var watch = false

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "uim-router-server")
        var settings = ServiceConfiguration(registryFolder: registry ?? environmentRegistry)
        settings.host = host
        settings.port = port
        settings.maxBatch = maxBatch
        settings.maxBodyBytes = maxBodyBytes
        settings.maxHeaderBytes = maxHeaderBytes
        settings.idleTimeout = idleTimeout
        settings.maxConnections = maxConnections
        settings.requestTimeout = requestTimeout
        settings.shutdownTimeout = shutdownTimeout
        settings.insecurePlainHTTP = insecurePlainHttp
        settings.tlsCertificate = tlsCert
        settings.tlsKey = tlsKey
        settings.tlsClientCA = tlsClientCa
        if !trust.isEmpty {
            do throws(RegistryError) {
                settings.trust = try TrustPolicy.read(keyFiles: trust, threshold: threshold)
            } catch {
                for diagnostic in error.diagnostics { logger.critical("\(diagnostic.description)") }
                throw ExitCode(66)
            }
        }
        if let problem = settings.problem {
            logger.critical("\(problem)")
            throw ExitCode(64)
        }
        if let tokens {
            do { settings.tokens = try TokenStore(file: tokens) } catch {
                logger.critical("\(error)")
                throw ExitCode(66)
            }
        } else {
            logger.warning("no --tokens file: every request is answered without authentication")
        }
        let service: RoutingService
        do {
            service = try RoutingService(configuration: settings, logger: logger)
        } catch {
            for diagnostic in error.diagnostics { logger.critical("\(diagnostic.description)") }
            let count = error.diagnostics.count
            logger.critical("the registry does not load (\(count) problem(s)); fix them (uim-router validate)")
            throw ExitCode(1)
        }
        var registryMetadata: Logger.Metadata = ["source": "\(service.registry.sourceName)",
                                                 "digest": "\(service.registry.digest)"]
        if let release = service.registry.snapshot.router.registry.release {
            registryMetadata["release"] = "\(release)"
        }
        logger.notice("registry in service", metadata: registryMetadata)
        let scheme = settings.usesTLS ? "https" : "http"
        let application: any Service
        do {
            application = try service.makeApplication { address in
                // Written whatever the log level: scripts and supervisors wait for this line.
                let line = "uim-router-server: listening on \(address) (\(scheme))\n"
                _ = line.withCString { write(2, $0, strlen($0)) }
            }
        } catch {
            logger.critical("cannot set up TLS: \(error)")
            throw ExitCode(66)
        }
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: application), .init(service: HangupReloader(service: service)),
        ]
        if watch {
            if service.registry.folder == nil {
                logger.warning("--watch: the bundled registry cannot change; nothing to watch")
            } else {
                services.append(.init(service: FolderWatcher(service: service)))
            }
        }
        var group = ServiceGroupConfiguration(
            services: services,
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger)
        group.maximumGracefulShutdownDuration = .seconds(shutdownTimeout)
        try await ServiceGroup(configuration: group).run()
        logger.notice("stopped")
    }

    private var environmentRegistry: String? {
        guard let value = getenv("UIM_REGISTRY"), value.pointee != 0 else { return nil }
        return String(cString: value)
    }
}
