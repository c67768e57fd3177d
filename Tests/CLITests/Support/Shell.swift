// Runs a shell script as a person would type it, with the built `uim-router` first on PATH: for the README's and
// the help texts' examples, which are tested as written.
import Foundation

extension CLI {
    /// Runs `script` with `bash -e -o pipefail -c` in `directory`, `uim-router` resolving to the binary under test.
    static func shell(_ script: String, in directory: URL, environment extra: [String: String] = [:]) throws -> Result {
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("stdout")
        let errors = folder.url.appendingPathComponent("stderr")
        try Data().write(to: output)
        try Data().write(to: errors)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment.removeValue(forKey: "UIM_REGISTRY")
        environment.merge(extra) { $1 }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-e", "-o", "pipefail", "-c", script]
        process.currentDirectoryURL = directory
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: try Data(contentsOf: output),
                      stderr: String(decoding: try Data(contentsOf: errors), as: UTF8.self))
    }
}
