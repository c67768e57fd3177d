// A seizure list read whole into memory, record by record as `classify` reads it (same reader: blank lines, CRLF,
// CSV/TSV columns, malformed rows), for `bench` and embedders that time or route a list outside the pipeline.
import UIMPlatform
import UIMRegistry
import UIMRouting

/// The UIMs of one input, as `classify` would route them.
public struct UIMList: Sendable {
    /// The UIM of every record that is routed, in order.
    public var uims: [[UInt8]]
    /// Records `invalid` before routing (malformed CSV/TSV rows): `classify` counts them `invalid`.
    public var malformed: Int
    /// Blank lines of a CSV/TSV input, skipped.
    public var blankLines: Int
    /// How the UIM column was chosen (CSV/TSV).
    public var column: UIMColumnChoice?

    /// A list of `uims` read from somewhere else (generated ones, for instance).
    public init(uims: [[UInt8]], malformed: Int = 0, blankLines: Int = 0, column: UIMColumnChoice? = nil) {
        self.uims = uims
        self.malformed = malformed
        self.blankLines = blankLines
        self.column = column
    }

    /// Reads every record of `input` (the caller opens and closes its descriptor). `router` and `date` are used only
    /// to choose the UIM column of a CSV/TSV input when `column` is nil (see ``UIMColumnChoice``).
    public static func read(_ input: ClassificationInput, router: Router, date: Day = .today(),
                            column: ColumnSelector? = nil) throws(ClassificationError) -> UIMList {
        let options = ClassifierOptions(jobs: 1, date: date, format: .jsonl, column: column)
        let source = ByteSource(descriptor: input.descriptor, stops: [])
        var reader = InputRecordReader(input: input, source: source, options: options)
        var list = UIMList(uims: [], malformed: 0, blankLines: 0, column: nil)
        func failure(_ stop: ReadStop) -> ClassificationError? {
            guard case .failed(let code) = stop else { return nil }
            return ClassificationError(code: .unreadable, file: input.name,
                                       message: "cannot read: \(Syscalls.errorMessage(code))")
        }
        let opening: InputRecordReader.Opening
        do throws(ReadStop) {
            opening = try reader.open(router: router)
        } catch {
            if let failure = failure(error) { throw failure }
            return list
        }
        switch opening {
        case .empty: return list
        case .refused(let error): throw error
        case .ready: list.column = reader.choice
        }
        do throws(ReadStop) {
            while let chunk = try reader.next() {
                chunk.bytes.withUnsafeBufferPointer { bytes in
                    if chunk.records.isEmpty {
                        var start = 0
                        while start < bytes.count {
                            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count   // CRs dropped already
                            list.uims.append(Array(bytes[start..<end]))
                            start = end + 1
                        }
                    } else {
                        chunk.fieldEnds.withUnsafeBufferPointer { ends in
                            for record in chunk.records {
                                if record.malformed != nil {
                                    list.malformed += 1
                                    continue
                                }
                                let fields = RecordFields(bytes: bytes, ends: ends, record: record,
                                                          uimIndex: chunk.layout.uim,
                                                          carriedIndices: UnsafeBufferPointer(start: nil, count: 0))
                                list.uims.append(Array(fields.uim))
                            }
                        }
                    }
                }
            }
        } catch {
            if let failure = failure(error) { throw failure }
        }
        list.blankLines = reader.blankLines
        return list
    }
}
