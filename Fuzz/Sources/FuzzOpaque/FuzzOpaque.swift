// Target 6, opaque: the fuzzer's bytes seed registries of regexes drawn from the whole PCRE2 syntax (comments,
// `\Q…\E`, POSIX word boundaries, verbs, conditionals, recursion, backreferences, lookarounds, Unicode properties,
// inline options …) and subjects near their languages; for every pattern-subject pair the router must agree with
// PCRE2's interpreter called directly, with no pre-filter (issue 11).
import FuzzKit
@_spi(Fuzzing) import UIMRouter

let differential = PCRE2Differential(patternsPerRegistry: 6, subjectsPerPattern: 4)

func fuzzOpaque(_ data: UnsafeBufferPointer<UInt8>) {
    var input = FuzzInput(data)
    var tally = PCRE2Differential.Tally()
    differential.run(seed: input.seed(), into: &tally)
    fuzzExpect(tally.disagreements.isEmpty, tally.disagreements.prefix(3).joined(separator: "\n"))
}

/// libFuzzer's entry for one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzOpaque(UnsafeBufferPointer(start: data, count: size))
    return 0
}

@main
enum Main {
    static func main() { FuzzDriver.run { testOneInput($0, $1) } }
}
