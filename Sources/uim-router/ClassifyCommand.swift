// `uim-router classify`: route every UIM of a seizure list (plain, CSV or TSV), in order, in parallel, with counts.
// Argument mapping and output only; the streaming, ordering and counting live in UIMRouter's Batch folder.
import ArgumentParser
import Dispatch
import UIMRouter
#if canImport(Glibc)
import Glibc
#endif

enum ClassifyFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl, csv, tsv, text

    /// `json` is another name of `jsonl` (route's spelling), so one spelling works everywhere.
    init?(argument: String) { self.init(rawValue: argument == "json" ? "jsonl" : argument) }
}

extension InputFormat: ExpressibleByArgument {}

struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Route every UIM of a list (plain, CSV or TSV) and count them per Party.",
        discussion: """
            Reads the files given (`-` is standard input; no file: standard input), one UIM per line, or CSV/TSV \
            with a header row (by extension .csv/.tsv, or --input-format). A CR before a line feed is part of the \
            line end. For CSV/TSV, --column picks the UIM column (name or 1-based number); without it, the column \
            named `uim`, else the column at least half of whose first 200 values match a pattern of the registry \
            (the most such), else a column whose name has a word such as code, marking or ui; which one and why \
            is said on standard error. When no column looks like UIMs, classify refuses (exit 65) and lists the \
            header. The other columns are carried to the output beside the routing. --date-column routes each \
            row on its own date (YYYY-MM-DD); a row whose date is missing or not a day is `invalid`, with the \
            reason.

            One output record per input record, in input order: an empty plain line, a line that is not UTF-8 or \
            is longer than 512 bytes, and a malformed CSV/TSV row each yield an `invalid` record with its reason. \
            Blank lines of CSV/TSV input are skipped and counted apart in the summary. Records are routed on \
            --jobs threads (default: the number of cores).

            Formats: jsonl (also spelled json: the contract's JSON line plus "line", "file" with several \
            inputs, and "columns"), csv/tsv (carried columns, [file,] line, uim, status, party, party_name, \
            patterns, fields, reasons), text (for people). --output writes a temporary file beside FILE and renames it when complete; Ctrl-C \
            stops cleanly, keeps no partial file, and says how far the run got.

            --summary prints counts to standard error; --summary-json and --report (a self-contained HTML page \
            with a bar chart per Party) write them to files, with their provenance: inputs and line counts, \
            registry path and digest, tool version, query date (or per row), time generated (UTC). They hold \
            counts only, never a UIM. A closed standard output (`| head`) ends the run quietly.

            --hints gives every unrouted record its repair hints, as `route --hints` does: "hints" in jsonl, a \
            last column `hints` in csv/tsv (each hint as repair:UIM->PARTY, joined with ;), a line per hint in \
            text. The summary and report then count unrouted UIMs with at least one hint, in total and by repair \
            kind. Hints never change a record's status, Party or matches.

            Exit status: 0 done; 1 registry problems; 64 bad usage; 65 an input's columns do not fit (or none \
            looks like UIMs); 66 an input cannot be opened; 74 reading or writing failed; 130 interrupted.

            Examples:
              zcat seized.txt.gz | uim-router classify --format tsv --output routed.tsv
              uim-router classify seizure.csv --format csv --summary > routed.csv
              uim-router classify seizure.csv --column "Pack code" --report seizure.html
              uim-router classify scanned.txt --hints --format tsv --summary > hints.tsv
            """
    )

    @OptionGroup var registry: RegistryOptions

    @Argument(help: "Input files (`-`: standard input; default: standard input).")
    var files: [String] = []

    @Option(help: ArgumentHelp("Query date for validity periods, YYYY-MM-DD (default: today, UTC).",
                               valueName: "date"), transform: Day.argument)
    var date: Day?

    @Option(help: "Output format: jsonl (or json), csv, tsv or text.")
    var format: ClassifyFormat = .jsonl

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE (complete or not at all) instead of standard output.",
                                                    valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("The UIM column of CSV/TSV input: its name or 1-based number.", valueName: "name|n"))
    var column: String?

    @Option(name: .customLong("date-column"), help: ArgumentHelp(
        "The CSV/TSV column holding each row's query date, YYYY-MM-DD (instead of --date).", valueName: "name|n"))
    var dateColumn: String?

    @Option(name: .customLong("input-format"), help: "Input layout: plain, csv or tsv (default: from the extension).")
    var inputFormat: InputFormat?

    @Option(help: "Routing threads (default: the number of cores).")
    var jobs: Int?

    @Flag(help: ArgumentHelp("Give every unrouted UIM its repair hints (jsonl: \"hints\"; csv/tsv: a last `hints` "
        + "column; text: a line per hint) and count them by repair kind in the summary and report."))
    var hints = false

    @Flag(help: "Print the counts to standard error at the end.")
    var summary = false

    @Option(name: .customLong("summary-json"), help: ArgumentHelp("Write the counts as JSON to FILE.", valueName: "file"))
    var summaryJSON: String?

    @Option(help: ArgumentHelp("Write the counts as a self-contained HTML page to FILE.", valueName: "file"))
    var report: String?

    @Flag(help: "No progress line.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        let names = files.isEmpty ? ["-"] : files
        let plainOnly = inputFormat == .plain || (inputFormat == nil && names.allSatisfy {
            InputFormat.guess(fromFileName: $0) == .plain
        })
        if column != nil, plainOnly {
            throw ValidationError("--column applies to CSV/TSV input: name .csv/.tsv files or give --input-format.")
        }
        if dateColumn != nil, plainOnly {
            throw ValidationError(
                "--date-column applies to CSV/TSV input: name .csv/.tsv files or give --input-format.")
        }
        if dateColumn != nil, date != nil {
            throw ValidationError("Give --date or --date-column, not both.")
        }
        if names.filter({ $0 == "-" }).count > 1 { throw ValidationError("Standard input (-) can be read only once.") }
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)   // a closed pipe becomes a write error we report, not a silent death
        let router = try registry.loadRouter()
        let inputs = try ClassifyInputs(names: files.isEmpty ? ["-"] : files, format: inputFormat)
        defer { inputs.close() }

        var outputFile: AtomicOutputFile?
        if let output {
            do {
                outputFile = try AtomicOutputFile(path: output)
            } catch {
                Terminal.printError("uim-router: cannot create \(output): \(error)")
                throw ExitCode(74)
            }
        }
        let day = date ?? Day.today()
        var options = ClassifierOptions(
            jobs: jobs ?? System.coreCount, date: day, format: outputFormat(router.registry),
            column: column.map(ColumnSelector.init), dateColumn: dateColumn.map(ColumnSelector.init),
            toolVersion: UIMRouterCommand.configuration.version)
        options.hints = hints
        options.onColumnChoice = { choice in
            switch choice.reason {
            case .requested, .named: break
            case .sampled, .nameSuggests, .noRows: Terminal.printError("uim-router: \(choice)")
            }
        }
        let cancellation = ClassificationCancellation()
        let interrupts = [SIGINT, SIGTERM].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { cancellation.cancel() }
            source.resume()
            return source
        }
        defer { interrupts.forEach { $0.cancel() } }

        let progress = ProgressLine(totalBytes: inputs.totalBytes, enabled: !quiet && Terminal.isTerminal(2))
        let outcome = Classifier(router: router, options: options)
            .run(inputs.inputs, to: outputFile?.descriptor ?? 1, cancellation: cancellation, progress: progress.update)
        progress.clear()

        if summary { Terminal.printError(outcome.summary.text) }
        let written = "\(outcome.summary.records) record(s) written"
            + (outcome.lastPosition.map { ", up to line \($0.line) of \($0.file)" } ?? "")
        switch outcome.ending {
        case .completed:
            do {
                try outputFile?.commit()
            } catch {
                Terminal.printError("uim-router: \(error) (\(output ?? "")); nothing was written there")
                throw ExitCode(74)
            }
            try writeSummaryFiles(outcome.summary)
        case .cancelled:
            outputFile?.discard()
            Terminal.printError("uim-router: interrupted: \(written)"
                + (output.map { "; \($0) was not written" } ?? ""))
            throw ExitCode(130)
        case .outputFailed(let error):
            outputFile?.discard()
            if outputFile == nil, ClosedPipe.isClosedPipe(error.code) { ClosedPipe.end() }
            Terminal.printError("uim-router: \(error); stopped after \(written)"
                + (output.map { "; \($0) was not written" } ?? ""))
            throw ExitCode(74)
        case .inputFailed(let error):
            outputFile?.discard()
            if error.code == .noUIMColumn, outcome.summary.records == 0 {
                Terminal.printError("uim-router: \(error)")   // refused before routing anything
            } else {
                Terminal.printError("uim-router: \(error); stopped after \(written)"
                    + (output.map { "; \($0) was not written" } ?? ""))
            }
            throw ExitCode(error.code == .unreadable ? 74 : 65)
        }
    }

    private func outputFormat(_ registry: Registry) -> ClassificationFormat {
        switch format {
        case .jsonl: .jsonl
        case .csv: .csv
        case .tsv: .tsv
        case .text: ClassifyText(registry: registry).format
        }
    }

    /// `--summary-json` and `--report`, each written whole or not at all.
    private func writeSummaryFiles(_ counts: ClassificationSummary) throws {
        for (path, text) in [(summaryJSON, counts.json), (report, HTMLReport.render(counts))] {
            guard let path else { continue }
            do {
                let file = try AtomicOutputFile(path: path)
                let sink = OutputSink(descriptor: file.descriptor)
                try sink.write(text)
                try sink.flush()
                try file.commit()
            } catch {
                Terminal.printError("uim-router: \(error) (\(path))")
                throw ExitCode(74)
            }
        }
    }
}
