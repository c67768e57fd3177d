// `uim-router diff OLD-DIR NEW-DIR`: patterns added, removed and changed per Party, and UIMs whose routing changes.
import ArgumentParser
import UIMRouter

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two registry versions: pattern changes per Party and UIMs whose routing changes.",
        discussion: """
            Lists, per Party, the patterns added, removed and changed (with the keys that changed). Then, for \
            every added or changed pattern (and the old version of every changed or removed one), routes its \
            match examples and UIMs drawn from its automaton through both versions on --date and prints each UIM \
            whose status or Party changes: old → new.

            Exit status: 0 when no UIM tried changes routing; 1 when some do; 2 when a registry cannot be loaded \
            (its problems on standard error; stale examples are only warnings here); 66 when a folder cannot be \
            opened.

            Examples:
              uim-router diff registry-v1 Patterns
              uim-router diff old/ new/ --format json --date 2026-06-01
            """
    )

    @Argument(help: ArgumentHelp("The old registry folder.", valueName: "old-dir"))
    var old: String

    @Argument(help: ArgumentHelp("The new registry folder.", valueName: "new-dir"))
    var new: String

    @Option(help: ArgumentHelp("Query date for validity periods, YYYY-MM-DD (default: today, UTC).",
                               valueName: "date"), transform: Day.argument)
    var date: Day?

    @Option(help: "UIMs drawn per pattern version, besides its examples.")
    var samples: Int = 20

    @Option(help: "Random seed of the sampler.")
    var seed: UInt64 = 1

    @Option(help: "Output format: text or json (one object).")
    var format: OutputFormat = .text

    @Option(name: .long, help: ArgumentHelp(
        "A public key (NAME.pub) trusted to sign registry releases; repeat for several. With any, both folders must "
            + "carry a release that verifies.", valueName: "key.pub"))
    var trust: [String] = []

    @Option(name: .long, help: ArgumentHelp("How many distinct trusted keys must have signed (default 1).",
                                            valueName: "k"))
    var threshold: Int = 1

    func run() throws {
        try InputFiles.checkFolder(old, what: "old registry folder")
        try InputFiles.checkFolder(new, what: "new registry folder")
        let diff: RegistryDiff
        do {
            diff = try RegistryDiff(old: load(old), new: load(new), on: date ?? Day.today(),
                                    samples: max(0, samples), seed: seed)
        } catch {
            Terminal.printError(error.description)
            throw ExitCode(2)
        }
        print(format == .json ? json(diff) : text(diff), terminator: "")
        if !diff.routingChanges.isEmpty { throw ExitCode(1) }
    }

    private func load(_ folder: String) throws(RegistryError) -> Registry {
        let policy = trust.isEmpty ? nil : try TrustPolicy.read(keyFiles: trust, threshold: threshold)
        let registry = try Registry.load(from: folder, trust: policy, examples: .warnings)
        for warning in registry.warnings { Terminal.printError("\(warning.location): warning: \(warning.message)") }
        return registry
    }

    private func text(_ diff: RegistryDiff) -> String {
        var out = "old \(old): sha256:\(diff.oldDigest)\nnew \(new): sha256:\(diff.newDigest)\n"
        if diff.parties.isEmpty { out += "no pattern changed\n" }
        for party in diff.parties {
            let keys = party.partyKeys.isEmpty ? "" : " (\(party.partyKeys.joined(separator: ", ")))"
            out += "\(party.party)\(keys): \(party.added.count) added, \(party.removed.count) removed, "
                + "\(party.changed.count) changed\n"
            for id in party.added { out += "  + \(id)\n" }
            for id in party.removed { out += "  - \(id)\n" }
            for change in party.changed { out += "  ~ \(change.pattern) (\(change.keys.joined(separator: ", ")))\n" }
        }
        guard !diff.routingChanges.isEmpty else {
            return out + "no UIM changes routing (\(diff.triedUIMs) UIM(s) tried)\n"
        }
        out += "routing changes: \(diff.routingChanges.count) UIM(s) of \(diff.triedUIMs) tried\n"
        for change in diff.routingChanges {
            out += "  \(change.uim)  \(change.before) → \(change.after)  [\(change.pattern)]\n"
        }
        return out
    }

    private func json(_ diff: RegistryDiff) -> String {
        var w = JSONWriter()
        func strings(_ list: [String]) {
            w.raw("[")
            for (k, item) in list.enumerated() { if k > 0 { w.raw(",") }; w.string(item) }
            w.raw("]")
        }
        func outcome(_ o: RegistryDiff.Outcome) {
            w.raw("{"); w.key("status"); w.string(o.status.rawValue)
            if o.status == .routed, let party = o.parties.first { w.raw(","); w.key("party"); w.string(party) }
            if o.status == .ambiguous { w.raw(","); w.key("parties"); strings(o.parties) }
            w.raw("}")
        }
        w.raw("{"); w.key("old"); w.raw("{"); w.key("registry"); w.string(old)
        w.raw(","); w.key("digest"); w.string(diff.oldDigest); w.raw("},")
        w.key("new"); w.raw("{"); w.key("registry"); w.string(new)
        w.raw(","); w.key("digest"); w.string(diff.newDigest); w.raw("},")
        w.key("parties"); w.raw("[")
        for (k, party) in diff.parties.enumerated() {
            if k > 0 { w.raw(",") }
            w.raw("{"); w.key("party"); w.string(party.party)
            w.raw(","); w.key("party_keys"); strings(party.partyKeys)
            w.raw(","); w.key("added"); strings(party.added)
            w.raw(","); w.key("removed"); strings(party.removed)
            w.raw(","); w.key("changed"); w.raw("[")
            for (j, change) in party.changed.enumerated() {
                if j > 0 { w.raw(",") }
                w.raw("{"); w.key("pattern"); w.string(change.pattern)
                w.raw(","); w.key("keys"); strings(change.keys); w.raw("}")
            }
            w.raw("]}")
        }
        w.raw("],"); w.key("tried"); w.number(diff.triedUIMs)
        w.raw(","); w.key("routing_changes"); w.raw("[")
        for (k, change) in diff.routingChanges.enumerated() {
            if k > 0 { w.raw(",") }
            w.raw("{"); w.key("uim"); w.string(change.uim)
            w.raw(","); w.key("pattern"); w.string(change.pattern)
            w.raw(","); w.key("old"); outcome(change.before)
            w.raw(","); w.key("new"); outcome(change.after); w.raw("}")
        }
        w.raw("]}\n")
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
