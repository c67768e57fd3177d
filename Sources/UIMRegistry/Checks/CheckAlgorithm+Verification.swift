// Public verification API of `CheckAlgorithm`: alphabets, check length, allocation-free verify, compute.

extension CheckAlgorithm {
    /// The number of check characters the algorithm appends to a payload.
    ///
    /// Two for ISO/IEC 7064 MOD 97-10, MOD 1271-36 and MOD 661-26; one for every other algorithm.
    public var checkLength: Int {
        switch self {
        case .iso7064Mod97_10, .iso7064Mod1271_36, .iso7064Mod661_26: 2
        default: 1
        }
    }

    /// The ASCII bytes a payload may hold, in ascending value order.
    ///
    /// Digits `0`–`9` for the numeric algorithms, `0`–`9A`–`Z` for MOD 37-2, MOD 37,36 and MOD 1271-36,
    /// and `A`–`Z` for MOD 661-26 and MOD 27,26. Lower-case letters are never part of an alphabet.
    public var payloadAlphabet: [UInt8] {
        switch charset {
        case .numeric: Self.digitBytes
        case .alphanumeric: Self.alphanumericBytes
        case .alphabetic: Self.letterBytes
        }
    }

    /// The ASCII bytes a check character may take, in ascending check-value order.
    ///
    /// The payload alphabet, plus `X` (value 10) for MOD 11-2 and `*` (value 36) for MOD 37-2.
    public var checkAlphabet: [UInt8] {
        switch self {
        case .iso7064Mod11_2: Self.mod11_2CheckBytes
        case .iso7064Mod37_2: Self.mod37_2CheckBytes
        default: payloadAlphabet
        }
    }

    /// Whether the algorithm is guaranteed to reject every code in which exactly one character of the payload
    /// or of the check was replaced by another character of the same alphabet.
    ///
    /// True for every algorithm here: the ISO/IEC 7064 systems by construction (prime or payload-coprime
    /// modulus), Verhoeff and Damm by their group/quasigroup, and GS1 mod 10 and Luhn because their digit
    /// weightings (×3, doubling with digit sum) permute the digits modulo 10. None of them fold case.
    public var detectsEverySingleSubstitution: Bool {
        switch self {
        case .gs1Mod10, .luhn, .iso7064Mod11_2, .iso7064Mod11_10, .iso7064Mod37_2, .iso7064Mod37_36,
             .iso7064Mod97_10, .iso7064Mod1271_36, .iso7064Mod661_26, .iso7064Mod27_26, .verhoeff, .damm:
            true
        }
    }

    /// Checks the check character(s) of a payload without allocating.
    ///
    /// Returns `false` when a payload or check byte lies outside its alphabet (lower case included) or when
    /// `check.count != checkLength`. An empty payload is valid input. For the two-character ISO/IEC 7064
    /// systems the check is accepted when it satisfies the standard's checking relationship (the whole string
    /// is congruent to 1 modulo M); besides the value `compute(payload:)` returns, this accepts the
    /// aliases above M−1 that IBAN/LEI-style generators emit (MOD 97-10 `97`/`98`/`99` for `00`/`01`/`02`).
    ///
    /// - Parameters:
    ///   - payload: The UTF-8 bytes of the protected string, without its check characters.
    ///   - check: The UTF-8 bytes of the check character(s).
    /// - Returns: `true` iff `check` is a correct check for `payload`.
    public func verify(payload: UnsafeBufferPointer<UInt8>, check: UnsafeBufferPointer<UInt8>) -> Bool {
        guard check.count == checkLength, let expected = checkValue(of: payload) else { return false }
        if check.count == 1 {
            return checkCharacterValue(check[0]) == expected
        }
        let high = charset.value(of: check[0])
        let low = charset.value(of: check[1])
        guard high >= 0, low >= 0 else { return false }
        return (high * charset.radix + low) % iso7064PureModulus == expected
    }

    /// Checks the check character(s) of a payload given as strings, exactly like the byte-buffer overload.
    ///
    /// - Parameters:
    ///   - payload: The protected string, without its check characters.
    ///   - check: The check character(s).
    /// - Returns: `true` iff `check` is a correct check for `payload`.
    public func verify(payload: String, check: String) -> Bool {
        var payload = payload
        var check = check
        return payload.withUTF8 { payloadBytes in
            check.withUTF8 { checkBytes in verify(payload: payloadBytes, check: checkBytes) }
        }
    }

    /// Computes the check character(s) for a payload.
    ///
    /// - Parameter payload: The UTF-8 bytes of the string to protect.
    /// - Returns: `checkLength` ASCII bytes from ``checkAlphabet``, or `nil` when a payload byte lies outside
    ///   ``payloadAlphabet``. Two-character ISO/IEC 7064 checks are the standard's value in `0..<M`.
    public func compute(payload: some Collection<UInt8>) -> [UInt8]? {
        let contiguous: Int?? = payload.withContiguousStorageIfAvailable { checkValue(of: $0) }
        let value: Int?
        if let contiguous {
            value = contiguous
        } else {
            value = Array(payload).withUnsafeBufferPointer { checkValue(of: $0) }
        }
        guard let value else { return nil }
        if checkLength == 1 {
            return [checkAlphabet[value]]
        }
        let alphabet = payloadAlphabet
        return [alphabet[value / charset.radix], alphabet[value % charset.radix]]
    }

    /// Computes the check character(s) for a payload given as a string.
    ///
    /// - Parameter payload: The string to protect.
    /// - Returns: The check character(s), or `nil` when the payload holds a character outside ``payloadAlphabet``.
    public func compute(payload: String) -> String? {
        compute(payload: payload.utf8).map { String(decoding: $0, as: UTF8.self) }
    }
}

// MARK: - Internals shared by the algorithm families

extension CheckAlgorithm {
    /// The character set of a payload, with each character's value.
    enum Charset {
        /// `0`–`9`, values 0–9.
        case numeric
        /// `0`–`9A`–`Z`, values 0–35.
        case alphanumeric
        /// `A`–`Z`, values 0–25.
        case alphabetic

        /// The number of characters in the set.
        var radix: Int {
            switch self {
            case .numeric: 10
            case .alphanumeric: 36
            case .alphabetic: 26
            }
        }

        /// The value of `byte` in this set, or -1 when it is not a member.
        @inline(__always)
        func value(of byte: UInt8) -> Int {
            switch self {
            case .numeric:
                return byte &- 0x30 < 10 ? Int(byte &- 0x30) : -1
            case .alphanumeric:
                if byte &- 0x30 < 10 { return Int(byte &- 0x30) }
                return byte &- 0x41 < 26 ? Int(byte &- 0x41) + 10 : -1
            case .alphabetic:
                return byte &- 0x41 < 26 ? Int(byte &- 0x41) : -1
            }
        }
    }

    /// The character set of the payload (and of two-character checks).
    var charset: Charset {
        switch self {
        case .iso7064Mod37_2, .iso7064Mod37_36, .iso7064Mod1271_36: .alphanumeric
        case .iso7064Mod661_26, .iso7064Mod27_26: .alphabetic
        default: .numeric
        }
    }

    /// The modulus M of the two-character pure ISO/IEC 7064 systems (unused by the others).
    var iso7064PureModulus: Int {
        switch self {
        case .iso7064Mod97_10: 97
        case .iso7064Mod1271_36: 1271
        case .iso7064Mod661_26: 661
        default: 1
        }
    }

    /// The canonical check value of `payload`, or nil when a byte is outside the payload alphabet.
    ///
    /// Single-character checks: the index into ``checkAlphabet``. Two-character checks: the value in `0..<M`
    /// whose base-`radix` digits are the two check characters.
    func checkValue(of payload: UnsafeBufferPointer<UInt8>) -> Int? {
        switch self {
        case .gs1Mod10: GS1Mod10.checkValue(payload)
        case .luhn: Luhn.checkValue(payload)
        case .iso7064Mod11_2: ISO7064.pureCheckValue(payload, charset: .numeric, modulus: 11, radix: 2, length: 1)
        case .iso7064Mod37_2: ISO7064.pureCheckValue(payload, charset: .alphanumeric, modulus: 37, radix: 2, length: 1)
        case .iso7064Mod97_10: ISO7064.pureCheckValue(payload, charset: .numeric, modulus: 97, radix: 10, length: 2)
        case .iso7064Mod1271_36:
            ISO7064.pureCheckValue(payload, charset: .alphanumeric, modulus: 1271, radix: 36, length: 2)
        case .iso7064Mod661_26:
            ISO7064.pureCheckValue(payload, charset: .alphabetic, modulus: 661, radix: 26, length: 2)
        case .iso7064Mod11_10: ISO7064.hybridCheckValue(payload, charset: .numeric)
        case .iso7064Mod37_36: ISO7064.hybridCheckValue(payload, charset: .alphanumeric)
        case .iso7064Mod27_26: ISO7064.hybridCheckValue(payload, charset: .alphabetic)
        case .verhoeff: Verhoeff.checkValue(payload)
        case .damm: Damm.checkValue(payload)
        }
    }

    /// The value of a single check character, or -1 when it is not in ``checkAlphabet``.
    @inline(__always)
    func checkCharacterValue(_ byte: UInt8) -> Int {
        switch self {
        case .iso7064Mod11_2 where byte == UInt8(ascii: "X"): 10
        case .iso7064Mod37_2 where byte == UInt8(ascii: "*"): 36
        default: charset.value(of: byte)
        }
    }

    // Alphabets as static lets: built once, returned by reference, never rebuilt per call.
    static let digitBytes: [UInt8] = Array("0123456789".utf8)
    static let alphanumericBytes: [UInt8] = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
    static let letterBytes: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
    static let mod11_2CheckBytes: [UInt8] = Array("0123456789X".utf8)
    static let mod37_2CheckBytes: [UInt8] = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*".utf8)
}
