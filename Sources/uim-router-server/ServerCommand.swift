// `uim-router-server`: the GSP routing service (`serve`) and its token tool (`token add`). A separate executable
// from `uim-router`, so that building the command-line tool does not build the server stack.
import ArgumentParser
import UIMRouter

@main
struct ServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uim-router-server",
        abstract: "The UIM routing service: an HTTP/JSON API over the registry (see /openapi.yaml).",
        version: UIMRouterVersion.version,
        subcommands: [ServeCommand.self, TokenCommand.self]
    )
}
