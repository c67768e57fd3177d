// YAML builders and temporary registry folders shared by the registry tests, so no test copies them.

import Foundation

import UIMRouter
import UIMRegistry
import UIMRouting
import UIMRegistryTools
import UIMClassify

enum RegistryFixtures {
    /// The template `uim-router new` writes, with its placeholder example replaced by a real UIM (Luhn over 12 zeros
    /// is 0): it loads, but its description and reference are still the template's.
    static let unfinishedTemplate = PartyTemplate.text(code: "TZ", name: "Tanzania", today: Day(iso: "2026-06-01")!)
        .replacingOccurrences(of: PartyTemplate.placeholder, with: "TZ0000000000000")

    /// A file header for Party `code` (6 lines): the first pattern line that follows is line 7.
    static func header(code: String = "KE", name: String = "Kenya", protocolParty: String = "true") -> String {
        """
        format: 1
        party:
          code: \(code)
          name: \(name)
          protocol_party: \(protocolParty)
        patterns:

        """
    }

    /// `header(code:)` followed by `patterns`, each already indented as list items (`  - id: …`).
    static func file(code: String = "KE", _ patterns: String...) -> String {
        header(code: code) + patterns.joined()
    }

    /// A pattern item with `id` and `regex` (written as given, quotes included) and any further indented lines.
    static func pattern(_ id: String, regex: String, _ more: String...) -> String {
        "  - id: \(id)\n    regex: \(regex)\n" + more.map { "    \($0)\n" }.joined()
    }

    /// A complete, valid file using every key of the format.
    static let kenya = """
        format: 1
        party:
          code: KE
          name: Kenya
          protocol_party: true
        patterns:
          - id: KE-EGMS-STAMP
            regex: 'KE(?<payload>[0-9A-Z]{12})(?<check>[0-9A-Z])'
            level: unit
            description:
              en: Excise stamp code
              fr: Code de timbre fiscal
            check:
              algorithm: iso7064-mod37-36
              payload: payload
              digit: check
            references:
              - Excisable Goods Management System Regulations 2017
            valid_from: 2019-10-01
            valid_until: '2030-12-31'
            examples:
              match: ["KE0000000001234X"]
              no_match:
                - KE000
          - id: KE.carton_2
            regex: CT(?<serial>\\d{10})
        """

    /// Parses in-memory files given as (path, text).
    static func parse(_ files: (String, String)...) -> (registry: Registry, diagnostics: [Diagnostic]) {
        RegistryLoader.parse(files: files.map { (path: $0.0, text: $0.1) })
    }

    /// The printed diagnostics of parsing one file.
    static func messages(_ text: String, path: String = "Patterns/KE.yaml") -> [String] {
        parse((path, text)).diagnostics.map(\.description)
    }

    /// Writes `files` (name or relative path → contents) into a fresh temporary folder, runs `body` with the folder's path, and
    /// removes the folder.
    static func withFolder<T>(_ files: [String: Data], _ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("registry-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, contents) in files {  // a name with a '/' makes the folders it names
            let file = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try contents.write(to: file)
        }
        return try body(folder.path)
    }

    /// `withFolder` for text files.
    static func withFolder<T>(_ files: [String: String], _ body: (String) throws -> T) throws -> T {
        try withFolder(files.mapValues { Data($0.utf8) }, body)
    }
}
