// A regex that PCRE2 refused to compile, with PCRE2's message and where in the regex it stopped.

/// PCRE2's compile error for a pattern's regex.
public struct RegexCompileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// PCRE2's message, for example `missing closing parenthesis`.
    public var message: String
    /// Byte offset in the regex where PCRE2 detected the error.
    public var offset: Int

    /// An error with PCRE2's `message` at byte `offset` of the regex.
    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// `message (at offset N)`.
    public var description: String { "\(message) (at offset \(offset))" }
}
