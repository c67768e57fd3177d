// Runs the built `uim-router` binary for end-to-end tests: finds it beside the test bundle, feeds it standard input
// from a file, and collects its exit status, standard output and standard error.
import Foundation

enum CLI {
    /// The `uim-router` built with the tests (SwiftPM builds it because this test target depends on it).
    static let binary: URL = {
        let argument0 = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidates = [
            argument0.deletingLastPathComponent(),                                 // Linux: …/debug/*.xctest
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),                     // macOS: …/debug/*.xctest bundle
            argument0.deletingLastPathComponent().deletingLastPathComponent(),
        ].map { $0.appendingPathComponent("uim-router") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
        /// The standard output's lines (without the final empty one).
        var lines: [String] {
            var lines = text.components(separatedBy: "\n")
            if lines.last == "" { lines.removeLast() }
            return lines
        }
    }

    /// Runs `uim-router arguments…` with `stdin` as standard input and waits for it.
    static func run(_ arguments: [String], stdin: Data = Data(), stdoutPath: String? = nil,
                    in directory: URL? = nil) throws -> Result {
        let folder = try TemporaryFolder()
        let input = folder.url.appendingPathComponent("stdin")
        let output = URL(fileURLWithPath: stdoutPath ?? folder.url.appendingPathComponent("stdout").path)
        let errors = folder.url.appendingPathComponent("stderr")
        try stdin.write(to: input)
        if stdoutPath == nil { try Data().write(to: output) }
        try Data().write(to: errors)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        let stdout = stdoutPath == nil ? try Data(contentsOf: output) : Data()
        return Result(status: process.terminationStatus, stdout: stdout,
                      stderr: String(decoding: try Data(contentsOf: errors), as: UTF8.self))
    }

    /// Runs `uim-router arguments…` as `uim-router … | head -1` would: standard output is a pipe whose reader takes
    /// the first line and goes away. Returns the exit status, whether the process was killed by a signal, the first
    /// line, and the standard error.
    static func runClosingOutput(_ arguments: [String], stdin: Data)
        throws -> (status: Int32, bySignal: Bool, firstLine: String, stderr: String) {
        let folder = try TemporaryFolder()
        let input = try folder.write("stdin", stdin)
        let errors = folder.url.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let output = Pipe()
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: input))
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        try output.fileHandleForWriting.close()
        var first = Data()
        while !first.contains(0x0A), let data = try output.fileHandleForReading.read(upToCount: 1), !data.isEmpty {
            first += data
        }
        try output.fileHandleForReading.close()   // the reader goes away, as `head -1` does
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason == .uncaughtSignal,
                String(decoding: first, as: UTF8.self),
                String(decoding: try Data(contentsOf: errors), as: UTF8.self))
    }

    /// Starts `uim-router arguments…` reading standard input from a pipe the caller writes and closes.
    static func start(_ arguments: [String]) throws -> (process: Process, stdin: FileHandle, stderr: Pipe) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        return (process, input.fileHandleForWriting, errors)
    }
}

/// A fresh temporary folder, removed when the value is released.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` in the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let file = url.appendingPathComponent(name)
        try data.write(to: file)
        return file.path
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// The names of the files in the folder.
    func contents() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }

    deinit { try? FileManager.default.removeItem(at: url) }
}
