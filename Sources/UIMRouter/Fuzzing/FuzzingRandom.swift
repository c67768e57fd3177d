// The library's seeded generator (SplitMix64) for the fuzz harness, so that the harness draws from the same one
// implementation as the analysis, the sampler and the tests.
import UIMAutomata

/// A seeded random number generator (SplitMix64): everything drawn from one seed is reproducible.
@_spi(Fuzzing)
public struct FuzzingRandom: RandomNumberGenerator {
    private var generator: SplitMix

    /// A generator whose output is fixed by `seed`.
    public init(seed: UInt64) { generator = SplitMix(seed: seed) }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 { generator.next() }
}
