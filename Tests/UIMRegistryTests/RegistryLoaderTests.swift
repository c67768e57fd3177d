// Tests of RegistryLoader: a valid file's values, one test per diagnostic kind (exact printed diagnostics), regex
// error columns inside quoted and plain scalars, many errors in many files, and reading registry folders.

import Foundation
import Testing

@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMAutomata
@testable import UIMRouting
@testable import UIMRegistryTools
@testable import UIMClassify
@testable import UIMRouterTestSupport

@Suite("Registry loader")
struct RegistryLoaderTests {
    typealias F = RegistryFixtures
    static let path = "Patterns/KE.yaml"

    func at(_ line: Int, _ column: Int, _ file: String = path) -> UIMRouter.SourceLocation {
        UIMRouter.SourceLocation(file: file, line: line, column: column)
    }

    @Test func validFileParsesIntoRegistry() throws {
        let (registry, diagnostics) = F.parse((Self.path, F.kenya))
        #expect(diagnostics.isEmpty)
        #expect(registry.parties == [Party(code: "KE", name: "Kenya", protocolParty: true, location: at(3, 3))])
        try #require(registry.patterns.count == 2)
        #expect(
            registry.patterns[0]
                == PatternSpec(
                    id: "KE-EGMS-STAMP", party: "KE", regex: "KE(?<payload>[0-9A-Z]{12})(?<check>[0-9A-Z])",
                    level: .unit,
                    descriptions: [.en: "Excise stamp code", .fr: "Code de timbre fiscal"],
                    check: CheckSpec(algorithm: .iso7064Mod37_36, payloadGroup: "payload",
                                     checkCharacterGroup: "check"),
                    references: ["Excisable Goods Management System Regulations 2017"],
                    validFrom: Day(year: 2019, month: 10, day: 1), validUntil: Day(year: 2030, month: 12, day: 31),
                    matchExamples: [PatternExample("KE0000000001234X", at: at(22, 15))],
                    noMatchExamples: [PatternExample("KE000", at: at(24, 11))],
                    location: at(7, 5), regexLocation: at(8, 13)))
        #expect(
            registry.patterns[1]
                == PatternSpec(
                    id: "KE.carton_2", party: "KE", regex: #"CT(?<serial>\d{10})"#, location: at(25, 5),
                    regexLocation: at(26, 12)))
    }

    @Test(arguments: [
        (
            "format: 1\nparty: [unclosed\n",
            "Patterns/KE.yaml:3:1: error: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence "
                + "at line 2, column 8); fix the YAML syntax"
        ),
        (
            F.file(F.pattern("A", regex: #""\d""#)),
            "Patterns/KE.yaml:8:13: error: invalid YAML: unknown escape sequence in a double-quoted string (while parsing "
                + "a quoted scalar at line 8, column 12); write regexes in single quotes, or double every backslash "
                + "inside double quotes"
        ),
        (
            "format: 1\nparty:\n  code: KE\n  code: KE\n",
            "Patterns/KE.yaml:4:3: error: key 'code' appears twice in the same mapping; keep only one of them"
        ),
        (
            "format: 1\n\tparty: x\n",
            "Patterns/KE.yaml:2:1: error: invalid YAML: found a tab character that violates indentation (while "
                + "scanning a plain scalar at line 1, column 9); indent with spaces, not tabs"
        ),
        (
            "format: 1\nparty: @KE\n",
            "Patterns/KE.yaml:2:8: error: invalid YAML: found a character that cannot start a value (a tab, '@' or '`'); "
                + "indent with spaces, not tabs, and quote a value that starts with '@' or '`'"
        ),
    ])
    func syntaxErrorIsReportedAtLibyamlMark(yaml: String, expected: String) {
        #expect(F.messages(yaml) == [expected])
    }

    @Test func missingKeysAreReportedAtTheMappingThatLacksThem() {
        #expect(
            F.messages("party:\n  name: Kenya\n") == [
                "Patterns/KE.yaml:1:1: error: missing 'format' key; add 'format: 1' at the top of the file",
                "Patterns/KE.yaml:1:1: error: missing 'patterns' key; add a 'patterns' list with at least one pattern",
                "Patterns/KE.yaml:2:3: error: party has no 'code' key; add 'code: KE' (the file name without .yaml)",
                "Patterns/KE.yaml:2:3: error: party has no 'protocol_party' key; add 'protocol_party: true' for a Party "
                    + "to the Protocol, otherwise 'protocol_party: false'",
            ])
        #expect(
            F.messages(F.file("  - id: A\n    level: unit\n", "  - regex: 'x'\n")) == [
                "Patterns/KE.yaml:7:5: error: pattern 'A' has no 'regex' key; add the PCRE2 regex the UIM must match",
                "Patterns/KE.yaml:9:5: error: pattern 2 has no 'id' key; add an id unique in the registry, such as 'KE-2'",
            ])
        #expect(
            F.messages(F.file() + "  []\n") == [
                "Patterns/KE.yaml:7:3: error: 'patterns' is empty; add at least one pattern with an 'id' and a 'regex'"
            ])
        #expect(
            F.messages("") == [
                "Patterns/KE.yaml:1:1: error: the file is empty; write 'format: 1', a 'party' mapping and a 'patterns' "
                    + "list"
            ])
    }

    @Test func unknownKeyIsReportedAtTheKeyWithASuggestion() {
        let yaml = F.file(F.pattern("A", regex: "'a'", "vaild_from: 2019-10-01", "colour: red", "algorithm: luhn"))
        #expect(
            F.messages(yaml) == [
                "Patterns/KE.yaml:9:5: error: unknown key 'vaild_from'; did you mean 'valid_from'?",
                "Patterns/KE.yaml:10:5: error: unknown key 'colour'; the keys allowed here are id, regex, level, "
                    + "description, check, references, valid_from, valid_until, examples",
                "Patterns/KE.yaml:11:5: error: unknown key 'algorithm'; it belongs under 'check:'",
            ])
    }

    @Test func badValuesSayWhatIsExpected() {
        let yaml = """
            format: 2
            party:
              code: KE
              name: [Kenya]
              protocol_party: 'true'
            patterns:
              - id: KE stamp
                regex: 'a'
                level: units
                valid_from: 2019-13-01
                references: Regulation 2017
              - id: B
                regex: ''

            """
        #expect(
            F.messages(yaml) == [
                "Patterns/KE.yaml:1:9: error: format '2' is not supported; this version reads format 1 only: "
                    + "write 'format: 1'",
                "Patterns/KE.yaml:4:9: error: 'name' must be a string, not a list; write the Party's display name",
                "Patterns/KE.yaml:5:19: error: 'protocol_party' must be true or false (unquoted), not 'true' in quotes; "
                    + "write true for a Party to the Protocol, otherwise false",
                "Patterns/KE.yaml:7:9: error: pattern id 'KE stamp' is not valid; use 1 to 64 letters, digits, '.', '_' "
                    + "or '-', starting with a letter or digit",
                "Patterns/KE.yaml:9:12: error: level 'units' is not one of unit, aggregated, any; did you mean 'unit'?",
                "Patterns/KE.yaml:10:17: error: valid_from: the date '2019-13-01' does not exist: there is no month "
                    + "13 (months run from 01 to 12); write a day that exists",
                "Patterns/KE.yaml:11:17: error: 'references' must be a list of strings, not a string; write each "
                    + "reference as an item starting with '- '",
                "Patterns/KE.yaml:13:12: error: regex of pattern 'B' is empty; write the PCRE2 regex the UIM must match, "
                    + "in single quotes",
            ])
    }

    @Test func partyCodeMustEqualFileName() {
        let (registry, diagnostics) = F.parse((Self.path, F.file(code: "KEN", F.pattern("KEN-1", regex: "'a'"))))
        #expect(
            diagnostics.map(\.description) == [
                "Patterns/KE.yaml:3:9: error: party code 'KEN' does not match the file name 'KE.yaml'; set 'code: KE' "
                    + "or rename the file to 'KEN.yaml'"
            ])
        #expect(registry.parties.map(\.code) == ["KE"])
    }

    @Test func duplicateIDIsReportedAtTheSecondOccurrence() {
        let (registry, diagnostics) = F.parse(
            ("Patterns/EU.yaml", F.file(code: "EU", F.pattern("DUP", regex: "'a'"))),
            (Self.path, F.file(F.pattern("DUP", regex: "'b'"))))
        #expect(
            diagnostics.map(\.description) == [
                "Patterns/KE.yaml:7:9: error: pattern id 'DUP' is already used at Patterns/EU.yaml:7; give each pattern "
                    + "an id of its own"
            ])
        #expect(registry.patterns.map(\.party) == ["EU"])
    }

    /// (regex as written in YAML, expected line:column, PCRE2 message)
    @Test(arguments: [
        ("'a''b)c'", "8:17", "unmatched closing parenthesis"),  // '' is one character
        (#""\\d\x41)""#, "8:20", "unmatched closing parenthesis"),  // \\ and \x41 decode to fewer bytes
        ("ab)", "8:14", "unmatched closing parenthesis"),  // plain scalar
        ("'é)'", "8:14", "unmatched closing parenthesis"),  // é is 2 bytes, 1 column
        ("'a(b'", "8:16", "missing closing parenthesis"),  // at the end: the closing quote
        ("|-\n      a)", "8:12", "unmatched closing parenthesis"),  // block scalar: its start
        ("a\n      b)", "8:12", "unmatched closing parenthesis"),  // multi-line plain scalar: its start
    ])
    func badRegexPointsInsideTheScalar(regex: String, place: String, message: String) {
        #expect(
            F.messages(F.file(F.pattern("A", regex: regex))) == [
                "Patterns/KE.yaml:\(place): error: regex of pattern 'A' does not compile: \(message); correct it "
                    + "(PCRE2 syntax)"
            ])
    }

    @Test func checkGroupsMustBeNamedGroupsOfTheRegex() {
        let yaml = F.file(
            F.pattern(
                "A", regex: #"'(?<serial>\d)(?<check>\d)'"#,
                "check:", "  algorithm: luhn", "  digit: digit"))
        #expect(
            F.messages(yaml) == [
                "Patterns/KE.yaml:10:7: error: check payload group 'payload' is not a named group of the regex (its "
                    + "named groups: serial, check); add (?<payload>...) to the regex or set 'payload' to one of its "
                    + "groups",
                "Patterns/KE.yaml:11:14: error: check digit group 'digit' is not a named group of the regex (its named "
                    + "groups: serial, check); add (?<digit>...) to the regex or set 'digit' to one of its groups",
            ])
    }

    @Test func unknownAlgorithmSuggestsTheClosest() {
        let checked = #"'(?<payload>\d+)(?<check>\d)'"#
        let yaml = F.file(
            F.pattern("A", regex: checked, "check:", "  algorithm: luhn10"),
            F.pattern("B", regex: checked, "check:", "  algorithm: crc32"))
        #expect(
            F.messages(yaml) == [
                "Patterns/KE.yaml:10:18: error: unknown check algorithm 'luhn10'; did you mean 'luhn'?",
                "Patterns/KE.yaml:14:18: error: unknown check algorithm 'crc32'; use one of gs1-mod10, luhn, "
                    + "iso7064-mod11-2, iso7064-mod11-10, iso7064-mod37-2, iso7064-mod37-36, iso7064-mod97-10, "
                    + "iso7064-mod1271-36, iso7064-mod661-26, iso7064-mod27-26, verhoeff, damm",
            ])
    }

    @Test func validFromAfterValidUntilIsReported() {
        let yaml = F.file(
            F.pattern("A", regex: "'a'", "valid_from: 2020-01-01", "valid_until: 2019-12-31"),
            F.pattern("B", regex: "'b'", "valid_from: 2020-01-01", "valid_until: '2020-01-01'"))
        #expect(
            F.messages(yaml) == [
                "Patterns/KE.yaml:9:17: error: valid_from 2020-01-01 is after valid_until 2019-12-31; correct the dates "
                    + "so that the pattern is valid for at least one day"
            ])
    }

    @Test func descriptionLanguagesAreTheSixUNLanguages() {
        let yaml = F.file(F.pattern("A", regex: "'a'", "description:", "  EN: Stamp", "  de: Steuerzeichen"))
        #expect(
            F.messages(yaml) == [
                "Patterns/KE.yaml:10:7: error: description language 'EN' is not one of the six UN languages (ar, en, es, "
                    + "fr, ru, zh); did you mean 'en'?",
                "Patterns/KE.yaml:11:7: error: description language 'de' is not one of the six UN languages (ar, en, es, "
                    + "fr, ru, zh); use one of them",
            ])
    }

    @Test func examplesMustBeListsOfStrings() {
        let yaml = F.file(
            F.pattern("A", regex: "'a'", "examples:", "  match: KE1", "  no_match: [[a]]"),
            F.pattern("B", regex: "'b'", "examples: [b]"))
        #expect(
            F.messages(yaml) == [
                "Patterns/KE.yaml:10:14: error: 'match' must be a list of strings, not a string; write each example UIM "
                    + "as an item starting with '- ' or as [\"...\", \"...\"]",
                "Patterns/KE.yaml:11:18: error: each item of 'no_match' must be a string, not a list; write it as a "
                    + "string, quoted if need be",
                "Patterns/KE.yaml:14:15: error: 'examples' must be a mapping with 'match' and 'no_match' lists, not a "
                    + "list; write 'match:' and 'no_match:' on indented lines below 'examples:'",
            ])
    }

    @Test func everyErrorOfEveryFileIsReportedInOrder() {
        let (registry, diagnostics) = F.parse(
            (
                "Patterns/ZA.yaml",
                F.file(
                    code: "ZA", F.pattern("ZA-1", regex: "'a('", "levle: unit"),
                    F.pattern("ZA 2", regex: "'b'"))
            ),
            ("Patterns/EU.yaml", "format: 1\nparty: {code: EU, name: European Union}\npatterns:\n  - id: EU-1\n"),
            ("Patterns/KE.yaml", "format: 1\nparty: [\n"),
            ("Patterns/BB.yaml", F.file(code: "BB", F.pattern("BB-1", regex: "'b'"))))
        #expect(
            diagnostics.map { "\($0.location) \($0.code)" } == [
                "Patterns/EU.yaml:2:8 missing-key",
                "Patterns/EU.yaml:4:5 missing-key",
                "Patterns/KE.yaml:3:1 syntax",
                "Patterns/ZA.yaml:8:15 bad-regex",
                "Patterns/ZA.yaml:9:5 unknown-key",
                "Patterns/ZA.yaml:10:9 bad-value",
            ])
        #expect(registry.parties.map(\.code) == ["BB", "EU", "ZA"])
        #expect(registry.patterns.map(\.id) == ["BB-1"])
    }

    @Test func loadIgnoresFilesStartingWithDotOrUnderscore() throws {
        let files = [
            "KE.yaml": F.file(F.pattern("KE-1", regex: "'a'")),
            "EU.yaml": F.file(code: "EU", F.pattern("EU-1", regex: "'b'")),
            ".hidden.yaml": "not: [valid",
            "_draft.yaml": "format: 7\n",
            "README.md": "# not read",
        ]
        try F.withFolder(files) { folder in
            let (registry, diagnostics) = RegistryLoader.load(directory: folder + "/")
            #expect(diagnostics.isEmpty)
            #expect(registry.source == folder + "/")
            #expect(registry.patterns.map(\.id) == ["EU-1", "KE-1"])
            #expect(registry.patterns.map(\.location.file) == ["\(folder)/EU.yaml", "\(folder)/KE.yaml"])
        }
    }

    @Test("a date that does not exist is told so; one that is not YYYY-MM-DD is asked to be written so",
          arguments: [
            ("2026-02-30", "valid_until: the date '2026-02-30' does not exist: February 2026 has 28 days; "
                + "write a day that exists"),
            ("2025-04-31", "valid_until: the date '2025-04-31' does not exist: April 2025 has 30 days; "
                + "write a day that exists"),
            ("2026-2-3", "valid_until '2026-2-3' is not a valid date; write it as YYYY-MM-DD, for example 2019-10-01"),
          ])
    func datesThatDoNotExist(date: String, message: String) {
        let yaml = F.file(F.pattern("KE-1", regex: "'KE[0-9]'", "valid_until: \(date)"))
        #expect(F.parse(("KE.yaml", yaml)).diagnostics.map(\.message) == [message])
    }

    @Test("every entry of the folder that is not read is named in a warning with what to do; '.' and '_' stay silent")
    func unreadEntriesAreWarnings() throws {
        let kenya = F.file(F.pattern("KE-1", regex: "'KE[0-9]'"))
        let warnings = try F.withFolder([
            "KE.yaml": kenya, "QV.yml": kenya, "UG.YAML": kenya, "TZ.json": "{}", "notes.txt": "x",
            "_draft.yml": kenya, ".hidden.json": "{}", "sub/.keep": "",
        ]) { folder in
            let loaded = try Registry.load(from: folder)
            #expect(loaded.parties.map(\.code) == ["KE"])
            return loaded.warnings.map { "\($0.code) \($0.severity) \($0.location.file.dropFirst(folder.count + 1)) "
                + $0.message }
        }
        let hide = "or start its name with '_' to keep it out of the registry"
        #expect(warnings == [
            "unread-file warning QV.yml 'QV.yml' is not read: only files named <PARTY>.yaml are; rename it to QV.yaml, "
                + hide,
            "unread-file warning TZ.json 'TZ.json' is not read: registry files are YAML named <PARTY>.yaml; write it "
                + "as TZ.yaml, " + hide,
            "unread-file warning UG.YAML 'UG.YAML' is not read: only files named <PARTY>.yaml are; rename it to "
                + "UG.yaml, " + hide,
            "unread-file warning notes.txt 'notes.txt' is not read: only files named <PARTY>.yaml are; remove it "
                + "from the registry folder, " + hide,
            "unread-file warning sub 'sub' is a folder and is not read: registry files sit directly in the registry "
                + "folder; move its files up, " + hide,
        ])
    }

    @Test("placeholder text of the template is a warning where it stands; the registry loads")
    func placeholdersAreWarnings() throws {
        let text = RegistryFixtures.unfinishedTemplate
        let loaded = try Registry.load(files: [("TZ.yaml", text)])
        #expect(loaded.warnings.map(\.description) == [
            "TZ.yaml:17:11: warning: description 'en' is still placeholder text ('TODO: what this code marks, in "
                + "English'); replace it with the real text, or remove it",
            "TZ.yaml:23:9: warning: reference is still placeholder text ('TODO: legal basis or source URL'); replace "
                + "it with the real text, or remove it",
        ])
        let finished = text.replacingOccurrences(of: "TODO: what this code marks, in English", with: "Excise stamp")
            .replacingOccurrences(of: "TODO: legal basis or source URL", with: "Excise Act 2019")
        #expect(try Registry.load(files: [("TZ.yaml", finished)]).warnings.isEmpty)
    }

    @Test("a plain regex followed by ' #' on its line: a warning at the '#' saying it starts a comment, and to quote")
    func regexCutByComment() throws {
        let yaml = F.file(F.pattern("KE-1", regex: "KE(?<payload>[0-9]{4}) #(?<check>[0-9])",
                                    "check: {algorithm: luhn}"))
        let (registry, diagnostics) = F.parse(("KE.yaml", yaml))
        #expect(diagnostics.map(\.code) == [.missingGroup])
        #expect(registry.warnings.map(\.description) == [
            "KE.yaml:8:35: warning: regex of pattern 'KE-1' ends before this '#': in YAML, ' #' starts a comment, so "
                + "the regex is 'KE(?<payload>[0-9]{4})' and the rest of the line is ignored; if the '#' belongs to "
                + "the regex, quote it: regex: 'KE(?<payload>[0-9]{4}) #(?<check>[0-9])'",
        ])
        for quiet in ["'KE[0-9]{4} #1'", "KE[0-9]{4}#1", "KE[0-9]{4}"] {
            #expect(F.parse(("KE.yaml", F.file(F.pattern("KE-1", regex: quiet)))).registry.warnings.isEmpty, "\(quiet)")
        }
    }

    @Test func loadReportsUnreadableFoldersAndFiles() throws {
        let missing = "/nonexistent/registry-\(UUID().uuidString)"
        #expect(
            RegistryLoader.load(directory: missing).diagnostics.map(\.description) == [
                "\(missing):1:1: error: registry folder '\(missing)' does not exist; name an existing folder of "
                    + "<PARTY>.yaml files"
            ])
        try F.withFolder(["_draft.yaml": "format: 1\n"]) { folder in
            #expect(
                RegistryLoader.load(directory: folder).diagnostics.map(\.description) == [
                    "\(folder):1:1: error: registry folder '\(folder)' has no .yaml file; add one <PARTY>.yaml file per "
                        + "Party (names starting with '.' or '_' are ignored)"
                ])
        }
        try F.withFolder(["KE.yaml": Data(Array("format: 1\nparty: ".utf8) + [0xE9])]) { folder in
            #expect(
                RegistryLoader.load(directory: folder).diagnostics.map(\.description) == [
                    "\(folder)/KE.yaml:2:8: error: this file is not UTF-8: byte 0xE9 here is not UTF-8 (Latin-1 or "
                        + "a Windows code page, it seems); save the file as UTF-8 (in Notepad: Save as, Encoding: UTF-8)"
                ])
        }
    }
}
