import Foundation

/// What snippets declare they read at run time (`reads=PATH`, `env=NAME`), for the cache key:
/// a change to a declared file's contents or a declared variable's value runs the chapter
/// again. Reads a snippet does not declare are not tracked.
enum RunInputs {
    static func keyParts(_ chapter: Chapter, root: URL) -> [String] {
        let snippets = chapter.runnableSnippets
        let paths = Set(snippets.flatMap(\.tags.reads)).sorted()
        let names = Set(snippets.flatMap(\.tags.environment)).sorted()
        let environment = ProcessInfo.processInfo.environment
        let files = paths.flatMap { path in ["reads \(path)"] + digests(root.appendingPathComponent(path)) }
        let variables = names.flatMap { name in ["env \(name)", environment[name].map { "set \($0)" } ?? "unset"] }
        return files + variables
    }

    /// A file's digest, or for a folder every file's below it, or "absent": a file appearing,
    /// changing or going away changes the key.
    /// `skippingHidden`: leave out, without walking them, files and folders whose name starts
    /// with a dot (a package's `.build` can hold a million files that its own builds rewrite).
    static func digests(_ url: URL, skippingHidden: Bool = false) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return ["absent"] }
        guard isDirectory.boolValue else {
            return [FileManager.default.contents(atPath: url.path).map { "digest " + Digest.of($0) } ?? "unreadable"]
        }
        var names: [String] = []
        if let walker = FileManager.default.enumerator(atPath: url.path) {
            while let name = walker.nextObject() as? String {
                if skippingHidden, (name as NSString).lastPathComponent.hasPrefix(".") { walker.skipDescendants(); continue }
                names.append(name)
            }
        }
        return ["folder"] + names.sorted().flatMap { name -> [String] in
            guard let data = FileManager.default.contents(atPath: url.appendingPathComponent(name).path) else { return [] }
            return [name, Digest.of(data)]
        }
    }
}
