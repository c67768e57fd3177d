// Streaming, ordered, parallel classification: one reader thread cuts the inputs into numbered chunks, `jobs`
// routing threads (each with its own RouteScratch) route and format them, and the calling thread writes them back
// in input order. At most a few chunks are in flight, so a file of any length runs in bounded memory.
import Dispatch
import Foundation
import UIMPlatform
import UIMRouting

/// Classifies every record of a list of inputs: exactly one output record per input record, in input order.
///
/// ```swift
/// let classifier = Classifier(router: router, options: ClassifierOptions(jobs: 4, date: .today(), format: .tsv))
/// let outcome = classifier.run([ClassificationInput(name: "-", descriptor: 0, format: .plain)], to: 1)
/// print(outcome.summary.text)
/// ```
///
/// Nothing is lost: empty lines, lines that are not UTF-8 or longer than 512 bytes and malformed CSV/TSV rows each
/// yield an `invalid` record in their place. A failing write ends the run with
/// ``ClassificationOutcome/Ending/outputFailed(_:)``; a cancellation stops reading and writes what was read.
public final class Classifier: Sendable {
    /// The router every thread shares.
    public let router: Router
    /// How the run goes.
    public let options: ClassifierOptions

    /// A classifier routing with `router`.
    public init(router: Router, options: ClassifierOptions) {
        self.router = router
        self.options = options
    }

    /// Reads `inputs` in order and writes one record per input record to the file descriptor `output`.
    ///
    /// - Parameters:
    ///   - cancellation: raise it (from any thread) to stop reading; the run then ends as `cancelled`.
    ///   - progress: called on the calling thread after each unit of work is written.
    public func run(_ inputs: [ClassificationInput], to output: Int32,
                    cancellation: ClassificationCancellation = ClassificationCancellation(),
                    progress: (ClassificationProgress) -> Void = { _ in }) -> ClassificationOutcome {
        let pipeline = ClassificationPipeline(maximumInFlight: 2 * options.jobs + 2,
                                              outputCapacity: 4 * options.chunkBytes + 4096)
        let writerStop = ClassificationCancellation()
        let threads = DispatchGroup()
        let names = inputs.count > 1 ? inputs.map(\.name) : nil
        start(threads) { [self] in
            readAll(inputs, into: pipeline, stops: [cancellation, writerStop])
        }
        for _ in 0..<options.jobs {
            start(threads) { [self] in
                let scratch = router.makeScratch()
                var encoder = RecordEncoder(router: router, format: options.format, day: options.date, fileNames: names,
                                            hints: options.hints, hintStepBudget: options.hintStepBudget)
                while let (chunk, output) = pipeline.nextChunk() {
                    pipeline.deliver(encoder.encode(chunk, into: output, using: scratch))
                }
                encoder.release()
            }
        }

        let headerEncoder = RecordEncoder(router: router, format: options.format, day: options.date, fileNames: names,
                                          hints: options.hints, hintStepBudget: options.hintStepBudget)
        defer { headerEncoder.release() }
        var tally = ClassificationTally(partyCount: router.partyCodes.count)
        var failure: OutputError?
        var headerWritten = false
        var last: (file: String, line: Int)?
        var sequence = 0
        var written: ChunkOutput?
        while let result = pipeline.take(sequence, returning: written) {
            sequence += 1
            written = result.output
            guard failure == nil else { continue }   // drain, so the reader and workers can finish
            do {
                if !headerWritten, let header = result.header {
                    try Self.write(headerEncoder.header(carriedNames: header), to: output)
                    headerWritten = true
                }
                try Self.write(result.output.writer.bytes, to: output)
                tally.merge(result.tally)
                if result.records > 0 { last = (inputs[result.file].name, result.lastLine) }
                progress(ClassificationProgress(records: tally.records, bytesRead: result.consumed))
            } catch {
                failure = error
                writerStop.cancel()
            }
        }
        if failure == nil, pipeline.inputError == nil {   // a refused first input writes nothing, not even a header
            do {
                if !headerWritten { try Self.write(headerEncoder.header(carriedNames: []), to: output) }
            } catch {
                failure = error
            }
        }
        threads.wait()

        let ending: ClassificationOutcome.Ending
        if let failure {
            ending = .outputFailed(failure)
        } else if let error = pipeline.inputError {
            ending = .inputFailed(error)
        } else if pipeline.readStop != nil || cancellation.isCancelled {
            ending = .cancelled
        } else {
            ending = .completed
        }
        var complete = false
        if case .completed = ending { complete = true }
        let summary = ClassificationSummary(tally: tally, router: router, date: options.date, complete: complete,
                                            inputs: pipeline.inputs,
                                            dateColumn: pipeline.inputs.lazy.compactMap(\.dateColumn).first,
                                            toolVersion: options.toolVersion, hints: options.hints)
        return ClassificationOutcome(ending: ending, summary: summary, lastPosition: last)
    }

    /// Writes all of `bytes`, retrying short and interrupted writes.
    static func write(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) throws(OutputError) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = Syscalls.write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if Syscalls.errno == ErrorCode.interrupted { continue }
                throw OutputError(code: Syscalls.errno)
            }
            offset += written
        }
    }

    static func write(_ bytes: [UInt8], to descriptor: Int32) throws(OutputError) {
        try bytes.withUnsafeBufferPointer { buffer throws(OutputError) in try write(buffer, to: descriptor) }
    }

    private func start(_ group: DispatchGroup, _ body: @escaping @Sendable () -> Void) {
        group.enter()
        let thread = Thread {
            body()
            group.leave()
        }
        thread.stackSize = 1 << 21
        thread.start()
    }
}
