// Build tool plugin: embeds the bundled registry (`Patterns/*.yaml` at the package root) into the
// UIMRouter library as Swift source, so an installed `uim-router` finds its default registry from any folder.
import Foundation
import PackagePlugin

@main
struct EmbedPatternsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let patterns = context.package.directoryURL.appending(path: "Patterns")
        let files = (try? FileManager.default.contentsOfDirectory(at: patterns, includingPropertiesForKeys: nil)) ?? []
        // The registry files of the contract: `*.yaml`, names starting with `.` or `_` ignored.
        let yaml = files.filter {
            $0.pathExtension == "yaml" && !$0.lastPathComponent.hasPrefix(".") && !$0.lastPathComponent.hasPrefix("_")
        }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledPatterns.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(yaml.count) bundled pattern files",
                executable: try context.tool(named: "EmbedPatterns").url,
                arguments: [output.path] + yaml.map(\.path),
                inputFiles: yaml + [patterns],
                outputFiles: [output]
            )
        ]
    }
}
