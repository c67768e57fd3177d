// Test support for the service: a service over the bundled registry (or a copied folder) with one token per role,
// requests with a token, and the repository's own files.
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import UIMRouter
import UIMRouterService

enum ServiceFixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// One token per role, plus one with every role.
    static let tokens: [String: (token: String, entry: TokenEntry)] = {
        var made: [String: (String, TokenEntry)] = [:]
        for role in Role.allCases { made[role.rawValue] = TokenStore.makeToken(name: "t-\(role)", roles: [role]) }
        made["all"] = TokenStore.makeToken(name: "t-all", roles: Set(Role.allCases))
        return made
    }()

    static func token(_ role: String) -> String { tokens[role]!.token }

    static func configuration(folder: String? = nil, authenticated: Bool = true) -> ServiceConfiguration {
        var configuration = ServiceConfiguration(registryFolder: folder)
        if authenticated { configuration.tokens = TokenStore(entries: tokens.values.map(\.entry)) }
        configuration.maxBatch = 100
        configuration.maxBodyBytes = 64 << 10
        configuration.maxLineBytes = 4096
        return configuration
    }

    static func service(_ configuration: ServiceConfiguration = configuration()) throws -> RoutingService {
        var logger = Logger(label: "uim-router-server-tests")
        logger.logLevel = .critical
        return try RoutingService(configuration: configuration, logger: logger)
    }

    /// Runs `body` against the service's router in process.
    static func withClient<Value>(_ service: RoutingService,
                                  _ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws
        -> Value
    {
        let app = Application(router: service.makeRouter(), logger: service.logger)
        return try await app.test(.router, body)
    }

    static func headers(_ role: String?, contentType: String? = nil) -> HTTPFields {
        var fields = HTTPFields()
        if let role { fields[.authorization] = "Bearer \(token(role))" }
        if let contentType { fields[.contentType] = contentType }
        return fields
    }

    /// A copy of the repository's Patterns/ in a new temporary folder.
    static func copiedPatterns() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("uim-service-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Patterns"), to: folder)
        return folder.path
    }

    /// `route --format json`'s lines for `uims`, from the library's writer with the bundled registry.
    static func expectedLines(_ uims: [String], date: String) throws -> [String] {
        let router = try UIMRouter.Router(registry: try BundledRegistry.load(examples: .warnings))
        let scratch = router.makeScratch()
        let day = Day(iso: date)!
        return uims.map { uim in
            var w = JSONWriter()
            var text = uim
            text.withUTF8 { router.route(utf8: $0, on: day, using: scratch).writeJSON(to: &w) }
            return String(decoding: w.bytes, as: UTF8.self)
        }
    }

    /// The `type` of a problem document, or nil.
    static func problemType(_ buffer: ByteBuffer?) -> String? {
        (try? json(buffer))?["type"] as? String
    }

    static func json(_ buffer: ByteBuffer?) throws -> [String: Any] {
        let data = Data(buffer: buffer ?? ByteBuffer())
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}
