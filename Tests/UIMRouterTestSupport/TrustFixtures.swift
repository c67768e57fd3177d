// A small signed registry in a temporary folder, and keys, for the trust tests.
import Foundation

import UIMRouter
import UIMRegistry
import UIMRouting
import UIMRegistryTools
import UIMClassify

/// A temporary registry folder with two Party files; removed when released.
final class SignedFolder {
    let path: String
    static let files = [
        "AA.yaml": """
            format: 1
            party: {code: AA, name: Alpha, protocol_party: true}
            patterns:
              - id: AA-1
                regex: 'X[0-9]{4}'   # a comment
                examples: {match: [X1234], no_match: [X12]}
            """,
        "BB.yaml": """
            format: 1
            party: {code: BB, name: Bravo, protocol_party: true}
            patterns:
              - id: BB-1
                regex: 'BB(?<payload>[0-9]{8})(?<check>[0-9])'
                check: {algorithm: gs1-mod10}
            """,
    ]

    init(files: [String: String] = SignedFolder.files) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("signed-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { try write(name, text) }
    }

    func write(_ name: String, _ text: String) throws { try write(name, Array(text.utf8)) }
    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path + "/" + name))
    }
    func read(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path + "/" + name))) }
    func remove(_ name: String) throws { try FileManager.default.removeItem(atPath: path + "/" + name) }

    /// Releases the folder as `version`, signed by `key`.
    @discardableResult
    func release(_ version: Int, by key: ReleaseSigningKey) throws -> ReleaseManifest {
        try RegistryPublisher.release(directory: path, key: key, version: version,
                                      now: Date(timeIntervalSince1970: 1_796_000_000))
    }

    /// The codes of the problems of loading with `trust`, or [] when it loads.
    func refusal(_ trust: TrustPolicy) -> [Diagnostic.Code] {
        do {
            _ = try Registry.load(from: path, trust: trust)
            return []
        } catch {
            return error.diagnostics.map(\.code)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

enum TrustKeys {
    static let a = ReleaseSigningKey()
    static let b = ReleaseSigningKey()
    static let c = ReleaseSigningKey()
    static func policy(_ keys: ReleaseSigningKey..., threshold: Int = 1) -> TrustPolicy {
        TrustPolicy(keys: keys.map(\.publicKey), threshold: threshold)
    }
}
