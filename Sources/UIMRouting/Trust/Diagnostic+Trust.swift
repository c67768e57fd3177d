// The diagnostics of registry trust: why a release does not verify, each located at the file it concerns.
import UIMRegistry

extension Diagnostic.Code {
    /// A key file is missing, unreadable or not a key of the kind expected.
    public static let keyFile = Self(rawValue: "key-file")
    /// Trust keys were given but the folder has no `_release.json`: the registry is unsigned.
    public static let releaseMissing = Self(rawValue: "release-missing")
    /// `_release.json` is not a manifest in the one canonical form `uim-router release` and `sign` write.
    public static let releaseMalformed = Self(rawValue: "release-malformed")
    /// A Party file the release does not list.
    public static let releaseFileAdded = Self(rawValue: "release-file-added")
    /// A Party file the release lists is missing.
    public static let releaseFileRemoved = Self(rawValue: "release-file-removed")
    /// A Party file whose SHA-256 differs from the release's.
    public static let releaseFileChanged = Self(rawValue: "release-file-changed")
    /// The loaded registry's digest differs from the release's.
    public static let releaseDigestMismatch = Self(rawValue: "release-digest-mismatch")
    /// A signature by a key that is not trusted here (reported when the trusted signatures are too few).
    public static let releaseUnknownKey = Self(rawValue: "release-unknown-key")
    /// A signature by a trusted key that does not verify.
    public static let releaseBadSignature = Self(rawValue: "release-bad-signature")
    /// Fewer valid signatures by trusted keys than the threshold.
    public static let releaseTooFewSignatures = Self(rawValue: "release-too-few-signatures")
    /// A release older than the one in service, or than the minimum version (rollback).
    public static let releaseRollback = Self(rawValue: "release-rollback")
    /// `release` was asked for a version not above the folder's existing release.
    public static let releaseVersion = Self(rawValue: "release-version")
}
