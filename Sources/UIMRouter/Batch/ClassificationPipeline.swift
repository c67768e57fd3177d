// The hand-over points between the reader thread, the routing threads and the writer: a queue of chunks to route,
// the routed chunks waiting for their turn, and a bound on the chunks in flight so memory stays bounded.
import Foundation

/// Shared, locked state of one classification run.
final class ClassificationPipeline: @unchecked Sendable {
    // Safety: every stored var is read and written only while `condition` is locked; chunks and results are
    // Sendable values, so handing them between threads through it is sound.
    private let condition = NSCondition()
    private var queue: [RecordChunk] = []
    private var queueHead = 0
    private var results: [Int: ChunkResult] = [:]
    private var inFlight = 0
    private let maximumInFlight: Int
    private var total: Int?
    private(set) var readStop: ReadStop?
    private(set) var inputError: ClassificationError?

    init(maximumInFlight: Int) {
        self.maximumInFlight = max(2, maximumInFlight)
    }

    private func locked<T>(_ body: () -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }

    /// Reader: queues `chunk` once fewer than the maximum are in flight.
    func submit(_ chunk: RecordChunk) {
        locked {
            while inFlight >= maximumInFlight { condition.wait() }
            inFlight += 1
            queue.append(chunk)
            condition.broadcast()
        }
    }

    /// Reader: no more chunks; `count` were submitted.
    func finish(count: Int, stop: ReadStop?, error: ClassificationError?) {
        locked {
            total = count
            readStop = stop
            inputError = error
            condition.broadcast()
        }
    }

    /// Worker: the next chunk to route, or nil when the reader has finished and the queue is empty.
    func nextChunk() -> RecordChunk? {
        locked {
            while queueHead == queue.count {
                if total != nil { return nil }
                condition.wait()
            }
            let chunk = queue[queueHead]
            queueHead += 1
            if queueHead > 64, queueHead * 2 > queue.count {
                queue.removeSubrange(0..<queueHead)
                queueHead = 0
            }
            return chunk
        }
    }

    /// Worker: a routed chunk.
    func deliver(_ result: ChunkResult) {
        locked {
            results[result.sequence] = result
            condition.broadcast()
        }
    }

    /// Writer: the routed chunk `sequence`, waiting for it; nil once every submitted chunk has been taken.
    /// Frees its slot, so the reader may go on.
    func take(_ sequence: Int) -> ChunkResult? {
        locked {
            while true {
                if let result = results.removeValue(forKey: sequence) {
                    inFlight -= 1
                    condition.broadcast()
                    return result
                }
                if let total, sequence >= total { return nil }
                condition.wait()
            }
        }
    }
}
