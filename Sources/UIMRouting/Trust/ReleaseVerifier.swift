// Checks a registry folder's bytes against its signed release manifest and a trust policy; every reason a release
// does not verify becomes a diagnostic located at the file it concerns.
import UIMRegistry

/// Verification of a release: signatures, threshold, the file list and every file's SHA-256, the version floor.
package enum ReleaseVerifier {
    package struct Outcome {
        var manifest: ReleaseManifest?
        /// The trusted keys whose signatures verified.
        var signers: [String]
        package var problems: [Diagnostic]
    }

    /// Verifies `folder` against its manifest under `policy`. The registry digest is checked by the caller, after
    /// loading the same bytes.
    package static func verify(_ folder: ReleaseFolder, policy: TrustPolicy) -> Outcome {
        let at = SourceLocation(file: folder.manifestPath, line: 1, column: 1)
        guard let bytes = folder.manifest else {
            return Outcome(
                manifest: nil, signers: [],
                problems: [
                    Diagnostic(
                        .releaseMissing, at: at,
                        "unsigned registry: no \(ReleaseManifest.fileName) here, and trusted keys were given; publish it "
                            + "with `uim-router release`")
                ])
        }
        let manifest: ReleaseManifest
        switch ReleaseManifest.parse(bytes) {
        case .success(let parsed): manifest = parsed
        case .failure(let problem):
            return Outcome(
                manifest: nil, signers: [],
                problems: [
                    Diagnostic(
                        .releaseMalformed, at: problem.location(in: bytes, file: folder.manifestPath),
                        "malformed release manifest: \(problem.message)")
                ])
        }
        var problems: [Diagnostic] = []
        let signers = checkSignatures(manifest, policy: policy, at: at, problems: &problems)
        problems += checkFiles(manifest, folder)
        if let floor = policy.minimumVersion, manifest.version < floor {
            problems.append(
                Diagnostic(
                    .releaseRollback, at: at,
                    "release \(manifest.version) is older than the lowest version accepted here (\(floor))"))
        }
        return Outcome(manifest: manifest, signers: signers, problems: problems)
    }

    private static func checkSignatures(
        _ manifest: ReleaseManifest, policy: TrustPolicy, at: SourceLocation,
        problems: inout [Diagnostic]
    ) -> [String] {
        let message = manifest.signedBytes
        var signers: [String] = []
        var unknown: [Diagnostic] = []
        for entry in manifest.signatures {
            guard let key = policy.key(id: entry.key) else {
                unknown.append(
                    Diagnostic(
                        .releaseUnknownKey, at: at,
                        "signature by key \(entry.key), which is not one of the trusted keys"))
                continue
            }
            if key.isValidSignature(entry.signature, for: message) {
                if !signers.contains(key.id) { signers.append(key.id) }
            } else {
                problems.append(
                    Diagnostic(
                        .releaseBadSignature, at: at,
                        "bad signature by trusted key \(entry.key): the manifest is not what that key signed"))
            }
        }
        if signers.count < policy.threshold {
            problems += unknown
            problems.append(
                Diagnostic(
                    .releaseTooFewSignatures, at: at,
                    "too few signatures: \(signers.count) valid signature(s) by trusted keys, \(policy.threshold) needed"
                ))
        }
        return signers
    }

    private static func checkFiles(_ manifest: ReleaseManifest, _ folder: ReleaseFolder) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let present = folder.fileDigests
        for name in Set(present.keys).union(manifest.files.keys).sorted() {
            let at = SourceLocation(file: folder.prefix + name, line: 1, column: 1)
            switch (manifest.files[name], present[name]) {
            case (nil, _?):
                problems.append(
                    Diagnostic(
                        .releaseFileAdded, at: at,
                        "file added: not part of release \(manifest.version)"))
            case (_?, nil):
                problems.append(
                    Diagnostic(
                        .releaseFileRemoved, at: at,
                        "file removed: release \(manifest.version) has it"))
            case (let listed?, let actual?) where listed != actual:
                problems.append(
                    Diagnostic(
                        .releaseFileChanged, at: at,
                        "file changed since release \(manifest.version) (its SHA-256 differs)"))
            default: break
            }
        }
        return problems
    }
}
