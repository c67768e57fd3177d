// End-to-end: every command says which registry it read — the folder, or "bundled, built <date>, digest …" — on its
// first line (standard error for commands whose standard output is data), and when ./Patterns exists but differs
// from the bundled copy, says so and how to check it.
import Foundation
import Testing

@Suite("which registry a command read")
struct RegistryProvenanceTests {
    static let patterns = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "Patterns")

    /// `registry: bundled, built YYYY-MM-DD, digest sha256:<64 hex digits>`.
    static func isBundledLine(_ line: String?) -> Bool {
        guard let line, line.hasPrefix("registry: bundled, built ") else { return false }
        let rest = line.dropFirst("registry: bundled, built ".count)
        let parts = rest.split(separator: ", digest sha256:")
        return parts.count == 2 && parts[0].count == 10 && parts[1].count == 64
            && parts[1].allSatisfy { $0.isHexDigit }
    }

    @Test("validate: the first line names the bundled registry with its build date and digest")
    func validateBundled() throws {
        let result = try CLI.run(["validate"])
        #expect(result.status == 0)
        #expect(Self.isBundledLine(result.lines.first), "\(result.text)")
    }

    @Test("validate, lint, list, show, conflicts, route: a folder is named; route's standard output is unchanged",
          arguments: [["validate"], ["lint"], ["list"], ["show", "BB-GTIN"], ["conflicts"], ["route", "BB123456784"],
                      ["sample", "BB-GTIN", "-n", "1"]])
    func folderNamed(command: [String]) throws {
        let folder = try TemporaryFolder()
        let registry = try FixtureRegistry.write(in: folder)
        let result = try CLI.run(command + ["--registry", registry])
        let first = command == ["validate"] ? result.lines.first : result.stderr.split(separator: "\n").first.map(String.init)
        #expect(first?.hasPrefix("registry: \(registry), digest sha256:") == true, "\(result.text)\(result.stderr)")
        if command.first == "route" {
            #expect(result.lines.count == 1)
            #expect(result.lines.first?.hasPrefix("BB123456784") == true, "\(result.text)")
        }
    }

    @Test("route and classify with the bundled registry: the registry on standard error, JSON on standard output")
    func routeBundled() throws {
        let routed = try CLI.run(["route", "--format", "json", "X"])
        #expect(Self.isBundledLine(routed.stderr.split(separator: "\n").first.map(String.init)), "\(routed.stderr)")
        #expect(try JSONSerialization.jsonObject(with: routed.stdout) is [String: Any])
        let classified = try CLI.run(["classify", "--quiet"], stdin: Data("X\n".utf8))
        #expect(classified.stderr.contains("registry: bundled, built "), "\(classified.stderr)")
    }

    @Test("./Patterns that differs from the bundled copy: said, with how to check it; an identical copy: nothing said")
    func patternsDiffers() throws {
        let folder = try TemporaryFolder()
        let copy = folder.url.appending(path: "Patterns")
        try FileManager.default.copyItem(at: Self.patterns, to: copy)
        let note = "note: ./Patterns differs from the bundled registry (built "
        let same = try CLI.run(["validate"], in: folder.url)
        #expect(same.status == 0)
        #expect(!same.text.contains(note), "\(same.text)")
        let kenya = copy.appending(path: "KE.yaml")
        try (try String(contentsOf: kenya, encoding: .utf8) + "# edited\n").write(to: kenya, atomically: true,
                                                                                  encoding: .utf8)
        let validated = try CLI.run(["validate"], in: folder.url)
        #expect(validated.lines.dropFirst().first?.hasPrefix(note) == true, "\(validated.text)")
        #expect(validated.text.contains("to check ./Patterns, run it with --registry Patterns"))
        let routed = try CLI.run(["route", "X"], in: folder.url)
        #expect(routed.stderr.contains(note), "\(routed.stderr)")
        let named = try CLI.run(["validate", "--registry", "Patterns"], in: folder.url)
        #expect(named.lines.first?.hasPrefix("registry: Patterns, digest sha256:") == true, "\(named.text)")
        #expect(!named.text.contains(note))
    }
}
