// `--watch`: reload when a file of the registry folder changes. Polls the folder's listing (names, sizes,
// modification times) — no inotify, so it works on every file system, including a mounted volume — and reloads once
// the folder has stopped changing for one interval (an editor or `git checkout` writing several files gives one
// reload, not several half-way ones; a half-written folder that does not load keeps the old registry anyway).
import Foundation
import ServiceLifecycle

/// A service that reloads the registry when its folder changes, until shutdown.
public struct FolderWatcher: Service {
    let service: RoutingService
    let interval: Duration

    public init(service: RoutingService, interval: Duration = .milliseconds(500)) {
        self.service = service
        self.interval = interval
    }

    public func run() async throws {
        guard let folder = service.registry.folder else { return }
        var seen = Self.signature(of: folder)
        var changed = false
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await Task.sleep(for: interval)
            let now = Self.signature(of: folder)
            if now != seen {
                seen = now
                changed = true      // still changing: wait for one quiet interval
            } else if changed {
                changed = false
                service.reloadAndLog(trigger: "--watch")
            }
        }
    }

    /// Names, sizes and modification times of the folder's entries; `[]` when it cannot be listed.
    static func signature(of folder: String) -> [String] {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder) else { return [] }
        return names.sorted().map { name in
            let attributes = try? manager.attributesOfItem(atPath: folder + "/" + name)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(name)\t\(size)\t\(modified)"
        }
    }
}
