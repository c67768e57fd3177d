// Where the repository's own files are, for tests that read them (the bundled `Patterns/`, the README).
import Foundation

enum RepositoryFiles {
    /// The repository's root folder (this file is `Tests/UIMRouterTestSupport/RepositoryFiles.swift`).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The bundled registry's folder, `Patterns/`.
    static let patterns = root.appending(path: "Patterns").path
}
