/// `weave accept`: writes each `expect` snippet's new output into its ```output block, and the
/// current code into each `include=` block, in place, by line position, leaving every other
/// byte of the chapter as it was.
enum Accept {
    /// The chapter's new text, or nil when nothing changes.
    static func rewrite(_ chapter: Chapter, _ execution: ChapterExecution) -> String? {
        var lines = SourceLines.withEndings(chapter.source).map(String.init)
        var changed = false
        // From the bottom up, so earlier line numbers stay valid while later blocks change.
        for snippet in chapter.snippets.reversed() {
            // An include block gets a copy of its region, so the raw Markdown shows the code too.
            if snippet.tags.include != nil, snippet.includedCopy != snippet.code {
                let body = snippet.code.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" }
                lines.replaceSubrange(snippet.fenceLine..<(snippet.closingLine - 1), with: body)
                changed = true
                continue
            }
            guard snippet.tags.expect else { continue }
            guard let actual = execution.output(of: snippet)?.text, actual != snippet.expected?.text else { continue }
            let block = outputBlock(actual).map { $0 + "\n" }
            if let expected = snippet.expected {
                lines.replaceSubrange((expected.fenceLine - 1)..<expected.closingLine, with: block)
            } else {
                let closing = closingFence(of: snippet, in: lines)
                if closing == lines.count, let last = lines.last, !last.hasSuffix("\n") { lines[closing - 1] += "\n" }
                lines.insert(contentsOf: ["\n"] + block, at: closing)
            }
            changed = true
        }
        return changed ? lines.joined() : nil
    }

    /// A fenced ```output block, its fence longer than any backtick run inside.
    static func outputBlock(_ text: String) -> [String] {
        let body = text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let longest = body.map { $0.prefix { $0 == "`" }.count }.max() ?? 0
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return [fence + "output"] + body + [fence]
    }

    /// The index just after the snippet's closing fence.
    static func closingFence(of snippet: Snippet, in lines: [String]) -> Int {
        guard let fence = Fence(opening: lines[snippet.fenceLine - 1][...]) else { return snippet.fenceLine }
        var k = snippet.fenceLine
        while k < lines.count, !fence.isClosed(by: lines[k][...]) { k += 1 }
        return min(k + 1, lines.count)
    }
}
