/// `weave accept`: writes each `expect` snippet's new output into its ```output block, and the
/// current code into each `include=` block, in place, by line position, leaving every other
/// byte of the chapter as it was.
///
/// A rewritten block reads back, through cmark, as exactly the text the comparison uses: its
/// fence is longer than any run of fence characters inside, output is stored as `OutputText`
/// says, every line carries the block's container prefix (`> ` in a block quote, the
/// indentation of a list item), and lines end as the block's lines ended.
enum Accept {
    /// The chapter's new text, or nil when nothing changes.
    static func rewrite(_ chapter: Chapter, _ execution: ChapterExecution) -> String? {
        var lines = SourceLines.withEndings(chapter.source).map(String.init)
        let chapterEnding = lines.lazy.map(Self.ending).first { !$0.isEmpty } ?? "\n"
        // From the bottom up, so earlier line numbers stay valid while later blocks change.
        for snippet in chapter.snippets.reversed() where isBlock(snippet.fenceLine, snippet.closingLine, in: lines) {
            if snippet.tags.include != nil {
                guard needsCopy(snippet) else { continue }
                let opening = lines[snippet.fenceLine - 1]
                let block = FencedBlock(opening: opening, body: snippet.code,
                                        ending: ending(of: lines[snippet.closingLine - 1], or: chapterEnding))
                replace(&lines, (snippet.fenceLine - 1)..<snippet.closingLine, with: block.lines)
                continue
            }
            guard snippet.tags.expect, let actual = execution.output(of: snippet)?.text else { continue }
            let text = OutputText.comparable(actual)
            if let expected = snippet.expected {
                guard isBlock(expected.fenceLine, expected.closingLine, in: lines),
                      !OutputText.matches(expected: expected.text, actual: actual) else { continue }
                let block = FencedBlock(output: text, prefix: FencedBlock.prefix(of: lines[expected.fenceLine - 1]),
                                        ending: ending(of: lines[expected.closingLine - 1], or: chapterEnding))
                replace(&lines, (expected.fenceLine - 1)..<expected.closingLine, with: block.lines)
            } else {
                let closing = snippet.closingLine - 1
                let ending = ending(of: lines[closing], or: chapterEnding)
                let atEndOfFile = Self.ending(lines[closing]).isEmpty
                if atEndOfFile { lines[closing] += ending }
                let prefix = FencedBlock.prefix(of: lines[snippet.fenceLine - 1])
                var block = [FencedBlock.blankLine(prefix) + ending]
                    + FencedBlock(output: text, prefix: prefix, ending: ending).lines
                if atEndOfFile { block[block.count - 1].removeLast() }
                lines.insert(contentsOf: block, at: closing + 1)
            }
        }
        let text = lines.joined()
        return OutputText.identical(text, chapter.source) ? nil : text
    }

    /// Whether the lines of a block as the loader found it are lines of this chapter; a block
    /// that is not is left alone rather than trusted.
    static func isBlock(_ fenceLine: Int, _ closingLine: Int, in lines: [String]) -> Bool {
        1 <= fenceLine && fenceLine < closingLine && closingLine <= lines.count
    }

    /// Replaces a block's lines; a block that ended the file without a newline still does.
    static func replace(_ lines: inout [String], _ range: Range<Int>, with block: [String]) {
        var block = block
        if let last = range.last, ending(lines[last]).isEmpty, !block.isEmpty {
            block[block.count - 1] = String(block[block.count - 1].dropLast())
        }
        lines.replaceSubrange(range, with: block)
    }

    /// Whether an include block's copy differs from its region. An empty block is fine, and
    /// so is a region of only blank lines, which reads back as an empty block.
    static func needsCopy(_ snippet: Snippet) -> Bool {
        guard let copy = snippet.includedCopy else { return !snippet.code.allSatisfy(\.isWhitespace) }
        return !OutputText.copyMatches(copy, code: snippet.code)
    }

    /// The line ending of `line` (empty on a last line without one).
    static func ending(_ line: String) -> String {
        guard let last = line.last, SourceLines.isLineEnd(last) else { return "" }
        return String(last)
    }

    static func ending(of line: String, or fallback: String) -> String {
        let own = ending(line)
        return own.isEmpty ? fallback : own
    }
}
