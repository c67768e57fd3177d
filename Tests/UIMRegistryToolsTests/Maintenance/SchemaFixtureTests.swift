// The loader's side of Schemas/tests/: each structurally broken file of refused/ is refused with exactly the
// diagnostic its `# loader:` line names, and accepted/ (scalars YAML reads as numbers or booleans, flow style) loads
// and validates. Scripts/check-schema checks the schema's side of the same files with the PyPI jsonschema validator.

import Foundation
import Testing

@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMRouting
@testable import UIMRegistryTools
@testable import UIMClassify
@testable import UIMRouterTestSupport

@Suite("Schema fixtures: the loader")
struct SchemaFixtureTests {
    static let tests = RegistrySchemaTests.root.appendingPathComponent("Schemas/tests")

    static let refused: [String] = {
        let folder = tests.appendingPathComponent("refused").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    @Test("there is a broken file for each structural error the loader reports")
    func everyStructuralErrorHasAFile() throws {
        var codes: Set<String> = []
        for name in Self.refused {
            let text = try String(contentsOf: Self.tests.appendingPathComponent("refused/\(name)"), encoding: .utf8)
            codes.formUnion(Self.header("loader", in: text).map { [$0] } ?? [])
        }
        let structural: [Diagnostic.Code] = [.unknownKey, .badValue, .missingKey, .unknownAlgorithm, .badLanguage]
        #expect(codes == Set(structural.map(\.rawValue)))
    }

    @Test(
        "the loader refuses each file of Schemas/tests/refused with the one diagnostic its '# loader:' line names",
        arguments: refused)
    func loaderRefuses(_ name: String) throws {
        let path = "Schemas/tests/refused/\(name)"
        let text = try String(contentsOf: Self.tests.appendingPathComponent("refused/\(name)"), encoding: .utf8)
        let expected = try #require(Self.header("loader", in: text), "\(name) has no '# loader: CODE' line")
        #expect(Self.header("schema", in: text) != nil, "\(name) has no '# schema: KEYWORD' line")
        let (_, diagnostics) = RegistryLoader.parse(files: [(path, text)])
        #expect(diagnostics.map(\.code.rawValue) == [expected], "\(diagnostics)")
    }

    @Test("Schemas/tests/accepted loads and validates, examples included")
    func acceptedLoads() throws {
        let registry = try Registry.load(from: Self.tests.appendingPathComponent("accepted").path)
        #expect(registry.parties.map(\.code).sorted() == ["123", "QT"])
        #expect(registry.patterns.map(\.id).sorted() == ["4711", "QT.unit_2-v1"])
    }

    /// The word after `# key: ` on a line of its own.
    static func header(_ key: String, in text: String) -> String? {
        let prefix = "# \(key): "
        return text.split(separator: "\n").first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }
}
