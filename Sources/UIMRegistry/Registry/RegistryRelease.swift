// What a registry records of the signed release it was loaded from; verifying the release is `UIMRouting`'s.

/// The release a registry was loaded from, when its folder holds a `_release.json`.
public struct RegistryRelease: Sendable, Hashable, CustomStringConvertible {
    /// The release version.
    public var version: Int
    /// When it was made (UTC).
    public var created: String
    /// The publisher's note.
    public var note: String?
    /// The ids of the trusted keys whose signatures verified (empty when not verified).
    public var signers: [String]
    /// True when the release was verified against a ``TrustPolicy`` when loading; false when the manifest was only
    /// read (no trusted key given).
    public var verified: Bool

    /// A release record; `UIMRouting` makes one when it reads or verifies a release folder.
    package init(version: Int, created: String, note: String?, signers: [String], verified: Bool) {
        self.version = version
        self.created = created
        self.note = note
        self.signers = signers
        self.verified = verified
    }

    /// `release N (signed by …)`, or `release N (not verified: no trusted key given)`.
    public var description: String {
        verified
            ? "\(version) (verified; signed by \(signers.joined(separator: ", ")))"
            : "\(version) (not verified: no trusted key given)"
    }
}
