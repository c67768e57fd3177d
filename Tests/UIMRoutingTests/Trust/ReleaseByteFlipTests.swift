// Every byte of a small signed registry changed in turn: every change is refused, none crashes, none loads.
import Foundation
import Testing

@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMRouting
@testable import UIMRouterTestSupport

@Suite("Release byte flips")
struct ReleaseByteFlipTests {
    @Test("each byte of each Party file and of the manifest, flipped (xor 0x01 and xor 0x80): always refused")
    func everyByteFlipIsRefused() throws {
        let folder = try SignedFolder()
        try folder.release(1, by: TrustKeys.a)
        let policy = TrustKeys.policy(TrustKeys.a)
        #expect(folder.refusal(policy) == [])
        var flips = 0
        var accepted: [String] = []
        for name in ["AA.yaml", "BB.yaml", ReleaseManifest.fileName] {
            let original = try folder.read(name)
            for offset in original.indices {
                for mask: UInt8 in [0x01, 0x80] {
                    var changed = original
                    changed[offset] ^= mask
                    try folder.write(name, changed)
                    flips += 1
                    if folder.refusal(policy).isEmpty { accepted.append("\(name)@\(offset)^\(mask)") }
                }
            }
            try folder.write(name, original)
        }
        #expect(accepted.isEmpty, "accepted: \(accepted.prefix(10))")
        #expect(flips > 1000)
        #expect(folder.refusal(policy) == [])
    }
}
