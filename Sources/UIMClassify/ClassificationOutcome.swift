// How a classification run ended, what it counted, and how far it got.

/// A problem with an input that stops a run: it cannot be read, or its header does not fit.
public struct ClassificationError: Error, Sendable, CustomStringConvertible {
    /// The kinds of input problem.
    public enum Code: Sendable, Hashable {
        /// Reading the input failed.
        case unreadable
        /// The `--column` (or `--date-column`) asked for is not in the header.
        case columnNotFound
        /// No `--column` was given and no column of the header looks like UIMs (see ``UIMColumnChoice``).
        case noUIMColumn
        /// A later input's columns differ from the first one's.
        case headerMismatch
    }

    /// What went wrong.
    public var code: Code
    /// The input's name.
    public var file: String
    /// A sentence for a person.
    public var message: String

    /// `FILE: message`.
    public var description: String { "\(file): \(message)" }
}

/// The end of a classification run.
public struct ClassificationOutcome: Sendable {
    /// Why the run ended.
    public enum Ending: Sendable {
        /// Every input was read to its end and every record written.
        case completed
        /// The run was cancelled (see ``ClassificationCancellation``); the records read before were written.
        case cancelled
        /// Writing the output failed: the output is incomplete.
        case outputFailed(OutputError)
        /// An input could not be read, or its header did not fit.
        case inputFailed(ClassificationError)
    }

    /// Why the run ended.
    public var ending: Ending
    /// The figures of the records written.
    public var summary: ClassificationSummary
    /// The input and line of the last record written (nil when none was).
    public var lastPosition: (file: String, line: Int)?

    /// True when the run completed.
    public var isComplete: Bool {
        if case .completed = ending { true } else { false }
    }
}
