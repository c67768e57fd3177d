// The word-at-a-time byte scans, copies and counters of the classify hot path, each against the obvious byte loop.
import Testing
@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMRouting
@testable import UIMClassify
@testable import UIMRouterTestSupport

@Suite("classify encoding kernels")
struct EncodingKernelTests {
    /// Random byte strings of every length up to 40, biased towards the bytes the scans look for.
    static func samples(count: Int, seed: UInt64) -> [[UInt8]] {
        var rng = SeededGenerator(seed: seed)
        let interesting: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x1D, 0x1F, 0x20, 0x21, 0x22, 0x5C, 0x7E, 0x7F, 0x80, 0xC2,
                                    0xFF]
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...40, using: &rng)).map { _ in
                Int.random(in: 0..<4, using: &rng) == 0 ? interesting.randomElement(using: &rng)!
                    : UInt8.random(in: 0x20...0x7E, using: &rng)
            }
        }
    }

    @Test("the tally slots of every enum follow allCases")
    func tallyIndices() {
        #expect(RouteStatus.allCases.map(\.tallyIndex) == Array(RouteStatus.allCases.indices))
        #expect(RejectionReason.allCases.map(\.tallyIndex) == Array(RejectionReason.allCases.indices))
        #expect(InvalidReason.allCases.map(\.tallyIndex) == Array(InvalidReason.allCases.indices))
        #expect(MalformedRow.allCases.map(\.tallyIndex) == Array(MalformedRow.allCases.indices))
    }

    @Test("JSON escaping is detected exactly as the escaping loop escapes")
    func jsonEscapes() {
        for bytes in Self.samples(count: 20_000, seed: 11) {
            let expected = bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }
            #expect(bytes.withUnsafeBufferPointer(ByteWriter.needsJSONEscapes) == expected, "\(bytes)")
            var writer = ByteWriter(capacity: 8)
            defer { writer.deallocate() }
            bytes.withUnsafeBufferPointer { writer.appendJSONString($0) }
            var reference = JSONWriter()
            reference.string(String(decoding: bytes, as: UTF8.self))
            if !bytes.contains(where: { $0 >= 0x80 }) { #expect(writer.makeArray() == reference.bytes, "\(bytes)") }
        }
    }

    @Test("byte kinds agree with byte loops, and the printable fast path normalises as the general one")
    func normaliserByteKinds() {
        for bytes in Self.samples(count: 20_000, seed: 12) {
            let kind = bytes.withUnsafeBufferPointer(Normalizer.byteKind)
            #expect(kind.printableASCII == bytes.allSatisfy { $0 >= 0x20 && $0 <= 0x7E }, "\(bytes)")
            #expect(kind.ascii == bytes.allSatisfy { $0 < 0x80 }, "\(bytes)")
            if kind.printableASCII {
                let fast = bytes.withUnsafeBufferPointer(Normalizer.normalisePrintableASCII)
                #expect(fast == bytes.withUnsafeBufferPointer(Self.referenceNormalise), "\(bytes)")
            }
            #expect(bytes.withUnsafeBufferPointer(Normalizer.normalise)
                        == bytes.withUnsafeBufferPointer(Self.referenceNormalise), "\(bytes)")
        }
    }

    /// The normaliser as it was before its fast paths (one general pass per rule).
    static func referenceNormalise(_ input: UnsafeBufferPointer<UInt8>) -> Result<Range<Int>, InvalidReason> {
        if input.count > Normalizer.maximumLength { return .failure(.tooLong) }
        if !Normalizer.isValidUTF8(input) { return .failure(.notUTF8) }
        var start = 0
        var end = input.count
        while start < end, Normalizer.isSpace(input[start]) { start += 1 }
        while end > start, Normalizer.isSpace(input[end - 1]) { end -= 1 }
        if start < end, input[start] == UInt8(ascii: "]") {
            var cursor = start + 1
            var taken = 0
            while taken < 2, cursor < end {
                cursor += Normalizer.scalarLength(input[cursor])
                taken += 1
            }
            if taken == 2, cursor <= end { start = cursor }
        }
        if start >= end { return .failure(.empty) }
        var index = start
        while index < end {
            let byte = input[index]
            if (byte < 0x20 && byte != 0x1D) || byte == 0x7F { return .failure(.controlCharacter) }
            if byte == 0xC2, index + 1 < end, input[index + 1] < 0xA0 { return .failure(.controlCharacter) }
            index += 1
        }
        return .success(start..<end)
    }

    @Test("newlines are counted exactly")
    func newlineCount() {
        for bytes in Self.samples(count: 5_000, seed: 13) {
            #expect(PlainChunker.countNewlines(bytes) == bytes.filter { $0 == 0x0A }.count, "\(bytes)")
        }
    }

    @Test("the CR of every CRLF is dropped, and no other byte (issue 12)")
    func carriageReturns() {
        for bytes in Self.samples(count: 5_000, seed: 15) + [Array("a\r\nb\r\n\r\r\n\ra\rb\n".utf8)] {
            var expected: [UInt8] = []
            for (k, byte) in bytes.enumerated() where !(byte == 0x0D && k + 1 < bytes.count && bytes[k + 1] == 0x0A) {
                expected.append(byte)
            }
            var dropped = bytes
            PlainChunker.dropCarriageReturns(&dropped)
            #expect(dropped == expected, "\(bytes)")
        }
    }

    @Test("short and long copies append exactly the bytes given")
    func copies() {
        var writer = ByteWriter(capacity: 8)
        defer { writer.deallocate() }
        var expected: [UInt8] = []
        for bytes in Self.samples(count: 2_000, seed: 14) {
            bytes.withUnsafeBufferPointer { writer.append($0) }
            expected += bytes
        }
        #expect(writer.makeArray() == expected)
    }

    @Test("line numbers count up in place and jump anywhere")
    func lineNumbers() {
        var text = LineNumberText()
        defer { text.deallocate() }
        for line in [1, 2, 3, 9, 10, 11, 99, 100, 101, 7, 8, 999, 1000, 0, 123_456_789, 123_456_790,
                     Int.max - 1, Int.max] {
            text.set(line)
            #expect(Array(text.text) == Array(String(line).utf8))
        }
        text.set(0)
        for line in 1...2_000 {
            text.set(line)
            #expect(Array(text.text) == Array(String(line).utf8))
        }
    }

    @Test("ambiguous Party sets keep their names through their signatures")
    func ambiguousSignatures() {
        let codes = (0..<300).map { "P\($0)" }
        var keys = AmbiguousKeys(partyCodes: codes)
        for parties in [[0, 1], [1, 0], [3, 2, 1], [254, 0], [255, 1], [1, 2, 3, 4, 5, 6, 7, 8, 9], [299, 298]] {
            let signature = parties.withUnsafeBufferPointer { keys.signature(of: $0.baseAddress!, count: $0.count) }
            #expect(keys.name(of: signature) == parties.map { codes[$0] }.joined(separator: "+"))
            let again = parties.withUnsafeBufferPointer { keys.signature(of: $0.baseAddress!, count: $0.count) }
            #expect(again == signature)
        }
    }
}
