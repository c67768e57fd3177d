// The text of `check-submission`'s report: a verdict first, then one section per kind of finding.
import UIMRouter

enum SubmissionText {
    static func report(_ report: SubmissionReport, file: String, registry: String) -> String {
        var lines: [String] = []
        let action = report.replacesExisting ? "replacing Party \(report.party)'s file" : "adding Party \(report.party)"
        lines.append("\(file): \(report.patternCount) pattern(s), checked against \(registry), \(action)")
        lines.append(report.isAcceptable
            ? "VERDICT: can be accepted"
                + (report.lint.isEmpty && report.conflicts.isEmpty ? "" : " (see the remarks below)")
            : "VERDICT: cannot be accepted yet: fix the problems and overlaps below")
        lines.append("")
        lines.append("1. Validation and examples: "
            + (report.problems.isEmpty ? "ok" : "\(report.problems.count) problem(s)"))
        for problem in report.problems { lines.append("  \(problem)") }
        if !report.preexisting.isEmpty {
            lines.append("  (\(report.preexisting.count) problem(s) elsewhere in the registry predate this file; "
                + "not yours to fix)")
        }
        lines.append("")
        let blocking = report.conflicts.filter { $0.kind != .checkSeparated }.count
        lines.append("2. Overlaps with other Parties: " + (report.conflicts.isEmpty ? "none"
            : "\(blocking) blocking, \(report.conflicts.count - blocking) separated only by check characters"))
        for finding in report.conflicts {
            lines.append("  [\(finding.kind.rawValue)]" + ConflictText.line(finding).dropFirst(1))
        }
        if blocking > 0 {
            lines.append("  Each witness would route as ambiguous: tighten your regex (issuer prefix, length, "
                + "alphabet) so that it excludes the other Party's UIMs, or agree the split with that Party.")
        }
        lines.append("")
        lines.append("3. Lint: " + (report.lint.isEmpty ? "nothing to remark" : "\(report.lint.count) remark(s)"))
        for finding in report.lint { lines.append("  \(finding)") }
        return lines.joined(separator: "\n")
    }
}
