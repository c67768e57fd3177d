// Everything a CSV/TSV row says that does not depend on the UIM, prepared once per worker: Party codes and names,
// pattern ids, reasons, statuses and file names as finished cells (quoted where they need it), and whether lists
// joined from them could ever need quoting. Stored flat (ByteTable), so writing a row reads them without reference
// counting or allocation.
import UIMRegistry
import UIMRouting

/// The prepared cells of one output format. Pointer semantics: the owner calls ``deallocate()`` once.
struct RowCells {
    let delimiter: UInt8
    let isTSV: Bool
    /// Raw bytes, for joined lists.
    let patternIDs: ByteTable
    let partyCodes: ByteTable
    let partyNames: ByteTable
    /// By `RejectionReason` tally index.
    let rejectionReasons: ByteTable
    /// Whole cells.
    let patternIDCells: ByteTable
    let partyCodeCells: ByteTable
    let partyNameCells: ByteTable
    /// By `InvalidReason` tally index, then `MalformedRow` tally index (as `ClassificationTally.invalid`).
    let invalidReasonCells: ByteTable
    /// By input index (several inputs only).
    let fileNameCells: ByteTable
    /// The status words by `RouteStatus` tally index.
    let statuses: ByteTable
    /// True when lists joined with `|` (and `:`) from these never need quoting: no part holds the delimiter, a quote,
    /// a CR or a LF.
    let patternsJoinPlain: Bool
    let partyCodesJoinPlain: Bool
    let partyNamesJoinPlain: Bool
    let reasonsJoinPlain: Bool
    /// Upper bounds on the bytes of a row, so a row reserves room twice and then stores without checks: before the
    /// `fields` cell (plus the `uim` cell: at most 6 bytes per input byte, when invalid UTF-8 becomes U+FFFD and
    /// quotes double, plus 2), and after it. The `fields` cell and carried columns reserve their own.
    let headBound: Int
    let tailBound: Int
    /// Per pattern: its Party's index, the first of its field keys (`"name":`, and `,"name":` in `commaFieldKeys`) in
    /// `fieldKeys`, and its named groups.
    let patternParty: UnsafeMutablePointer<Int>
    let fieldKeyStart: UnsafeMutablePointer<Int>
    let fieldCount: UnsafeMutablePointer<Int>
    let fieldKeys: ByteTable
    let commaFieldKeys: ByteTable

    init(router: Router, delimiter: UInt8, fileNames: [String]?) {
        self.delimiter = delimiter
        isTSV = delimiter == UInt8(ascii: "\t")
        let ids = router.registry.patterns.map { Array($0.id.utf8) }
        let codes = router.partyCodes.map { Array($0.utf8) }
        let names = Dictionary(router.registry.parties.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let nameBytes = router.partyCodes.map { Array((names[$0] ?? "").utf8) }
        let reasons = RejectionReason.allCases.sorted { $0.tallyIndex < $1.tallyIndex }.map { Array($0.rawValue.utf8) }
        let invalid = InvalidReason.allCases.sorted { $0.tallyIndex < $1.tallyIndex }.map(\.rawValue)
            + MalformedRow.allCases.sorted { $0.tallyIndex < $1.tallyIndex }.map(\.description)
        let statusWords = RouteStatus.allCases.sorted { $0.tallyIndex < $1.tallyIndex }.map { Array($0.rawValue.utf8) }
        func cell(_ value: [UInt8]) -> [UInt8] {
            var writer = ByteWriter(capacity: value.count * 2 + 2)
            defer { writer.deallocate() }
            value.withUnsafeBufferPointer { RecordEncoder.appendCell($0, delimiter: delimiter, to: &writer) }
            return writer.makeArray()
        }
        func joinsPlain(_ parts: [[UInt8]]) -> Bool {
            parts.allSatisfy { part in
                !part.contains { $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            }
        }
        patternIDs = ByteTable(ids)
        partyCodes = ByteTable(codes)
        partyNames = ByteTable(nameBytes)
        rejectionReasons = ByteTable(reasons)
        patternIDCells = ByteTable(ids.map(cell))
        partyCodeCells = ByteTable(codes.map(cell))
        partyNameCells = ByteTable(nameBytes.map(cell))
        invalidReasonCells = ByteTable(invalid.map { cell(Array($0.utf8)) })
        fileNameCells = ByteTable((fileNames ?? []).map { cell(Array($0.utf8)) })
        statuses = ByteTable(statusWords)
        patternsJoinPlain = joinsPlain(ids)
        partyCodesJoinPlain = joinsPlain(codes)
        partyNamesJoinPlain = joinsPlain(nameBytes)
        reasonsJoinPlain = joinsPlain(ids + reasons) && joinsPlain([Array("no-pattern".utf8)])

        // A list joined with `|` and quoted doubles at worst, plus its quotes.
        func joinBound(_ parts: [[UInt8]]) -> Int { 2 * parts.reduce(parts.count) { $0 + $1.count } + 2 }
        func longest(_ table: ByteTable) -> Int { (0..<table.count).map { table[$0].count }.max() ?? 0 }
        headBound = longest(fileNameCells) + 1 + 20 + 1 + 1 + longest(statuses)
            + max(longest(partyCodeCells), joinBound(codes)) + max(longest(partyNameCells), joinBound(nameBytes))
            + max(longest(patternIDCells), joinBound(ids)) + 8
        // `PATTERN:reason` joined (written directly only when it needs no quoting), or a reason cell.
        let rejections = ids.reduce(0) { $0 + $1.count + 2 + (reasons.map(\.count).max() ?? 0) }
        tailBound = 2 * max(rejections, longest(invalidReasonCells), "no-pattern".utf8.count) + 8

        var keys: [[UInt8]] = []
        let count = router.patterns.count
        patternParty = .allocate(capacity: max(count, 1))
        fieldKeyStart = .allocate(capacity: max(count, 1))
        fieldCount = .allocate(capacity: max(count, 1))
        for (index, pattern) in router.patterns.enumerated() {
            patternParty[index] = Int(pattern.party)
            fieldKeyStart[index] = keys.count
            fieldCount[index] = pattern.fieldGroups.count
            for name in pattern.fieldNames {
                var w = JSONWriter()
                w.key(name)
                keys.append(w.bytes)
            }
        }
        fieldKeys = ByteTable(keys)
        commaFieldKeys = ByteTable(keys.map { [UInt8(ascii: ",")] + $0 })
    }

    func deallocate() {
        for table in [patternIDs, partyCodes, partyNames, rejectionReasons, patternIDCells, partyCodeCells,
                      partyNameCells, invalidReasonCells, fileNameCells, statuses, fieldKeys, commaFieldKeys] {
            table.deallocate()
        }
        patternParty.deallocate()
        fieldKeyStart.deallocate()
        fieldCount.deallocate()
    }
}
