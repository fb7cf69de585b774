import Foundation

/// Writes a chapter that `weave accept` rewrote, in place and atomically.
enum ChapterFile {
    /// Writes `text` to the file at `path`. A symlinked chapter is written through to its
    /// target, so the link stays a link; the file keeps its permissions; a read-only chapter
    /// is refused rather than replaced.
    /// `replacing` is the text the run read: an edit saved since then is never overwritten.
    static func write(_ text: String, to path: String, replacing original: String? = nil) throws(WeaveError) {
        let location = SourceLocation(file: path, line: 1, column: 1)
        if let original, FileManager.default.contents(atPath: path) != Data(original.utf8) {
            throw WeaveError("this chapter changed while weave ran it, so its blocks were not rewritten", at: location,
                             details: ["run `swift run weave accept` again"])
        }
        guard let target = IncludeReader.realPath(path) else {
            throw WeaveError("cannot write this chapter: it no longer exists", at: location,
                             details: ["run `swift run weave accept` again"])
        }
        let permissions = ((try? FileManager.default.attributesOfItem(atPath: target))?[.posixPermissions] as? NSNumber)?
            .uint16Value
        guard access(target, W_OK) == 0, permissions.map({ $0 & 0o222 != 0 }) ?? true else {
            throw WeaveError("cannot write this chapter: the file is read-only", at: location,
                             details: ["make it writable (chmod u+w \(path)) and run `swift run weave accept` again"])
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch {
            throw WeaveError("cannot write this chapter: \(error.localizedDescription)", at: location)
        }
        if let permissions {
            try? FileManager.default.setAttributes([.posixPermissions: NSNumber(value: permissions)], ofItemAtPath: target)
        }
    }
}
