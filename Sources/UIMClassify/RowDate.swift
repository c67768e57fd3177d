// The query date of one CSV/TSV row (`--date-column`), read straight from the row's bytes: no String per record.
import UIMRegistry

enum RowDate {
    case day(Day)
    case problem(MalformedRow)

    /// The day written in `field` as `YYYY-MM-DD` (surrounding spaces allowed), or why there is none.
    ///
    /// Never inlined: it runs only with a date column, and stays out of the encoder's hot loops.
    @inline(never)
    static func parse(_ field: UnsafeBufferPointer<UInt8>) -> RowDate {
        var start = 0
        var end = field.count
        while start < end, field[start] == 0x20 || field[start] == 0x09 { start += 1 }
        while end > start, field[end - 1] == 0x20 || field[end - 1] == 0x09 { end -= 1 }
        if start == end { return .problem(.missingDate) }
        guard end - start == 10, field[start + 4] == UInt8(ascii: "-"), field[start + 7] == UInt8(ascii: "-") else {
            return .problem(.badDate)
        }
        var ok = true
        func number(_ offset: Int, _ digits: Int) -> Int {
            var value = 0
            for k in 0..<digits {
                let digit = field[start + offset + k] &- UInt8(ascii: "0")
                if digit > 9 { ok = false }
                value = value * 10 + Int(digit)
            }
            return value
        }
        let year = number(0, 4)
        let month = number(5, 2)
        let day = number(8, 2)
        guard ok, let date = Day(year: year, month: month, day: day) else { return .problem(.badDate) }
        return .day(date)
    }
}
