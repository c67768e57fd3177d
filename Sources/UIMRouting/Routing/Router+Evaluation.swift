// The routing hot path: normalise, walk both multi-pattern automata in one pass (their accepting sets are exact),
// walk the prefix trie for the patterns PCRE2 decides and confirm those with PCRE2, read fields and check characters
// off group layouts (PCRE2 only where a group's position depends on the subject), apply dates and checks.
// Works on UTF-8 bytes; writes only into the caller's RouteScratch.
import UIMRegistry
import UIMAutomata

extension Router {
    /// Routes `input` into `scratch`. `ignoringValidity` skips the date window (examples are checked that way);
    /// `fields: false` extracts no named group (PCRE2 then runs on automaton matches only for check characters);
    /// `plainTrie` replaces the automata by a prefix trie over every pattern (the benchmarks' baseline).
    /// The result always equals the reference's, ``NaiveScanner`` (every pattern tried, no index).
    package func evaluate(_ input: UnsafeBufferPointer<UInt8>, day: Int32, ignoringValidity: Bool,
                          fields: Bool = true, plainTrie: CandidateTrie? = nil, scratch: RouteScratch) {
        guard let subject = scratch.begin(input) else { return }
        // The accepting set of the only automaton that accepted, when exactly one did: its Party count is exact.
        var soleAutomaton = -1
        var soleSet = -1
        var soleSize = 0
        var accepted = 0
        hot.withUnsafeBufferPointer { hot in
            fieldGroupNumbers.withUnsafeBufferPointer { groups in
            fieldBoundaries.withUnsafeBufferPointer { boundaries in
                if let plainTrie {
                    plainTrie.forEachCandidate(in: subject) { index in
                        consider(index, known: false, fields: fields, hot, groups, boundaries, subject, day, ignoringValidity,
                                 scratch)
                    }
                    return
                }
                // Both automata in one pass over the UIM; then the members of each accepting set.
                // An automaton none of whose members matches this length is not walked.
                let length = subject.count
                let (walkFirst, walkSecond) = walkLengths.withUnsafeBufferPointer { bits in
                    let word = length >> 6
                    let bit = UInt64(1) << UInt64(length & 63)
                    return (bits[word] & bit != 0, bits[Self.lengthWords + word] & bit != 0)
                }
                let sets = automatonTables.acceptingSets(subject, walkFirst: walkFirst, walkSecond: walkSecond)
                index.automata.withUnsafeBufferPointer { automata in
                    // Indexing the buffer borrows each automaton: no copy, no reference counting per UIM.
                    for number in 0..<2 {
                        let set = number == 0 ? sets.0 : sets.1
                        guard set >= 0 else { continue }
                        accepted += 1
                        soleAutomaton = number
                        soleSet = set
                        let start = Int(automata[number].setStart[set])
                        let end = Int(automata[number].setStart[set + 1])
                        soleSize = end - start
                        for k in start..<end {
                            consider(Int(automata[number].setPatterns[k]), known: true, fields: fields, hot, groups,
                                     boundaries, subject, day, ignoringValidity, scratch)
                        }
                        if scratch.matches.count != soleSize { soleSet = -1 }   // a date or check set one aside
                    }
                }
                index.trie.forEachCandidate(in: subject) { index in
                    consider(index, known: false, fields: fields, hot, groups, boundaries, subject, day, ignoringValidity,
                             scratch)
                }
            }
            }
        }
        if scratch.matches.isEmpty {
            scratch.status = .unrouted
        } else if accepted == 1, soleSet >= 0, scratch.matches.count == soleSize {
            // Every match came from one accepting set: its Party count was precomputed at build time.
            scratch.status = index.automata[soleAutomaton].setPartyCount[soleSet] > 1 ? .ambiguous : .routed
        } else {
            let first = hot[Int(scratch.matches[0].pattern)].party
            scratch.status = scratch.matches.contains { hot[Int($0.pattern)].party != first } ? .ambiguous : .routed
        }
    }

    /// Decides pattern `index` for `subject`. `known`: the automaton already proved the whole-subject match, so PCRE2
    /// runs only when a group it needs (a field when `fields`, or a check-character group) has a position that the
    /// regex alone does not fix (see ``GroupLayout``).
    @inline(__always)
    private func consider(_ index: Int, known: Bool, fields: Bool, _ hot: UnsafeBufferPointer<HotPattern>,
                          _ groups: UnsafeBufferPointer<Int32>, _ boundaries: UnsafeBufferPointer<Int32>,
                          _ subject: UnsafeBufferPointer<UInt8>, _ day: Int32, _ ignoringValidity: Bool,
                          _ scratch: RouteScratch) {
        let pattern = hot[index]
        if !ignoringValidity {
            // Dates first when the automaton decided: a pattern out of its window costs no PCRE2 run.
            if known, day < pattern.validFrom || day > pattern.validUntil {
                scratch.insertRejection(.init(pattern: Int32(index),
                                              reason: day < pattern.validFrom ? .notYetValid : .expired))
                return
            }
        }
        let hasCheck = pattern.check != nil
        let usesPCRE2 = !known || (fields && !pattern.fieldsAreFixed)
            || (hasCheck && pattern.checkBoundaries == nil)
        if usesPCRE2 {
            switch scratch.matcher.match(code: pattern.code, isJIT: pattern.isJIT, subject) {
            case .noMatch:
                return
            case .undecided:
                scratch.insertRejection(.init(pattern: Int32(index), reason: .matchLimit))
                return
            case .match:
                break
            }
        }
        if !ignoringValidity, !known {
            if day < pattern.validFrom {
                scratch.insertRejection(.init(pattern: Int32(index), reason: .notYetValid))
                return
            }
            if day > pattern.validUntil {
                scratch.insertRejection(.init(pattern: Int32(index), reason: .expired))
                return
            }
        }
        if let algorithm = pattern.check {
            let payload: Range<Int>
            let digits: Range<Int>
            if !usesPCRE2, let fixed = pattern.checkBoundaries {
                let length = subject.count
                payload = GroupBoundary.offset(fixed[0], length: length)..<GroupBoundary.offset(fixed[1], length: length)
                digits = GroupBoundary.offset(fixed[2], length: length)..<GroupBoundary.offset(fixed[3], length: length)
            } else if let found = scratch.matcher.range(ofGroup: Int(pattern.payloadGroup)),
                      let foundDigits = scratch.matcher.range(ofGroup: Int(pattern.checkCharacterGroup)) {
                payload = found
                digits = foundDigits
            } else {
                scratch.insertRejection(.init(pattern: Int32(index), reason: .checkFailed))
                return
            }
            guard algorithm.verify(payload: UnsafeBufferPointer(rebasing: subject[payload]),
                                   check: UnsafeBufferPointer(rebasing: subject[digits]))
            else {
                scratch.insertRejection(.init(pattern: Int32(index), reason: .checkFailed))
                return
            }
        }
        guard fields else {
            scratch.insertMatch(.init(pattern: Int32(index), fieldOffset: -1))
            return
        }
        let offset = Int32(scratch.ranges.count)
        let start = Int(pattern.fieldStart)
        if usesPCRE2 {
            for k in start..<start + Int(pattern.fieldCount) {
                if let range = scratch.matcher.range(ofGroup: Int(groups[k])) {
                    scratch.ranges.append(Int32(range.lowerBound))
                    scratch.ranges.append(Int32(range.upperBound))
                } else {
                    scratch.ranges.append(-1)
                    scratch.ranges.append(-1)
                }
            }
        } else {
            let length = subject.count
            for k in start..<start + Int(pattern.fieldCount) {
                scratch.ranges.append(Int32(GroupBoundary.offset(boundaries[2 * k], length: length)))
                scratch.ranges.append(Int32(GroupBoundary.offset(boundaries[2 * k + 1], length: length)))
            }
        }
        scratch.insertMatch(.init(pattern: Int32(index), fieldOffset: offset))
    }

    /// Builds the owned result for the outcome held in `scratch` (allocates: strings and arrays).
    package func result(for input: UnsafeBufferPointer<UInt8>, in scratch: RouteScratch) -> RouteResult {
        let uim = String(decoding: input, as: UTF8.self)
        if scratch.status == .invalid {
            return RouteResult(uim: uim, status: .invalid, error: scratch.invalidReason)
        }
        let subject = UnsafeBufferPointer(rebasing: input[scratch.subject])
        let matches = scratch.matches.map { entry -> PatternMatch in
            let pattern = patterns[Int(entry.pattern)]
            var fields: [Field] = []
            for (k, name) in pattern.fieldNames.enumerated() where entry.fieldOffset >= 0 {
                let start = Int(scratch.ranges[Int(entry.fieldOffset) + 2 * k])
                let end = Int(scratch.ranges[Int(entry.fieldOffset) + 2 * k + 1])
                // With (?J) two groups may share a name: the first that took part gives the field.
                guard start >= 0, !fields.contains(where: { $0.name == name }) else { continue }
                fields.append(Field(name: name, value: String(decoding: UnsafeBufferPointer(rebasing: subject[start..<end]), as: UTF8.self)))
            }
            return PatternMatch(party: partyCodes[Int(pattern.party)], pattern: registry.patterns[Int(entry.pattern)].id,
                                fields: fields)
        }
        let rejected = scratch.rejected.map { entry in
            Rejection(party: partyCodes[Int(patterns[Int(entry.pattern)].party)],
                      pattern: registry.patterns[Int(entry.pattern)].id, reason: entry.reason)
        }
        return RouteResult(uim: uim, status: scratch.status, matches: matches, rejected: rejected)
    }
}
