// The HTML report: a well-formed self-contained page whose chart and tables show the summary's counts — and no UIM.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMClassify
@testable import UIMRouterTestSupport

@Suite("HTMLReport")
struct HTMLReportTests {
    /// Collects elements (name + attributes) and text of a parsed page.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var text = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String]) {
            elements.append((name, attributes))
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }

    @Test("the page parses, draws one bar per Party with its count, and holds no UIM or external resource")
    func reportContents() throws {
        let input = BatchFixtures.plainInput(count: 40)
        let summary = try BatchFixtures.classify(input).outcome.summary
        let html = HTMLReport.render(summary)
        let body = html.replacingOccurrences(of: "<!DOCTYPE html>\n", with: "")
        let parser = XMLParser(data: Data(body.utf8))
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")

        let bars = collector.elements.filter { $0.name == "g" && $0.attributes["class"] == "bar" }
        #expect(bars.map { $0.attributes["data-party"] } == summary.parties.map(\.code))
        #expect(bars.map { $0.attributes["data-count"].flatMap(Int.init) } == summary.parties.map(\.count))
        #expect(collector.elements.filter { $0.name == "rect" }.count == summary.parties.count)
        #expect(collector.elements.contains { $0.name == "svg" })
        #expect(!collector.elements.contains { ["script", "link", "img", "iframe", "object"].contains($0.name) })
        #expect(!collector.elements.contains { $0.attributes.keys.contains("src") || $0.attributes.keys.contains("href") })
        #expect(!html.contains("url(") && !html.contains("@import"))
        #expect(collector.text.contains("\(summary.records) record(s) classified"))
        for kind in BatchFixtures.kinds where !kind.line.isEmpty {
            let uim = String(decoding: kind.line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            #expect(!html.contains(uim))
        }
    }

    @Test("names are escaped")
    func escaping() {
        #expect(HTMLReport.escape("A & <B> \"C\"") == "A &amp; &lt;B&gt; &quot;C&quot;")
    }
}
