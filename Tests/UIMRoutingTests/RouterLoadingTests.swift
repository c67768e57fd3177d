// Loading a registry straight into a router: one compile per regex, examples checked through the returned router,
// the validating `Registry.init` and the one wording of regex problems.
import Testing
@testable import UIMRouter
@testable import UIMRegex
@testable import UIMRegistry
@testable import UIMRouting
@testable import UIMRouterTestSupport

@Suite("Loading into a router")
struct RouterLoadingTests {
    static let location = SourceLocation(file: "T.yaml", line: 1, column: 1)

    @Test("the router of a load carries the registry Registry.load returns, warnings included")
    func routerMatchesRegistryLoad() throws {
        let files = [("Patterns/KE.yaml", RegistryFixtures.kenya)]
        let router = try Router(loadingFiles: files, examples: .warnings)
        let registry = try Registry.load(files: files, examples: .warnings)
        #expect(router.registry.digest == registry.digest)
        #expect(router.registry.warnings == registry.warnings)
        #expect(router.registry.patterns.map(\.id) == registry.patterns.map(\.id))
        #expect(router.route("CT0123456789", on: Day(iso: "2026-06-01")!).party == "KE")
    }

    @Test("a failing example is an error, or a warning of the returned router's registry")
    func examplesCheckedThroughTheRouter() throws {
        let text = RegistryFixtures.file(
            RegistryFixtures.pattern("KE-1", regex: "'KE[0-9]{3}'", "examples:", "  match: [KE12]"))
        #expect(throws: RegistryError.self) { try Router(loadingFiles: [("Patterns/KE.yaml", text)]) }
        let router = try Router(loadingFiles: [("Patterns/KE.yaml", text)], examples: .warnings)
        #expect(router.registry.warnings.map(\.code) == [.exampleDoesNotMatch])
    }

    @Test("the loader's compiled regex is JIT-compiled in place by the router")
    func loaderCodeIsReused() throws {
        let regex = try CompiledRegex("AB[0-9]{2}", jit: false)
        #expect(!regex.isJIT)
        let registry = try Registry(
            parties: [Party(code: "AB", name: "AB", protocolParty: true, location: Self.location)],
            patterns: [PatternSpec(id: "AB-1", party: "AB", regex: "AB[0-9]{2}", location: Self.location)])
        let router = try Router(registry: registry, compiled: [regex])
        #expect(router.patterns[0].regex === regex)
        #expect(regex.isJIT == (try CompiledRegex("AB[0-9]{2}")).isJIT)
        #expect(router.route("AB12", on: Day(iso: "2026-06-01")!).party == "AB")
    }

    @Test("Registry.init refuses duplicate ids, duplicate Parties and patterns of unknown Parties")
    func validatingInit() throws {
        let party = Party(code: "AA", name: "A", protocolParty: true, location: Self.location)
        let spec = PatternSpec(id: "AA-1", party: "AA", regex: "A[0-9]", location: Self.location)
        let orphan = PatternSpec(id: "ZZ-1", party: "ZZ", regex: "Z[0-9]", location: Self.location)
        #expect(throws: Never.self) { try Registry(parties: [party], patterns: [spec]) }
        do {
            _ = try Registry(parties: [party, party], patterns: [spec, spec, orphan])
            Issue.record("the registry was accepted")
        } catch {
            #expect(error.diagnostics.map(\.code) == [.duplicateID, .duplicateID, .codeMismatch])
            #expect(error.diagnostics[1].message
                == "pattern id 'AA-1' is already used at T.yaml:1; give each pattern an id of its own")
        }
    }

    @Test("the router words a bad regex and a missing check group as the loader does")
    func routerUsesTheLoadersWords() throws {
        let party = Party(code: "AA", name: "A", protocolParty: true, location: Self.location)
        let registry = try Registry(parties: [party], patterns: [
            PatternSpec(id: "AA-1", party: "AA", regex: "A(", location: Self.location),
            PatternSpec(id: "AA-2", party: "AA", regex: "A(?<payload>[0-9])", check: CheckSpec(algorithm: .gs1Mod10),
                        location: Self.location),
        ])
        do {
            _ = try Router(registry: registry)
            Issue.record("the router was built")
        } catch {
            #expect(error.diagnostics.map(\.code) == [.badRegex, .missingGroup])
            #expect(error.diagnostics[0].message.hasPrefix("regex of pattern 'AA-1' does not compile: "))
            #expect(error.diagnostics[1].message == "check digit group 'check' is not a named group of the regex "
                + "(its named groups: payload); add (?<check>...) to the regex or set 'digit' to one of its groups")
        }
    }

    @Test("RouterOptions.buildThreads sets the build's threads, not the router built")
    func buildThreads() throws {
        let files = [("Patterns/KE.yaml", RegistryFixtures.kenya)]
        let serial = try Router(loadingFiles: files, examples: .warnings, options: RouterOptions(buildThreads: 1))
        let parallel = try Router(loadingFiles: files, examples: .warnings, options: RouterOptions(buildThreads: 4))
        #expect(serial.options.buildThreads == 1)
        #expect(serial.patternEngines == parallel.patternEngines)
        #expect(serial.registry.digest == parallel.registry.digest)
    }
}
