import Foundation

/// Load: reads `chapters/*.md` into typed chapters (see ``ChapterParser``).
public enum ChapterLoader {
    /// The front page's Markdown, if the chapters folder has one; it is not a chapter.
    public static let frontPage = "index.md"

    /// The Markdown files of `directory`, ordered by file name, as paths under `directory`.
    public static func chapterPaths(in directory: String) throws(WeaveError) -> [String] {
        let location = SourceLocation(file: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WeaveError("no chapters folder '\(directory)'; create it or pass --chapters DIR", at: location)
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        // index.md is the site's front page, not a chapter.
        let chapters = names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") && $0 != frontPage }.sorted()
        guard !chapters.isEmpty else {
            throw WeaveError("'\(directory)' holds no chapters; add a Markdown file such as 01-intro.md", at: location)
        }
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return chapters.map { "\(base)/\($0)" }
    }

    /// Reads one chapter. `root` is the package root that `include=` paths are relative to.
    public static func load(_ path: String, root: URL) throws(WeaveError) -> Chapter {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WeaveError("cannot read this chapter", at: SourceLocation(file: path))
        }
        let source = try decodeUTF8(data, path: path)
        let (document, snippets) = try ChapterParser.parse(source, path: path, root: root)
        guard let heading = document.headings.first else {
            throw WeaveError("this chapter has no heading; start it with a title line such as `# The forward pass`",
                             at: SourceLocation(file: path, line: 1))
        }
        var chapter = Chapter(path: path, source: source, title: heading.text, snippets: snippets, document: document)
        if heading.text.allSatisfy(\.isWhitespace) { chapter.title = chapter.name }
        return chapter
    }

    /// The front page, `index.md` in the chapters folder, if there is one: Markdown through the
    /// same parse as a chapter, but it runs nothing, so a snippet or output block there is an
    /// error. Its title is its first heading, else "Course".
    public static func loadFrontPage(chapters directory: String, root: URL) throws(WeaveError) -> Chapter? {
        let path = (directory.hasSuffix("/") ? String(directory.dropLast()) : directory) + "/" + frontPage
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let source = try decodeUTF8(data, path: path)
        let (document, _) = try ChapterParser.parse(source, path: path, root: root, isFrontPage: true)
        let title = document.headings.first?.text ?? ""
        return Chapter(path: path, source: source, title: title.allSatisfy(\.isWhitespace) ? "Course" : title,
                       snippets: [], document: document)
    }

    /// `loadFrontPage`'s error as a report, so `weave check` fails on what `weave build` would.
    public static func frontPageReport(chapters directory: String, root: URL) -> ChapterReport? {
        do {
            _ = try loadFrontPage(chapters: directory, root: root)
            return nil
        } catch {
            return ChapterReport(path: error.location?.file ?? frontPage, chapter: nil, execution: nil, errors: [error])
        }
    }

    /// The text of a UTF-8 file, or an error naming the line of the first invalid byte.
    static func decodeUTF8(_ data: Data, path: String) throws(WeaveError) -> String {
        if let text = String(data: data, encoding: .utf8) { return text }
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var offset = 0, line = 1
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" { line += 1 }
            case .emptyInput: break loop
            case .error: break loop
            }
        }
        throw WeaveError("this file is not valid UTF-8 (first bad byte at offset \(offset)); save it as UTF-8",
                         at: SourceLocation(file: path, line: line))
    }
}
