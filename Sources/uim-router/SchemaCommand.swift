// `uim-router schema`: prints the JSON Schema of a registry file, for editors and for Schemas/ in the repository.
import ArgumentParser
import UIMRouter

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (2020-12) of a registry file, for editors.",
        discussion: """
            The schema is built from the loader's own table of keys: every key with a one-line description, the \
            required ones, the allowed values of level, check.algorithm and the description languages, and no \
            other key. An editor with yaml-language-server checks a file against it when the file starts with the \
            modelines that `uim-router new` writes. It checks structure only: `validate` also compiles the \
            regexes, checks the examples and the Party code, `check-submission` the conflicts with other Parties.

            Examples:
              uim-router schema > Schemas/\(RegistrySchema.fileName)
              uim-router new TZ --name Tanzania  # writes the schema beside TZ.yaml
            """
    )

    func run() throws {
        print(RegistrySchema.text, terminator: "")
    }
}
