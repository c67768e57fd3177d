// Query dates as C callers pass them ("YYYY-MM-DD", or NULL for today), read in place: the per-UIM calls must not
// allocate, and Day(iso:) copies its text into an array.
import UIMRouter

enum CDate {
    /// The day `text` names; today (UTC) for NULL; nil unless it is a `YYYY-MM-DD` date that exists.
    static func day(_ text: UnsafePointer<CChar>?) -> Day? {
        guard let text else { return Day.today() }
        var digits = (0, 0, 0)   // year, month, day
        for k in 0..<10 {
            let byte = UInt8(bitPattern: text[k])   // stops at a NUL before reading past it
            if k == 4 || k == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch k {
            case 0..<4: digits.0 = digits.0 * 10 + digit
            case 5..<7: digits.1 = digits.1 * 10 + digit
            default: digits.2 = digits.2 * 10 + digit
            }
        }
        guard text[10] == 0 else { return nil }
        return Day(year: digits.0, month: digits.1, day: digits.2)
    }
}
