// The interning table under the subset constructions: numbering by first insertion, lookups, growth, reset.
import Testing
@testable import UIMRouter
@testable import UIMAutomata
@testable import UIMRouterTestSupport

@Suite("FlatKeyTable")
struct FlatKeyTableTests {
    @Test("keys are numbered in order of first insertion and found again, across growth")
    func numbersAndFinds() {
        var table = FlatKeyTable<Int32>()
        var rng = SeededGenerator(seed: 5)
        var reference: [[Int32]: Int32] = [:]
        var keys: [[Int32]] = []
        for _ in 0..<5_000 {
            let key = (0..<Int.random(in: 0...6, using: &rng)).map { _ in Int32.random(in: -1...40, using: &rng) }
            let (number, inserted) = table.insert(key)
            if let known = reference[key] {
                #expect(!inserted)
                #expect(number == known)
            } else {
                #expect(inserted)
                #expect(number == Int32(keys.count))
                reference[key] = number
                keys.append(key)
            }
        }
        #expect(table.count == keys.count)
        for (number, key) in keys.enumerated() {
            #expect(table.find(key) == Int32(number))
            #expect(Array(table.arena[table.range(of: number)]) == key)
        }
        #expect(table.find([99, 99, 99]) == nil)
        table.removeAll()
        #expect(table.count == 0)
        #expect(table.find(keys[0]) == nil)
        #expect(table.insert([7]) == (0, true))
    }
}
