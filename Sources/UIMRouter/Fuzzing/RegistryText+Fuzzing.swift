// The loader's line splitting for the fuzz harness, which checks that every diagnostic lies inside its input.
import UIMRegistry

extension RegistryText {
    /// The lines of `text` as Unicode scalars, split where libyaml ends lines (``lines(of:)``, which the loader uses
    /// for its locations).
    @_spi(Fuzzing)
    public static func yamlLines(of text: String) -> [[Unicode.Scalar]] { lines(of: text) }
}
