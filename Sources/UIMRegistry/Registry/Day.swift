// A calendar day (proleptic Gregorian, UTC), the unit of validity periods and query dates.
import UIMPlatform

/// A calendar day such as `2026-06-01`, as used by `valid_from`, `valid_until` and `--date`.
///
/// Stored as the number of days since 1970-01-01, so comparisons on the routing hot path are integer
/// comparisons.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let daysSinceEpoch: Int32

    /// A day from its count of days since 1970-01-01.
    public init(daysSinceEpoch: Int32) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// A day from its year, month (1–12) and day of month; `nil` when no such date exists.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.daysSinceEpoch = Int32(era * 146_097 + doe - 719_468)
    }

    /// Parses an ISO 8601 calendar date `YYYY-MM-DD`; `nil` for anything else.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Why `text` is not a day `YYYY-MM-DD`, or `nil` when it is one: the date does not exist (`2026-02-30`: February
    /// 2026 has 28 days), or it is not written as `YYYY-MM-DD`.
    public static func problem(with text: some StringProtocol) -> String? {
        guard Day(iso: text) == nil else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let written = "'\(text)' is not a date written as YYYY-MM-DD, for example 2019-10-01"
        guard parts.count == 3, parts.map(\.count) == [4, 2, 2],
              let year = Int(parts[0]), let month = Int(parts[1]), Int(parts[2]) != nil,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return written }
        guard (1...9999).contains(year) else { return "the date '\(text)' does not exist: years run from 0001 to 9999" }
        guard (1...12).contains(month) else {
            return "the date '\(text)' does not exist: there is no month \(parts[1]) (months run from 01 to 12)"
        }
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                     "October", "November", "December"]
        let days = daysIn(month: month, year: year)
        return "the date '\(text)' does not exist: \(names[month - 1]) \(parts[0]) has \(days) days"
    }

    /// Today's date in UTC.
    public static func today() -> Day {
        Day(daysSinceEpoch: Int32(floorDiv(Syscalls.realtimeSeconds(), 86_400)))
    }

    /// The date's year, month and day of month.
    public var components: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = Int(daysSinceEpoch) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = components
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
}
