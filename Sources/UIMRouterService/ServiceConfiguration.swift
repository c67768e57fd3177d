// What a service is started with: where the registry comes from, where to listen, the limits, the tokens.
import Foundation
import UIMRouter

/// The settings of a routing service (the command line's options).
public struct ServiceConfiguration: Sendable {
    /// The registry folder to serve and reload from; `nil`: the registry bundled in the library.
    public var registryFolder: String?
    /// The keys the folder's signed release must verify under, at start and on every reload (a reload to an older
    /// release is refused); `nil`: no release is required (a manifest, when present, is reported as not verified).
    public var trust: TrustPolicy?
    /// Address to bind.
    public var host: String = "127.0.0.1"
    /// Port to bind; 0 picks a free one.
    public var port: Int = 8080
    /// The tokens accepted; `nil`: no authentication (only for a service on loopback).
    public var tokens: TokenStore?
    /// Most UIMs in one JSON request.
    public var maxBatch: Int = 10_000
    /// Largest JSON or YAML request body, in bytes (text/plain routing is streamed and has no limit).
    public var maxBodyBytes: Int = 8 << 20
    /// Largest line of a text/plain request, in bytes; a longer line ends the response.
    public var maxLineBytes: Int = 1 << 20
    /// Largest request head (request line and headers), in bytes.
    public var maxHeaderBytes: Int = 16 << 10
    /// A connection idle this long is closed, in seconds.
    public var idleTimeout: Int = 60
    /// Seconds a JSON or YAML request body may take to arrive; a slower one is answered 408 (a text/plain body is
    /// streamed and bounded by the idle timeout only).
    public var requestTimeout: Int = 30
    /// Most connections served at once; more wait in the listen backlog.
    public var maxConnections: Int = 1024
    /// How long SIGTERM waits for requests in flight before giving up, in seconds.
    public var shutdownTimeout: Int = 30
    /// Allow plain HTTP on an address other than loopback.
    public var insecurePlainHTTP: Bool = false
    /// TLS: the certificate chain (PEM); with `tlsKey`, the service speaks HTTPS only.
    public var tlsCertificate: String?
    /// TLS: the private key (PEM).
    public var tlsKey: String?
    /// TLS: the CA (PEM) whose client certificates are required; `nil`: no client certificate is asked for.
    public var tlsClientCA: String?

    /// Whether the service speaks TLS.
    public var usesTLS: Bool { tlsCertificate != nil }

    public init(registryFolder: String? = nil) {
        self.registryFolder = registryFolder
    }

    /// Whether `host` is a loopback address.
    public var bindsLoopbackOnly: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Why the configuration cannot be served, or `nil`.
    public var problem: String? {
        if (tlsCertificate == nil) != (tlsKey == nil) { return "--tls-cert and --tls-key go together" }
        if tlsClientCA != nil && !usesTLS { return "--tls-client-ca needs --tls-cert and --tls-key" }
        if !usesTLS && !bindsLoopbackOnly && !insecurePlainHTTP {
            return "refusing to serve plain HTTP on \(host): give --tls-cert and --tls-key, bind to 127.0.0.1, or "
                + "pass --insecure-plain-http behind a TLS-terminating proxy"
        }
        if trust != nil && registryFolder == nil {
            return "--trust needs --registry (or UIM_REGISTRY): the bundled registry carries no signed release"
        }
        if maxBatch < 1 { return "--max-batch must be at least 1" }
        if !(0...65535).contains(port) { return "--port must be between 0 and 65535" }
        return nil
    }
}
