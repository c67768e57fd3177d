// A registry folder with errors, for the maintenance commands' end-to-end tests: one sound file and one whose
// regex does not compile.
import Foundation

enum BrokenRegistry {
    /// Writes the folder `folder/broken` and returns its path.
    static func write(in folder: TemporaryFolder) throws -> String {
        let path = folder.url.appendingPathComponent("broken", isDirectory: true)
        try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
        try Data("""
            format: 1
            party: {code: AA, name: Alpha, protocol_party: true}
            patterns:
              - id: AA-1
                regex: 'AA[0-9]{4}'
            """.utf8).write(to: path.appendingPathComponent("AA.yaml"))
        try Data("""
            format: 1
            party: {code: BB, name: Bravo, protocol_party: true}
            patterns:
              - id: BB-1
                regex: 'BB(?<payload>[0-9]{4}'
            """.utf8).write(to: path.appendingPathComponent("BB.yaml"))
        return path.path
    }

    /// The diagnostic every command must print for the folder at `path`.
    static func expectedError(_ path: String) -> String { "\(path)/BB.yaml:5:34: error: regex of pattern 'BB-1'" }
}
