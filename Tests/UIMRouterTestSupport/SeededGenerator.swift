// Tests draw from the library's seeded generator (SplitMix64), so tests and analysis share one implementation.
@testable import UIMRouter
@testable import UIMAutomata

typealias SeededGenerator = SplitMix
