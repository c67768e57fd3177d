// Damm check-digit kernel: a totally anti-symmetric quasigroup of order 10 (Damm 2004).

extension CheckAlgorithm {
    /// Damm's algorithm.
    enum Damm {
        /// The quasigroup operation table, row-major (row = interim digit, column = payload digit).
        static let table: StaticString =
            "0317598642709215486342068713591750983426612304597836742095815869720134894536201794386172052581436790"

        /// interim = 0; for each payload digit, interim = table(interim, digit); the check digit is the final
        /// interim digit.
        ///
        /// - Returns: The check digit value, or nil when a payload byte is not a digit.
        @inline(__always)
        static func checkValue(_ payload: UnsafeBufferPointer<UInt8>) -> Int? {
            let t = table.utf8Start
            var interim = 0
            for byte in payload {
                let digit = Charset.numeric.value(of: byte)
                guard digit >= 0 else { return nil }
                interim = Int(t[interim * 10 + digit] &- 0x30)
            }
            return interim
        }
    }
}
