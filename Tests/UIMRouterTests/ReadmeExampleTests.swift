// The README's embedding example, compiled and run; a test keeps the README's copy identical to this one.
import Foundation
import Testing
import UIMRouter
@testable import UIMRouterTestSupport

// embedding-example begin
func routeOneSeizure() throws -> [RouteResult] {
    // Loads, checks the examples and compiles each regex once; or: try Router(loading: "/srv/gsp/Patterns")
    let router = try BundledRegistry.loadRouter()       // immutable, Sendable: share it across threads
    let scratch = router.makeScratch()                  // one per thread: PCRE2 match state, reused
    let day = Day(iso: "2026-06-01")!
    return ["]d2WAAGSnB3Wwd25r4f5z21090418", "not a UIM"].map { uim in
        router.route(uim, on: day, using: scratch)
    }
}
// embedding-example end

@Suite("README")
struct ReadmeExampleTests {
    @Test("the embedding example routes a bundled EU UIM and leaves noise unrouted")
    func embeddingExampleRuns() throws {
        let results = try routeOneSeizure()
        #expect(results.map(\.status) == [.routed, .unrouted])
        #expect(results[0].party == "EU")
    }

    @Test("the README shows exactly the tested example")
    func readmeMatchesTest() throws {
        let here = URL(fileURLWithPath: #filePath)
        let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appending(path: "README.md"), encoding: .utf8)
        let source = try String(contentsOf: here, encoding: .utf8)
        let begin = source.range(of: "// embedding-example begin\n")!.upperBound
        let end = source.range(of: "// embedding-example end")!.lowerBound
        #expect(readme.contains("```swift\nimport UIMRouter\n\n" + source[begin..<end] + "```"))
    }
}
