// `new` heads the template with the editors' schema modelines, so an editor checks the new file against the
// registry schema from the first keystroke. Kept apart from the template's content, which has its own concerns.
import UIMRegistry

extension PartyTemplate {
    /// The template of ``text(code:name:protocolParty:today:)`` headed by ``RegistrySchema/modelines(schemaPath:)``,
    /// pointing at `schemaPath` (relative paths are resolved from the file's folder). The result is still in the
    /// canonical layout: `fmt` keeps the modelines where they are.
    public static func text(
        code: String, name: String, protocolParty: Bool = true, today: Day, schemaPath: String
    ) -> String {
        RegistrySchema.modelines(schemaPath: schemaPath).map { $0 + "\n" }.joined()
            + text(code: code, name: name, protocolParty: protocolParty, today: today)
    }
}
