// End-to-end: the help texts. Every example `uim-router help <command>` prints runs as written, `--help` lists the
// README's exit statuses, unknown commands are bad usage with a "did you mean", and `--version` names the bundled
// registry's digest and the PCRE2 it runs on.
import Foundation
import Testing

@Suite("uim-router help")
struct HelpTests {
    /// The subcommands `uim-router --help` lists (so a new one is covered without editing this test).
    static func subcommands() throws -> [String] {
        let help = try CLI.run(["--help"])
        let lines = help.lines.drop { $0 != "SUBCOMMANDS:" }.dropFirst().prefix { !$0.isEmpty }
        // A name is indented by two spaces; its abstract's wrapped lines by more.
        return lines.filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }.filter { $0 != "help" }
    }

    /// The command lines under "Examples:" in `uim-router help command`, as printed; a line ending in ` \` continues
    /// on the next, as in a shell.
    static func examples(of command: String) throws -> [String] {
        let help = try CLI.run(["help", command])
        let section = help.lines.drop { $0.trimmingCharacters(in: .whitespaces) != "Examples:" }.dropFirst()
        var examples: [String] = []
        var continues = false
        for line in section.prefix(while: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            let text = line.trimmingCharacters(in: .whitespaces)
            if continues, let last = examples.popLast() { examples.append(last + " " + text) } else { examples.append(text) }
            continues = text.hasSuffix(" \\")
            if continues, let last = examples.popLast() { examples.append(String(last.dropLast(2))) }
        }
        return examples
    }

    @Test("--help lists the subcommands")
    func listsSubcommands() throws {
        let names = try Self.subcommands()
        #expect(names.count >= 14 && names.contains("route") && names.contains("sample"), "\(names)")
    }

    @Test("every subcommand's help shows examples, each a whole command line")
    func everyCommandHasExamples() throws {
        for command in try Self.subcommands() {
            let examples = try Self.examples(of: command)
            #expect(!examples.isEmpty, "`uim-router help \(command)` shows no example")
            for example in examples {
                #expect(example.contains("uim-router "), "help \(command): `\(example)` (a wrapped line?)")
            }
        }
    }

    /// Every example, run with `bash` in a folder laid out as a clone of the repository (`Patterns/`, `Samples/`,
    /// `Schemas/`) holding the files the examples name as the user's own: each must do its work, neither exit 64
    /// (bad usage) nor 66 (a file it names is missing) nor name a pattern that does not exist.
    @Test("every example of every subcommand's help runs as written", arguments: try HelpTests.allExamples())
    func exampleRuns(_ example: String) throws {
        let folder = try HelpExampleFolder(for: example)
        let result = try CLI.shell(example, in: folder.url)
        let output = result.text + result.stderr
        #expect(!output.contains("no pattern '") && !output.contains("No such file"), "`\(example)`:\n\(output)")
        // Exit 1 reports findings for these commands; for the others, and any other status, the example failed.
        let findingsCommands = ["conflicts", "lint", "check-submission", "diff"]
        let findingsMayFail = findingsCommands.contains { example.contains("uim-router \($0)") }
        #expect(result.status == 0 || (result.status == 1 && findingsMayFail),
                "`\(example)` exited \(result.status):\n\(output)")
    }

    static func allExamples() throws -> [String] {
        try subcommands().flatMap { try examples(of: $0) }
    }

    @Test("the exit-status paragraph of --help lists every status the README lists")
    func exitStatuses() throws {
        let readme = try Readme.prose()
        let paragraph = try #require(readme.components(separatedBy: "\n\n").first { $0.hasPrefix("Exit status:") })
        let codes = paragraph.matches(of: /`(\d+)`/).map { String($0.output.1) }
        #expect(codes == ["0", "1", "64", "65", "66", "74", "130"], "README: \(paragraph)")
        let help = try CLI.run(["--help"]).lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        let statuses = try #require(help.range(of: "Exit status:")).lowerBound
        let helpCodes = help[statuses...].matches(of: #/[:;] (\d+) /#).map { String($0.output.1) }
        #expect(helpCodes == codes, "--help: \(help[statuses...])")
    }

    @Test("help for a command that does not exist is bad usage", arguments: [["help", "NONEXISTENT"], ["NONEXISTENT"]])
    func unknownCommand(_ arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains("no command 'NONEXISTENT'"), "\(result.stderr)")
        #expect(result.text.isEmpty)
    }

    @Test("a mistyped command gets a did-you-mean", arguments: [("rotue", "route"), ("valdiate", "validate"),
                                                                ("conflict", "conflicts"), ("shwo", "show")])
    func mistypedCommand(_ typed: String, _ meant: String) throws {
        for arguments in [[typed, "x"], ["help", typed]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 64)
            #expect(result.stderr.contains("did you mean '\(meant)'?"), "\(arguments): \(result.stderr)")
        }
    }

    @Test("--version names the tool's version, the bundled registry's digest and the PCRE2 version")
    func version() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        let digest = try #require(CLI.run(["list"]).lines.first { $0.hasPrefix("digest: ") }).dropFirst(8)
        #expect(result.lines.count == 3, "\(result.text)")
        #expect(result.lines.first?.hasPrefix("uim-router ") == true)
        #expect(result.lines.contains { $0.hasPrefix("bundled registry: \(digest) (") }, "\(result.text)")
        #expect(result.lines.last?.contains(/^PCRE2: 10\.\d+/) == true, "\(result.text)")
    }
}

/// A temporary folder laid out as a clone of the repository, with the files the help examples name as the user's
/// own: `scanned.txt` and `seized.txt.gz` (UIM lists), `seizure.csv` (a "Pack code" column), `KE.yaml` and
/// `submissions/UZ.yaml` (Party files), `registry-v1/`, `old/` and `new/` (registries to compare).
final class HelpExampleFolder {
    private let folder: TemporaryFolder
    var url: URL { folder.url }

    /// `example`: the help example the folder is for. The registry-trust examples find the keys they name
    /// (`secretariat`, `custodian`), and `Patterns/` released (for `sign`) and signed by both (for `verify`).
    init(for example: String = "") throws {
        folder = try TemporaryFolder()
        let manager = FileManager.default
        for name in ["Patterns", "Samples", "Schemas"] {
            try manager.copyItem(at: Readme.root.appendingPathComponent(name), to: url.appendingPathComponent(name))
        }
        for name in ["registry-v1", "old", "new"] {
            try manager.copyItem(at: url.appendingPathComponent("Patterns"), to: url.appendingPathComponent(name))
        }
        try manager.createDirectory(at: url.appendingPathComponent("submissions"), withIntermediateDirectories: true)
        try manager.copyItem(at: url.appendingPathComponent("Patterns/KE.yaml"),
                             to: url.appendingPathComponent("KE.yaml"))
        try manager.copyItem(at: url.appendingPathComponent("Patterns/UZ.yaml"),
                             to: url.appendingPathComponent("submissions/UZ.yaml"))
        let samples = try String(contentsOf: url.appendingPathComponent("Samples/seized-uims.txt"), encoding: .utf8)
        let uims = samples.split(separator: "\n").prefix(200)
        try folder.write("scanned.txt", uims.joined(separator: "\n") + "\n")
        let rows = uims.enumerated().map { index, uim in
            "S-\(index + 1),\"\(uim.replacingOccurrences(of: "\"", with: "\"\""))\""
        }
        try folder.write("seizure.csv", "Seizure,Pack code\n" + rows.joined(separator: "\n") + "\n")
        let gzip = try CLI.shell("gzip -c scanned.txt > seized.txt.gz", in: url)
        guard gzip.status == 0 else { throw ReadmeError("gzip failed: \(gzip.stderr)") }
        var trust: [String] = []
        if ["release", "sign", "verify"].contains(where: { example.hasPrefix("uim-router \($0) ") }) {
            trust += ["uim-router keygen --out secretariat", "uim-router keygen --out custodian"]
        }
        if ["sign", "verify"].contains(where: { example.hasPrefix("uim-router \($0) ") }) {
            trust.append("uim-router release --registry Patterns --key secretariat.key --version 1")
        }
        if example.hasPrefix("uim-router verify ") {
            trust.append("uim-router sign --registry Patterns --key custodian.key")
        }
        for command in trust {
            let made = try CLI.shell(command, in: url)
            guard made.status == 0 else { throw ReadmeError("\(command) failed: \(made.stderr)") }
        }
    }
}
