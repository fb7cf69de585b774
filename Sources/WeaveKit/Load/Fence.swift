/// The fence characters of a fenced code block, read from its source lines, to tell a closed
/// block from one that runs to the end of the file (cmark 0.30 does not expose this).
struct Fence {
    var character: Character
    var length: Int

    /// The fence that opens on `line`, after any indentation or block-quote markers.
    init?(opening line: Substring) {
        let body = line.drop { $0 == " " || $0 == ">" || $0 == "\t" }
        guard let first = body.first, first == "`" || first == "~" else { return nil }
        character = first
        length = body.prefix { $0 == first }.count
        guard length >= 3 else { return nil }
    }

    /// Whether `line` closes this fence: only fence characters, at least as many.
    func isClosed(by line: Substring) -> Bool {
        let body = line.drop { $0 == " " || $0 == ">" || $0 == "\t" }
        let run = body.prefix { $0 == character }.count
        return run >= length && body.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" || SourceLines.isLineEnd($0) }
    }
}
