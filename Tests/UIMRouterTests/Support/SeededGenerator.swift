// Tests draw from the library's seeded generator (SplitMix64), so tests and analysis share one implementation.
@testable import UIMRouter
@testable import UIMRegex
@testable import UIMRegistry
@testable import UIMAutomata
@testable import UIMRouting
@testable import UIMRegistryTools
@testable import UIMClassify

typealias SeededGenerator = SplitMix
