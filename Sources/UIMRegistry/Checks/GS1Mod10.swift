// GS1 mod 10 and Luhn check-digit kernels: weighted digit sums modulo 10, weights from the right.

extension CheckAlgorithm {
    /// GS1 General Specifications mod 10 (GTIN, SSCC, GLN).
    enum GS1Mod10 {
        /// Weights 3, 1, 3, … from the rightmost payload digit; the check digit brings the sum to a multiple of 10.
        ///
        /// - Returns: The check digit value, or nil when a payload byte is not a digit.
        @inline(__always)
        static func checkValue(_ payload: UnsafeBufferPointer<UInt8>) -> Int? {
            var sum = 0
            var weightThree = true
            var index = payload.count
            while index > 0 {
                index -= 1
                let digit = Charset.numeric.value(of: payload[index])
                guard digit >= 0 else { return nil }
                sum += weightThree ? digit * 3 : digit
                weightThree.toggle()
            }
            return (10 - sum % 10) % 10
        }
    }

    /// Luhn (ISO/IEC 7812-1, "mod 10 double-add-double").
    enum Luhn {
        /// Doubles every second digit starting with the rightmost payload digit (subtracting 9 above 9), sums all,
        /// and returns the digit that brings the sum to a multiple of 10.
        ///
        /// - Returns: The check digit value, or nil when a payload byte is not a digit.
        @inline(__always)
        static func checkValue(_ payload: UnsafeBufferPointer<UInt8>) -> Int? {
            var sum = 0
            var double = true
            var index = payload.count
            while index > 0 {
                index -= 1
                let digit = Charset.numeric.value(of: payload[index])
                guard digit >= 0 else { return nil }
                if double {
                    let doubled = digit * 2
                    sum += doubled > 9 ? doubled - 9 : doubled
                } else {
                    sum += digit
                }
                double.toggle()
            }
            return (10 - sum % 10) % 10
        }
    }
}
