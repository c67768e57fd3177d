// Counting and drawing accepted strings: uniform random strings of a given length (for `sample`, for the
// differential tests, and for sampling opaque pairs), and the shortlex-first strings of a length (for the bounded
// search of a witness that passes check characters).

extension ByteDFA {
    /// `counts[r][s]`: how many strings of `r` bytes lead from state `s` to acceptance (as a Double: an estimate
    /// once it exceeds 2^53, which is all uniform sampling needs; saturated at ``countCeiling``).
    package func pathCounts(upTo length: Int) -> [[Double]] {
        let sizes = (0..<classCount).map { Double(classSize($0)) }
        var counts = [accepting.map { $0 ? 1.0 : 0.0 }]
        guard length > 0 else { return counts }
        for _ in 1...length {
            let previous = counts[counts.count - 1]
            var row = [Double](repeating: 0, count: stateCount)
            for state in 0..<stateCount {
                var total = 0.0
                for k in 0..<classCount {
                    let target = transitions[state * classCount + k]
                    if target >= 0 { total += sizes[k] * previous[Int(target)] }
                }
                row[state] = min(total, Self.countCeiling)
            }
            counts.append(row)
        }
        return counts
    }

    /// Where path counts saturate. Long strings over wide classes have more than Double.greatestFiniteMagnitude
    /// paths (26^218 already), and an infinite weight traps `Double.random(in:)` in `sample` (found by Fuzz/ target
    /// analysis). A row sums at most 256 counts of at most this value, and so does a sampling step's total: both
    /// stay finite. Saturated counts still tell accepted from rejected; only uniformity among them is lost.
    static var countCeiling: Double { Double.greatestFiniteMagnitude / 512 }

    /// The bytes of each class, as lists (for drawing one).
    package var classMembers: [[UInt8]] {
        var members = [[UInt8]](repeating: [], count: classCount)
        for byte in 0..<256 { members[Int(classMap[byte])].append(UInt8(byte)) }
        return members
    }

    /// A uniformly drawn accepted string of exactly `length` bytes, or `nil` when there is none; `members` is
    /// ``classMembers`` (computed once by the caller).
    package func sample(length: Int, counts: [[Double]], members: [[UInt8]]? = nil,
                using rng: inout some RandomNumberGenerator) -> [UInt8]? {
        guard start >= 0, length < counts.count, counts[length][Int(start)] > 0 else { return nil }
        let members = members ?? classMembers
        var state = Int(start)
        var result: [UInt8] = []
        for remaining in stride(from: length, to: 0, by: -1) {
            var weights: [(Int, Double)] = []
            var total = 0.0
            for k in 0..<classCount {
                let target = transitions[state * classCount + k]
                guard target >= 0 else { continue }
                let weight = Double(members[k].count) * counts[remaining - 1][Int(target)]
                if weight > 0 {
                    weights.append((k, weight))
                    total += weight
                }
            }
            guard !weights.isEmpty else { return nil }
            var pick = Double.random(in: 0..<total, using: &rng)
            var chosen = weights[weights.count - 1].0
            for (k, weight) in weights {
                if pick < weight {
                    chosen = k
                    break
                }
                pick -= weight
            }
            result.append(members[chosen].randomElement(using: &rng)!)
            state = Int(transitions[state * classCount + chosen])
        }
        return result
    }

    /// The accepted lengths up to `limit` (from a count table of at least that size).
    package func acceptedLengths(counts: [[Double]]) -> [Int] {
        guard start >= 0 else { return [] }
        return counts.indices.filter { counts[$0][Int(start)] > 0 }
    }

    /// Calls `body` with accepted strings of exactly `length` bytes in increasing byte order (shortlex order within
    /// one length), until `body` returns `false` or `limit` strings were visited. Returns the number visited.
    @discardableResult
    package func enumerate(length: Int, limit: Int, _ body: ([UInt8]) -> Bool) -> Int {
        guard start >= 0 else { return 0 }
        // live[r][s]: state s reaches acceptance in exactly r bytes.
        var live = [accepting]
        if length > 0 {
            for _ in 1...length {
                let previous = live[live.count - 1]
                live.append((0..<stateCount).map { state in
                    (0..<classCount).contains { k in
                        let target = transitions[state * classCount + k]
                        return target >= 0 && previous[Int(target)]
                    }
                })
            }
        }
        guard live[length][Int(start)] else { return 0 }
        var visited = 0
        var buffer: [UInt8] = []
        var stop = false
        func walk(_ state: Int, _ remaining: Int) {
            if stop { return }
            if remaining == 0 {
                visited += 1
                if !body(buffer) || visited >= limit { stop = true }
                return
            }
            for byte in 0..<256 {
                let target = transitions[state * classCount + Int(classMap[byte])]
                guard target >= 0, live[remaining - 1][Int(target)] else { continue }
                buffer.append(UInt8(byte))
                walk(Int(target), remaining - 1)
                buffer.removeLast()
                if stop { return }
            }
        }
        walk(Int(start), length)
        return visited
    }
}
