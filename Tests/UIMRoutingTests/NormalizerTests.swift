// The contract's normalisation: white space, AIM symbology identifiers, and the four invalid-input reasons.
import Testing
@testable import UIMRouter
@testable import UIMRouting
@testable import UIMRouterTestSupport

@Suite("Normalizer")
struct NormalizerTests {
    func normalise(_ bytes: [UInt8]) -> Result<String, InvalidReason> {
        bytes.withUnsafeBufferPointer { input in
            Normalizer.normalise(input).map { String(decoding: UnsafeBufferPointer(rebasing: input[$0]), as: UTF8.self) }
        }
    }

    func normalise(_ text: String) -> Result<String, InvalidReason> { normalise(Array(text.utf8)) }

    @Test("strips surrounding white space and a leading symbology identifier, nothing else", arguments: [
        ("KE0000000001234X", "KE0000000001234X"),
        ("  KE1 \t\r", "KE1"),
        ("]d2010952123454321321", "010952123454321321"),
        ("]Q3abc", "abc"),
        ("\t]C1X\u{1D}Y \n", "X\u{1D}Y"),
        ("ke0000", "ke0000"),
        ("A B", "A B"),
        ("]d2 A", " A"),
        ("AAÉ1", "AAÉ1"),
    ])
    func strips(input: String, expected: String) {
        #expect(normalise(input) == .success(expected))
    }

    @Test("invalid input says why", arguments: [
        ("", InvalidReason.empty),
        ("   ", .empty),
        ("]d2", .empty),
        (" ]Q3 ", .empty),
        ("AA12345\u{01}67890", .controlCharacter),
        ("AA\u{7F}", .controlCharacter),
        ("AA\u{85}B", .controlCharacter),
        (String(repeating: "A", count: 513), .tooLong),
    ])
    func invalid(input: String, reason: InvalidReason) {
        #expect(normalise(input) == .failure(reason))
    }

    @Test("every byte value at every position of a long ASCII UIM: a control character exactly when C0 (not GS) or DEL")
    func controlCharactersEverywhere() {
        // 21 bytes: two 8-byte words and a tail, so the word-at-a-time and byte-at-a-time paths both see each position.
        let base = Array("AB0123456789CDEFGHIJK".utf8)
        for value in 0..<128 {
            let byte = UInt8(value)
            let expectControl = (byte < 0x20 && byte != 0x1D) || byte == 0x7F
            for position in 1..<(base.count - 1) {
                var bytes = base
                bytes[position] = byte
                let outcome = normalise(bytes)
                if expectControl {
                    #expect(outcome == .failure(.controlCharacter), "byte \(value) at \(position)")
                } else {
                    #expect(outcome == .success(String(decoding: bytes, as: UTF8.self)), "byte \(value) at \(position)")
                }
            }
        }
    }

    @Test("512 bytes is the limit, inclusive")
    func lengthLimit() {
        #expect(normalise(String(repeating: "7", count: 512)) == .success(String(repeating: "7", count: 512)))
        #expect(normalise(String(repeating: "7", count: 513)) == .failure(.tooLong))
    }

    @Test("malformed UTF-8 is invalid", arguments: [
        [0x41, 0xFF], [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x41, 0xE2, 0x82],
    ] as [[UInt8]])
    func malformedUTF8(bytes: [UInt8]) {
        #expect(normalise(bytes) == .failure(.notUTF8))
    }

    @Test("UTF-8 validation agrees with the standard library on random byte strings")
    func utf8Property() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...8, using: &rng)).map { _ in
                Bool.random(using: &rng) ? UInt8.random(in: 0x80...0xF5, using: &rng) : UInt8.random(in: 0x20...0x7E, using: &rng)
            }
            let ours = bytes.withUnsafeBufferPointer(Normalizer.isValidUTF8)
            let reference = String(validatingUTF8Bytes: bytes) != nil
            #expect(ours == reference, "\(bytes)")
        }
    }
}

extension String {
    init?(validatingUTF8Bytes bytes: [UInt8]) {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: break loop
            case .error: return nil
            }
        }
        self = String(scalars)
    }
}
