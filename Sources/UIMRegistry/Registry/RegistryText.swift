// The one reader of registry files' text, used by every command and by `Registry.load`: files as ordinary editors
// save them (a UTF-8 byte-order mark, CRLF or lone CR line ends) read the same as a plain UTF-8 file with LF line
// ends, and every line and column stays the one an editor shows. A file in another encoding (UTF-16, UTF-32,
// Latin-1) is refused with one located message saying to save it as UTF-8.
import Foundation
import UIMPlatform

/// The text of one registry file, normalised: no byte-order mark, every line ending a single LF.
///
/// YAML means the same with CRLF, CR or LF line ends (libyaml folds them all into LF), so normalising changes no
/// value; it lets every later step (YAML, locations, comments, `fmt`) see one kind of text.
/// ``encoded(_:)`` writes text back in the file's own style.
public struct RegistryText: Sendable, Hashable {
    /// How the lines of a file end.
    public enum LineEnding: String, Sendable, Hashable {
        /// `\n` (Unix, macOS); also a file with no line end at all.
        case lf
        /// `\r\n` (Windows).
        case crlf
        /// `\r` alone (classic Mac OS).
        case cr
    }

    /// The text without a byte-order mark, with every CRLF and lone CR turned into LF.
    public var text: String
    /// `true` when the file started with a UTF-8 byte-order mark.
    public var hasByteOrderMark: Bool
    /// The line ending the file uses; for a file that mixes several, the first one it uses.
    public var lineEnding: LineEnding
    /// `true` when the file mixes line endings (then ``encoded(_:)`` writes only ``lineEnding``).
    public var hasMixedLineEndings: Bool

    /// Normalises `raw`: a leading U+FEFF is removed, CRLF and lone CR become LF.
    public init(normalizing raw: String) {
        var scalars = Substring(raw).unicodeScalars[...]
        hasByteOrderMark = scalars.first == "\u{FEFF}"
        if hasByteOrderMark { scalars = scalars.dropFirst() }
        var out = String.UnicodeScalarView()
        var seen: Set<LineEnding> = []
        var first: LineEnding?
        Self.forEachScalar(in: scalars) { scalar, lineBreak in
            let ending: LineEnding?
            switch lineBreak {
            case .lf: ending = .lf
            case .crlf: ending = .crlf
            case .cr: ending = .cr
            case .unicode, nil: ending = nil
            }
            if let ending {
                seen.insert(ending)
                if first == nil { first = ending }
            }
            out.append(ending == nil ? scalar : "\n")
        }
        text = String(out)
        lineEnding = first ?? .lf
        hasMixedLineEndings = seen.count > 1
    }

    /// `text` (LF line ends) in this file's style: its line ending, and its byte-order mark when it had one.
    public func encoded(_ text: String) -> String {
        let ended: String
        switch lineEnding {
        case .lf: ended = text
        case .crlf: ended = text.replacingOccurrences(of: "\n", with: "\r\n")
        case .cr: ended = text.replacingOccurrences(of: "\n", with: "\r")
        }
        return hasByteOrderMark ? "\u{FEFF}" + ended : ended
    }

    // MARK: - Reading bytes

    /// Reads the file at `path`. Fails with an ``Diagnostic/Code/io`` diagnostic saying why it cannot be opened
    /// (no such file, permission denied, a folder), or an ``Diagnostic/Code/encoding`` one when it is not UTF-8.
    public static func read(path: String) -> Result<RegistryText, Diagnostic> {
        let start = SourceLocation(file: path, line: 1, column: 1)
        if Syscalls.isDirectory(path) {
            return .failure(Diagnostic(.io, at: start, "cannot open '\(path)': it is a folder, not a file"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = !Syscalls.exists(path) ? "no such file" : !Syscalls.isReadable(path) ? "permission denied"
                : "it cannot be read"
            return .failure(Diagnostic(.io, at: start, "cannot open '\(path)': \(reason)"))
        }
        return decode(data, path: path)
    }

    /// Decodes a registry file's bytes: UTF-8, with or without a byte-order mark. UTF-16 and UTF-32 (told by their
    /// byte-order mark, or by the zero bytes ASCII text has in them) and bytes that are not UTF-8 (Latin-1, Windows
    /// code pages) fail with one ``Diagnostic/Code/encoding`` diagnostic at the first byte that is not UTF-8.
    public static func decode(_ data: Data, path: String) -> Result<RegistryText, Diagnostic> {
        let bytes = [UInt8](data)
        if let encoding = wideEncoding(bytes) {
            return .failure(
                Diagnostic(
                    .encoding, at: SourceLocation(file: path, line: 1, column: 1),
                    "this file is \(encoding) text, not UTF-8; save it as UTF-8 "
                        + "(in Notepad: Save as, Encoding: UTF-8)"))
        }
        guard let raw = String(validating: bytes, as: UTF8.self) else {
            let offset = validUTF8Prefix(bytes)
            let before = String(decoding: bytes[..<offset], as: UTF8.self)
            let position = RegistryText.position(after: RegistryText(normalizing: before).text)
            let byte = "0x" + String(bytes[offset], radix: 16, uppercase: true)
            let guess = bytes[offset] >= 0xA0 ? " (Latin-1 or a Windows code page, it seems)" : ""
            return .failure(
                Diagnostic(
                    .encoding, at: SourceLocation(file: path, line: position.line, column: position.column),
                    "this file is not UTF-8: byte \(byte) here is not UTF-8\(guess); save the file as UTF-8 "
                        + "(in Notepad: Save as, Encoding: UTF-8)"))
        }
        return .success(RegistryText(normalizing: raw))
    }

    /// The UTF-16 or UTF-32 encoding `bytes` start in, if any.
    private static func wideEncoding(_ bytes: [UInt8]) -> String? {
        let head = Array(bytes.prefix(4)) + [UInt8](repeating: 0xAA, count: max(0, 4 - bytes.count))
        switch (head[0], head[1], head[2], head[3]) {
        case (0x00, 0x00, 0xFE, 0xFF): return "UTF-32 (big-endian)"
        case (0xFF, 0xFE, 0x00, 0x00): return "UTF-32 (little-endian)"
        case (0xFE, 0xFF, _, _): return "UTF-16 (big-endian)"
        case (0xFF, 0xFE, _, _): return "UTF-16 (little-endian)"
        case (0x00, 0x00, 0x00, let c) where c != 0: return "UTF-32 (big-endian)"
        case (let c, 0x00, 0x00, 0x00) where c != 0 && bytes.count >= 4: return "UTF-32 (little-endian)"
        case (0x00, let c, _, _) where c != 0: return "UTF-16 (big-endian)"
        case (let c, 0x00, _, _) where c != 0 && bytes.count >= 2: return "UTF-16 (little-endian)"
        default: return nil
        }
    }

    private static func validUTF8Prefix(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { offset += UTF8.width(scalar) }
        return offset
    }

    // MARK: - Lines

    /// A line break as libyaml reads one.
    package enum LineBreak: Sendable, Hashable {
        /// `\n`.
        case lf
        /// `\r\n`, one break.
        case crlf
        /// `\r` alone.
        case cr
        /// NEL (U+0085), LS (U+2028) or PS (U+2029): breaks to YAML, left as they are by ``init(normalizing:)``.
        case unicode
    }

    /// Whether `scalar` ends a line where libyaml ends lines: LF, CR, NEL, LS, PS (CRLF counts once).
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// The one place that splits text where libyaml ends lines: calls `body` with every scalar of `scalars` in order
    /// and, when the scalar ends a line, the kind of break. A CRLF is one call: the CR, with ``LineBreak/crlf``.
    package static func forEachScalar(in scalars: some Sequence<Unicode.Scalar>,
                                      _ body: (Unicode.Scalar, LineBreak?) -> Void) {
        var pendingCR = false
        for scalar in scalars {
            if pendingCR {
                pendingCR = false
                if scalar == "\n" {
                    body("\r", .crlf)
                    continue
                }
                body("\r", .cr)
            }
            switch scalar {
            case "\r": pendingCR = true
            case "\n": body(scalar, .lf)
            case _ where isLineBreak(scalar): body(scalar, .unicode)
            default: body(scalar, nil)
            }
        }
        if pendingCR { body("\r", .cr) }
    }

    /// The lines of `text` as Unicode scalars, split where libyaml ends lines (LF, CRLF, CR, NEL, LS, PS), so that
    /// a mark's 1-based line indexes them (libyaml counts columns in scalars); the last line is the text after the
    /// last break (empty when the text ends with one).
    package static func lines(of text: String) -> [[Unicode.Scalar]] {
        var lines: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        forEachScalar(in: text.unicodeScalars) { scalar, lineBreak in
            if lineBreak == nil {
                current.append(scalar)
            } else {
                lines.append(current)
                current = []
            }
        }
        lines.append(current)
        return lines
    }

    /// The 1-based line and column just after the end of `text`.
    static func position(after text: String) -> (line: Int, column: Int) {
        let lines = lines(of: text)
        return (lines.count, (lines.last?.count ?? 0) + 1)
    }
}
