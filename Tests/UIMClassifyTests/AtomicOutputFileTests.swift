// The all-or-nothing output file: a regular file appears only on commit; a device or FIFO is written in place and
// never replaced by a file.
import Foundation
import Testing
@testable import UIMRouter
@testable import UIMClassify
@testable import UIMRouterTestSupport

@Suite("AtomicOutputFile")
struct AtomicOutputFileTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() }

    @Test("a regular file appears under its name only when committed")
    func commit() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.tsv").path
        let file = try AtomicOutputFile(path: path)
        #expect(try names().count == 1 && names()[0].hasPrefix(".out.tsv.partial-"))
        _ = "done\n".withCString { write(file.descriptor, $0, 5) }
        try file.commit()
        #expect(try names() == ["out.tsv"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "done\n")
    }

    @Test("a discarded file leaves nothing, and an existing file untouched")
    func discard() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.tsv").path
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        let file = try AtomicOutputFile(path: path)
        _ = "new\n".withCString { write(file.descriptor, $0, 4) }
        file.discard()
        #expect(try names() == ["out.tsv"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
    }

    @Test("a FIFO is written directly and stays a FIFO")
    func fifo() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("pipe").path
        try #require(mkfifo(path, 0o600) == 0)
        let reader = open(path, O_RDONLY | O_NONBLOCK)
        try #require(reader >= 0)
        defer { close(reader) }
        let file = try AtomicOutputFile(path: path)
        #expect(file.temporaryPath == nil)
        _ = "x\n".withCString { write(file.descriptor, $0, 2) }
        try file.commit()
        var buffer = [UInt8](repeating: 0, count: 8)
        #expect(read(reader, &buffer, 8) == 2)
        var status = stat()
        #expect(stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO)
        #expect(try names() == ["pipe"])
    }
}
