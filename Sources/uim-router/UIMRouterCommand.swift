// The `uim-router` command: subcommands only; each lives in its own file.
import ArgumentParser

@main
struct UIMRouterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uim-router",
        abstract: "Route scanned tobacco-pack UIMs to the Party whose tracking-and-tracing system issued them.",
        discussion: """
            The registry of Parties' UIM patterns is the bundled one unless --registry or the UIM_REGISTRY \
            environment variable names a folder of <PARTY>.yaml files.

            Exit status: 0 success; 1 the registry has problems (validate: or is unsound); 64 bad usage; 74 \
            output could not be written.
            """,
        version: "0.1.0",
        subcommands: [RouteCommand.self, ValidateCommand.self, BenchCommand.self, ClassifyCommand.self,
                      ConflictsCommand.self, LintCommand.self, CheckSubmissionCommand.self, SampleCommand.self,
                      ListCommand.self, ShowCommand.self, NewCommand.self, FmtCommand.self,
                      DiffCommand.self, SchemaCommand.self, KeygenCommand.self, ReleaseCommand.self,
                      SignCommand.self, VerifyCommand.self]
    )
}
