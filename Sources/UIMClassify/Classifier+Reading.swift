// The reader thread of a classification: opens each input's records in turn (plain lines, or CSV/TSV after its
// header), checks that the inputs agree on their columns, and submits numbered chunks.
import UIMPlatform

extension Classifier {
    func readAll(_ inputs: [ClassificationInput], into pipeline: ClassificationPipeline,
                 stops: [ClassificationCancellation]) {
        var sequence = 0
        var consumedBefore = 0
        var expected: [String]?
        var stop: ReadStop?
        var inputError: ClassificationError?
        var reports: [ClassificationSummary.Input] = []
        inputs: for (index, input) in inputs.enumerated() {
            let source = ByteSource(descriptor: input.descriptor, stops: stops)
            var reader = InputRecordReader(input: input, source: source, options: options)
            defer {
                consumedBefore += source.bytesRead
                reports.append(ClassificationSummary.Input(
                    name: input.name, lines: reader.linesRead, blankLines: reader.blankLines,
                    uimColumn: input.format.delimiter == nil ? nil : reader.choice?.name,
                    dateColumn: reader.dateColumnName))
            }
            do throws(ReadStop) {
                switch try reader.open(router: router) {
                case .empty: continue inputs
                case .refused(let error):
                    inputError = error
                    break inputs
                case .ready:
                    if let choice = reader.choice { options.onColumnChoice?(choice) }
                }
                let layout = reader.layout
                if let expected, expected != layout.names {
                    inputError = ClassificationError(
                        code: .headerMismatch, file: input.name,
                        message: "its columns (\(layout.names.joined(separator: ", "))) differ from the first "
                            + "input's (\(expected.joined(separator: ", ")))")
                    break inputs
                }
                expected = layout.names
                var first = true
                while var chunk = try reader.next() {
                    chunk.sequence = sequence
                    chunk.file = index
                    chunk.consumed = consumedBefore + source.bytesRead
                    chunk.startsFile = first
                    pipeline.submit(chunk)
                    sequence += 1
                    first = false
                }
                if first {
                    // No record, but the output still needs this input's columns for its header.
                    pipeline.submit(RecordChunk(sequence: sequence, file: index, firstLine: 1, bytes: [],
                                                layout: layout, consumed: consumedBefore + source.bytesRead,
                                                startsFile: true))
                    sequence += 1
                }
            } catch {
                switch error {
                case .cancelled:
                    stop = .cancelled
                case .failed(let code):
                    inputError = ClassificationError(code: .unreadable, file: input.name,
                                                     message: "cannot read: \(Syscalls.errorMessage(code))")
                }
                break inputs
            }
        }
        pipeline.finish(count: sequence, stop: stop, error: inputError, inputs: reports)
    }
}
