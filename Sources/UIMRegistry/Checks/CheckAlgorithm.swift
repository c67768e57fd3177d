// The check-character algorithms a pattern may name in `check.algorithm`.

/// A check-character algorithm (ISO/IEC 7064 family, GS1, Luhn, Verhoeff, Damm).
///
/// The payload is the text of the pattern's `payload` group, the check character(s) the text of its `digit`
/// group. Verification works on UTF-8 bytes and never allocates, because it runs on the routing hot path.
/// ISO/IEC 7064 alphabets are upper case only: a lower-case letter makes the check fail, never folds.
public enum CheckAlgorithm: String, Sendable, Hashable, CaseIterable {
    /// GS1 General Specifications mod 10 (GTIN, SSCC, GLN): weights 3,1 from the right.
    case gs1Mod10 = "gs1-mod10"
    /// Luhn (ISO/IEC 7812-1).
    case luhn = "luhn"
    /// ISO/IEC 7064 MOD 11-2: digits, one check character `0`–`9` or `X`.
    case iso7064Mod11_2 = "iso7064-mod11-2"
    /// ISO/IEC 7064 MOD 11,10: digits, one check digit.
    case iso7064Mod11_10 = "iso7064-mod11-10"
    /// ISO/IEC 7064 MOD 37-2: `0`–`9A`–`Z`, one check character `0`–`9`, `A`–`Z` or `*`.
    case iso7064Mod37_2 = "iso7064-mod37-2"
    /// ISO/IEC 7064 MOD 37,36: `0`–`9A`–`Z`, one check character.
    case iso7064Mod37_36 = "iso7064-mod37-36"
    /// ISO/IEC 7064 MOD 97-10: digits, two check digits.
    case iso7064Mod97_10 = "iso7064-mod97-10"
    /// ISO/IEC 7064 MOD 1271-36: `0`–`9A`–`Z`, two check characters.
    case iso7064Mod1271_36 = "iso7064-mod1271-36"
    /// ISO/IEC 7064 MOD 661-26: `A`–`Z`, two check letters.
    case iso7064Mod661_26 = "iso7064-mod661-26"
    /// ISO/IEC 7064 MOD 27,26: `A`–`Z`, one check letter.
    case iso7064Mod27_26 = "iso7064-mod27-26"
    /// Verhoeff (dihedral group D5): digits, one check digit.
    case verhoeff = "verhoeff"
    /// Damm (totally anti-symmetric quasigroup of order 10): digits, one check digit.
    case damm = "damm"
}
