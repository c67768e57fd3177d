// Calendar days: parsing, printing, ordering.
import Testing
@testable import UIMRouter

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

    @Test("known dates")
    func known() {
        #expect(Day(iso: "1970-01-01")?.daysSinceEpoch == 0)
        #expect(Day(iso: "2024-02-29")?.daysSinceEpoch == 19_782)
        #expect(Day(iso: "2000-03-01")?.description == "2000-03-01")
    }
}
