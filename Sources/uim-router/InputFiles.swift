// Opening the files a command is given (check-submission, classify, bench, diff, --registry): one message naming the
// input and saying why it cannot be opened, and exit status 66 (EX_NOINPUT), as the README promises.
import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

enum InputFiles {
    /// Opens `name` for reading, or prints `uim-router: cannot open NAME: reason` and exits 66. A folder is refused
    /// here rather than failing later at the first read.
    static func open(_ name: String) throws -> Int32 {
        let descriptor = Glibc.open(name, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw cannotOpen(name, reason(errno)) }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            _ = close(descriptor)
            throw cannotOpen(name, "it is a folder, not a file")
        }
        return descriptor
    }

    /// Checks that `folder` is a folder that can be listed, or prints why not and exits 66.
    static func checkFolder(_ folder: String, what: String = "registry folder") throws {
        var status = stat()
        guard stat(folder, &status) == 0 else {
            throw cannotOpen("\(what) '\(folder)'", errno == ENOENT ? "no such folder" : reason(errno))
        }
        guard (status.st_mode & S_IFMT) == S_IFDIR else {
            throw cannotOpen("\(what) '\(folder)'", "it is a file, not a folder of <PARTY>.yaml files")
        }
        guard let directory = opendir(folder) else { throw cannotOpen("\(what) '\(folder)'", reason(errno)) }
        closedir(directory)
    }

    /// `strerror`, lower-cased like the rest of the messages: "no such file or directory", "permission denied".
    static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    private static func cannotOpen(_ name: String, _ reason: String) -> ExitCode {
        Terminal.printError("uim-router: cannot open \(name): \(reason)")
        return ExitCode(66)
    }
}
