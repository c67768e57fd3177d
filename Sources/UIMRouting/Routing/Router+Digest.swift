// The digest of the registry a router was compiled from, for decisions that must be traceable.

extension Router {
    /// The digest of the registry this router was compiled from (see ``Registry/digest``): write it beside every
    /// decision that must be traceable to the library version that made it.
    public var registryDigest: String { registry.digest }
}
