// RegistryText: the one reader of registry files. Files as Windows Notepad and other editors save them (UTF-8 with a
// byte-order mark, CRLF or lone CR line ends) load like plain LF files, through every entry point, with the line and
// column an editor shows; UTF-16, UTF-32 and Latin-1 files get one located message saying to save as UTF-8.
import Foundation
import Testing

@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMRouting
@testable import UIMRouterTestSupport

@Suite("RegistryText")
struct RegistryTextTests {
    typealias F = RegistryFixtures

    /// A registry file whose line 9 (column 5) holds a misspelt key.
    static let misspelt = F.file(F.pattern("KE-1", regex: "'KE[0-9]{4}'", "vaild_from: 2020-01-01"))

    /// `text` saved with `ending` line ends, optionally with a UTF-8 byte-order mark.
    static func saved(_ text: String, ending: String, bom: Bool) -> Data {
        Data((bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.replacingOccurrences(of: "\n", with: ending).utf8))
    }

    @Test("a Notepad file (BOM, CRLF, starting with 'format: 1') loads from a folder and from memory alike",
          arguments: [("\r\n", true), ("\r", true), ("\r\n", false), ("\r", false), ("\n", true)])
    func notepadFileLoads(ending: String, bom: Bool) throws {
        let data = Self.saved(F.file(F.pattern("KE-1", regex: "'KE[0-9]{4}'")), ending: ending, bom: bom)
        #expect(data.starts(with: Array("format: 1".utf8)) || bom)
        let fromFolder = try F.withFolder(["KE.yaml": data]) { folder in
            try Registry.load(from: folder).digest
        }
        let text = String(decoding: data, as: UTF8.self)
        let fromMemory = try Registry.load(files: [("KE.yaml", text)]).digest
        let plain = try Registry.load(files: [("KE.yaml", F.file(F.pattern("KE-1", regex: "'KE[0-9]{4}'")))]).digest
        #expect(fromFolder == plain)
        #expect(fromMemory == plain)
    }

    @Test("diagnostics keep the line and column an editor shows, whatever the line ends and BOM",
          arguments: [("\r\n", true), ("\r", true), ("\r\n", false), ("\r", false), ("\n", true)])
    func locationsStayRight(ending: String, bom: Bool) throws {
        let data = Self.saved(Self.misspelt, ending: ending, bom: bom)
        let printed = try F.withFolder(["KE.yaml": data]) { folder in
            RegistryLoader.load(directory: folder).diagnostics.map { "\($0.location.line):\($0.location.column)" }
        }
        #expect(printed == ["9:5"])
        // Line 1, with the BOM before it: the column is the one after `format: `, not one more.
        let badFormat = Self.saved(Self.misspelt.replacingOccurrences(of: "format: 1", with: "format: 7"),
                                   ending: ending, bom: bom)
        let first = try F.withFolder(["KE.yaml": badFormat]) { folder in
            RegistryLoader.load(directory: folder).diagnostics.map { "\($0.location.line):\($0.location.column)" }
        }
        #expect(first == ["1:9", "9:5"])
    }

    @Test("a YAML syntax error in a BOM + CRLF file is located as the editor shows it")
    func syntaxErrorLocation() {
        let text = "\u{FEFF}format: 1\r\nparty: [unclosed\r\npatterns: []\r\n"
        let located = F.parse(("KE.yaml", text)).diagnostics.map { "\($0.location.line):\($0.location.column)" }
        let plain = F.parse(("KE.yaml", "format: 1\nparty: [unclosed\npatterns: []\n")).diagnostics
            .map { "\($0.location.line):\($0.location.column)" }
        #expect(!located.isEmpty)
        #expect(located == plain)
    }

    @Test("a character YAML refuses (a control character) is located as the editor shows it, after a BOM and CRLF")
    func readerErrorLocation() {
        for text in ["format: 1\nparty:\n  code: KE\n  name: \u{E9}\u{E9}\u{01}\n",
                     "\u{FEFF}format: 1\r\nparty:\r\n  code: KE\r\n  name: \u{E9}\u{E9}\u{01}\r\n"] {
            let located = F.parse(("KE.yaml", text)).diagnostics.map { "\($0.location.line):\($0.location.column)" }
            #expect(located == ["4:11"], "\(text.debugDescription)")
        }
    }

    @Test("UTF-16 and UTF-32, with or without a BOM: one message at 1:1 saying to save as UTF-8",
          arguments: [
            (String.Encoding.utf16LittleEndian, [UInt8](), "UTF-16 (little-endian)"),
            (.utf16BigEndian, [], "UTF-16 (big-endian)"),
            (.utf16LittleEndian, [0xFF, 0xFE], "UTF-16 (little-endian)"),
            (.utf16BigEndian, [0xFE, 0xFF], "UTF-16 (big-endian)"),
            (.utf32LittleEndian, [0xFF, 0xFE, 0x00, 0x00], "UTF-32 (little-endian)"),
            (.utf32BigEndian, [], "UTF-32 (big-endian)"),
          ])
    func wideEncodings(encoding: String.Encoding, bom: [UInt8], name: String) throws {
        let body = try #require(F.file(F.pattern("KE-1", regex: "'KE[0-9]{4}'")).data(using: encoding))
        let diagnostics = try F.withFolder(["KE.yaml": Data(bom) + body]) { folder in
            RegistryLoader.load(directory: folder).diagnostics.map { diagnostic in
                "\(diagnostic.code) \(diagnostic.location.line):\(diagnostic.location.column) \(diagnostic.message)"
            }
        }
        #expect(diagnostics == [
            "encoding 1:1 this file is \(name) text, not UTF-8; save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)"
        ])
    }

    @Test("Latin-1 bytes: located at the first byte that is not UTF-8, after a BOM and CRLF line ends")
    func latin1IsLocated() {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("format: 1\r\nparty:\r\n  name: Caf".utf8) + [0xE9, 0x0D, 0x0A])
        guard case .failure(let diagnostic) = RegistryText.decode(data, path: "KE.yaml") else {
            Issue.record("Latin-1 bytes decoded")
            return
        }
        #expect(diagnostic.code == .encoding)
        #expect(diagnostic.location.description == "KE.yaml:3:12")
        #expect(diagnostic.message.contains("byte 0xE9"))
        #expect(diagnostic.message.contains("save the file as UTF-8"))
    }

    @Test("normalising keeps what the file says and remembers its style", arguments: [
        ("\u{FEFF}a\r\nb\r\n", "a\nb\n", RegistryText.LineEnding.crlf, true, false),
        ("a\rb", "a\nb", .cr, false, false),
        ("a\nb\r\nc", "a\nb\nc", .lf, false, true),
        ("no line end", "no line end", .lf, false, false),
    ])
    func normalising(raw: String, text: String, ending: RegistryText.LineEnding, bom: Bool, mixed: Bool) {
        let read = RegistryText(normalizing: raw)
        #expect(read.text == text)
        #expect(read.lineEnding == ending)
        #expect(read.hasByteOrderMark == bom)
        #expect(read.hasMixedLineEndings == mixed)
        if !mixed { #expect(read.encoded(read.text) == raw) }
    }

    @Test("a file that cannot be opened says why")
    func unreadable() {
        let missing = "/nonexistent/KE-\(UUID().uuidString).yaml"
        guard case .failure(let diagnostic) = RegistryText.read(path: missing) else {
            Issue.record("a missing file was read")
            return
        }
        #expect(diagnostic.code == .io)
        #expect(diagnostic.message == "cannot open '\(missing)': no such file")
        guard case .failure(let folder) = RegistryText.read(path: NSTemporaryDirectory()) else {
            Issue.record("a folder was read")
            return
        }
        #expect(folder.message.hasSuffix("it is a folder, not a file"))
    }
}
