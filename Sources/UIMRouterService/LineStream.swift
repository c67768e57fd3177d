// Splits a streamed body into lines exactly as `uim-router route` reads standard input (LF ends a line and is not
// part of it; a last line without LF is a line; an empty body has none) and routes each one as it completes.
import Hummingbird
import UIMRouter

/// The line splitter and router of one streamed request.
/// Safety: used by the one task that writes the response, one call at a time; `@unchecked` only moves it there.
final class LineStream: @unchecked Sendable {
    private let routing: RoutingBox
    private let day: Day
    private let maxLine: Int
    private var carry: [UInt8] = []
    private var writer = JSONWriter()

    init(routing: RoutingBox, day: Day, maxLine: Int) {
        self.routing = routing
        self.day = day
        self.maxLine = maxLine
    }

    /// Routes every line completed by `chunk`, appending one JSON line each to `output`. Returns how many lines it
    /// routed, and whether the partial line grew past `maxLine` (the stream must end).
    func feed(_ chunk: ByteBuffer, into output: inout ByteBuffer) -> (lines: Int, overflow: Bool) {
        var lines = 0
        let overflow: Bool = chunk.withUnsafeReadableBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
                if carry.count + newline - start > maxLine { return true }
                if carry.isEmpty {
                    emit(UnsafeBufferPointer(rebasing: bytes[start..<newline]), into: &output)
                } else {
                    carry.append(contentsOf: bytes[start..<newline])
                    carry.withUnsafeBufferPointer { emit($0, into: &output) }
                    carry.removeAll(keepingCapacity: true)
                }
                lines += 1
                start = newline + 1
            }
            carry.append(contentsOf: bytes[start...])
            return carry.count > maxLine
        }
        return (lines, overflow)
    }

    /// Routes the last line when the body did not end with LF; returns 1 when there was one.
    func finish(into output: inout ByteBuffer) -> Int {
        guard !carry.isEmpty else { return 0 }
        carry.withUnsafeBufferPointer { emit($0, into: &output) }
        carry.removeAll()
        return 1
    }

    private func emit(_ line: UnsafeBufferPointer<UInt8>, into output: inout ByteBuffer) {
        writer.bytes.removeAll(keepingCapacity: true)
        routing.context.route(utf8: line, on: day).writeJSON(to: &writer)
        writer.bytes.append(UInt8(ascii: "\n"))
        output.writeBytes(writer.bytes)
    }
}
