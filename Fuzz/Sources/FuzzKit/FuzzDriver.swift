// Hands control to libFuzzer, and reports a broken invariant so that libFuzzer records the input as a crash.
import CFuzzerDriver
#if canImport(Glibc)
import Glibc
#endif

/// The signature libFuzzer calls for every input.
public typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

/// Runs libFuzzer with the process arguments and exits with its status. `callback` is the target's
/// `@_cdecl("LLVMFuzzerTestOneInput")` function (libFuzzer's archive refers to that symbol, so it must exist).
public enum FuzzDriver {
    public static func run(_ callback: FuzzCallback) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
    }
}

/// Stops the process on a broken invariant: prints `message` and aborts, which libFuzzer turns into a crash
/// artifact (`crash-<sha1>`) holding the input.
public func fuzzFailure(_ message: String, file: StaticString = #fileID, line: UInt = #line) -> Never {
    let text = "\n=== FUZZ INVARIANT BROKEN at \(file):\(line)\n\(message)\n"
    _ = text.withCString { write(2, $0, strlen($0)) }
    abort()
}

/// Calls ``fuzzFailure(_:file:line:)`` unless `condition` holds.
@inline(__always)
public func fuzzExpect(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                       file: StaticString = #fileID, line: UInt = #line) {
    if !condition() { fuzzFailure(message(), file: file, line: line) }
}

/// `FUZZ_VERBOSE=1` makes targets print what they build (for replaying one input).
public let fuzzVerbose: Bool = getenv("FUZZ_VERBOSE") != nil

/// Writes a line to standard error, unbuffered (it must survive the abort that may follow).
public func fuzzLog(_ line: String) {
    let text = line + "\n"
    _ = text.withCString { write(2, $0, strlen($0)) }
}
