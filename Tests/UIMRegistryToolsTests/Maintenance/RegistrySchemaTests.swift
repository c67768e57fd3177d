// The registry schema and the loader cannot drift: the committed schema is the generated one, the schema allows at
// every level exactly the keys the loader knows, and the loader itself requires, defaults and type-checks every key
// of the table the schema is generated from (a file holding every key, mutated one key at a time).

import Foundation
import Testing

@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMRouting
@testable import UIMRegistryTools
@testable import UIMRouterTestSupport

@Suite("Registry schema")
struct RegistrySchemaTests {
    typealias Level = RegistryKeyTable.Level

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test("the committed Schemas/uim-registry-1.schema.json is what `uim-router schema` prints")
    func committedSchemaIsGenerated() throws {
        let url = Self.root.appendingPathComponent("Schemas/\(RegistrySchema.fileName)")
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == RegistrySchema.text, "run: uim-router schema > Schemas/\(RegistrySchema.fileName)")
    }

    @Test("at every level the schema allows exactly the loader's keys, requires the table's required ones, no other")
    func schemaMirrorsLoaderKeys() throws {
        let file = try #require(
            try JSONSerialization.jsonObject(with: Data(RegistrySchema.text.utf8)) as? [String: Any])
        #expect(file["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let party = try #require(Self.property("party", of: file))
        let pattern = try #require(Self.property("patterns", of: file)?["items"] as? [String: Any])
        let check = try #require(Self.property("check", of: pattern))
        let examples = try #require(Self.property("examples", of: pattern))
        let levels: [(Level, [String: Any], [String])] = [
            (.file, file, RegistryLoader.Keys.top), (.party, party, RegistryLoader.Keys.party),
            (.pattern, pattern, RegistryLoader.Keys.pattern), (.check, check, RegistryLoader.Keys.check),
            (.examples, examples, RegistryLoader.Keys.examples),
        ]
        for (level, schema, loaderKeys) in levels {
            let properties = try #require(schema["properties"] as? [String: Any], "\(level)")
            #expect(Set(properties.keys) == Set(loaderKeys), "\(level)")
            #expect(schema["additionalProperties"] as? Bool == false, "\(level)")
            let required = RegistryKeyTable.keys(level).filter(\.isRequired).map(\.name)
            #expect((schema["required"] as? [String] ?? []) == required, "\(level)")
        }
        #expect(Self.property("level", of: pattern)?["enum"] as? [String] == PackagingLevel.allCases.map(\.rawValue))
        #expect(Self.property("algorithm", of: check)?["enum"] as? [String] == CheckAlgorithm.allCases.map(\.rawValue))
        let description = try #require(Self.property("description", of: pattern))
        #expect(
            Set((description["properties"] as? [String: Any] ?? [:]).keys) == Set(Language.allCases.map(\.rawValue)))
        #expect(description["additionalProperties"] as? Bool == false)
    }

    @Test("every key the schema describes has a one-line description (what an editor shows on hover)")
    func everyKeyIsDescribed() throws {
        let file = try #require(
            try JSONSerialization.jsonObject(with: Data(RegistrySchema.text.utf8)) as? [String: Any])
        var described = 0
        func walk(_ value: Any, _ path: String) {
            if let object = value as? [String: Any] {
                if let properties = object["properties"] as? [String: Any] {
                    for (key, schema) in properties {
                        let text = (schema as? [String: Any])?["description"] as? String ?? ""
                        #expect(!text.isEmpty && !text.contains("\n"), "\(path)/\(key)")
                        described += 1
                    }
                }
                for (key, child) in object { walk(child, path + "/" + key) }
            } else if let array = value as? [Any] {
                for child in array { walk(child, path) }
            }
        }
        walk(file, "")
        let tableKeys = Level.allCases.map { RegistryKeyTable.keys($0).count }.reduce(0, +)
        #expect(described == tableKeys + Language.allCases.count)
    }

    // MARK: - The loader against the key table

    /// A YAML value, written in flow style.
    indirect enum Value {
        case scalar(String)
        case mapping([(String, Value)])
        case list([Value])

        var yaml: String {
            switch self {
            case .scalar(let text): return text
            case .mapping(let members):
                return "{" + members.map { "\($0.0): \($0.1.yaml)" }.joined(separator: ", ") + "}"
            case .list(let items): return "[" + items.map(\.yaml).joined(separator: ", ") + "]"
            }
        }
    }

    /// A change to the file that holds every key.
    enum Change: CustomTestStringConvertible {
        case omit(Level, String)
        case wrongType(Level, String)
        case unknownKey(Level)

        var testDescription: String {
            switch self {
            case .omit(let level, let key): return "without \(level.rawValue).\(key)"
            case .wrongType(let level, let key): return "\(level.rawValue).\(key) of the wrong type"
            case .unknownKey(let level): return "an unknown key in \(level.rawValue)"
            }
        }
    }

    /// A value for every key of the table that holds no level of its own (the test fails on a key that has none, so
    /// a new key extends it).
    static let samples: [String: Value] = [
        "format": .scalar("1"),
        "code": .scalar("KE"), "name": .scalar("Kenya"), "protocol_party": .scalar("true"),
        "id": .scalar("KE-1"), "regex": .scalar("'KE(?<payload>[0-9]{12})(?<check>[0-9])'"), "level": .scalar("unit"),
        "description": .mapping([("en", .scalar("Stamp"))]),
        "references": .list([.scalar("illustrative, not an official format")]), "valid_from": .scalar("2019-10-01"),
        "valid_until": .scalar("2030-12-31"),
        "algorithm": .scalar("luhn"), "payload": .scalar("payload"), "digit": .scalar("check"),
        "match": .list([.scalar("KE0000000000000")]), "no_match": .list([.scalar("KE000")]),
    ]

    /// The file holding every key of the table, with `change` applied.
    static func file(_ change: Change? = nil) -> String {
        func mapping(_ level: Level) -> Value {
            var members: [(String, Value)] = RegistryKeyTable.keys(level).compactMap { key in
                if case .omit(level, key.name) = change { return nil }
                var value: Value
                switch key.value {
                case .mapping(let inner): value = mapping(inner)
                case .list(let inner): value = .list([mapping(inner)])
                default: value = samples[key.name] ?? .scalar("~")
                }
                if case .wrongType(level, key.name) = change {
                    if case .scalar = value {
                        value = .list([.scalar("a"), .scalar("b")])
                    } else {
                        value = .scalar("oops")
                    }
                }
                return (key.name, value)
            }
            if case .unknownKey(level) = change { members.append(("zzz_unknown", .scalar("1"))) }
            return .mapping(members)
        }
        return mapping(.file).yaml + "\n"
    }

    static let changes: [Change] = Level.allCases.flatMap { level in
        RegistryKeyTable.keys(level).flatMap { key in [Change.omit(level, key.name), .wrongType(level, key.name)] }
            + [.unknownKey(level)]
    }

    @Test("the file holding every key of the table loads without a diagnostic")
    func completeFileLoads() {
        for level in Level.allCases {
            for key in RegistryKeyTable.keys(level) {
                switch key.value {
                case .mapping, .list: continue
                default: #expect(Self.samples[key.name] != nil, "no sample value for \(level.rawValue).\(key.name)")
                }
            }
        }
        let (registry, diagnostics) = RegistryLoader.parse(files: [("KE.yaml", Self.file())])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(registry.patterns.first?.check?.algorithm == .luhn)
    }

    @Test(
        "the loader requires exactly the table's required keys and refuses wrong types and unknown keys",
        arguments: changes)
    func loaderFollowsTable(_ change: Change) {
        let (_, diagnostics) = RegistryLoader.parse(files: [("KE.yaml", Self.file(change))])
        switch change {
        case .omit(let level, let name):
            let required = RegistryKeyTable.keys(level).first { $0.name == name }?.isRequired ?? false
            #expect(diagnostics.map(\.code) == (required ? [.missingKey] : []), "\(diagnostics)")
        case .wrongType:
            #expect(diagnostics.map(\.code) == [.badValue], "\(diagnostics)")
        case .unknownKey:
            #expect(diagnostics.map(\.code) == [.unknownKey], "\(diagnostics)")
        }
    }

    @Test("the schema's pattern-id syntax is the loader's, on random strings")
    func patternIDSyntax() throws {
        let regex = try Regex(RegistryKeyTable.patternIDPattern)
        var random = SeededGenerator(seed: 18)
        let alphabet = Array("aZ09._-") + [" ", "/", "é", "~"]
        var valid = 0
        for _ in 0..<4000 {
            let length = Int.random(in: 0...66, using: &random)
            let useInvalid = Bool.random(using: &random)
            let letters = useInvalid ? alphabet : Array(alphabet.prefix(7))
            let id = String((0..<length).map { _ in letters.randomElement(using: &random)! })
            let schemaSays = (try? regex.wholeMatch(in: id)) != nil
            #expect(schemaSays == RegistryLoader.FileParser.isValidID(id), "\(id)")
            valid += schemaSays ? 1 : 0
        }
        #expect(valid > 500)
    }

    @Test(
        "a date the loader reads has the schema's date shape",
        arguments: [
            "2019-10-01", "2020-02-29", "9999-12-31", "2019-02-30", "2019-1-01", "20191001", "31/12/2030",
            "2019-10-01 ",
        ])
    func dateShape(_ text: String) throws {
        let shape = try Regex(RegistryKeyTable.dayPattern)
        if Day(iso: text) != nil { #expect((try? shape.wholeMatch(in: text)) != nil) }
        if (try? shape.wholeMatch(in: text)) == nil { #expect(Day(iso: text) == nil) }
    }

    private static func property(_ name: String, of schema: [String: Any]) -> [String: Any]? {
        (schema["properties"] as? [String: Any])?[name] as? [String: Any]
    }
}
