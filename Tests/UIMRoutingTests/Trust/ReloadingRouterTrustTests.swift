// ReloadingRouter with a trust policy: only verified releases go into service, and never an older one unless allowed.
import Foundation
import MetricsTestKit
import Testing

@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMRouting
@testable import UIMRouterTestSupport

@Suite("ReloadingRouter trust")
struct ReloadingRouterTrustTests {
    /// Two released folders of the same Parties: `old` as release 1, `new` as release 2.
    static func folders() throws -> (old: SignedFolder, new: SignedFolder) {
        let old = try SignedFolder()
        try old.release(1, by: TrustKeys.a)
        let new = try SignedFolder()
        try new.write("AA.yaml", SignedFolder.files["AA.yaml", default: ""] + "\n# release 2\n")
        try new.release(2, by: TrustKeys.a)
        return (old, new)
    }

    @Test("reload to a newer release; a reload back to the older one is refused as a rollback unless allowed")
    func rollback() throws {
        let (old, new) = try Self.folders()
        let policy = TrustKeys.policy(TrustKeys.a)
        let holder = try ReloadingRouter(directory: old.path, trust: policy)
        #expect(holder.router.registry.release?.version == 1)
        guard case .reloaded = holder.reload(from: new.path) else { Issue.record("newer release refused"); return }
        #expect(holder.router.registry.release?.version == 2)
        guard case .failed(let problems) = holder.reload(from: old.path) else {
            Issue.record("rollback accepted"); return
        }
        #expect(problems.map(\.code) == [.releaseRollback])
        #expect(holder.router.registry.release?.version == 2)
        guard case .reloaded = holder.reload(from: old.path, allowingRollback: true) else {
            Issue.record("allowed rollback refused"); return
        }
        #expect(holder.router.registry.release?.version == 1)
    }

    @Test("a holder with keys refuses an unsigned or tampered folder and keeps the release in service")
    func refusesUnverified() throws {
        let (old, new) = try Self.folders()
        let holder = try ReloadingRouter(directory: old.path, trust: TrustKeys.policy(TrustKeys.a))
        try new.write("BB.yaml", SignedFolder.files["BB.yaml", default: ""] + "\n")
        guard case .failed(let problems) = holder.reload(from: new.path) else { Issue.record("tampered accepted"); return }
        #expect(problems.map(\.code) == [.releaseFileChanged])
        let unsigned = try Registry.load(from: new.path, trust: nil)
        guard case .failed = holder.reload(registry: unsigned) else { Issue.record("unverified accepted"); return }
        #expect(holder.router.registry.release?.version == 1)
        #expect(throws: RegistryError.self) { try ReloadingRouter(directory: new.path, trust: TrustKeys.policy(TrustKeys.a)) }
    }

    @Test("metrics: the registry in service is labelled with its digest and release")
    func registryInfo() throws {
        let (old, new) = try Self.folders()
        let metrics = TestMetrics()
        let holder = try ReloadingRouter(directory: old.path, trust: TrustKeys.policy(TrustKeys.a),
                                         metrics: RoutingMetrics(factory: metrics))
        let first = holder.router.registry
        #expect(try metrics.expectGauge("uim_router_registry_info", [("digest", first.digest), ("release", "1")]).lastValue == 1)
        _ = holder.reload(from: new.path)
        let second = holder.router.registry
        #expect(try metrics.expectGauge("uim_router_registry_info", [("digest", second.digest), ("release", "2")]).lastValue == 1)
        #expect(try metrics.expectGauge("uim_router_registry_info", [("digest", first.digest), ("release", "1")]).lastValue == 0)
    }
}
