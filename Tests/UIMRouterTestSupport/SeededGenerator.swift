// Tests draw from the library's seeded generator (SplitMix64), so tests and analysis share one implementation.
import UIMRouter
import UIMAutomata

typealias SeededGenerator = SplitMix
