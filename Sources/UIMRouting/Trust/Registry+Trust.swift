// Loading a registry only when its signed release verifies, and publishing and signing releases.
import Foundation
import UIMRegistry

extension Registry {
    /// Loads the registry folder at `directory`, verifying its release manifest against `trust` first.
    ///
    /// With a policy, the Party files' bytes are read once, checked against `_release.json` (signatures by at least
    /// `threshold` trusted keys, the exact file list, each file's SHA-256, the version floor), then loaded from
    /// those same bytes, and the registry's digest must equal the release's. Without a policy (nil), the folder
    /// loads as with ``load(from:examples:)``, and a manifest, when present, is read but not verified
    /// (``RegistryRelease/verified`` is false).
    /// - Throws: ``RegistryError`` with every reason the release does not verify, or every problem of the files.
    public static func load(from directory: String, trust: TrustPolicy?, examples: ExampleChecking = .errors)
        throws(RegistryError) -> Registry
    {
        try Router(loading: directory, trust: trust, examples: examples).registry
    }

    /// Checks the release of `directory` against `trust` without loading the registry: signatures and threshold,
    /// the file list, every file's SHA-256, the version floor. The registry digest is checked only by
    /// ``load(from:trust:examples:)``, which also does all of this; this is the cheap part, for a quick check (and
    /// for measuring what verification costs beyond loading).
    /// - Returns: every reason the release does not verify; [] when it does.
    public static func verifyRelease(in directory: String, trust: TrustPolicy) -> [Diagnostic] {
        if let problem = trust.thresholdProblem { return [problem] }
        guard let folder = ReleaseFolder.read(directory) else {
            return [
                Diagnostic(
                    .io, at: SourceLocation(file: directory, line: 1, column: 1),
                    "cannot read the registry folder")
            ]
        }
        return ReleaseVerifier.verify(folder, policy: trust).problems
    }

    /// The release manifest of `directory` when it holds a well-formed one, unverified.
    static func readRelease(_ directory: String) -> RegistryRelease? {
        let path = (directory.hasSuffix("/") ? directory : directory + "/") + ReleaseManifest.fileName
        guard let data = FileManager.default.contents(atPath: path),
            case .success(let manifest) = ReleaseManifest.parse(Array(data))
        else { return nil }
        return RegistryRelease(
            version: manifest.version, created: manifest.created, note: manifest.note,
            signers: [], verified: false)
    }

    /// `unsigned`, or the release version (`N-unverified` when it was not checked against trusted keys): what
    /// outputs print beside the digest; one word, so it fits `key=value` lines and metric labels.
    public var releaseLabel: String {
        guard let release else { return "unsigned" }
        return release.verified ? "\(release.version)" : "\(release.version)-unverified"
    }
}

extension Router {
    /// Loads the registry folder at `directory` as ``Registry/load(from:trust:examples:)`` does (its release verified
    /// against `trust` first) and returns the router compiled from it, whose examples were checked: each regex is
    /// compiled once (see ``init(loading:examples:options:)``).
    /// - Throws: ``RegistryError`` with every reason the release does not verify, or every problem of the files.
    public convenience init(loading directory: String, trust: TrustPolicy?, examples: ExampleChecking = .errors,
                            options: RouterOptions = RouterOptions()) throws(RegistryError) {
        guard let trust else {
            let router = try Router(loading: directory, examples: examples, options: options)
            self.init(router, registry: router.registry.replacing(release: Registry.readRelease(directory)))
            return
        }
        if let problem = trust.thresholdProblem { throw RegistryError([problem]) }
        guard let folder = ReleaseFolder.read(directory) else {
            // Says why the folder cannot be read.
            _ = try Router(loading: directory, examples: examples, options: options)
            throw RegistryError([
                Diagnostic(
                    .io, at: SourceLocation(file: directory, line: 1, column: 1),
                    "cannot read the registry folder")
            ])
        }
        let outcome = ReleaseVerifier.verify(folder, policy: trust)
        guard outcome.problems.isEmpty, let manifest = outcome.manifest else { throw RegistryError(outcome.problems) }
        let (files, unreadable) = folder.texts()
        guard unreadable.isEmpty else { throw RegistryError(unreadable) }
        let router = try Router(loadingFiles: files, source: directory, examples: examples, options: options)
        let registry = router.registry
        guard "sha256:" + registry.digest == manifest.digest else {
            throw RegistryError([
                Diagnostic(
                    .releaseDigestMismatch,
                    at: SourceLocation(file: folder.manifestPath, line: 1, column: 1),
                    "digest mismatch: the files load to sha256:\(registry.digest), release \(manifest.version) says "
                        + "\(manifest.digest)")
            ])
        }
        let release = RegistryRelease(
            version: manifest.version, created: manifest.created, note: manifest.note,
            signers: outcome.signers, verified: true)
        self.init(router, registry: registry.replacing(release: release))
    }
}

/// Publishing registry releases: `uim-router release` and `uim-router sign`.
public enum RegistryPublisher {
    /// Validates the folder fully (examples are errors), then writes `_release.json` for `version`, signed by `key`.
    ///
    /// - Throws: ``RegistryError`` when the registry does not validate, or when `version` is not above the
    ///   folder's existing release.
    @discardableResult
    public static func release(
        directory: String, key: ReleaseSigningKey, version: Int, note: String? = nil,
        now: Date = Date()
    ) throws(RegistryError) -> ReleaseManifest {
        guard let folder = ReleaseFolder.read(directory) else {
            _ = try Registry.load(from: directory)
            throw RegistryError([
                Diagnostic(
                    .io, at: SourceLocation(file: directory, line: 1, column: 1),
                    "cannot read the registry folder")
            ])
        }
        let at = SourceLocation(file: folder.manifestPath, line: 1, column: 1)
        guard version >= 1 else { throw refusal(.releaseVersion, at, "--version must be 1 or more") }
        if let bytes = folder.manifest {
            switch ReleaseManifest.parse(bytes) {
            case .success(let existing) where version <= existing.version:
                throw refusal(
                    .releaseVersion, at,
                    "version \(version) is not above the existing release "
                        + "\(existing.version); a release version only grows")
            case .success: break
            case .failure(let problem):
                throw refusal(
                    .releaseMalformed, problem.location(in: bytes, file: folder.manifestPath),
                    "the existing release manifest is malformed (\(problem.message)); remove it to start a "
                        + "new history")
            }
        }
        let (files, unreadable) = folder.texts()
        guard unreadable.isEmpty else { throw RegistryError(unreadable) }
        let registry = try Registry.load(files: files, source: directory, examples: .errors)
        var manifest = ReleaseManifest(
            version: version, created: timestamp(now), note: note,
            digest: "sha256:" + registry.digest, files: folder.fileDigests)
        try addSignature(to: &manifest, key: key, at: at)
        try folder.write(manifest)
        return manifest
    }

    /// Adds `key`'s signature to the folder's release, after checking that the folder still is what the release
    /// lists (every file's SHA-256 and the registry digest): a custodian signs only what is there.
    @discardableResult
    public static func sign(directory: String, key: ReleaseSigningKey) throws(RegistryError) -> ReleaseManifest {
        guard let folder = ReleaseFolder.read(directory) else {
            _ = try Registry.load(from: directory)
            throw RegistryError([
                Diagnostic(
                    .io, at: SourceLocation(file: directory, line: 1, column: 1),
                    "cannot read the registry folder")
            ])
        }
        let at = SourceLocation(file: folder.manifestPath, line: 1, column: 1)
        guard let bytes = folder.manifest else {
            throw refusal(.releaseMissing, at, "no release to sign; make one with `uim-router release`")
        }
        var manifest: ReleaseManifest
        switch ReleaseManifest.parse(bytes) {
        case .success(let parsed): manifest = parsed
        case .failure(let problem):
            throw refusal(
                .releaseMalformed, problem.location(in: bytes, file: folder.manifestPath),
                "malformed release manifest: \(problem.message)")
        }
        if manifest.signatures.contains(where: { $0.key == key.id }) {
            throw refusal(.releaseVersion, at, "release \(manifest.version) is already signed by \(key.id)")
        }
        // Checked as a router trusting only this key would check it, the new signature included: the file list, each
        // file's SHA-256 and the version; then the digest of the loaded files.
        let probe = TrustPolicy(keys: [key.publicKey], threshold: 1)
        var unsignedFolder = folder
        var withOwn = manifest
        try addSignature(to: &withOwn, key: key, at: at)
        unsignedFolder.manifest = withOwn.canonicalBytes
        let outcome = ReleaseVerifier.verify(unsignedFolder, policy: probe)
        guard outcome.problems.isEmpty else { throw RegistryError(outcome.problems) }
        let (files, unreadable) = folder.texts()
        guard unreadable.isEmpty else { throw RegistryError(unreadable) }
        let registry = try Registry.load(files: files, source: directory, examples: .warnings)
        guard "sha256:" + registry.digest == manifest.digest else {
            throw RegistryError([
                Diagnostic(
                    .releaseDigestMismatch, at: at,
                    "digest mismatch: the files load to sha256:\(registry.digest), the release says \(manifest.digest)")
            ])
        }
        manifest = withOwn
        try folder.write(manifest)
        return manifest
    }

    private static func addSignature(to manifest: inout ReleaseManifest, key: ReleaseSigningKey, at: SourceLocation)
        throws(RegistryError)
    {
        do {
            let signature = try key.signature(for: manifest.signedBytes)
            manifest.signatures.append(ReleaseManifest.Signature(key: key.id, signature: signature))
        } catch {
            throw RegistryError([Diagnostic(.keyFile, at: at, "signing failed: \(error)")])
        }
    }

    private static func refusal(_ code: Diagnostic.Code, _ at: SourceLocation, _ message: String) -> RegistryError {
        RegistryError([Diagnostic(code, at: at, message)])
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` in UTC.
    static func timestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
