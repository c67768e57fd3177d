// Opens the inputs of `classify` (files and `-`), with their layouts and, when known, their total size.
import ArgumentParser
import UIMRouter
#if canImport(Glibc)
import Glibc
#endif

struct ClassifyInputs {
    let inputs: [ClassificationInput]
    /// The sum of the inputs' sizes, when every one is a regular file (for a percentage and time left).
    let totalBytes: Int?

    /// Opens every input, or prints why one cannot be opened and exits 66 (closing those already open).
    init(names: [String], format: InputFormat?) throws {
        var opened: [ClassificationInput] = []
        var total: Int? = 0
        for name in names {
            let descriptor: Int32
            do {
                descriptor = name == "-" ? 0 : try InputFiles.open(name)
            } catch {
                for input in opened where input.descriptor != 0 { _ = Glibc.close(input.descriptor) }
                throw error
            }
            var status = stat()
            if let known = total, fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG {
                total = known + Int(status.st_size)
            } else {
                total = nil
            }
            opened.append(ClassificationInput(name: name, descriptor: descriptor,
                                              format: format ?? InputFormat.guess(fromFileName: name)))
        }
        inputs = opened
        totalBytes = total
    }

    func close() {
        for input in inputs where input.descriptor != 0 { _ = Glibc.close(input.descriptor) }
    }
}

enum System {
    /// The number of cores online.
    static var coreCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
