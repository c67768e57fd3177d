// The RFC 4180 reader: quoting, embedded separators and line breaks, line numbers, and malformed rows in place.
import Testing
@testable import UIMRouter
@testable import UIMClassify
@testable import UIMRouterTestSupport

@Suite("CSVReader")
struct CSVReaderTests {
    /// Read sizes from tiny (every record crosses reads) to one read for all.
    static let readBlocks = [1, 2, 3, 7, 64, 65_536]

    @Test("quoted fields keep separators, doubled quotes and line breaks", arguments: readBlocks)
    func quotedFields(readBlock: Int) throws {
        let text = "ref,uim,note\r\n1,AA1,\"a, b\"\r\n2,\"AA\"\"2\",\"two\nlines\"\n3,AA3,\"three\r\nlines\r\nhere\"\n4,AA4,end"
        let (header, records) = try BatchFixtures.records(text, readBlock: readBlock)
        #expect(header == ["ref", "uim", "note"])
        #expect(records.map(\.line) == [2, 3, 5, 8])
        #expect(records.map(\.fields) == [["1", "AA1", "a, b"], ["2", "AA\"2", "two\nlines"],
                                          ["3", "AA3", "three\r\nlines\r\nhere"], ["4", "AA4", "end"]])
        #expect(records.allSatisfy { $0.malformed == nil })
    }

    // Issue 12 changed this: a blank line used to be a record of empty fields (routed as `invalid: empty`).
    @Test("a blank line (LF or CRLF) is skipped and counted, not a record; an empty quoted field is a record",
          arguments: readBlocks)
    func blankLine(readBlock: Int) throws {
        let text = "a,b\n1,2\n\n\r\n3,4\n\"\"\n"
        let (_, records) = try BatchFixtures.records(text, readBlock: readBlock)
        #expect(records.map(\.fields) == [["1", "2"], ["3", "4"], [""]])
        #expect(records.map(\.line) == [2, 5, 6])
        #expect(records.map(\.malformed) == [nil, nil, .fieldCount])
        #expect(try BatchFixtures.readerCounts(text, readBlock: readBlock) == (blankLines: 2, lines: 6))
        #expect(try BatchFixtures.readerCounts("\n\na,b\r\n1,2", readBlock: readBlock) == (blankLines: 2, lines: 4))
    }

    @Test("a CR before the line feed, or ending the input, belongs to the line end", arguments: readBlocks)
    func crlfLineEnds(readBlock: Int) throws {
        let (header, records) = try BatchFixtures.records("ref,uim\r\n1,AA1\r\n2,\"AA2\"\r\n3,AA3\r",
                                                          readBlock: readBlock)
        #expect(header == ["ref", "uim"])
        #expect(records.map(\.fields) == [["1", "AA1"], ["2", "AA2"], ["3", "AA3"]])
        #expect(records.allSatisfy { $0.malformed == nil })
    }

    @Test("rows with the wrong number of fields are malformed in place", arguments: readBlocks)
    func fieldCount(readBlock: Int) throws {
        let (_, records) = try BatchFixtures.records("a,b,c\n1,2\n1,2,3\n1,2,3,4\n", readBlock: readBlock)
        #expect(records.map(\.malformed) == [.fieldCount, nil, .fieldCount])
        #expect(records[0].fields == ["1", "2"])
        #expect(records[2].fields == ["1", "2", "3", "4"])
    }

    @Test("text after a closing quote is malformed but kept", arguments: readBlocks)
    func textAfterQuote(readBlock: Int) throws {
        let (_, records) = try BatchFixtures.records("a,b\n\"x\"y,2\n3,4\n", readBlock: readBlock)
        #expect(records.map(\.malformed) == [.textAfterQuote, nil])
        #expect(records[0].fields == ["xy", "2"])
    }

    @Test("an unclosed quote costs one line, not the rest of the file", arguments: readBlocks)
    func unterminatedQuote(readBlock: Int) throws {
        let (_, records) = try BatchFixtures.records("a,b\n1,\"open\n2,x\n3,y", readBlock: readBlock)
        #expect(records.map(\.line) == [2, 3, 4])
        #expect(records.map(\.malformed) == [.unterminatedQuote, nil, nil])
        #expect(records[0].fields == ["1", "\"open"])
        #expect(records[2].fields == ["3", "y"])
    }

    @Test("a record past the size limit is malformed and reading goes on")
    func tooLong() throws {
        let long = String(repeating: "z", count: 200)
        let text = "a,b\n1,\"\(long)\n\(long)\n2,ok\n3,\"unclosed\n" + String(repeating: "q,q\n", count: 100)
        let (_, records) = try BatchFixtures.records(text, readBlock: 16, maximumRecordBytes: 128)
        #expect(records[0].malformed == .tooLong)
        #expect(records[0].line == 2)
        #expect(records.contains { $0.fields == ["2", "ok"] && $0.malformed == nil })
        #expect(records.count > 100)
    }

    @Test("tab-separated input uses the same quoting", arguments: readBlocks)
    func tabs(readBlock: Int) throws {
        let (header, records) = try BatchFixtures.records("uim\tnote\nAA1\t\"x\ty\"\n", delimiter: "\t",
                                                           readBlock: readBlock)
        #expect(header == ["uim", "note"])
        #expect(records.map(\.fields) == [["AA1", "x\ty"]])
    }

    @Test("a byte-order mark does not stick to the first column's name")
    func byteOrderMark() throws {
        let (header, _) = try BatchFixtures.records("\u{FEFF}uim,ref\nAA1,1\n")
        #expect(header == ["uim", "ref"])
    }

    @Test("the UIM column is chosen by name, number, or defaults to `uim` (else none: UIMColumnChoice looks at values)")
    func columnSelection() {
        let header = ["Ref", " UIM ", "Pack code"]
        #expect(ColumnSelector.resolve(nil, in: header) == 1)
        #expect(ColumnSelector.resolve(nil, in: ["a", "b"]) == nil)   // issue 12: no blind "first column" default
        #expect(ColumnSelector.resolve(ColumnSelector("Pack code"), in: header) == 2)
        #expect(ColumnSelector.resolve(ColumnSelector("pack CODE"), in: header) == 2)
        #expect(ColumnSelector.resolve(ColumnSelector("1"), in: header) == 0)
        #expect(ColumnSelector.resolve(ColumnSelector("4"), in: header) == nil)
        #expect(ColumnSelector.resolve(ColumnSelector("nope"), in: header) == nil)
    }
}
