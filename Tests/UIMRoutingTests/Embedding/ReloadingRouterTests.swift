// ReloadingRouter: reloads swap in complete routers while threads route; a failed reload keeps the old one.
import Dispatch
import Foundation
import MetricsTestKit
import Synchronization
import Testing

@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMRouting
@testable import UIMRouterTestSupport

@Suite("ReloadingRouter")
struct ReloadingRouterTests {
    static let day = Day(iso: "2026-06-01")!
    /// In `a`, X-codes are AA's; in `b` they are BB's, and X1-codes are ambiguous between BB and DD.
    static let a = TestRegistry.make([
        TestRegistry.pattern("AA-1", "AA", "X[0-9]{4}"), TestRegistry.pattern("CC-1", "CC", "C[0-9]{3}"),
    ])
    static let b = TestRegistry.make([
        TestRegistry.pattern("BB-1", "BB", "X[0-9]{4}"), TestRegistry.pattern("CC-1", "CC", "C[0-9]{3}"),
        TestRegistry.pattern("DD-1", "DD", "X1[0-9]{3}"),
    ])
    static let uims = (0..<64).map { k in k % 4 == 3 ? "C\(100 + k)" : k % 4 == 2 ? "nothing \(k)" : "X\(1000 + 37 * k)" }

    /// What each registry answers for each UIM, by registry digest.
    static func expectations() throws -> [String: [String: RouteResult]] {
        var table: [String: [String: RouteResult]] = [:]
        for registry in [a, b] {
            let router = try Router(registry: registry)
            table[registry.digest] = Dictionary(uniqueKeysWithValues: uims.map { ($0, router.route($0, on: day)) })
        }
        return table
    }

    @Test("stress: 3 threads route while 60 reloads alternate two registries; every result is its router's")
    func stress() throws {
        let expected = try Self.expectations()
        #expect(expected[Self.a.digest]?["X1037"]?.party == "AA")
        #expect(expected[Self.b.digest]?["X1037"]?.status == .ambiguous)
        let holder = ReloadingRouter(router: try Router(registry: Self.a))
        let done = Atomic<Bool>(false)
        let problems = Mutex<[String]>([])
        let seen = Mutex<Set<String>>([])
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            if worker == 0 {
                for k in 0..<60 {
                    guard case .reloaded = holder.reload(registry: k % 2 == 0 ? Self.b : Self.a) else {
                        problems.withLock { $0.append("reload \(k) failed") }
                        continue
                    }
                }
                done.store(true, ordering: .releasing)
                return
            }
            let context = holder.makeContext()
            var digests: Set<String> = []
            var bad: [String] = []
            var round = 0
            // Route until the reloads are over, then one more full pass (which must see the last registry).
            while !done.load(ordering: .acquiring) || round < 2 {
                if done.load(ordering: .acquiring) { round += 1 }
                for uim in Self.uims {
                    let result = context.route(uim, on: Self.day)
                    let digest = context.router.registryDigest
                    digests.insert(digest)
                    if expected[digest]?[uim] != result { bad.append("\(uim) → \(result.status) \(result.parties)") }
                }
            }
            problems.withLock { $0 += bad.prefix(5) }
            seen.withLock { $0.formUnion(digests) }
        }
        #expect(problems.withLock { $0 } == [])
        #expect(holder.generation == 60)
        #expect(holder.router.registryDigest == Self.a.digest)
        #expect(seen.withLock { $0 }.isSubset(of: [Self.a.digest, Self.b.digest]))
        #expect(seen.withLock { $0 }.contains(Self.a.digest))
    }

    @Test("a failed reload keeps the old router and returns every diagnostic")
    func failedReload() throws {
        let holder = ReloadingRouter(router: try Router(registry: Self.a))
        let context = holder.makeContext()
        guard case .failed(let diagnostics) = holder.reload(from: "/nonexistent/registry") else {
            Issue.record("a missing folder reloaded")
            return
        }
        #expect(diagnostics.first?.code == .io)
        let broken = TestRegistry.make([TestRegistry.pattern("EE-1", "EE", "E(")])
        guard case .failed(let compileProblems) = holder.reload(registry: broken) else {
            Issue.record("a regex that does not compile reloaded")
            return
        }
        #expect(!compileProblems.isEmpty)
        #expect(holder.generation == 0)
        #expect(holder.router.registryDigest == Self.a.digest)
        #expect(context.route("X1037", on: Self.day).party == "AA")
    }

    @Test("a reload from a folder: the new digest, and contexts pick it up on their next call")
    func reloadFromFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "reload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try RegistryFixtures.file(code: "KE", RegistryFixtures.pattern("KE-1", regex: "'X[0-9]{4}'"))
            .write(to: folder.appending(path: "KE.yaml"), atomically: true, encoding: .utf8)
        let holder = ReloadingRouter(router: try Router(registry: Self.a))
        let context = holder.makeContext()
        #expect(context.route("X1037", on: Self.day).party == "AA")
        guard case .reloaded(let digest, let generation, _) = holder.reload(from: folder.path) else {
            Issue.record("reload failed")
            return
        }
        #expect(generation == 1 && digest == holder.router.registryDigest)
        #expect(context.route("X1037", on: Self.day).party == "KE")
    }

    @Test("decide gives route's status and Party, counts them, and picks up a reload like route")
    func decide() throws {
        let routers = [Self.a.digest: try Router(registry: Self.a), Self.b.digest: try Router(registry: Self.b)]
        let metrics = TestMetrics()
        let holder = ReloadingRouter(router: try Router(registry: Self.a), metrics: RoutingMetrics(factory: metrics))
        let context = holder.makeContext()
        for registry in [Self.a, Self.b] {
            if registry.digest != holder.router.registryDigest { _ = holder.reload(registry: registry) }
            for uim in Self.uims + ["", "X1\u{0}23"] {
                let decision = Array(uim.utf8).withUnsafeBufferPointer { context.decide(utf8: $0, on: Self.day) }
                let result = try #require(routers[registry.digest]).route(uim, on: Self.day)
                #expect(decision.status == result.status && decision.party == result.party, "\(uim)")
            }
        }
        #expect(try metrics.expectCounter("uim_router_results_total", [("status", "routed")]).totalValue > 0)
        #expect(try metrics.expectCounter("uim_router_party_results_total", [("party", "BB"), ("status", "routed")])
            .totalValue > 0)
    }
}
