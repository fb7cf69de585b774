/// Snippets and ```output blocks, found by their node in the typed tree: in any container
/// they are the same snippet, so Load, Execute and Render can never disagree about them.
extension ChapterParser {
    /// A code block as a snippet, an expected output, or plain code.
    mutating func codeBlock(_ code: CodeBlock, previous: Block?) throws(WeaveError) -> Block {
        let words = code.info.split(separator: " ")
        guard words.first == "swift" || words.first == "output" else { return .codeBlock(code) }
        let location = SourceLocation(file: path, line: code.line, column: 1)
        if isFrontPage {
            throw WeaveError(
                "the front page is not a chapter: its \(words.first == "swift" ? "snippets" : "output blocks") never run",
                at: location, details: ["move this block into a chapter, or make it plain code with ```text"])
        }
        try checkClosed(code, at: location)
        if words.first == "output" { return try expectedOutput(code, previous: previous, at: location) }
        // In a container too: weave accept writes every line with the container's prefix.
        var tags = try Tags(words: Array(words.dropFirst()), at: location)
        var text = code.literal
        var copy: String?
        if let include = tags.include {
            text = try IncludeReader.region(include, root: root, at: location)
            // The block may hold a copy of the region, for readers on GitHub; weave checks it.
            if !code.literal.allSatisfy(\.isWhitespace) {
                copy = String(code.literal.dropLast(code.literal.hasSuffix("\n") ? 1 : 0))
            }
        }
        if text.hasSuffix("\n") { text.removeLast() }
        tags.timeout = tags.timeout ?? (tags.runs ? Tags.defaultTimeout : nil)
        snippets.append(Snippet(index: snippets.count, fenceLine: code.line, code: text, tags: tags,
                                includedCopy: copy, closingLine: code.endLine))
        return .snippet(snippets.count - 1)
    }

    private mutating func expectedOutput(_ code: CodeBlock, previous: Block?, at location: SourceLocation)
        throws(WeaveError) -> Block
    {
        guard case .snippet(let k) = previous, snippets[k].tags.expect, snippets[k].expected == nil else {
            throw WeaveError("an ```output block must directly follow a ```swift expect snippet", at: location)
        }
        var text = code.literal
        if text.hasSuffix("\n") { text.removeLast() }
        snippets[k].expected = ExpectedOutput(fenceLine: code.line, closingLine: code.endLine, text: text)
        return .expectedOutput(k)
    }

    /// cmark ends an unclosed fence at the end of its container without saying so; the
    /// source lines tell.
    private func checkClosed(_ code: CodeBlock, at location: SourceLocation) throws(WeaveError) {
        guard lines.indices.contains(code.line - 1), lines.indices.contains(code.endLine - 1) else { return }
        let opening = lines[code.line - 1]
        let body = String(decoding: opening.utf8.dropFirst(max(code.column - 1, 0)), as: UTF8.self)
        guard let fence = Fence(opening: body[...]) else { return }
        guard code.endLine > code.line, fence.isClosed(by: lines[code.endLine - 1]) else {
            throw WeaveError(
                "unterminated code fence: the block opened here is never closed",
                at: location, details: ["close it with a line of \(String(repeating: fence.character, count: fence.length))"])
        }
    }
}
