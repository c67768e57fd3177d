// A named group of a match, as the loader names a pattern's fields and a route result reports them.

/// A named group of a match: its name and the text it captured.
public struct Field: Sendable, Hashable {
    /// The group's name (`issuer`, `serial`, `payload`, …).
    public var name: String
    /// The captured text (`""` when the group matched the empty string).
    public var value: String

    /// A field `name` = `value`.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
