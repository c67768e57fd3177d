// The exact set of byte lengths of the UIMs a pattern matches, up to a cap far above the 512-byte input limit.

/// The byte lengths of the strings a regex matches: exact up to ``cap`` bytes, which is beyond the longest UIM
/// the router accepts (512 bytes); above it only "some longer string matches" is kept.
public struct LengthSet: Sendable, Hashable, CustomStringConvertible {
    /// Lengths above this are summarised by ``hasLongerThanCap``.
    public static let cap = 1024
    private var bits: [UInt64]
    /// `true` when the regex matches some string longer than ``cap`` bytes (it then matches unboundedly long ones).
    public private(set) var hasLongerThanCap: Bool
    /// The shortest match in bytes (`nil` when nothing matches).
    public let minimum: Int?
    /// The longest match in bytes; `nil` when unbounded (or when nothing matches).
    public let maximum: Int?

    init(lengths: [Bool], hasLongerThanCap: Bool, maximum: Int?) {
        bits = [UInt64](repeating: 0, count: (Self.cap + 64) / 64)
        for (length, present) in lengths.enumerated() where present && length <= Self.cap {
            bits[length / 64] |= 1 << UInt64(length % 64)
        }
        self.hasLongerThanCap = hasLongerThanCap
        self.minimum = lengths.firstIndex(of: true) ?? (hasLongerThanCap ? Self.cap + 1 : nil)
        self.maximum = maximum
    }

    /// `true` when some match is `length` bytes long (for lengths above ``cap``: when any longer match exists).
    public func contains(_ length: Int) -> Bool {
        guard length >= 0 else { return false }
        guard length <= Self.cap else { return hasLongerThanCap }
        return bits[length / 64] & (1 << UInt64(length % 64)) != 0
    }

    /// `true` when some length is in both sets.
    public func intersects(_ other: LengthSet) -> Bool {
        if hasLongerThanCap && other.hasLongerThanCap { return true }
        for k in bits.indices where bits[k] & other.bits[k] != 0 { return true }
        return false
    }

    /// `true` when every length of this set is also in `other`.
    public func isSubset(of other: LengthSet) -> Bool {
        if hasLongerThanCap && !other.hasLongerThanCap { return false }
        return bits.indices.allSatisfy { bits[$0] & ~other.bits[$0] == 0 }
    }

    /// The lengths up to `limit`, in order.
    public func lengths(upTo limit: Int) -> [Int] {
        (0...min(limit, Self.cap)).filter(contains)
    }

    /// `13`, `13–16`, `13, 15, 29`, `≥ 2` …
    public var description: String {
        guard let minimum else { return "none" }
        guard let maximum else { return "≥ \(minimum)" }
        let all = lengths(upTo: maximum)
        if all.count == maximum - minimum + 1 { return minimum == maximum ? "\(minimum)" : "\(minimum)–\(maximum)" }
        return all.count <= 8 ? all.map(String.init).joined(separator: ", ") : "\(minimum)–\(maximum) (not all)"
    }
}
