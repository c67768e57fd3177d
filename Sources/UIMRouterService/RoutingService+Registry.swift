// The registry in service (`GET /v1/registry`), its Parties (`GET /v1/parties[/{code}]`, as `list --format json`),
// and reloading it (`POST /v1/admin/reload`, role `admin`; SIGHUP does the same).
import Foundation
import Hummingbird
import UIMRouter

extension RoutingService {
    func addRegistryEndpoints(to router: Hummingbird.Router<ServiceRequestContext>) {
        router.get("/v1/registry") { request, context in
            try authorize(request, context, .route)
            let snapshot = registry.snapshot
            context.note.digest = snapshot.digest
            let loaded = snapshot.router.registry
            var w = JSONWriter()
            w.raw("{"); w.key("digest"); w.string(snapshot.digest)
            w.raw(","); w.key("source"); w.string(registry.sourceName)
            w.raw(","); w.key("loaded_at"); w.string(snapshot.loadedAt.formatted(.iso8601))
            w.raw(","); w.key("parties"); w.number(loaded.parties.count)
            w.raw(","); w.key("patterns"); w.number(loaded.patterns.count)
            w.raw(","); w.key("version"); w.string(UIMRouterVersion.version)
            if let release = loaded.release {
                w.raw(","); w.key("release")
                w.raw("{"); w.key("version"); w.number(release.version)
                w.raw(","); w.key("created"); w.string(release.created)
                if let note = release.note { w.raw(","); w.key("note"); w.string(note) }
                w.raw(","); w.key("verified"); w.raw(release.verified ? "true" : "false")
                w.raw(","); w.key("signers"); w.raw("[")
                for (index, signer) in release.signers.enumerated() {
                    if index > 0 { w.raw(",") }
                    w.string(signer)
                }
                w.raw("]}")
            }
            w.raw("}")
            return Self.json(.ok, w.bytes)
        }
        router.get("/v1/parties") { request, context in
            try authorize(request, context, .route)
            let loaded = registry.snapshot.router.registry
            context.note.digest = loaded.digest
            let language = Self.language(request.headers[.acceptLanguage])
            return Self.json(.ok, RegistryListing.json(loaded, parties: loaded.parties, language: language))
        }
        router.get("/v1/parties/{code}") { request, context in
            try authorize(request, context, .route)
            let loaded = registry.snapshot.router.registry
            context.note.digest = loaded.digest
            let code = context.parameters.get("code") ?? ""
            guard let party = loaded.party(code) else {
                throw Problem(.notFound, "no-such-party", "No such Party",
                              "The registry in service has no Party with this code; GET /v1/parties lists them.")
            }
            let language = Self.language(request.headers[.acceptLanguage])
            return Self.json(.ok, RegistryListing.json(loaded, parties: [party], language: language))
        }
    }

    func addAdmin(to router: Hummingbird.Router<ServiceRequestContext>) {
        router.post("/v1/admin/reload") { request, context in
            try authorize(request, context, .admin)
            let result = reloadAndLog(trigger: "POST /v1/admin/reload")
            let previous = result.previous
            switch result.outcome {
            case .reloaded(let digest, _, let nanoseconds):
                context.note.digest = digest
                var w = JSONWriter()
                w.raw("{"); w.key("digest"); w.string(digest)
                w.raw(","); w.key("previous_digest"); w.string(previous)
                w.raw(","); w.key("changed"); w.raw(digest == previous ? "false" : "true")
                w.raw(","); w.key("milliseconds"); w.number(nanoseconds / 1_000_000)
                w.raw("}")
                return Self.json(.ok, w.bytes)
            case .failed(let diagnostics):
                var problem = Problem(.unprocessableContent, "reload-failed", "Registry does not load",
                                      "The registry in \(registry.sourceName) has \(diagnostics.count) problem(s), "
                                      + "listed in `diagnostics`; the previous registry (\(previous)) stays in "
                                      + "service. Fix them (`uim-router validate`) and reload again.")
                problem.diagnostics = diagnostics
                throw problem
            }
        }
    }

    /// The first language of `Accept-Language` among ar en es fr ru zh, by quality; English when none is.
    static func language(_ header: String?) -> Language {
        guard let header else { return .en }
        var best: (Language, Double)?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";")
            let tag = parts.first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            let primary = String(tag.prefix { $0 != "-" && $0 != "_" })
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.trimmingCharacters(in: .whitespaces)
                if pair.hasPrefix("q="), let q = Double(pair.dropFirst(2)) { quality = q }
            }
            guard let language = Language(rawValue: primary), quality > 0 else { continue }
            if let current = best, current.1 >= quality { continue }
            best = (language, quality)
        }
        return best?.0 ?? .en
    }
}
