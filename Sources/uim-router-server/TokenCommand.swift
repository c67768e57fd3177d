// `uim-router-server token add NAME --roles route,submit --tokens FILE`: a new random 256-bit token, printed once
// (alone, as the first line of standard output); only its SHA-256 is stored.
import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import UIMRouterService

struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Manage the service's bearer tokens.",
        subcommands: [TokenAddCommand.self]
    )
}

struct TokenAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Create a token; print it once; store only its hash.",
        discussion: """
            Appends `sha256:<hash> NAME ROLES` to the tokens file (created with mode 0600) and prints the token, \
            alone, as the first line of standard output: it is not stored and cannot be shown again. Roles: \
            route (route UIMs, read the registry), submit (check submissions), admin (reload), metrics.

            Example:
              uim-router-server token add gsp-platform --roles route --tokens /etc/uim-router/tokens
            """
    )

    @Argument(help: "Who holds the token (letters, digits, '.', '_', '-'); the service logs this name.")
    var name: String

    @Option(help: "Comma-separated roles: route, submit, admin, metrics.")
    var roles: String

    @Option(help: ArgumentHelp("The tokens file.", valueName: "file"))
    var tokens: String

    func validate() throws {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        guard !name.isEmpty, name.allSatisfy(allowed.contains) else {
            throw ValidationError("the name may hold only letters, digits, '.', '_' and '-'")
        }
        for role in roles.split(separator: ",") where Role(rawValue: String(role)) == nil {
            throw ValidationError("unknown role '\(role)'; roles are route, submit, admin, metrics")
        }
    }

    func run() throws {
        var existing = ""
        if FileManager.default.fileExists(atPath: tokens) {
            let store = try TokenStore(file: tokens)
            if store.entries.contains(where: { $0.name == name }) {
                throw ValidationError("\(tokens) already has a token named '\(name)'")
            }
            existing = String(decoding: FileManager.default.contents(atPath: tokens) ?? Data(), as: UTF8.self)
        }
        let made = TokenStore.makeToken(name: name, roles: Set(roles.split(separator: ",").compactMap {
            Role(rawValue: String($0)) }))
        var text = existing
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        if text.isEmpty { text = "# uim-router-server tokens: sha256:<hash of the token> NAME ROLES\n" }
        text += made.entry.line + "\n"
        guard FileManager.default.createFile(atPath: tokens + ".new", contents: Data(text.utf8),
                                             attributes: [.posixPermissions: 0o600])
        else { throw ValidationError("cannot write \(tokens).new") }
        guard rename(tokens + ".new", tokens) == 0 else { throw ValidationError("cannot replace \(tokens)") }
        print(made.token)
        let note = "stored the hash of token '\(name)' (\(roles)) in \(tokens); the token above is not stored and "
            + "will not be shown again\n"
        FileHandle.standardError.write(Data(note.utf8))
    }
}
