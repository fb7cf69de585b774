import Foundation
import Glibc

/// Temporary folders (a chapter's work folder, a cache entry being staged) named after the
/// weave process that made them, `<pid>-<uuid>`, so a later run can tell the leftovers of a
/// killed run from those of a run still going, and remove them.
enum WorkFolder {
    /// A new folder in `parent`, removed by weave if it is interrupted.
    static func make(in parent: URL, prefix: String = "") throws(WeaveError) -> URL {
        let folder = parent.appendingPathComponent("\(prefix)\(getpid())-\(UUID().uuidString)")
        try createDirectory(folder)
        LiveProcesses.shared.adopt(folder)
        return folder
    }

    /// Removes the folders in `parent` named as `make` names them, `<prefix><pid>-<UUID>`, whose
    /// weave process is gone. Nothing else is touched: `--cache` may point at a folder that
    /// holds the author's own files.
    static func removeLeftovers(in parent: URL, prefix: String = "") {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0,
                  UUID(uuidString: String(rest[rest.index(after: dash)...])) != nil,
                  pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// Cleans what killed runs left in a cache: work folders and staging copies.
    static func removeLeftovers(inCache cache: URL) {
        removeLeftovers(in: cache.appendingPathComponent("work"))
        removeLeftovers(in: cache.appendingPathComponent("package"), prefix: ".staging-")
        removeLeftovers(in: cache.appendingPathComponent("results"), prefix: ".staging-")
    }
}
