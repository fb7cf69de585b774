/// A chapter's lines as CommonMark counts them: a line ends at LF, CRLF or CR.
///
/// Swift treats CRLF as one `Character`, so splitting on "\n" alone would miss it.
enum SourceLines {
    static func isLineEnd(_ c: Character) -> Bool { c == "\n" || c == "\r\n" || c == "\r" }

    /// The lines without their endings; line n (1-based) is element n − 1.
    static func split(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: isLineEnd)
    }

    /// The lines with their endings, so joining them gives back the text byte for byte.
    static func withEndings(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        for index in text.indices where isLineEnd(text[index]) {
            let end = text.index(after: index)
            lines.append(text[start..<end])
            start = end
        }
        if start < text.endIndex || lines.isEmpty { lines.append(text[start...]) }
        return lines
    }
}
