// Verhoeff check-digit kernel: dihedral group D5 multiplication, position permutation and inverse tables.

extension CheckAlgorithm {
    /// Verhoeff's scheme over the dihedral group D5.
    enum Verhoeff {
        /// Multiplication table d(j, k) of D5, row-major, one ASCII digit per entry.
        static let multiplication: StaticString =
            "0123456789123406789523401789563401289567401239567859876043216598710432765982104387659321049876543210"
        /// Position permutation table p(i mod 8, k), row-major.
        static let permutation: StaticString =
            "01234567891576283094580379614289160435279453126870428657390127938064157046913258"
        /// Inverse table inv(j).
        static let inverse: StaticString = "0432156789"

        /// c = 0; for the i-th payload digit from the right (i from 0), c = d(c, p((i + 1) mod 8, digit));
        /// the check digit is inv(c).
        ///
        /// - Returns: The check digit value, or nil when a payload byte is not a digit.
        @inline(__always)
        static func checkValue(_ payload: UnsafeBufferPointer<UInt8>) -> Int? {
            let d = multiplication.utf8Start
            let p = permutation.utf8Start
            var c = 0
            var position = 1
            var index = payload.count
            while index > 0 {
                index -= 1
                let digit = Charset.numeric.value(of: payload[index])
                guard digit >= 0 else { return nil }
                let permuted = Int(p[position * 10 + digit] &- 0x30)
                c = Int(d[c * 10 + permuted] &- 0x30)
                position = (position + 1) & 7
            }
            return Int(inverse.utf8Start[c] &- 0x30)
        }
    }
}
