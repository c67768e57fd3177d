// Where each capturing group lies in a whole-subject match, when the regex alone decides it: a group on the regex's
// spine (reached through sequences and groups only, never inside an alternation or a repetition) takes part in
// every match exactly once, so when everything before it has a fixed byte length it starts at that offset, and when
// everything from it to the end has a fixed byte length it starts that far before the end (likewise for its end).
// Once the automaton has proved a match, the router reads check-character groups and fields off these offsets
// instead of running PCRE2.

/// A position in the subject fixed by the regex: so many bytes after its start, or before its end.
package enum GroupBoundary: Hashable, Sendable {
    case fromStart(Int)
    case fromEnd(Int)

    /// The boundary as one integer: `k >= 0` is `k` bytes from the start, `k < 0` is `-k - 1` bytes before the end.
    package var encoded: Int32 {
        switch self {
        case .fromStart(let k): return Int32(k)
        case .fromEnd(let k): return Int32(-k - 1)
        }
    }

    /// The offset in a subject of `length` bytes of an ``encoded`` boundary.
    @inline(__always)
    package static func offset(_ encoded: Int32, length: Int) -> Int {
        encoded >= 0 ? Int(encoded) : length + Int(encoded) + 1
    }
}

/// A capturing group's start and end in every whole-subject match.
package struct GroupLayout: Hashable, Sendable {
    package var start: GroupBoundary
    package var end: GroupBoundary
}

extension RegexNode {
    /// Per capturing group, in group-number order (group 1 first): its layout, or `nil` when its position depends
    /// on the subject (inside an alternation or repetition, or between two variable-length parts).
    package var groupLayouts: [GroupLayout?] {
        var layouts: [GroupLayout?] = []
        collectLayouts(before: ByteSpan.zero, after: ByteSpan.zero, onSpine: true, into: &layouts)
        return layouts
    }

    /// Per capturing group, in group-number order: its name, or `nil` when unnamed.
    package var captureNames: [String?] {
        switch self {
        case .empty, .characters, .startAnchor, .endAnchor: return []
        case .group(let inner, let name, let capturing): return (capturing ? [name] : []) + inner.captureNames
        case .repetition(let inner, _, _, _): return inner.captureNames
        case .alternation(let nodes), .sequence(let nodes): return nodes.flatMap(\.captureNames)
        }
    }

    /// The range of byte lengths of this node's matches (`max` nil when unbounded).
    var byteSpan: ByteSpan {
        switch self {
        case .empty, .startAnchor, .endAnchor:
            return .zero
        case .characters(let set):
            guard let low = set.ranges.first?.lowerBound, let high = set.ranges.last?.upperBound else {
                return ByteSpan(min: 0, max: 0)
            }
            return ByteSpan(min: Self.utf8Length(low), max: Self.utf8Length(high))
        case .group(let inner, _, _):
            return inner.byteSpan
        case .sequence(let parts):
            return parts.reduce(ByteSpan.zero) { $0 + $1.byteSpan }
        case .alternation(let branches):
            guard let first = branches.first?.byteSpan else { return .zero }
            return branches.dropFirst().reduce(first) { $0.union($1.byteSpan) }
        case .repetition(let inner, let min, let max, _):
            let span = inner.byteSpan
            let upper: Int? = switch (max, span.max) {
            case (0, _): 0
            case (let count?, let length?): count.multipliedReportingOverflow(by: length).overflow
                ? nil : count * length
            default: span.max == 0 ? 0 : nil
            }
            return ByteSpan(min: min.multipliedReportingOverflow(by: span.min).overflow ? Int.max / 4 : min * span.min,
                            max: upper)
        }
    }

    private func collectLayouts(before: ByteSpan, after: ByteSpan, onSpine: Bool, into layouts: inout [GroupLayout?]) {
        switch self {
        case .empty, .characters, .startAnchor, .endAnchor:
            return
        case .group(let inner, _, let capturing):
            if capturing {
                layouts.append(onSpine ? Self.layout(before: before, own: inner.byteSpan, after: after) : nil)
            }
            inner.collectLayouts(before: before, after: after, onSpine: onSpine, into: &layouts)
        case .sequence(let parts):
            let spans = parts.map(\.byteSpan)
            var prefix = before
            var suffixes = [ByteSpan](repeating: after, count: parts.count)
            for k in stride(from: parts.count - 2, through: 0, by: -1) { suffixes[k] = suffixes[k + 1] + spans[k + 1] }
            for (k, part) in parts.enumerated() {
                part.collectLayouts(before: prefix, after: suffixes[k], onSpine: onSpine, into: &layouts)
                prefix = prefix + spans[k]
            }
        case .alternation(let branches):
            for branch in branches { branch.collectLayouts(before: before, after: after, onSpine: false, into: &layouts) }
        case .repetition(let inner, _, _, _):
            inner.collectLayouts(before: before, after: after, onSpine: false, into: &layouts)
        }
    }

    private static func layout(before: ByteSpan, own: ByteSpan, after: ByteSpan) -> GroupLayout? {
        let through = before + own
        let fromStart = own + after
        let start: GroupBoundary
        if let fixed = before.fixed { start = .fromStart(fixed) } else if let fixed = fromStart.fixed {
            start = .fromEnd(fixed)
        } else {
            return nil
        }
        let end: GroupBoundary
        if let fixed = through.fixed { end = .fromStart(fixed) } else if let fixed = after.fixed {
            end = .fromEnd(fixed)
        } else {
            return nil
        }
        return GroupLayout(start: start, end: end)
    }

    private static func utf8Length(_ scalar: UInt32) -> Int {
        scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : scalar < 0x10000 ? 3 : 4
    }
}

/// A range of byte lengths; `max` is `nil` when unbounded.
struct ByteSpan: Hashable, Sendable {
    var min: Int
    var max: Int?

    static let zero = ByteSpan(min: 0, max: 0)

    /// The length when it is the only one possible.
    var fixed: Int? { max == min ? min : nil }

    static func + (lhs: ByteSpan, rhs: ByteSpan) -> ByteSpan {
        let upper: Int? = if let a = lhs.max, let b = rhs.max { a.addingReportingOverflow(b).overflow ? nil : a + b }
            else { nil }
        return ByteSpan(min: lhs.min.addingReportingOverflow(rhs.min).overflow ? Int.max / 4 : lhs.min + rhs.min,
                        max: upper)
    }

    func union(_ other: ByteSpan) -> ByteSpan {
        let upper: Int? = if let a = max, let b = other.max { Swift.max(a, b) } else { nil }
        return ByteSpan(min: Swift.min(min, other.min), max: upper)
    }
}
