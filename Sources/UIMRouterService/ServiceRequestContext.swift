// The request context: Hummingbird's core storage plus a note the handlers fill in (token name, number of UIMs,
// the digest of the router that answered) for the one log line and the metrics of each request.
import Hummingbird
import Synchronization

/// What a handler tells the request's log line and metrics. A reference, so the middleware sees what the handler
/// wrote in its copy of the context.
public final class RequestNote: Sendable {
    private struct Fields {
        var tokenName: String?
        var uims = 0
        var digest: String?
    }

    private let fields = Mutex(Fields())

    public init() {}

    /// The name of the token that was accepted (never the token).
    public var tokenName: String? {
        get { fields.withLock { $0.tokenName } }
        set { fields.withLock { $0.tokenName = newValue } }
    }

    /// How many UIMs the request routed so far.
    public var uims: Int {
        get { fields.withLock { $0.uims } }
        set { fields.withLock { $0.uims = newValue } }
    }

    /// Adds `count` routed UIMs.
    public func add(uims count: Int) { fields.withLock { $0.uims += count } }

    /// The digest of the registry that answered, for the `UIM-Registry-Digest` header.
    public var digest: String? {
        get { fields.withLock { $0.digest } }
        set { fields.withLock { $0.digest = newValue } }
    }
}

/// The service's request context.
public struct ServiceRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Filled in by the handler, read by the middleware.
    public let note: RequestNote

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        note = RequestNote()
    }
}
