// Inputs found by the fuzz targets (the Fuzz/ package), kept as regression tests: each once broke one of a target's
// invariants. Fuzz/README.md says how a crash artifact becomes a test here.
import Testing
@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMAutomata
@testable import UIMRouting
@testable import UIMRegistryTools
@testable import UIMRouterTestSupport

@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// Fuzz target `registry`: libyaml puts the end of a file that lacks a final line break on the line after the last
    /// one, so a syntax error there, or the empty root node of `---\n `, was reported at `Patterns/KE.yaml:3:1` in a
    /// two-line file; editors cannot jump there. Fixed in RegistryLoader+Locations.swift (`withinText`, applied by
    /// `location(_:)` in RegistryLoader+Values.swift): such a location becomes the end of the last line.
    @Test("a location at the end of a file without a final line break lies inside the file", arguments: [
        "format: 1\nparty",
        "format: 1\r\nparty",
        "# T\u{fc}rkiye\nformat: 1\npatterns:\n  - id: KE-1\n    regex",
        "---\n ",   // no syntax error: the root node itself is empty, and its mark was on line 3
    ])
    func locationAtEndOfFileIsInside(text: String) {
        let lines = RegistryText.lines(of: text).map(\.count)   // as libyaml counts lines
        do {
            _ = try Registry.load(files: [(path: "Patterns/KE.yaml", text: text)])
            Issue.record("a file with a broken last line loaded")
        } catch {
            for diagnostic in error.diagnostics {
                let location = diagnostic.location
                #expect((1...lines.count).contains(location.line), "\(diagnostic)")
                if (1...lines.count).contains(location.line) {
                    #expect((1...(lines[location.line - 1] + 1)).contains(location.column), "\(diagnostic)")
                }
            }
        }
    }

    /// Fuzz target `registry`: a duplicated key in a file whose lines end in CR (or NEL, LS, PS) trapped ("Range
    /// requires lowerBound <= upperBound") in `secondOccurrence`, which split the file at LF only while libyaml's line
    /// numbers count every YAML line break. Fixed in RegistryLoader+Locations.swift (`sourceLines` splits as libyaml
    /// does; the search range is guarded).
    @Test("a duplicated key in a file with CR line ends is a diagnostic on the second occurrence", arguments: [
        "x: 0\ra: 1\ra: 2\r", "x: 0\u{2028}a: 1\u{2028}a: 2\n", "x: 0\r\na: 1\ra: 2",
    ])
    func duplicatedKeyWithCRLineEnds(text: String) {
        do {
            _ = try Registry.load(files: [(path: "Patterns/KE.yaml", text: text)])
            Issue.record("a file with a duplicated key loaded")
        } catch {
            let duplicate = error.diagnostics.first { $0.message.contains("appears twice") }
            #expect(duplicate?.location == SourceLocation(file: "Patterns/KE.yaml", line: 3, column: 1),
                    "\(error.diagnostics)")
        }
    }

    /// Fuzz target `analysis`: path counts of long strings over wide classes overflowed to infinity, and sampling
    /// trapped in `Double.random(in: 0..<total)` ("There is no uniform distribution on an infinite range"), here
    /// reached through ConflictFinder's sampling of a pair with an opaque pattern (`(?|` is outside the dialect).
    /// Fixed in ByteDFA+Sampling.swift (`countCeiling`): counts saturate instead.
    @Test("path counts stay finite and sampling long strings works")
    func pathCountsStayFinite() throws {
        let analysis = PatternAnalysis(regex: "A[^0-9]*0")
        let counts = analysis.automaton.pathCounts(upTo: 509)
        #expect(counts.allSatisfy { $0.allSatisfy(\.isFinite) })
        var rng = SplitMix(seed: 7)
        let drawn = try #require(analysis.automaton.sample(length: 400, counts: counts, using: &rng))
        #expect(drawn.count == 400 && analysis.automaton.accepts(drawn))
    }

    @Test("the conflict finder samples a pair with an opaque pattern without trapping")
    func conflictSamplingWithLongAutomaton() {
        let registry = TestRegistry.make([
            TestRegistry.pattern("AA-1", "AA", #"][[:alnum:]]?(([\x{C0}-\x{FF}]{6}[^0-9]*[A-Z]?){0,2}AA){0,2}(?<p>[0-9A-Z]{8,8})(?<c>[0-9A-Z]{1})"#),
            TestRegistry.pattern("BB-1", "BB", "A"),
            TestRegistry.pattern("CC-1", "CC", #"ſ{1,3}\x6b*+(?-i:(?|s||))0"#),
        ])
        let finder = ConflictFinder(registry: registry)
        finder.searchBudget = 200   // enough to reach the sampling; the default makes this test slow
        _ = finder.conflicts()
        let disjoint = TestRegistry.make([
            TestRegistry.pattern("AA-1", "AA", "A[A-Z]*0"),
            TestRegistry.pattern("BB-1", "BB", "(?|A)[a-z]*1"),
        ])
        let disjointFinder = ConflictFinder(registry: disjoint)
        disjointFinder.searchBudget = 200
        #expect(disjointFinder.conflicts().isEmpty)
    }

    @Test("a regex PCRE2 rejects is a diagnostic, never a parser trap (route fuzzer: `[a-` ends mid-range)",
          arguments: ["[a-", "(?<f1>[0-9A-Z]?[0-9]??|[0-9]{6}){0,2}A[0-", "[", "[\\", "A[b-"])
    func uncompilableRegexIsReported(regex: String) throws {
        #expect(PatternAnalysis(regex: regex).isOpaque)
        let registry = TestRegistry.make([TestRegistry.pattern("AA-1", "AA", regex),
                                          TestRegistry.pattern("BB-1", "BB", "B[0-9]{3}")])
        #expect(throws: RegistryError.self) { try Router(registry: registry) }
    }
}
