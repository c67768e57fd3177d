// JIT only where JIT code exists and is exact (issue 11): `(*NO_JIT)` patterns, and with PCRE2 before 10.43 patterns
// using `(*ACCEPT)` or recursion, run on the interpreter and route exactly as the interpreter says.
import Testing
@testable import UIMRouter
@testable import UIMRegex
@testable import UIMRegistry
@testable import UIMRouting
@testable import UIMRegistryTools
@testable import UIMRouterTestSupport

@Suite("JIT selection")
struct JITSelectionTests {
    static let regexes = [
        "(*NO_JIT)W[0-9]{3}",
        "V(?:1(*ACCEPT)|2)3",
        "A(?:B(*ACCEPT))?C",
        "\\((?:[^()]|(?R))*\\)",
        "(?<p>[A-Z](?&p)?[0-9])",
        "(A|B(?1))C",
        "X(?+1)(Y)",
    ]
    static let subjects = ["W123", "W12", "V1", "V13", "V23", "V2", "ABC", "AB", "AC", "(a)", "((a)(b))", "(()",
                           "A0", "AB10", "ABC210", "AC", "BAC", "BBAC", "XYY", "XY", "W1234"]

    @Test("each regex routes exactly as PCRE2's interpreter matches, on the engine chosen for it", arguments: regexes)
    func routesAsInterpreter(regex: String) throws {
        let registry = try Registry(parties: [Party(code: "AA", name: "A", protocolParty: true,
                                                location: SourceLocation(file: "AA.yaml", line: 1, column: 1))],
                                patterns: [PatternSpec(id: "AA-1", party: "AA", regex: regex,
                                                       location: SourceLocation(file: "AA.yaml", line: 2, column: 1))])
        let router = try Router(registry: registry)
        let interpreter = try CompiledRegex(regex, jit: false)
        let scratch = MatchScratch(maxCaptureCount: interpreter.captureCount, limits: MatchLimits())
        var matched = 0
        for subject in Self.subjects {
            var text = subject
            let truth = text.withUTF8 { scratch.match(interpreter, $0) }
            let result = router.route(subject, on: Day(iso: "2026-06-01")!)
            #expect(result.rejected.isEmpty, "\(regex) on \(subject): \(result.rejected)")
            #expect((result.status == .routed) == (truth == .match), "\(regex) on \(subject): \(result.status)")
            if truth == .match { matched += 1 }
        }
        #expect(matched > 0)
    }

    @Test("(*NO_JIT) runs on the interpreter, and says why")
    func noJIT() throws {
        let regex = try CompiledRegex("(*NO_JIT)W[0-9]{3}")
        #expect(!regex.isJIT)
        #expect(regex.interpreterReason?.contains("(*NO_JIT)") == true)
        #expect(try CompiledRegex("W[0-9]{3}").isJIT)
    }

    @Test("with PCRE2 before 10.43, (*ACCEPT) and recursion stay off the JIT")
    func acceptAndRecursion() throws {
        for regex in ["V(?:1(*ACCEPT)|2)3", "\\((?:[^()]|(?R))*\\)", "(A|B(?1))C", "(?<p>x)(?&p)", "(?<p>x)(?P>p)",
                      "(x)\\g<1>", "(x)(?-1)"] {
            let compiled = try CompiledRegex(regex)
            #expect(compiled.isJIT == !PCRE2Library.jitMishandlesAcceptAndRecursion, "\(regex)")
            #expect(PCRE2Library.acceptOrRecursion(in: regex) != nil, "\(regex)")
        }
        for regex in ["(x)\\1", "(?-i)x", "(?i:x)", "a{1,2}(?=b)"] {
            #expect(PCRE2Library.acceptOrRecursion(in: regex) == nil, "\(regex)")
        }
        #expect(PCRE2Library.version.major == 10)
    }

    @Test("lint notes the patterns PCRE2 runs on its interpreter")
    func lintNotes() throws {
        let registry = try Registry(parties: [Party(code: "AA", name: "A", protocolParty: true,
                                                location: SourceLocation(file: "AA.yaml", line: 1, column: 1))],
                                patterns: ["(*NO_JIT)W[0-9]{3}", "K[0-9]{3}"].enumerated().map { index, regex in
                                    PatternSpec(id: "AA-\(index)", party: "AA", regex: regex,
                                                location: SourceLocation(file: "AA.yaml", line: 2 + index, column: 1))
                                })
        let router = try Router(registry: registry)
        let findings = PatternLinter(registry: registry).findings(
            today: Day(iso: "2026-06-01")!, engines: router.patternEngines,
            interpreterReasons: router.interpreterReasons)
        let notes = findings.filter { $0.code == .interpreter }
        #expect(notes.map(\.pattern.pattern) == ["AA-0"])
    }
}
