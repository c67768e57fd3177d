// The README's code blocks, run as written. Each block is run here, or run by the test or CI step that its marker
// comment names (`<!-- embedding-example … -->` before it, and that name appears in the test or script), or marked
// `<!-- illustrative -->`; the coverage test fails on any block that is none of these, so a new block cannot go
// stale unnoticed. The files the README names must exist too.
import Foundation
import Testing

@Suite("README")
struct ReadmeTests {
    // MARK: the blocks run here

    static func routeYourselfBlock() throws -> ReadmeBlock {
        try Readme.block("that routes with .build/release/uim-router") {
            // (The route --hints example has a test of its own: HintsOptionTests.)
            $0.language == "sh" && $0.text.contains(".build/release/uim-router route")
                && !$0.text.contains("route --hints")
        }
    }

    static func registryFileBlock() throws -> ReadmeBlock {
        try Readme.block("with a whole Party file") { $0.language == "yaml" && $0.text.hasPrefix("format: 1\n") }
    }

    static func diagnosticsBlock() throws -> ReadmeBlock {
        try Readme.block("of validate's diagnostics") { $0.language.isEmpty && $0.text.hasPrefix("Patterns/KE.yaml:") }
    }

    static func modelinesBlock() throws -> ReadmeBlock {
        try Readme.block("with the schema modelines") {
            $0.language == "yaml" && $0.text.hasPrefix("# yaml-language-server:")
        }
    }

    static func jsonCommandBlock() throws -> ReadmeBlock {
        try Readme.block("with the route --format json command") {
            $0.language == "sh" && $0.text.hasPrefix("uim-router route --format json")
        }
    }

    static func jsonBlock() throws -> ReadmeBlock {
        try Readme.block("of JSON output") { $0.language == "json" }
    }

    static var runHere: [() throws -> ReadmeBlock] {
        [routeYourselfBlock, registryFileBlock, diagnosticsBlock, modelinesBlock, jsonCommandBlock, jsonBlock]
    }

    @Test("the 'route UIMs yourself' commands run as written from the repository's root")
    func routeYourself() throws {
        let block = try Self.routeYourselfBlock()
        // The commands name the release binary; the binary under test stands in for it, in a folder laid out as
        // the repository's root (Samples/ linked in), so the text runs unchanged.
        let folder = try TemporaryFolder()
        let release = folder.url.appendingPathComponent(".build/release", isDirectory: true)
        try FileManager.default.createDirectory(at: release, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: release.appendingPathComponent("uim-router"),
                                                   withDestinationURL: CLI.binary)
        try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent("Samples"),
                                                   withDestinationURL: Readme.root.appendingPathComponent("Samples"))
        let result = try CLI.shell(block.text, in: folder.url)
        #expect(result.status == 0, "\(block): \(result.stderr)")
        let samples = try String(contentsOf: Readme.root.appendingPathComponent("Samples/seized-uims.txt"),
                                 encoding: .utf8)
        let sampleLines = samples.split(separator: "\n", omittingEmptySubsequences: false).count
            - (samples.hasSuffix("\n") ? 1 : 0)
        #expect(result.lines.count == 2 + sampleLines, "one output line per UIM")
        #expect(result.lines.first?.contains("EU") == true, "the first UIM routes to EU: \(result.lines.first ?? "")")
    }

    @Test("the Party file example validates")
    func registryFileValidates() throws {
        let block = try Self.registryFileBlock()
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("Patterns"),
                                                withIntermediateDirectories: true)
        try folder.write("Patterns/KE.yaml", block.text)
        let result = try CLI.run(["validate", "--registry", folder.path("Patterns")])
        #expect(result.status == 0, "\(block) does not validate:\n\(result.text)\(result.stderr)")
    }

    @Test("the diagnostics shown are what validate prints for the example with the two mistakes the text names")
    func diagnosticsAreReal() throws {
        let file = try Self.registryFileBlock().text
        let broken = file.replacingOccurrences(of: "valid_from:", with: "vaild_from:")
            .replacingOccurrences(of: "(?<check>[0-9A-Z])'", with: "(?<check>[0-9A-Z]'")
        #expect(broken.contains("vaild_from:") && broken.contains("[0-9A-Z]'"), "the example no longer has these keys")
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("Patterns"),
                                                withIntermediateDirectories: true)
        try folder.write("Patterns/KE.yaml", broken)
        let result = try CLI.run(["validate", "--registry", "Patterns"], in: folder.url)
        #expect(result.status == 1)
        let printed = result.lines.filter { $0.contains(": error: ") }
        let block = try Self.diagnosticsBlock()
        #expect(block.text.split(separator: "\n").map(String.init) == printed, "\(block)")
    }

    @Test("the schema modelines are the ones `uim-router new` writes")
    func modelinesAreWritten() throws {
        let block = try Self.modelinesBlock()
        let folder = try TemporaryFolder()
        let result = try CLI.run(["new", "TZ", "--name", "Tanzania", "--registry", folder.path("Patterns")])
        #expect(result.status == 0, "\(result.stderr)")
        let written = try String(contentsOfFile: folder.path("Patterns/TZ.yaml"), encoding: .utf8)
        #expect(written.hasPrefix(block.text), "\(block)")
    }

    @Test("the JSON example is exactly what the command above it prints")
    func jsonIsPrinted() throws {
        let command = try Self.jsonCommandBlock()
        let json = try Self.jsonBlock()
        #expect(command.line < json.line)
        let result = try CLI.shell(command.text, in: Readme.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text == json.text, "\(json)")
    }

    // MARK: coverage

    @Test("every README block is run here, run by the test or CI step its marker names, or marked illustrative")
    func everyBlockIsCovered() throws {
        let here = Set(Self.runHere.compactMap { try? $0().line })
        let checkers = try Self.checkerTexts()
        for block in try Readme.blocks() {
            if here.contains(block.line) || block.markerName == "illustrative" { continue }
            guard let name = block.markerName else {
                Issue.record("\(block) is neither run by a test nor marked <!-- illustrative -->")
                continue
            }
            #expect(checkers.contains { $0.contains(name) },
                    "\(block): no test or script of the repository mentions its marker '\(name)'")
        }
    }

    /// The text of every file of the repository that may run a README block: not Markdown (the README itself,
    /// articles that quote it) and not this suite's own files, which name every marker.
    static func checkerTexts() throws -> [String] {
        let ownFiles: Set<String> = ["Tests/CLITests/ReadmeTests.swift", "Tests/CLITests/Support/Readme.swift"]
        return repositoryPaths().filter { !$0.hasSuffix(".md") && !ownFiles.contains($0) }.compactMap {
            try? String(contentsOf: Readme.root.appendingPathComponent($0), encoding: .utf8)
        }
    }

    // MARK: files named

    @Test("every repository path the README names, in backquotes or as a link, exists")
    func namedFilesExist() throws {
        let text = try Readme.prose()
        var named: [String] = []
        let backquoted = /`([^`\s]+)`/
        for match in text.matches(of: backquoted) { named.append(String(match.output.1)) }
        let linked = /\]\(([^)\s#]+)(#[^)]*)?\)/
        for match in text.matches(of: linked) where !match.output.1.contains("://") {
            named.append(String(match.output.1))
        }
        let paths = Self.repositoryPaths()
        for name in named where Self.looksLikeRepositoryPath(name) {
            for path in Self.expandingBraces(name) {
                let trimmed = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
                let bare = trimmed.hasSuffix("/") ? String(trimmed.dropLast()) : trimmed
                #expect(paths.contains { $0 == bare || $0.hasSuffix("/" + bare) },
                        "README.md names `\(name)`, which is not a file or folder of the repository")
            }
        }
    }

    /// A path into the repository: a relative path with a folder (`Scripts/quickstart`, `include/uim_router.h`)
    /// or a Markdown file; not a bare file name in prose (`KE.yaml`), a glob, a URL, an absolute path, a path under
    /// an install prefix (`PREFIX/lib/…`) or a linker flag.
    static func looksLikeRepositoryPath(_ name: String) -> Bool {
        guard !name.hasPrefix("/"), !name.hasPrefix(".build"), !name.hasPrefix("PREFIX/"), !name.contains(","),
              !name.contains("*"), !name.contains("://"),
              !name.contains("\""), !name.contains("<"), !name.contains(":")
        else { return false }
        return name.contains("/") || name.hasSuffix(".md")
    }

    static func expandingBraces(_ name: String) -> [String] {
        guard let open = name.firstIndex(of: "{"), let close = name[open...].firstIndex(of: "}") else { return [name] }
        return name[name.index(after: open)..<close].split(separator: ",").flatMap {
            expandingBraces(String(name[..<open]) + $0 + String(name[name.index(after: close)...]))
        }
    }

    /// Every file and folder of the repository, relative to its root, without build products and Git's folder.
    static func repositoryPaths() -> [String] {
        let root = Readme.root.standardizedFileURL.path
        guard let files = FileManager.default.enumerator(atPath: root) else { return [] }
        var paths: [String] = []
        while let path = files.nextObject() as? String {
            if path == ".build" || path == ".git" || path.hasPrefix(".build/") || path.contains("/.build") {
                files.skipDescendants()
                continue
            }
            paths.append(path)
        }
        return paths
    }
}
