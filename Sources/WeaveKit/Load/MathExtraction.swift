/// A formula found in a chapter, replaced in the Markdown by a placeholder word.
struct MathSpan: Equatable {
    var tex: String
    var display: Bool
    var line: Int
    var column: Int
}

/// An inline value, `` `{swift} expr` `` in prose, replaced in the Markdown by a placeholder
/// like a formula (with a `v` before its number), so cmark sees a word and Load an ``Inline/value(_:)``.
struct InlineValueSpan: Equatable {
    /// The expression, without `{swift}` and the spaces around it.
    var expression: String
    var line: Int
    /// The 1-based UTF-8 column where the expression starts, as the compiler counts columns.
    var column: Int
    /// The code span as written, backticks included, for where a placeholder must turn back into text.
    var source: String

    static let marker = "{swift}"
}

/// Takes `$...$` and `$$...$$` out of the Markdown before cmark parses it, so that emphasis
/// and backslash escapes cannot eat math, and puts a placeholder in each one's place: the
/// formula's number between two Unicode noncharacters, which cmark treats like letters and
/// which a chapter may not contain (Load rejects them), so a placeholder is never mistaken
/// for text. Load turns every placeholder cmark hands back into a formula (in text) or back
/// into the source it stands for (in code, link targets, titles, raw HTML), so none reaches
/// a page.
///
/// Code is left alone: lines of code and HTML blocks (found in cmark's own tree by the
/// caller) are copied verbatim, and so are inline code spans, so `$` in code stays code.
/// `\$` is a literal dollar sign.
struct MathExtraction {
    var markdown: String
    var spans: [MathSpan]
    /// The inline values, in source order; placeholder `v<k>` is the `k`th.
    var values: [InlineValueSpan] = []
    /// For each line of `markdown` (0-based), the chapter line it comes from: a display
    /// formula over several lines leaves one line in the Markdown.
    var sourceLines: [Int]

    static let open = noncharacter(0xFDD0)
    static let close = noncharacter(0xFDD1)
    // Swift refuses noncharacters in string literals.
    private static func noncharacter(_ value: UInt32) -> Character { Unicode.Scalar(value).map(Character.init) ?? "\u{FFFD}" }
    static func placeholder(_ index: Int) -> String { "\(open)\(index)\(close)" }
    static func valuePlaceholder(_ index: Int) -> String { "\(open)v\(index)\(close)" }

    init(_ source: String, verbatimLines: Set<Int>, path: String) throws(WeaveError) {
        var output: [String] = []
        var sourceLines: [Int] = []
        var spans: [MathSpan] = []
        var values: [InlineValueSpan] = []
        var display: (line: Int, column: Int, tex: String, before: String)?
        for (offset, line) in SourceLines.split(source).enumerated() {
            let number = offset + 1
            if display == nil, verbatimLines.contains(number) {
                output.append(String(line))
                sourceLines.append(number)
                continue
            }
            let startedOn = display?.line ?? number
            let chars = Array(line)
            var out = display?.before ?? ""
            var i = 0
            // A formula written twice gets one placeholder, so `[$x$]` still matches its
            // reference definition `[$x$]: …` once both are placeholders.
            func emit(_ span: MathSpan) {
                if let k = spans.firstIndex(where: { $0.tex == span.tex && $0.display == span.display }) {
                    out += Self.placeholder(k)
                } else {
                    out += Self.placeholder(spans.count)
                    spans.append(span)
                }
            }
            while i < chars.count {
                if var open = display {
                    if chars[i] == "$", i + 1 < chars.count, chars[i + 1] == "$" {
                        out = open.before
                        emit(MathSpan(tex: open.tex, display: true, line: open.line, column: open.column))
                        display = nil
                        i += 2
                    } else {
                        open.tex.append(chars[i])
                        display = open
                        i += 1
                    }
                    continue
                }
                let c = chars[i]
                if c == "\\", i + 1 < chars.count {
                    out.append(c); out.append(chars[i + 1]); i += 2
                } else if c == "`" {
                    let run = chars[i...].prefix { $0 == "`" }.count
                    let end = Self.closingBackticks(chars, from: i + run, run: run)
                    if let end, let value = Self.inlineValue(chars, from: i, to: end, run: run, line: number) {
                        out += Self.valuePlaceholder(values.count)
                        values.append(value)
                    } else {
                        out += String(chars[i..<(end ?? (i + run))])
                    }
                    i = end ?? (i + run)
                } else if c == "$", i + 1 < chars.count, chars[i + 1] == "$" {
                    display = (number, i + 1, "", out)
                    i += 2
                } else if c == "$", let end = Self.closingDollar(chars, from: i + 1) {
                    emit(MathSpan(tex: String(chars[(i + 1)..<end]), display: false, line: number, column: i + 1))
                    i = end + 1
                } else {
                    out.append(c); i += 1
                }
            }
            if var open = display {
                open.tex.append("\n")
                open.before = out
                display = open
            } else {
                output.append(out)
                sourceLines.append(startedOn)
            }
        }
        if let open = display {
            throw WeaveError("display math opened with $$ is never closed", at: SourceLocation(file: path, line: open.line, column: open.column),
                             details: ["close it with $$"])
        }
        markdown = output.joined(separator: "\n")
        self.spans = spans
        self.values = values
        self.sourceLines = sourceLines
    }

    /// The index just after the backtick run of exactly `run` that closes a code span.
    private static func closingBackticks(_ chars: [Character], from start: Int, run: Int) -> Int? {
        var i = start
        while i < chars.count {
            guard chars[i] == "`" else { i += 1; continue }
            let length = chars[i...].prefix { $0 == "`" }.count
            if length == run { return i + length }
            i += length
        }
        return nil
    }

    /// The code span `chars[start..<end]` (fenced by runs of `run` backticks) as an inline
    /// value, when its content, as CommonMark strips it, starts with `{swift}` and a space.
    private static func inlineValue(_ chars: [Character], from start: Int, to end: Int, run: Int, line: Int) -> InlineValueSpan? {
        var content = chars[(start + run)..<(end - run)]
        if content.count >= 2, content.first == " ", content.last == " ", !content.allSatisfy({ $0 == " " }) {
            content = content.dropFirst().dropLast()
        }
        let marker = Array(InlineValueSpan.marker)
        guard content.starts(with: marker) else { return nil }
        var expression = content.dropFirst(marker.count)
        guard expression.isEmpty || expression.first == " " else { return nil }
        expression = expression.drop { $0 == " " }
        while expression.last == " " { expression.removeLast() }
        let column = String(chars[..<expression.startIndex]).utf8.count + 1
        return InlineValueSpan(expression: String(expression), line: line, column: column,
                               source: String(chars[start..<end]))
    }

    /// Inline math follows pandoc's rule: no space after the opening `$`, none before the
    /// closing one, and no digit right after it (so "$5 and $6" stays text).
    private static func closingDollar(_ chars: [Character], from start: Int) -> Int? {
        guard start < chars.count, !chars[start].isWhitespace, chars[start] != "$" else { return nil }
        var i = start
        while i < chars.count {
            if chars[i] == "\\" { i += 2; continue }
            if chars[i] == "$" {
                let afterIsDigit = i + 1 < chars.count && chars[i + 1].isNumber
                return chars[i - 1].isWhitespace || afterIsDigit ? nil : i
            }
            i += 1
        }
        return nil
    }
}
