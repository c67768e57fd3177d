// Target 2, registry: arbitrary bytes as one YAML pattern file. The loader either returns a registry — which must
// then compile into a router, with every `match` example routing to its own pattern on a day it is valid — or
// throws diagnostics, each located at a FILE:LINE:COLUMN inside the input. It never crashes.
import FuzzKit
@_spi(Fuzzing) import UIMRouter

/// The length (in Unicode scalars) of each line of `text`. `yaml`: lines end as libyaml ends them (LF, CRLF, CR,
/// NEL, LS, PS), which is how the positions of libyaml's marks count; otherwise at LF only (CRLF included), as the
/// loader counts for errors it locates itself (reader errors) and as most editors do.
func lineLengths(_ text: String, yaml: Bool) -> [Int] {
    guard yaml else {
        return text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.last == "\r" ? line.count - 1 : line.count
        }
    }
    return RegistryText.yamlLines(of: text).map(\.count)
}

/// True when `location` names a position of `text` (a character, or the end of a line) under one of the two
/// line-break conventions above.
func isInside(_ location: SourceLocation, _ text: String) -> Bool {
    [true, false].contains { yaml in
        let lines = lineLengths(text, yaml: yaml)
        return (1...lines.count).contains(location.line) && (1...(lines[location.line - 1] + 1)).contains(location.column)
    }
}

/// The Party code the file claims (`code: XX`), so that well-formed inputs can load; `KE` otherwise.
func claimedCode(_ text: String) -> String {
    guard let range = text.range(of: "code: ") else { return "KE" }
    let code = text[range.upperBound...].prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
    return code.isEmpty ? "KE" : String(code)
}

func fuzzRegistry(_ data: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: data, as: UTF8.self)
    let path = "Patterns/\(claimedCode(text)).yaml"
    let registry: Registry
    do {
        registry = try Registry.load(files: [(path: path, text: text)])
    } catch {
        fuzzExpect(!error.diagnostics.isEmpty, "RegistryError without diagnostics")
        for diagnostic in error.diagnostics {
            let location = diagnostic.location
            fuzzExpect(location.file == path, "diagnostic names file \(location.file), not \(path): \(diagnostic)")
            fuzzExpect(isInside(location, text), "diagnostic outside the input (lines \(lineLengths(text, yaml: true)) / \(lineLengths(text, yaml: false))): \(diagnostic)")
            fuzzExpect(!diagnostic.message.isEmpty, "empty diagnostic message at \(location)")
        }
        return
    }
    // A registry that loads without a diagnostic compiles, and its examples route as `validate` promised.
    let router: Router
    do {
        router = try Router(registry: registry)
    } catch {
        fuzzFailure("loaded without diagnostics, but the router rejects it: \(error)\n--- input:\n\(text)")
    }
    let scratch = router.makeScratch()
    for pattern in registry.patterns {
        let day = pattern.validFrom ?? pattern.validUntil ?? Day(iso: "2026-06-01")!
        for example in pattern.matchExamples {
            let result = router.route(example.uim, on: day, using: scratch)
            fuzzExpect(result.status == .routed && result.matches.contains { $0.pattern == pattern.id },
                       "match example \(example.uim.debugDescription) of \(pattern.id) gives \(result) on \(day)")
        }
        for example in pattern.noMatchExamples {
            let result = router.route(example.uim, on: day, using: scratch)
            fuzzExpect(!result.matches.contains { $0.pattern == pattern.id },
                       "no_match example \(example.uim.debugDescription) of \(pattern.id) matches: \(result)")
        }
    }
}

/// libFuzzer's entry for one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzRegistry(UnsafeBufferPointer(start: data, count: size))
    return 0
}

@main
enum Main {
    static func main() { FuzzDriver.run { testOneInput($0, $1) } }
}
