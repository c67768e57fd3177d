// The `line` column's decimal text, kept as ASCII digits and counted up in place: consecutive records (the common
// case) cost a digit increment instead of a division per digit.

/// A non-negative number kept as its decimal digits. Pointer semantics: the owner calls ``deallocate()`` once.
struct LineNumberText {
    private static let width = 24
    /// The digits, right-aligned in `width` bytes.
    private let digits: UnsafeMutablePointer<UInt8>
    private var start: Int
    private(set) var value: Int

    init() {
        digits = .allocate(capacity: Self.width)
        digits.initialize(repeating: UInt8(ascii: "0"), count: Self.width)
        start = Self.width - 1
        value = 0
    }

    func deallocate() { digits.deallocate() }

    /// The digits of ``value``.
    var text: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: digits + start, count: Self.width - start) }

    /// Makes the value `line` (counting up by one when it is the next number).
    @inline(__always)
    mutating func set(_ line: Int) {
        if line == value &+ 1 { increment() } else if line != value { assign(line) }
    }

    @inline(__always)
    private mutating func increment() {
        value += 1
        var index = Self.width - 1
        while digits[index] == UInt8(ascii: "9") {
            digits[index] = UInt8(ascii: "0")
            index -= 1
        }
        digits[index] += 1
        if index < start { start = index }
    }

    private mutating func assign(_ line: Int) {
        precondition(line >= 0, "line numbers are not negative")
        value = line
        digits.update(repeating: UInt8(ascii: "0"), count: Self.width)
        var rest = line
        var index = Self.width
        repeat {
            index -= 1
            digits[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while rest > 0
        start = index
    }
}
