// `uim-router fmt [--check]`: rewrites registry files in the canonical layout, comments kept where they are.
import ArgumentParser
import Foundation
import UIMRouter

struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite registry files in the canonical layout (or, with --check, report the ones that are not).",
        discussion: """
            One layout for every file: keys in the order of the format's description, 2-space indentation, \
            block style, regexes in single quotes, free text in double quotes, level and the check's groups \
            always written. Comments stay beside the key or item they were written at. The meaning never \
            changes: each rewrite is checked to load to the same registry (same digest) and to be stable, and \
            a file that does not load is left as it is, with its problems listed. A file keeps its line ends \
            (LF, CRLF or CR; a file that mixes them gets its first kind throughout, and fmt says so) and its \
            UTF-8 byte-order mark.

            Works on the folder named by --registry (else $UIM_REGISTRY, else ./Patterns). Exit status: 0 all \
            files are (now) canonical; 1 a file could not be formatted or, with --check, is not canonical; 66 the \
            folder cannot be opened.

            Examples:
              uim-router fmt --check --registry Patterns
              uim-router fmt --registry ./Patterns
            """
    )

    @OptionGroup var registry: RegistryOptions

    @Flag(help: "Change nothing; exit 1 when a file is not in the canonical layout.")
    var check = false

    func run() throws {
        try registry.rejectTrust("fmt")
        let folder = registry.folder ?? "Patterns"
        try InputFiles.checkFolder(folder)
        print("registry: \(folder)")
        var failed = 0, changed = 0
        let outcomes = RegistryFormatter.format(folder: folder)
        for outcome in outcomes {
            guard let formatted = outcome.formatted else {
                for diagnostic in outcome.diagnostics { Terminal.printError(diagnostic.description) }
                failed += 1
                continue
            }
            guard !outcome.isCanonical else { continue }
            changed += 1
            if check {
                print("\(outcome.path):\(firstDifference(outcome.original, formatted)): not in the canonical layout")
                continue
            }
            do {
                try formatted.write(toFile: outcome.path, atomically: true, encoding: .utf8)
                let ends = ["lf": "LF", "crlf": "CRLF", "cr": "CR"][outcome.lineEnding.rawValue] ?? "LF"
                print("formatted \(outcome.path)"
                    + (outcome.hadMixedLineEndings ? " (its line ends were mixed: all are \(ends) now)" : ""))
            } catch {
                Terminal.printError("uim-router: cannot write \(outcome.path): \(error.localizedDescription)")
                failed += 1
            }
        }
        let verb = check ? "not canonical" : "rewritten"
        print("\(folder): \(outcomes.count) file(s), \(changed) \(verb), \(failed) could not be formatted")
        if failed > 0 || (check && changed > 0) { throw ExitCode(1) }
    }

    /// The 1-based line where `a` and `b` first differ.
    private func firstDifference(_ a: String, _ b: String) -> Int {
        let (x, y) = (RegistryText(normalizing: a).text.split(separator: "\n", omittingEmptySubsequences: false),
                      RegistryText(normalizing: b).text.split(separator: "\n", omittingEmptySubsequences: false))
        return ((0..<min(x.count, y.count)).first { x[$0] != y[$0] } ?? min(x.count, y.count)) + 1
    }
}
