import CRenameExchange
import Foundation
import Glibc

/// Writes the site into a fresh folder beside the target and swaps it in only when every
/// file is written: a failed or interrupted build leaves the previous site as it was, and a
/// lock keeps two builds from swapping at once.
enum SiteWriter {
    /// `files` are by their `/`-separated path in the site; folders are made as needed.
    static func write(_ files: [String: Data], to folder: OutputFolder) throws(WeaveError) {
        let output = folder.url
        let parent = output.deletingLastPathComponent()
        try createDirectory(parent)
        let name = output.lastPathComponent
        // The pid in the name lets a later build tell a killed build's leftovers from a live one's.
        let tag = "\(getpid())-\(UUID().uuidString)"
        let staging = parent.appendingPathComponent(".\(name).staging-\(tag)")
        try createDirectory(staging)
        var swapped = false
        defer { if !swapped { try? FileManager.default.removeItem(at: staging) } }
        let marked = files.merging([OutputFolder.markerName: Data(OutputFolder.markerText.utf8)]) { page, _ in page }
        for (file, data) in marked.sorted(by: { $0.key < $1.key }) {
            let url = staging.appendingPathComponent(file)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            } catch {
                throw WeaveError("cannot write \(file) of the site: \(error.localizedDescription)")
            }
        }
        let lockPath = parent.appendingPathComponent(".\(name).lock").path
        let old = parent.appendingPathComponent(".\(name).old-\(tag)")
        try withFileLock(lockPath) { () throws(WeaveError) in
            removeLeftovers(of: name, in: parent)
            var isDirectory: ObjCBool = false
            let hadSite = FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory)
            // Checked again under the lock: the folder may have changed since the build began.
            if hadSite, !isDirectory.boolValue || !isOwned(output) {
                throw WeaveError("refusing to replace '\(output.path)': it changed during the build and is no longer a site weave built",
                                 at: SourceLocation(file: output.path))
            }
            // One atomic exchange where the system has it: readers see the old site or the new one.
            if hadSite, weave_rename_exchange(staging.path, output.path) == 0 {
                swapped = true
                try? FileManager.default.moveItem(at: staging, to: old)
                return
            }
            do {
                if hadSite { try FileManager.default.moveItem(at: output, to: old) }
                try FileManager.default.moveItem(at: staging, to: output)
                swapped = true
            } catch {
                if hadSite, !FileManager.default.fileExists(atPath: output.path) {
                    try? FileManager.default.moveItem(at: old, to: output)
                }
                throw WeaveError("cannot move the new site into \(output.path): \(error.localizedDescription)")
            }
        }
        try? FileManager.default.removeItem(at: old)
    }

    /// Whether weave may replace `folder`: it is empty or holds weave's mark.
    static func isOwned(_ folder: URL) -> Bool {
        // An unreadable folder, or a file, is never taken for an empty one.
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return false }
        return entries.isEmpty || entries.contains(OutputFolder.markerName)
    }

    /// Removes the staging and old copies that killed builds left beside the site: only those
    /// whose build process is gone and that hold weave's mark (or are empty), so nothing weave
    /// did not write is ever removed. Called under the site's lock.
    static func removeLeftovers(of name: String, in parent: URL) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in entries {
            guard let pid = leftoverPID(entry, site: name), kill(pid, 0) != 0, errno == ESRCH else { continue }
            let url = parent.appendingPathComponent(entry)
            if isOwned(url) { try? FileManager.default.removeItem(at: url) }
        }
    }

    /// The pid in `.NAME.staging-PID-UUID` or `.NAME.old-PID-UUID`, else nil.
    static func leftoverPID(_ entry: String, site name: String) -> pid_t? {
        for kind in ["staging", "old"] {
            let prefix = ".\(name).\(kind)-"
            guard entry.hasPrefix(prefix) else { continue }
            return pid_t(entry.dropFirst(prefix.count).prefix { $0.isNumber })
        }
        return nil
    }
}
