// The kinds of damage between a pack and a screen that a repair hint can undo (issue 15).

/// What a repair hint assumes happened to the UIM on its way from the pack to the screen.
public enum RepairKind: String, Sendable, Hashable, CaseIterable {
    /// GS1 group separators (0x1D) were lost (keyboard-emulation scanners, copy-paste through office tools); the
    /// repair inserts them where a pattern expects one.
    case gsRestored = "gs-restored"
    /// A visible stand-in replaced the group separator (`^`, `~`, `|`, `#`, `<GS>`, `{GS}`, `[GS]`, `\x1D` or `\u001d`
    /// written out); the repair puts GS back.
    case gsSubstitute = "gs-substitute"
    /// A keyboard-wedge scanner typed with Caps Lock on: the case of every letter is inverted.
    case caseInverted = "case-inverted"
    /// A scanner set for a US layout typed into a German (QWERTZ) host: `y`/`z` swapped, symbols moved.
    case keyboardQWERTZ = "keyboard-qwertz"
    /// A scanner set for a US layout typed into a French (AZERTY) host: `a`/`q`, `w`/`z`, `m`/`,` swapped and the
    /// digit row typed as `&é"'(-è_çà`.
    case keyboardAZERTY = "keyboard-azerty"
    /// Typed by hand from the printed code, one look-alike confused: `O`/`0`, `I`/`l`/`1`, `S`/`5`, `B`/`8`, `Z`/`2`.
    case typedConfusable = "typed-confusable"
    /// Typed by hand, two neighbouring characters transposed.
    case typedTransposition = "typed-transposition"
    /// Typed by hand with spaces or hyphens inserted for readability.
    case typedSeparators = "typed-separators"
    /// Leftovers around the code: an AIM symbology identifier not at the start, or human markers printed beside it
    /// (such as `TTT`), or stray punctuation at either end.
    case junkRemoved = "junk-removed"
}
