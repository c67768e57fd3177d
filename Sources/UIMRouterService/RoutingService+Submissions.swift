// `POST /v1/submissions/check?party=CODE` (role `submit`): a Party's YAML file checked as `check-submission` checks
// it — as if it replaced the Party's file in the registry in service — answered as JSON, so a Party can check a
// submission without installing anything.
import Hummingbird
import UIMRouter

extension RoutingService {
    func addSubmissions(to router: Hummingbird.Router<ServiceRequestContext>) {
        router.post("/v1/submissions/check") { request, context in
            try authorize(request, context, .submit)
            guard let party = request.uri.queryParameters.get("party"), !party.isEmpty,
                  party.utf8.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }), party.count <= 8
            else {
                throw Problem(.badRequest, "bad-party", "Party code missing",
                              "Name the Party the file is for as `?party=CODE` (capital letters, as the file name "
                              + "KE.yaml gives KE).")
            }
            let body = try await collectBody(of: request)
            guard let text = String(validating: body.readableBytesView, as: UTF8.self) else {
                throw Problem(.badRequest, "not-utf8", "File is not UTF-8",
                              "Save the file as UTF-8 (what every editor writes by default) and send it again.")
            }
            let files: [(path: String, text: String)]
            do throws(RegistryError) {
                files = try registry.folder.map(SubmissionChecker.registryFiles(in:)) ?? SubmissionChecker.bundledFiles
            } catch {
                throw Problem(.serviceUnavailable, "registry-unreadable", "Registry folder unreadable",
                              "The service cannot read its registry folder to check against; tell its operator.")
            }
            let report = SubmissionChecker.check(path: "\(party).yaml", text: text, registryFiles: files,
                                                 today: Day.today())
            return Self.json(.ok, Self.submissionJSON(report, digest: registry.digest))
        }
    }

    /// `{"party","accepted","replaces_existing","patterns","registry":{"digest"},"problems":[…],"preexisting",
    /// "conflicts":[…],"lint":[…]}`: the `check-submission` report.
    static func submissionJSON(_ report: SubmissionReport, digest: String) -> [UInt8] {
        var w = JSONWriter()
        w.raw("{"); w.key("party"); w.string(report.party)
        w.raw(","); w.key("accepted"); w.raw(report.isAcceptable ? "true" : "false")
        w.raw(","); w.key("replaces_existing"); w.raw(report.replacesExisting ? "true" : "false")
        w.raw(","); w.key("patterns"); w.number(report.patternCount)
        w.raw(","); w.key("registry"); w.raw("{"); w.key("digest"); w.string(digest); w.raw("}")
        w.raw(","); w.key("problems"); w.raw("[")
        for (i, problem) in report.problems.enumerated() {
            if i > 0 { w.raw(",") }
            DiagnosticJSON.write(problem, to: &w)
        }
        w.raw("]"); w.raw(","); w.key("preexisting_problems"); w.number(report.preexisting.count)
        w.raw(","); w.key("conflicts"); w.raw("[")
        for (i, conflict) in report.conflicts.enumerated() {
            if i > 0 { w.raw(",") }
            conflict.writeJSON(to: &w)
        }
        w.raw("]"); w.raw(","); w.key("lint"); w.raw("[")
        for (i, finding) in report.lint.enumerated() {
            if i > 0 { w.raw(",") }
            w.raw("{"); w.key("severity"); w.string(finding.severity.rawValue)
            w.raw(","); w.key("code"); w.string(finding.code.rawValue)
            w.raw(","); w.key("party"); w.string(finding.pattern.party)
            w.raw(","); w.key("pattern"); w.string(finding.pattern.pattern)
            w.raw(","); w.key("line"); w.number(finding.location.line)
            w.raw(","); w.key("column"); w.number(finding.location.column)
            w.raw(","); w.key("message"); w.string(finding.message)
            w.raw("}")
        }
        w.raw("]}")
        return w.bytes
    }
}
