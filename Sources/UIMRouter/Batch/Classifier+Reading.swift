// The reader thread of a classification: opens each input's records in turn (plain lines, or CSV/TSV after its
// header), checks that the inputs agree on their columns, and submits numbered chunks.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Classifier {
    func readAll(_ inputs: [ClassificationInput], into pipeline: ClassificationPipeline,
                 stops: [ClassificationCancellation]) {
        var sequence = 0
        var consumedBefore = 0
        var expected: [String]?
        var stop: ReadStop?
        var inputError: ClassificationError?
        inputs: for (index, input) in inputs.enumerated() {
            let source = ByteSource(descriptor: input.descriptor, stops: stops)
            defer { consumedBefore += source.bytesRead }
            do throws(ReadStop) {
                var layout = ColumnLayout.plain
                var csv: CSVReader?
                if let delimiter = input.format.delimiter {
                    var reader = CSVReader(source: source, delimiter: delimiter,
                                           maximumRecordBytes: options.maximumRecordBytes)
                    guard let header = try reader.readHeader() else { continue inputs }
                    guard let uim = ColumnSelector.resolve(options.column, in: header) else {
                        inputError = ClassificationError(
                            code: .columnNotFound, file: input.name,
                            message: "no column \(options.column?.description ?? "") in the header "
                                + "(\(header.map { "'\($0)'" }.joined(separator: ", ")))")
                        break inputs
                    }
                    let carried = header.indices.filter { $0 != uim }
                    layout = ColumnLayout(uim: uim, carried: carried, fieldCount: header.count,
                                          names: carried.map { header[$0] })
                    csv = reader
                }
                if let expected, expected != layout.names {
                    inputError = ClassificationError(
                        code: .headerMismatch, file: input.name,
                        message: "its columns (\(layout.names.joined(separator: ", "))) differ from the first "
                            + "input's (\(expected.joined(separator: ", ")))")
                    break inputs
                }
                expected = layout.names
                var first = true
                func submit(_ chunk: RecordChunk) {
                    pipeline.submit(chunk)
                    sequence += 1
                    first = false
                }
                if var reader = csv {
                    while let (bytes, ends, records) = try reader.nextChunk(expectedFields: layout.fieldCount,
                                                                            targetBytes: options.chunkBytes) {
                        submit(RecordChunk(sequence: sequence, file: index, firstLine: records[0].line, bytes: bytes,
                                           records: records, fieldEnds: ends, layout: layout,
                                           consumed: consumedBefore + source.bytesRead, startsFile: first))
                    }
                } else {
                    var chunker = PlainChunker(source: source, blockSize: options.chunkBytes)
                    while let (bytes, firstLine) = try chunker.next() {
                        submit(RecordChunk(sequence: sequence, file: index, firstLine: firstLine, bytes: bytes,
                                           layout: layout, consumed: consumedBefore + source.bytesRead,
                                           startsFile: first))
                    }
                }
                if first {
                    // No record, but the output still needs this input's columns for its header.
                    submit(RecordChunk(sequence: sequence, file: index, firstLine: 1, bytes: [], layout: layout,
                                       consumed: consumedBefore + source.bytesRead, startsFile: true))
                }
            } catch {
                switch error {
                case .cancelled:
                    stop = .cancelled
                case .failed(let code):
                    inputError = ClassificationError(code: .unreadable, file: input.name,
                                                     message: "cannot read: \(String(cString: strerror(code)))")
                }
                break inputs
            }
        }
        pipeline.finish(count: sequence, stop: stop, error: inputError)
    }
}
