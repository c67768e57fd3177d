// Bearer tokens (`--tokens FILE`): each line stores the SHA-256 of a token, a name and roles, never the token itself.
//
//     # comment
//     sha256:<64 hex digits> NAME route,submit
//
// A presented token is hashed and compared with every stored hash in constant time (no early exit, no branch on
// the bytes), so neither the match nor its position leaks through timing.
import Crypto
import Foundation

/// What a token may do.
public enum Role: String, Sendable, CaseIterable, Hashable {
    /// Route UIMs; read the registry and the Parties.
    case route
    /// Check a Party's submission.
    case submit
    /// Reload the registry.
    case admin
    /// Read `/metrics`.
    case metrics
}

/// One stored token: the hash of the token, its name and its roles.
public struct TokenEntry: Sendable, Hashable {
    /// SHA-256 of the token's UTF-8 bytes.
    public var hash: [UInt8]
    /// Who holds it (a log line names it; never the token).
    public var name: String
    /// What it may do.
    public var roles: Set<Role>

    public init(hash: [UInt8], name: String, roles: Set<Role>) {
        self.hash = hash
        self.name = name
        self.roles = roles
    }

    /// The file line: `sha256:<hex> NAME ROLE,ROLE`.
    public var line: String {
        let roleList = Role.allCases.filter(roles.contains).map(\.rawValue).joined(separator: ",")
        return "sha256:\(Self.hex(hash)) \(name) \(roleList)"
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A problem in a tokens file, with its line.
public struct TokenFileError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// The tokens a service accepts.
public struct TokenStore: Sendable {
    /// Every entry, in file order.
    public let entries: [TokenEntry]

    public init(entries: [TokenEntry]) { self.entries = entries }

    /// Reads a tokens file; every malformed line is an error naming the file and line.
    public init(file path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TokenFileError(description: "\(path): cannot read the tokens file; create it with "
                                 + "`uim-router-server token add NAME --roles route --tokens \(path)`")
        }
        try self.init(text: String(decoding: data, as: UTF8.self), path: path)
    }

    /// Parses the text of a tokens file.
    public init(text: String, path: String = "tokens") throws {
        var entries: [TokenEntry] = []
        var problems: [String] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            let location = "\(path):\(index + 1)"
            guard words.count == 3, words[0].hasPrefix("sha256:"), let hash = Self.bytes(hex: words[0].dropFirst(7)),
                  hash.count == 32
            else {
                problems.append("\(location): expected `sha256:<64 hex digits> NAME ROLE[,ROLE…]`")
                continue
            }
            var roles = Set<Role>()
            for word in words[2].split(separator: ",") {
                if let role = Role(rawValue: String(word)) { roles.insert(role) } else {
                    problems.append("\(location): unknown role '\(word)'; roles are "
                                    + Role.allCases.map(\.rawValue).joined(separator: ", "))
                }
            }
            entries.append(TokenEntry(hash: hash, name: String(words[1]), roles: roles))
        }
        if !problems.isEmpty { throw TokenFileError(description: problems.joined(separator: "\n")) }
        self.entries = entries
    }

    /// The entry whose hash is the SHA-256 of `token`, compared with every entry in constant time.
    public func entry(for token: some StringProtocol) -> TokenEntry? {
        let presented = Array(SHA256.hash(data: Array(token.utf8)))
        var found = 0
        var matched = 0
        for (index, entry) in entries.enumerated() {
            var difference: UInt8 = 0
            for k in 0..<32 { difference |= entry.hash[k] ^ presented[k] }
            // Branch-free: equal is 1 when difference == 0, else 0; the selection is arithmetic.
            let equal = 1 &- ((Int(difference) | -Int(difference)) >> 63 & 1)
            found = equal &* index &+ (1 &- equal) &* found
            matched |= equal
        }
        return matched == 1 ? entries[found] : nil
    }

    /// A new random 256-bit token (64 hex digits after `uimr_`) and its entry.
    public static func makeToken(name: String, roles: Set<Role>) -> (token: String, entry: TokenEntry) {
        var generator = SystemRandomNumberGenerator()
        let secret = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let token = "uimr_" + TokenEntry.hex(secret)
        return (token, TokenEntry(hash: Array(SHA256.hash(data: Array(token.utf8))), name: name, roles: roles))
    }

    static func bytes(hex: Substring) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var out = [UInt8]()
        var i = 0
        while i < digits.count {
            guard let high = value(digits[i]), let low = value(digits[i + 1]) else { return nil }
            out.append(high << 4 | low)
            i += 2
        }
        return out
    }

    private static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
