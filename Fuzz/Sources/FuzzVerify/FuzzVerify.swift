// Target 7, verify: arbitrary manifests and signatures fed to release verification (issue 16). Nothing may crash,
// and nothing but the one release the trusted key signed may verify:
// - mode 0: the input's bytes are `_release.json` for a fixed folder: it verifies only when the bytes are exactly
//   the genuine manifest;
// - mode 1: the genuine manifest with 1-8 edits (overwrite, insert, delete, at input-chosen places): it verifies
//   only when the edits cancel out;
// - mode 2: a manifest built from input fields (version, time, note, digest, the file list and each file's hash,
//   signatures: by the trusted key over the content, by another key, by a trusted key over other content, or raw
//   bytes), in canonical form: it verifies exactly when the file list matches the folder and a real signature by
//   the trusted key is there; its bytes parse back to the same manifest.
// Every input whose bytes parse as a manifest must re-render to those very bytes.
import FuzzKit
@_spi(Fuzzing) import UIMRouter

enum Fixture {
    static let trusted = FuzzingTrust.signingKey(raw: Array(repeating: 7, count: 32))!
    static let stranger = FuzzingTrust.signingKey(raw: Array(repeating: 9, count: 32))!
    static let policy = TrustPolicy(keys: [trusted.publicKey])
    static let files: [String: [UInt8]] = [
        "AA.yaml": Array("format: 1\nparty: {code: AA, name: Alpha, protocol_party: true}\npatterns:\n  - id: AA-1\n    regex: 'X[0-9]{4}'\n".utf8),
        "BB.yaml": Array("format: 1\nparty: {code: BB, name: Bravo, protocol_party: true}\npatterns:\n  - id: BB-1\n    regex: 'B[0-9]{4}'\n".utf8),
    ]
    static let listed = files.mapValues(FuzzingTrust.sha256)
    static let genuine: [UInt8] = {
        var manifest = FuzzingTrust.manifest(version: 3, created: "2026-12-05T10:00:00Z", note: "fuzz",
                                             digest: "sha256:" + String(repeating: "ab", count: 32), files: listed)
        manifest.signatures = [FuzzingTrust.sign(manifest, with: trusted)!]
        return manifest.canonicalBytes
    }()
}

func checkRoundTrip(_ bytes: [UInt8]) {
    if case .success(let manifest) = ReleaseManifest.parse(bytes) {
        fuzzExpect(manifest.canonicalBytes == bytes, "a manifest parsed from bytes that are not its canonical form")
    }
}

func fuzzVerify(_ data: UnsafeBufferPointer<UInt8>) {
    var input = FuzzInput(data)
    let (trusted, stranger, policy) = (Fixture.trusted, Fixture.stranger, Fixture.policy)
    let (files, listed, genuine) = (Fixture.files, Fixture.listed, Fixture.genuine)
    switch input.int(0...2) {
    case 0:
        let bytes = input.rest()
        checkRoundTrip(bytes)
        let problems = FuzzingTrust.verify(files: files, manifest: bytes, policy: policy)
        fuzzExpect(!problems.isEmpty || bytes == genuine, "arbitrary manifest bytes verified: \(bytes)")
    case 1:
        var bytes = genuine
        for _ in 0..<input.int(1...8) {
            let position = input.int(0...255) * bytes.count / 256
            switch input.int(0...2) {
            case 0 where position < bytes.count: bytes[position] = input.byte()
            case 1: bytes.insert(input.byte(), at: min(position, bytes.count))
            default: if position < bytes.count { bytes.remove(at: position) }
            }
        }
        checkRoundTrip(bytes)
        let problems = FuzzingTrust.verify(files: files, manifest: bytes, policy: policy)
        fuzzExpect(problems.isEmpty == (bytes == genuine), "edited manifest: verified \(problems.isEmpty), unchanged \(bytes == genuine)")
    default:
        var fileList = listed
        if input.oneIn(3) { fileList[input.bool() ? "AA.yaml" : "CC.yaml"] = FuzzingTrust.sha256(input.data(upTo: 8)) }
        if input.oneIn(4) { fileList.removeValue(forKey: input.bool() ? "AA.yaml" : "BB.yaml") }
        let text = { (n: Int) in String(decoding: input.data(upTo: n), as: UTF8.self) }
        var manifest = FuzzingTrust.manifest(version: input.int(1...1_000_000), created: text(24),
                                             note: input.bool() ? text(40) : nil, digest: text(72), files: fileList)
        for _ in 0..<input.int(0...3) {
            switch input.int(0...3) {
            case 0: manifest.signatures.append(FuzzingTrust.sign(manifest, with: trusted)!)
            case 1: manifest.signatures.append(FuzzingTrust.sign(manifest, with: stranger)!)
            case 2:
                var other = manifest
                other.version += 1
                var forged = FuzzingTrust.sign(other, with: trusted)!
                forged.key = trusted.id
                manifest.signatures.append(forged)
            default:
                manifest.signatures.append(FuzzingTrust.signature(key: input.bool() ? trusted.id : text(20), bytes: input.data(upTo: 64)))
            }
        }
        // A signature with other bytes (wrong length) cannot be written; such manifests are malformed.
        let bytes = manifest.canonicalBytes
        let parsed = ReleaseManifest.parse(bytes)
        let wellFormed = manifest.signatures.allSatisfy { $0.signature.count == 64 }
        if case .success(let back) = parsed { fuzzExpect(back == manifest, "canonical bytes parse to another manifest") }
        let problems = FuzzingTrust.verify(files: files, manifest: bytes, policy: policy)
        let real = FuzzingTrust.sign(manifest, with: trusted)!
        let genuineSignature = manifest.signatures.contains(real)
        let badTrusted = manifest.signatures.contains { $0.key == trusted.id && $0 != real }
        if problems.isEmpty {
            fuzzExpect(genuineSignature && fileList == listed, "a release verified without the trusted signature or with other files")
        }
        if wellFormed, case .success = parsed, genuineSignature, fileList == listed, !badTrusted {
            fuzzExpect(problems.isEmpty, "a genuine release was refused: \(problems)")
        }
    }
}

/// libFuzzer's entry for one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzVerify(UnsafeBufferPointer(start: data, count: size))
    return 0
}

@main
enum Main {
    static func main() { FuzzDriver.run { testOneInput($0, $1) } }
}
