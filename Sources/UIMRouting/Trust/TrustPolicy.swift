// What a router trusts: the keys whose signatures count, how many are needed, and how old a release may be.
import UIMRegistry

/// The keys a router trusts to sign registry releases, and what it requires of a release.
///
/// ```swift
/// let policy = TrustPolicy(keys: [try TrustedKey.read(path: "secretariat.pub")])
/// let registry = try Registry.load(from: "/srv/gsp/registry", trust: policy)
/// ```
public struct TrustPolicy: Sendable, Hashable {
    /// The trusted public keys.
    public var keys: [TrustedKey]
    /// How many distinct trusted keys must have signed the release (1 or more).
    public var threshold: Int
    /// The lowest release version accepted (a floor against stale registries); nil: any.
    public var minimumVersion: Int?
    /// Whether a ``ReloadingRouter`` may reload to a release older than the one in service.
    public var allowRollback: Bool

    /// A policy trusting `keys`, requiring `threshold` of them.
    public init(keys: [TrustedKey], threshold: Int = 1, minimumVersion: Int? = nil, allowRollback: Bool = false) {
        self.keys = keys
        self.threshold = threshold
        self.minimumVersion = minimumVersion
        self.allowRollback = allowRollback
    }

    /// A policy trusting the public key files at `paths` (`NAME.pub`).
    /// - Throws: ``RegistryError`` for every unreadable key file, and when `threshold` is not between 1 and the
    ///   number of distinct keys.
    public static func read(keyFiles paths: [String], threshold: Int = 1) throws(RegistryError) -> TrustPolicy {
        var keys: [TrustedKey] = []
        var problems: [Diagnostic] = []
        for path in paths {
            do throws(RegistryError) {
                let key = try TrustedKey.read(path: path)
                if !keys.contains(key) { keys.append(key) }
            } catch {
                problems += error.diagnostics
            }
        }
        guard problems.isEmpty else { throw RegistryError(problems) }
        let policy = TrustPolicy(keys: keys, threshold: threshold)
        if let problem = policy.thresholdProblem { throw RegistryError([problem]) }
        return policy
    }

    /// A diagnostic when the threshold cannot be met by these keys.
    var thresholdProblem: Diagnostic? {
        guard threshold < 1 || threshold > keys.count else { return nil }
        return Diagnostic(
            .keyFile, at: SourceLocation(file: "--threshold", line: 1, column: 1),
            "threshold \(threshold) needs between 1 and \(keys.count) distinct trusted key(s)")
    }

    /// The trusted key with id `id`.
    func key(id: String) -> TrustedKey? { keys.first { $0.id == id } }

    /// True when `release` was verified with signatures of at least ``threshold`` of this policy's keys.
    public func accepts(_ release: RegistryRelease) -> Bool {
        guard release.verified else { return false }
        let ids = Set(keys.map(\.id))
        return release.signers.filter { ids.contains($0) }.count >= threshold
    }
}
