/// Inline values, `` `{swift} expr` `` in prose: each becomes a snippet of its own, in
/// document order among the fenced ones, so the chapter's program evaluates it after the
/// snippets above it, and Execute checks it like any snippet.
extension ChapterParser {
    /// The snippet for `span`, appended in document order; its index.
    mutating func inlineValue(_ span: InlineValueSpan) throws(WeaveError) -> Int {
        let location = SourceLocation(file: path, line: span.line, column: span.column)
        if isFrontPage {
            throw WeaveError("the front page runs nothing, so an inline value cannot be computed there", at: location,
                             details: ["move the sentence into a chapter, or write the number as text"])
        }
        guard !span.expression.isEmpty else {
            throw WeaveError("this inline value has no expression: write one after {swift}, like `{swift} 2 + 2`", at: location)
        }
        snippets.append(Snippet(index: snippets.count, fenceLine: span.line, code: span.expression,
                                tags: Self.inlineTags, closingLine: span.line, inlineColumn: span.column))
        return snippets.count - 1
    }

    /// An inline value runs under the default time limit and takes no tags.
    static var inlineTags: Tags {
        var tags = Tags()
        tags.timeout = Tags.defaultTimeout
        return tags
    }

    /// An error at the first inline value in `content`, which sits where none can be computed.
    func refuseValues(in content: [Inline], _ place: String, advice: String) throws(WeaveError) {
        guard let k = Self.firstValue(in: content) else { return }
        throw WeaveError("an inline value cannot be in \(place)", at: snippets[k].location(in: path), details: [advice])
    }

    static func firstValue(in content: [Inline]) -> Int? {
        for inline in content {
            switch inline {
            case .value(let k): return k
            case .emphasis(let children), .strong(let children):
                if let k = firstValue(in: children) { return k }
            case .link(let link), .image(let link):
                if let k = firstValue(in: link.content) { return k }
            case .text, .softBreak, .lineBreak, .code, .html, .math: continue
            }
        }
        return nil
    }
}
