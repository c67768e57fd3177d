// End-to-end: inputs that cannot be opened are named, with the reason, and exit 66 — for every command taking a file
// or a folder (check-submission, classify, bench, diff, --registry).
import Foundation
import Testing

@Suite("inputs that cannot be opened")
struct InputFilesTests {
    @Test("check-submission of a missing file: its name, 'no such file', exit 66")
    func missingSubmission() throws {
        let result = try CLI.run(["check-submission", "NOPE.yaml"])
        #expect(result.status == 66)
        #expect(result.stderr == "uim-router: cannot open 'NOPE.yaml': no such file\n", "\(result.stderr)")
    }

    @Test("check-submission of a Latin-1 file: where, and to save it as UTF-8; not accepted")
    func latin1Submission() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("KE.yaml", Data(Array("format: 1\nparty:\n  name: Caf".utf8) + [0xE9, 0x0A]))
        let result = try CLI.run(["check-submission", path])
        #expect(result.status == 1)
        #expect(result.text.contains("VERDICT: cannot be accepted yet: save the file as UTF-8"), "\(result.text)")
        #expect(result.text.contains("\(path):3:12: error: this file is not UTF-8: byte 0xE9"), "\(result.text)")
    }

    @Test("a missing or wrong folder or file: named, with the reason, exit 66", arguments: [
        (["validate", "--registry", "/nonexistent/reg"], "cannot open registry folder '/nonexistent/reg': no such folder"),
        (["route", "--registry", "/nonexistent/reg", "X"], "cannot open registry folder '/nonexistent/reg': no such folder"),
        (["lint", "--registry", "/nonexistent/reg"], "cannot open registry folder '/nonexistent/reg': no such folder"),
        (["fmt", "--registry", "/nonexistent/reg"], "cannot open registry folder '/nonexistent/reg': no such folder"),
        (["check-submission", "/etc/hostname", "--registry", "/nonexistent/reg"],
         "cannot open registry folder '/nonexistent/reg': no such folder"),
        (["validate", "--registry", "/etc/hostname"],
         "cannot open registry folder '/etc/hostname': it is a file, not a folder of <PARTY>.yaml files"),
        (["diff", "/nonexistent/old", "/tmp"], "cannot open old registry folder '/nonexistent/old': no such folder"),
        (["bench", "/nonexistent/uims.txt"], "cannot open /nonexistent/uims.txt: no such file or directory"),
        (["bench", "/tmp"], "cannot open /tmp: it is a folder, not a file"),
        (["classify", "/nonexistent/uims.txt"], "cannot open /nonexistent/uims.txt: no such file or directory"),
        (["classify", "/tmp"], "cannot open /tmp: it is a folder, not a file"),
        (["check-submission", "/tmp"], "cannot open '/tmp': it is a folder, not a file"),
    ])
    func cannotOpen(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 66, "\(result.stderr)")
        #expect(result.stderr.contains("uim-router: \(message)\n"), "\(result.stderr)")
    }
}
