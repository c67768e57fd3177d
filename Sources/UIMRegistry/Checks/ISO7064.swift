// ISO/IEC 7064 check-value kernels: the pure systems (MOD 11-2, 37-2, 97-10, 661-26, 1271-36) and the
// hybrid systems (MOD 11,10, 27,26, 37,36). Allocation-free; they read the payload bytes once.

extension CheckAlgorithm {
    /// ISO/IEC 7064 pure and hybrid system computations.
    enum ISO7064 {
        /// Pure system MOD `modulus`-`radix` with `length` check characters.
        ///
        /// Horner's rule gives P = Σ aᵢ·r^(n−i) mod M over the payload; the check value c is the one in `0..<M`
        /// with P·r^length + c ≡ 1 (mod M), i.e. c = (M + 1 − P·r^length mod M) mod M. For one check character
        /// c indexes the check alphabet; for two, c = c₁·|charset| + c₂ (|charset| = 10, 26 or 36).
        ///
        /// - Returns: c, or nil when a payload byte is outside `charset`.
        @inline(__always)
        static func pureCheckValue(
            _ payload: UnsafeBufferPointer<UInt8>, charset: Charset, modulus: Int, radix: Int, length: Int
        ) -> Int? {
            var p = 0
            for byte in payload {
                let value = charset.value(of: byte)
                guard value >= 0 else { return nil }
                p = (p * radix + value) % modulus
            }
            for _ in 0..<length {
                p = (p * radix) % modulus
            }
            return (modulus + 1 - p) % modulus
        }

        /// Hybrid system MOD M+1,M where M is the size of `charset` (MOD 11,10, MOD 27,26, MOD 37,36).
        ///
        /// P starts at M; per character S = (P + a) mod M, with 0 replaced by M, then P = 2·S mod (M + 1).
        /// The check value is (M + 1 − P) mod M.
        ///
        /// - Returns: The check value in `0..<M`, or nil when a payload byte is outside `charset`.
        @inline(__always)
        static func hybridCheckValue(_ payload: UnsafeBufferPointer<UInt8>, charset: Charset) -> Int? {
            let m = charset.radix
            var p = m
            for byte in payload {
                let value = charset.value(of: byte)
                guard value >= 0 else { return nil }
                var s = (p + value) % m
                if s == 0 { s = m }
                p = (s * 2) % (m + 1)
            }
            return (m + 1 - p) % m
        }
    }
}
