import Foundation

/// Load: reads `chapters/*.md` and finds their snippets in cmark's tree.
public enum ChapterLoader {
    /// The Markdown files of `directory`, ordered by file name, as paths under `directory`.
    public static func chapterPaths(in directory: String) throws(WeaveError) -> [String] {
        let location = SourceLocation(file: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WeaveError("no chapters folder '\(directory)'; create it or pass --chapters DIR", at: location)
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        // index.md is the site's front page, not a chapter.
        let chapters = names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") && $0 != "index.md" }.sorted()
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
        let lines = SourceLines.split(source)
        let markdown = MarkdownDocument(source)
        var title: String?
        var snippets: [Snippet] = []
        var lastSnippetNode: MarkdownNode?
        for node in markdown.document.descendants {
            if node.kind == .heading, title == nil { title = node.plainText }
            guard node.kind == .codeBlock, let fence = Fence(opening: lines[node.startLine - 1]) else { continue }
            let location = SourceLocation(file: path, line: node.startLine, column: 1)
            guard node.endLine > node.startLine, fence.isClosed(by: lines[node.endLine - 1]) else {
                throw WeaveError(
                    "unterminated code fence: the block opened here runs to the end of the file",
                    at: location, details: ["close it with a line of \(String(repeating: fence.character, count: fence.length))"])
            }
            let words = node.info.split(separator: " ")
            switch words.first {
            case "swift":
                var tags = try Tags(words: Array(words.dropFirst()), at: location)
                var code = node.literal
                var copy: String?
                if let include = tags.include {
                    code = try IncludeReader.region(include, root: root, at: location)
                    // The block may hold a copy of the region, for readers on GitHub; weave checks it.
                    if !node.literal.allSatisfy(\.isWhitespace) { copy = String(node.literal.dropLast(node.literal.hasSuffix("\n") ? 1 : 0)) }
                }
                if code.hasSuffix("\n") { code.removeLast() }
                tags.timeout = tags.timeout ?? (tags.runs ? Tags.defaultTimeout : nil)
                snippets.append(Snippet(index: snippets.count, fenceLine: node.startLine, code: code, tags: tags,
                                        includedCopy: copy, closingLine: node.endLine))
                lastSnippetNode = node
            case "output":
                guard let previous = lastSnippetNode, previous.next?.pointer == node.pointer,
                      snippets[snippets.count - 1].tags.expect
                else {
                    throw WeaveError("an ```output block must directly follow a ```swift expect snippet", at: location)
                }
                var text = node.literal
                if text.hasSuffix("\n") { text.removeLast() }
                snippets[snippets.count - 1].expected = ExpectedOutput(
                    fenceLine: node.startLine, closingLine: node.endLine, text: text)
            default:
                continue
            }
        }
        guard let title else {
            throw WeaveError("this chapter has no heading; start it with a title line such as `# The forward pass`",
                             at: SourceLocation(file: path, line: 1))
        }
        return Chapter(path: path, source: source, title: title, snippets: snippets)
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
