// A reader that goes away (`uim-router route … | head -1`) is not an error: the process ends as other Unix tools
// do, by SIGPIPE (status 141 in a shell), without a message. A full disk or an I/O error is still reported (74).
#if canImport(Glibc)
import Glibc
#endif

enum ClosedPipe {
    /// True when `code` (an errno of a write to standard output) says the reader has gone.
    static func isClosedPipe(_ code: Int32) -> Bool { code == EPIPE }

    /// Ends the process quietly, as the default SIGPIPE action would have.
    static func end() -> Never {
        signal(SIGPIPE, SIG_DFL)
        raise(SIGPIPE)
        exit(141)
    }
}
