// The hand-over points between the reader thread, the routing threads and the writer: a queue of chunks to route,
// the routed chunks waiting for their turn, the written chunks' output buffers going back to the workers, and a
// bound on the chunks in flight so memory stays bounded.
import Foundation

/// Shared, locked state of one classification run.
final class ClassificationPipeline: @unchecked Sendable {
    // Safety: every stored var is read and written only while `condition` is locked; chunks, results and outputs
    // are handed between threads only through it, so each has one owner at a time.
    //
    // The reader, the workers and the writer all wait on this one condition for different things, so it is
    // broadcast only when something a waiter is waiting for has happened (not on every hand-over).
    private let condition = NSCondition()
    private var queue: [RecordChunk] = []
    private var queueHead = 0
    private var results: [Int: ChunkResult] = [:]
    private var inFlight = 0
    private let maximumInFlight: Int
    private var total: Int?
    /// Output buffers the writer is done with.
    private var spareOutputs: [ChunkOutput] = []
    private let outputCapacity: Int
    private(set) var readStop: ReadStop?
    private(set) var inputError: ClassificationError?
    /// What the reader found in each input it opened (lines, blank lines, columns).
    private(set) var inputs: [ClassificationSummary.Input] = []
    /// Who waits, so a hand-over wakes only a thread that needs it.
    private var readerWaiting = false
    private var writerWaitingFor: Int?
    private var workersWaiting = 0

    init(maximumInFlight: Int, outputCapacity: Int) {
        self.maximumInFlight = max(2, maximumInFlight)
        self.outputCapacity = outputCapacity
    }

    /// Reader: queues `chunk` once fewer than the maximum are in flight.
    func submit(_ chunk: RecordChunk) {
        condition.lock()
        defer { condition.unlock() }
        while inFlight >= maximumInFlight {
            readerWaiting = true
            condition.wait()
            readerWaiting = false
        }
        inFlight += 1
        queue.append(chunk)
        if workersWaiting > 0 { condition.broadcast() }
    }

    /// Reader: no more chunks; `count` were submitted.
    func finish(count: Int, stop: ReadStop?, error: ClassificationError?, inputs: [ClassificationSummary.Input]) {
        condition.lock()
        defer { condition.unlock() }
        total = count
        readStop = stop
        inputError = error
        self.inputs = inputs
        condition.broadcast()
    }

    /// Worker: the next chunk to route and a buffer for its output, or nil when the reader has finished and the
    /// queue is empty.
    func nextChunk() -> (chunk: RecordChunk, output: ChunkOutput)? {
        condition.lock()
        defer { condition.unlock() }
        while queueHead == queue.count {
            if total != nil { return nil }
            workersWaiting += 1
            condition.wait()
            workersWaiting -= 1
        }
        let chunk = queue[queueHead]
        queueHead += 1
        if queueHead > 64, queueHead * 2 > queue.count {
            queue.removeSubrange(0..<queueHead)
            queueHead = 0
        }
        let output = spareOutputs.popLast() ?? ChunkOutput(capacity: outputCapacity)
        return (chunk, output)
    }

    /// Worker: a routed chunk.
    func deliver(_ result: ChunkResult) {
        condition.lock()
        defer { condition.unlock() }
        results[result.sequence] = result
        if writerWaitingFor == result.sequence { condition.broadcast() }
    }

    /// Writer: the routed chunk `sequence`, waiting for it; nil once every submitted chunk has been taken. Takes back
    /// `written`, the previous chunk's output, for reuse. Frees its slot, so the reader may go on.
    func take(_ sequence: Int, returning written: ChunkOutput?) -> ChunkResult? {
        condition.lock()
        defer { condition.unlock() }
        if let written { spareOutputs.append(written) }
        while true {
            if let result = results.removeValue(forKey: sequence) {
                inFlight -= 1
                if readerWaiting { condition.broadcast() }
                return result
            }
            if let total, sequence >= total { return nil }
            writerWaitingFor = sequence
            condition.wait()
            writerWaitingFor = nil
        }
    }
}
