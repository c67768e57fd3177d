// Calendar days: parsing, printing, ordering.
import Testing
@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMRouterTestSupport

@Suite("Day")
struct DayTests {
    @Test("round-trips every day from 1900 to 2100")
    func roundTrip() {
        var previous: Day?
        for offset in Int32(-25_567)...Int32(47_482) {
            let day = Day(daysSinceEpoch: offset)
            #expect(Day(iso: day.description) == day)
            if let previous { #expect(previous < day) }
            previous = day
        }
    }

    @Test("rejects what is not a calendar date", arguments: ["2026-02-29", "2026-13-01", "2026-1-01", "20260101", "2026-06-01T00", "abcd-ef-gh", ""])
    func rejects(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test("says why a text is not a day: a date that does not exist, or not YYYY-MM-DD", arguments: [
        ("2026-02-29", "the date '2026-02-29' does not exist: February 2026 has 28 days"),
        ("2026-02-30", "the date '2026-02-30' does not exist: February 2026 has 28 days"),
        ("2026-06-31", "the date '2026-06-31' does not exist: June 2026 has 30 days"),
        ("2026-13-01", "the date '2026-13-01' does not exist: there is no month 13 (months run from 01 to 12)"),
        ("2026-1-01", "'2026-1-01' is not a date written as YYYY-MM-DD, for example 2019-10-01"),
        ("01/06/2026", "'01/06/2026' is not a date written as YYYY-MM-DD, for example 2019-10-01"),
    ])
    func problem(text: String, expected: String) {
        #expect(Day.problem(with: text) == expected)
    }

    @Test("a day has no problem")
    func noProblem() {
        #expect(Day.problem(with: "2024-02-29") == nil)
    }

    @Test("known dates")
    func known() {
        #expect(Day(iso: "1970-01-01")?.daysSinceEpoch == 0)
        #expect(Day(iso: "2024-02-29")?.daysSinceEpoch == 19_782)
        #expect(Day(iso: "2000-03-01")?.description == "2000-03-01")
    }
}
