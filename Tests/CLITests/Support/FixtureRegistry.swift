// A small registry written to a temporary folder for the end-to-end tests: two Parties whose `X` codes overlap.
import Foundation

enum FixtureRegistry {
    static let files = [
        "AA.yaml": """
            format: 1
            party:
              code: AA
              name: Alpha Union
              protocol_party: true
            patterns:
              - id: AA-UNIT
                regex: 'AA(?<serial>[0-9A-Z]{10})(?<product>[0-9]{4})'
                examples:
                  match: ["AA01234567AB1234"]
              - id: AA-X
                regex: 'X(?<serial>[0-9]{8})'
            """,
        "BB.yaml": """
            format: 1
            party:
              code: BB
              name: Bravo, "the Republic"
              protocol_party: false
            patterns:
              - id: BB-GTIN
                regex: 'BB(?<payload>[0-9]{8})(?<check>[0-9])'
                check:
                  algorithm: gs1-mod10
                examples:
                  match: ["BB123456784"]
              - id: BB-X
                regex: 'X(?<lot>[0-9]{4})(?<serial>[0-9]{4})'
            """,
    ]

    /// Writes the registry into `folder/registry` and returns that path.
    static func write(in folder: TemporaryFolder) throws -> String {
        let registry = folder.url.appendingPathComponent("registry", isDirectory: true)
        try FileManager.default.createDirectory(at: registry, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: registry.appendingPathComponent(name))
        }
        return registry.path
    }
}
