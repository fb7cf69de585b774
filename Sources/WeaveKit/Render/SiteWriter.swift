import CRenameExchange
import Foundation

/// Writes the site into a fresh folder beside the target and swaps it in only when every
/// file is written: a failed or interrupted build leaves the previous site as it was, and a
/// lock keeps two builds from swapping at once.
enum SiteWriter {
    static func write(_ files: [String: String], to output: URL) throws(WeaveError) {
        let parent = output.deletingLastPathComponent()
        try createDirectory(parent)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(UUID().uuidString)")
        try createDirectory(staging)
        var swapped = false
        defer { if !swapped { try? FileManager.default.removeItem(at: staging) } }
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            do { try Data(text.utf8).write(to: staging.appendingPathComponent(name)) } catch {
                throw WeaveError("cannot write \(name) of the site: \(error.localizedDescription)")
            }
        }
        let lockPath = parent.appendingPathComponent(".\(output.lastPathComponent).lock").path
        let old = parent.appendingPathComponent(".\(output.lastPathComponent).old-\(UUID().uuidString)")
        try withFileLock(lockPath) { () throws(WeaveError) in
            let hadSite = FileManager.default.fileExists(atPath: output.path)
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
}
