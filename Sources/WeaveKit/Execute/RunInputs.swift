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
        let files = paths.flatMap { path -> [String] in
            let contents = FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
            return ["reads \(path)", contents.map { "digest " + Digest.of($0) } ?? "absent"]
        }
        let variables = names.flatMap { name in ["env \(name)", environment[name].map { "set \($0)" } ?? "unset"] }
        return files + variables
    }
}
