// A Party to the Protocol (or another issuer of UIMs) as declared in its registry file.

/// A Party whose tracking-and-tracing system issues UIMs: one registry file.
public struct Party: Sendable, Hashable {
    /// The Party's code, equal to its file name (`KE` for `KE.yaml`).
    public var code: String
    /// Display name.
    public var name: String
    /// `true` when a Party to the Protocol to Eliminate Illicit Trade in Tobacco Products.
    public var protocolParty: Bool
    /// Where `party:` was declared.
    public var location: SourceLocation

    /// A Party with the given code, name and Protocol status.
    public init(code: String, name: String, protocolParty: Bool, location: SourceLocation) {
        self.code = code
        self.name = name
        self.protocolParty = protocolParty
        self.location = location
    }
}
