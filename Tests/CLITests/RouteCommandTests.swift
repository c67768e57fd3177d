// End-to-end: `uim-router route` — one output line per input line, in order, whatever the input holds.
import Foundation
import Testing

@Suite("uim-router route")
struct RouteCommandTests {
    func json(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test("standard input: every line yields one JSON line, blank and malformed lines included, in order")
    func everyLineOneResult() throws {
        let folder = try TemporaryFolder()
        let registry = try FixtureRegistry.write(in: folder)
        var input = Data("AA01234567AB1234\r\n\n]d2BB123456784\nX12345678\nBB123456785\n".utf8)
        input += Data([0x41, 0xFF, 0x0A])                      // not UTF-8
        input += Data("AA\u{01}B\n   \nlast line without newline".utf8)
        let result = try CLI.run(["route", "--registry", registry, "--format", "json", "--date", "2026-06-01"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try result.lines.map(json)
        #expect(lines.count == 9)
        #expect(lines.map { $0["status"] as? String } == [
            "routed", "invalid", "routed", "ambiguous", "unrouted", "invalid", "invalid", "invalid", "unrouted",
        ])
        #expect(lines[0]["party"] as? String == "AA")
        #expect(lines[0]["uim"] as? String == "AA01234567AB1234")   // issue 12: the CR of CRLF is part of the line end
        #expect(lines[1]["error"] as? String == "empty")
        #expect(lines[2]["party"] as? String == "BB")
        #expect((lines[3]["matches"] as? [[String: Any]])?.compactMap { $0["party"] as? String } == ["AA", "BB"])
        #expect((lines[4]["rejected"] as? [[String: Any]])?.first?["reason"] as? String == "check-failed")
        #expect(lines[5]["error"] as? String == "not valid UTF-8")
        #expect(lines[6]["error"] as? String == "control character")
    }

    @Test("arguments in text format: aligned columns with the Party's name, the reason when unrouted")
    func textFormat() throws {
        let folder = try TemporaryFolder()
        let registry = try FixtureRegistry.write(in: folder)
        let result = try CLI.run(["route", "--registry", registry, "--date", "2026-06-01", "BB123456784", "BB123456785", "X12345678"])
        #expect(result.status == 0)
        #expect(result.lines.count == 3)
        #expect(result.lines[0].contains("routed") && result.lines[0].contains("BB  Bravo, \"the Republic\"") && result.lines[0].hasSuffix("BB-GTIN"))
        #expect(result.lines[1].contains("unrouted") && result.lines[1].hasSuffix("BB-GTIN: check-failed"))
        #expect(result.lines[2].contains("ambiguous") && result.lines[2].contains("AA Alpha Union (AA-X)"))
        // Columns line up: the status column starts at the same offset on every line.
        let offsets = result.lines.map { $0.range(of: #"(routed|unrouted|ambiguous)"#, options: .regularExpression)!.lowerBound.utf16Offset(in: $0) }
        #expect(Set(offsets).count == 1)
    }

    @Test("the bundled registry is the default from any folder, and --date moves validity windows")
    func bundledDefaultAndDates() throws {
        let folder = try TemporaryFolder()
        // KE-EGMS-STAMP-V1 is valid until 2023-12-31 in the bundled registry.
        let old = try CLI.run(["route", "--format", "json", "--date", "2023-06-01", "KE62611695722008"], in: folder.url)
        let new = try CLI.run(["route", "--format", "json", "--date", "2026-06-01", "KE62611695722008"], in: folder.url)
        #expect(old.status == 0 && new.status == 0, "\(old.stderr)\(new.stderr)")
        let before = try json(old.lines[0])
        let after = try json(new.lines[0])
        #expect(before["status"] as? String == "routed")
        #expect(before["party"] as? String == "KE")
        #expect(after["status"] as? String == "unrouted")
        #expect((after["rejected"] as? [[String: Any]])?.first?["reason"] as? String == "expired")
    }

    @Test("UIM_REGISTRY names the registry when --registry is absent; --registry wins over it")
    func environmentVariable() throws {
        let folder = try TemporaryFolder()
        let registry = try FixtureRegistry.write(in: folder)
        func run(_ arguments: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["UIM_REGISTRY=\(registry)", CLI.binary.path, "route", "--format", "json"] + arguments
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        #expect(try run(["BB123456784"]).contains(#""party":"BB""#))
        #expect(try run(["--registry", folder.path("missing"), "BB123456784"]).isEmpty)
    }

    @Test("a wrong example does not stop routing: it is a warning for route, an error for validate")
    func exampleProblemsWarn() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("reg"), withIntermediateDirectories: true)
        try folder.write("reg/KE.yaml", "format: 1\nparty: {code: KE, name: Kenya, protocol_party: true}\npatterns:\n  - id: K\n    regex: 'KE[0-9]{3}'\n    examples: {match: ['KE12']}\n")
        let routed = try CLI.run(["route", "--registry", folder.path("reg"), "KE123"])
        #expect(routed.status == 0)
        #expect(routed.text.contains("routed"))
        #expect(routed.stderr.contains("reg/KE.yaml:6:24: warning: match example 'KE12' does not match pattern 'K'"))
        let validated = try CLI.run(["validate", "--registry", folder.path("reg")])
        #expect(validated.status == 1)
        #expect(validated.text.contains("reg/KE.yaml:6:24: error: match example 'KE12'"))
    }

    @Test("bad usage exits 64 with a message", arguments: [["route", "--date", "2026-13-01", "X"], ["route", "--format", "xml", "X"]])
    func badUsage(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains("Error"))
        #expect(result.stdout.isEmpty)
    }

    @Test("a registry with problems stops route with exit 1 and the diagnostics")
    func brokenRegistry() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("reg"), withIntermediateDirectories: true)
        try folder.write("reg/KE.yaml", "format: 1\nparty: {code: KE, name: Kenya, protocol_party: true}\npatterns:\n  - id: K\n    regex: 'KE(['\n")
        let result = try CLI.run(["route", "--registry", folder.path("reg"), "KE1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("reg/KE.yaml:5:"))
        #expect(result.stdout.isEmpty)
    }

    @Test("--date with a day that does not exist says so, exit 64, for every command taking --date", arguments: [
        ["route", "X"], ["classify"], ["lint"], ["conflicts"], ["bench"], ["check-submission", "KE.yaml"],
        ["diff", "a", "b"],
    ])
    func dateThatDoesNotExist(command: [String]) throws {
        let result = try CLI.run(command + ["--date", "2026-02-30"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("the date '2026-02-30' does not exist: February 2026 has 28 days"),
                "\(result.stderr)")
    }

    // Issue 12, "An analyst classifying a list".

    @Test("`-` stands for the lines of standard input, also between UIMs given as arguments")
    func dashIsStandardInput() throws {
        let folder = try TemporaryFolder()
        let registry = try FixtureRegistry.write(in: folder)
        let stdin = Data("BB123456784\r\nZZ\n".utf8)
        let alone = try CLI.run(["route", "--registry", registry, "--format", "json", "-"], stdin: stdin)
        #expect(alone.status == 0, "\(alone.stderr)")
        #expect(try alone.lines.map { try json($0)["uim"] as? String } == ["BB123456784", "ZZ"])
        let mixed = try CLI.run(["route", "--registry", registry, "--format", "json", "X12345678", "-", "AA"],
                                stdin: stdin)
        #expect(try mixed.lines.map { try json($0)["uim"] as? String } == ["X12345678", "BB123456784", "ZZ", "AA"])
        #expect(try CLI.run(["route", "-", "-"]).status == 64)
    }

    @Test("--output writes the file whole and nothing to standard output; jsonl and json are the same format")
    func outputFile() throws {
        let folder = try TemporaryFolder()
        let registry = try FixtureRegistry.write(in: folder)
        let stdin = Data("BB123456784\nX12345678\n".utf8)
        let out = folder.path("routed.jsonl")
        let written = try CLI.run(["route", "--registry", registry, "--format", "jsonl", "--output", out], stdin: stdin)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.isEmpty)
        let plain = try CLI.run(["route", "--registry", registry, "--format", "json"], stdin: stdin)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == plain.stdout)
        #expect(try folder.contents() == ["registry", "routed.jsonl"])
        let nowhere = try CLI.run(["route", "--registry", registry, "--output", folder.path("no/such/dir/x"), "ZZ"])
        #expect(nowhere.status == 74 && nowhere.stdout.isEmpty)
    }

    @Test("a reader that goes away (| head -1) ends route quietly; a full disk still fails loudly (74)")
    func closedPipe() throws {
        let folder = try TemporaryFolder()
        let registry = try FixtureRegistry.write(in: folder)
        let input = Data(String(repeating: "BB123456784\nX12345678\n", count: 50_000).utf8)
        let run = try CLI.runClosingOutput(["route", "--registry", registry], stdin: input)
        #expect(run.firstLine.contains("BB123456784"))
        // Nothing on standard error but the line naming the registry read.
        #expect(run.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("registry: ") }, "\(run.stderr)")
        #expect((run.bySignal && run.status == SIGPIPE) || run.status == 0 || run.status == 141)
        let full = try CLI.run(["route", "--registry", registry], stdin: input, stdoutPath: "/dev/full")
        #expect(full.status == 74 && full.stderr.contains("cannot write output"))
    }

    @Test("Ctrl-C during route --output leaves no file, as for classify")
    func interruptedOutput() throws {
        let folder = try TemporaryFolder()
        let registry = try FixtureRegistry.write(in: folder)
        let out = folder.path("routed.jsonl")
        let (process, stdin, stderr) = try CLI.start(["route", "--registry", registry, "--format", "jsonl",
                                                      "--output", out])
        signal(SIGPIPE, SIG_IGN)   // should the child die early, a failed write must not kill the test runner
        try stdin.write(contentsOf: Data(String(repeating: "BB123456784\n", count: 20_000).utf8))
        var partial: [String] = []
        for _ in 0..<600 where partial.isEmpty {   // wait (at most a minute) for the temporary file
            partial = try folder.contents().filter { $0.hasPrefix(".routed.jsonl.partial-") }
            if partial.isEmpty { usleep(100_000) }
        }
        #expect(partial.count == 1)
        process.interrupt()
        process.waitUntilExit()
        try? stdin.close()
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 130)
        #expect(try folder.contents() == ["registry"])
        #expect(message.contains("routed.jsonl was not written"))
    }
}
