// Target 4, check: arbitrary payloads for every check algorithm. Nothing may crash; a payload inside the
// algorithm's alphabet gets check characters from `compute`, and `verify` accepts them (both overloads); one
// substituted character (payload or check) is always caught, as `detectsEverySingleSubstitution` promises; a
// payload outside the alphabet gets no check and verifies against nothing.
import FuzzKit
import UIMRouter

func fuzzCheck(_ data: UnsafeBufferPointer<UInt8>) {
    var input = FuzzInput(data)
    let algorithm = input.pick(CheckAlgorithm.allCases)
    let mode = input.int(0...3)
    var payload = input.data(upTo: 64)
    if mode > 0 {
        // Map most inputs into the alphabet, so round trips are the common case.
        let alphabet = algorithm.payloadAlphabet
        payload = payload.map { alphabet[Int($0) % alphabet.count] }
    }
    let arbitraryCheck = input.rest()
    let inAlphabet = payload.allSatisfy(algorithm.payloadAlphabet.contains)

    // Arbitrary check bytes: never a crash; both overloads agree.
    let byBytes = payload.withUnsafeBufferPointer { p in arbitraryCheck.withUnsafeBufferPointer { algorithm.verify(payload: p, check: $0) } }
    if let p = String(validating: payload, as: UTF8.self), let c = String(validating: arbitraryCheck, as: UTF8.self) {
        fuzzExpect(algorithm.verify(payload: p, check: c) == byBytes, "\(algorithm): String and byte verify differ on \(payload) / \(arbitraryCheck)")
    }

    guard let check = algorithm.compute(payload: payload) else {
        fuzzExpect(!inAlphabet, "\(algorithm): no check computed for in-alphabet payload \(payload)")
        fuzzExpect(!byBytes, "\(algorithm): payload \(payload) outside the alphabet verified with \(arbitraryCheck)")
        return
    }
    fuzzExpect(inAlphabet, "\(algorithm): check computed for payload outside the alphabet \(payload)")
    fuzzExpect(check.count == algorithm.checkLength, "\(algorithm): check \(check) has the wrong length")
    fuzzExpect(check.allSatisfy(algorithm.checkAlphabet.contains), "\(algorithm): check \(check) outside the check alphabet")
    // A non-contiguous collection takes the other path of compute(payload:).
    fuzzExpect(algorithm.compute(payload: payload.lazy.map { $0 }) == check, "\(algorithm): compute differs for a lazy collection")
    let payloadText = String(decoding: payload, as: UTF8.self)
    fuzzExpect(algorithm.compute(payload: payloadText) == String(decoding: check, as: UTF8.self), "\(algorithm): String compute differs")
    let verifies = payload.withUnsafeBufferPointer { p in check.withUnsafeBufferPointer { algorithm.verify(payload: p, check: $0) } }
    fuzzExpect(verifies, "\(algorithm): computed check \(check) does not verify for payload \(payload)")
    fuzzExpect(algorithm.verify(payload: payloadText, check: String(decoding: check, as: UTF8.self)), "\(algorithm): String verify fails")

    // A single-character check accepts exactly one character.
    if algorithm.checkLength == 1 {
        for candidate in algorithm.checkAlphabet where candidate != check[0] {
            let accepted = payload.withUnsafeBufferPointer { p in [candidate].withUnsafeBufferPointer { algorithm.verify(payload: p, check: $0) } }
            fuzzExpect(!accepted, "\(algorithm): payload \(payload) accepts both \(check) and \(candidate)")
        }
    }

    // One substitution, in the payload or the check, is caught.
    guard algorithm.detectsEverySingleSubstitution, !payload.isEmpty || !check.isEmpty else { return }
    var changedPayload = payload
    var changedCheck = check
    let position = Int(arbitraryCheck.first ?? 0) % (payload.count + check.count)
    if position < payload.count {
        let alphabet = algorithm.payloadAlphabet
        let old = alphabet.firstIndex(of: payload[position])!
        changedPayload[position] = alphabet[(old + 1 + Int(arbitraryCheck.last ?? 0) % (alphabet.count - 1)) % alphabet.count]
    } else {
        // The check alphabet of a two-character check is the payload alphabet.
        let alphabet = algorithm.checkAlphabet
        let k = position - payload.count
        let old = alphabet.firstIndex(of: check[k])!
        changedCheck[k] = alphabet[(old + 1 + Int(arbitraryCheck.last ?? 0) % (alphabet.count - 1)) % alphabet.count]
    }
    let caught = !changedPayload.withUnsafeBufferPointer { p in changedCheck.withUnsafeBufferPointer { algorithm.verify(payload: p, check: $0) } }
    fuzzExpect(caught, "\(algorithm): substitution not caught: \(payload)+\(check) → \(changedPayload)+\(changedCheck)")
}

/// libFuzzer's entry for one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzCheck(UnsafeBufferPointer(start: data, count: size))
    return 0
}

@main
enum Main {
    static func main() { FuzzDriver.run { testOneInput($0, $1) } }
}
