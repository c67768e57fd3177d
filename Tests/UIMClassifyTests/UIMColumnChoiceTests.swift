// Choosing the UIM column of a CSV/TSV input without --column (issue 12): the column named uim, else the one whose
// first values look like UIMs, else one whose name suggests UIMs — and never a list of seizure ids.
import Foundation
import Testing
@testable import UIMRouter
@testable import UIMClassify
@testable import UIMRouterTestSupport

@Suite("UIMColumnChoice")
struct UIMColumnChoiceTests {
    @Test("without a column named uim, the column whose values match patterns is routed, and the choice says why")
    func sampledColumn() throws {
        let csv = "Seizure ref,Pack,Notes\nS-1,AA01234567AB1234,box\nS-2,X12345678,shelf\nS-3,ZZ-not-a-uim,\n"
        let (text, outcome) = try BatchFixtures.classify(Array(csv.utf8), format: .csv, output: .jsonl)
        #expect(outcome.isComplete)
        let objects = try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(objects.map { $0["uim"] as? String } == ["AA01234567AB1234", "X12345678", "ZZ-not-a-uim"])
        #expect(outcome.summary.inputs.first?.uimColumn == "Pack")
        let choice = try #require(Self.choice(csv))
        #expect(choice.index == 1 && choice.name == "Pack")
        #expect(choice.reason == .sampled(matching: 2, sampled: 3))
        #expect(choice.description.contains("UIM column 2 'Pack'") && choice.description.contains("2 of its first 3"))
    }

    @Test("a list of seizure ids is refused, naming the header's columns; nothing is written")
    func seizureIDsRefused() throws {
        let csv = "Seizure ref,Officer\nS-1,Smith\nS-2,Jones\n"
        let (text, outcome) = try BatchFixtures.classify(Array(csv.utf8), format: .csv, output: .tsv)
        guard case .inputFailed(let error) = outcome.ending else {
            Issue.record("expected a refusal, got \(outcome.ending)")
            return
        }
        #expect(error.code == .noUIMColumn)
        #expect(error.description.contains("'Seizure ref', 'Officer'"))
        #expect(outcome.summary.records == 0)
        #expect(text.isEmpty)
        #expect(Self.choice(csv) == nil)
    }

    @Test("a header word such as code or marking is chosen when no value matches; with no rows, too")
    func nameSuggests() throws {
        let hinted = try #require(Self.choice("Seizure ref,Pack code\nS-1,QQ123\n"))
        #expect(hinted.index == 1 && hinted.reason == .nameSuggests(matching: 0, sampled: 1))
        let empty = try #require(Self.choice("ref,UI marking\n"))
        #expect(empty.index == 1 && empty.reason == .noRows)
        #expect(UIMColumnChoice.nameSuggestsUIMs("UIM-code") && !UIMColumnChoice.nameSuggestsUIMs("Seizure id"))
    }

    @Test("a column named uim, or --column, wins without looking at the values")
    func namedOrRequested() throws {
        let csv = "Pack,UIM\nAA01234567AB1234,S-1\n"
        let (named, _) = try BatchFixtures.classify(Array(csv.utf8), format: .csv, output: .tsv)
        #expect(named.split(separator: "\n")[1].split(separator: "\t")[2] == "S-1")
        let (requested, _) = try BatchFixtures.classify(Array(csv.utf8), format: .csv, output: .tsv,
                                                        column: .number(1))
        #expect(requested.split(separator: "\n")[1].split(separator: "\t")[3] == "routed")
    }

    /// The choice for `csv` through the reader (nil: refused).
    static func choice(_ csv: String) -> UIMColumnChoice? {
        var result: UIMColumnChoice?
        _ = try? BatchFixtures.withInput(Array(csv.utf8)) { descriptor in
            result = try UIMList.read(ClassificationInput(name: "s.csv", descriptor: descriptor, format: .csv),
                                      router: BatchFixtures.router, date: BatchFixtures.day).column
        }
        return result
    }
}
