import Foundation

/// Load's one parse of a Markdown file: math taken out and converted, cmark's tree turned into
/// ``Block`` values, each formula placeholder resolved, snippets and output blocks found by
/// node, headings given ids. Every problem is an error at its chapter line.
struct ChapterParser {
    /// Ids the front page uses for its own table of contents.
    static let frontPageIDs: Set<String> = ["contents"]

    let path: String
    let root: URL
    /// The front page shows its Markdown but runs nothing, so snippets there are errors.
    let isFrontPage: Bool
    let lines: [Substring]
    let lineMap: [Int]
    var document = ChapterDocument()
    var snippets: [Snippet] = []
    var ids: HeadingIDs
    /// Lines of images without a source, reported once the blocks are resolved.
    var emptyImages: [Int] = []
    /// The inline values MathExtraction found, by placeholder number.
    var values: [InlineValueSpan] = []

    /// Parses `source`; `root` is the package root that `include=` paths are relative to.
    static func parse(_ source: String, path: String, root: URL, isFrontPage: Bool = false)
        throws(WeaveError) -> (document: ChapterDocument, snippets: [Snippet])
    {
        let lines = SourceLines.split(source)
        if let k = lines.firstIndex(where: { $0.contains(MathExtraction.open) || $0.contains(MathExtraction.close) }) {
            throw WeaveError("this line holds the noncharacter U+FDD0 or U+FDD1, which weave reserves; remove it",
                             at: SourceLocation(file: path, line: k + 1))
        }
        // cmark's block structure alone (no tree kept) says which lines are code or raw HTML,
        // where `$` is not math; the tree weave keeps comes from the one parse below.
        let extraction = try MathExtraction(source, verbatimLines: MarkdownDocument(source).verbatimLines(), path: path)
        var parser = ChapterParser(
            path: path, root: root, isFrontPage: isFrontPage, lines: lines, lineMap: extraction.sourceLines,
            ids: HeadingIDs(reserved: isFrontPage ? frontPageIDs : []))
        parser.values = extraction.values
        let blocks: [Block]
        do { blocks = try MarkdownTreeBuilder.blocks(of: extraction.markdown) } catch {
            throw WeaveError(
                "Markdown nested more than \(MarkdownTreeBuilder.maxDepth) levels deep (block quotes, list items, emphasis, images)",
                at: SourceLocation(file: path, line: parser.sourceLine(error.line)), details: ["flatten the nesting here"])
        }
        for span in extraction.spans { parser.document.formulas.append(try Formula(span, path: path)) }
        parser.document.blocks = try parser.resolve(blocks)
        if let line = parser.emptyImages.first {
            throw WeaveError("this image has no source: write its file between the parentheses, like ![a plot](plot.png)",
                             at: SourceLocation(file: path, line: line))
        }
        return (parser.document, parser.snippets)
    }

    /// The chapter line of a line of the Markdown cmark parsed (display math may join lines).
    func sourceLine(_ line: Int) -> Int { lineMap.isEmpty ? line : lineMap[min(max(line - 1, 0), lineMap.count - 1)] }

    mutating func resolve(_ blocks: [Block]) throws(WeaveError) -> [Block] {
        var result: [Block] = []
        for block in blocks {
            switch block {
            case .paragraph(let inlines):
                let content = try resolve(inlines)
                if content.count == 1, case .math(let k) = content[0], document.formulas[k].display {
                    result.append(.displayMath(k))
                } else {
                    result.append(.paragraph(content))
                }
            case .heading(var heading):
                heading.line = sourceLine(heading.line)
                heading.content = try resolve(heading.content)
                // A heading's id and the sidebar are made from its text before anything runs.
                try refuseValues(in: heading.content, "a heading", advice: "its id and the table of contents are made before the chapter runs; move the value into the text below")
                heading.text = plainText(heading.content)
                heading.id = ids.make(heading.text)
                document.headings.append(heading)
                result.append(.heading(heading))
            case .blockQuote(let children):
                result.append(.blockQuote(try resolve(children)))
            case .list(var list):
                var items: [[Block]] = []
                for item in list.items { items.append(try resolve(item)) }
                list.items = items
                result.append(.list(list))
            case .codeBlock(var code):
                code.line = sourceLine(code.line)
                code.endLine = sourceLine(code.endLine)
                code.info = restore(code.info)
                code.literal = restore(code.literal)
                result.append(try codeBlock(code, previous: result.last))
            case .html(let html):
                result.append(.html(restore(html)))
            case .thematicBreak, .displayMath, .snippet, .expectedOutput:
                result.append(block)
            }
        }
        return result
    }

    /// Text with each placeholder turned into its formula; everything else with each
    /// placeholder turned back into the formula's source, so none can reach a page.
    mutating func resolve(_ inlines: [Inline]) throws(WeaveError) -> [Inline] {
        var result: [Inline] = []
        for inline in inlines {
            switch inline {
            case .text(let text): result += try splitMath(text)
            case .code(let code): result.append(.code(restore(code)))
            case .html(let html): result.append(.html(restore(html)))
            case .emphasis(let children): result.append(.emphasis(try resolve(children)))
            case .strong(let children): result.append(.strong(try resolve(children)))
            case .link(let link):
                let resolved = try resolve(link)
                document.links.append(resolved)
                result.append(.link(resolved))
            case .image(let link):
                let image = try resolve(link)
                try refuseValues(in: image.content, "an image's description", advice: "the description is plain text written before the chapter runs")
                // HTML forbids an empty `src`; a missing file name is surely a slip.
                if image.destination.isEmpty { emptyImages.append(image.line) }
                result.append(.image(image))
            case .softBreak, .lineBreak, .math, .value: result.append(inline)
            }
        }
        return result
    }

    private mutating func resolve(_ link: Link) throws(WeaveError) -> Link {
        Link(destination: restore(link.destination), title: restore(link.title), content: try resolve(link.content),
             line: sourceLine(link.line))
    }

    /// A heading's words: formulas as their TeX, code as its text, markup dropped.
    func plainText(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text), .code(let text): text
            case .math(let k): document.formulas[k].tex
            case .softBreak, .lineBreak: " "
            case .html, .value: ""
            case .emphasis(let children), .strong(let children): plainText(children)
            case .link(let link), .image(let link): plainText(link.content)
            }
        }.joined()
    }

    private mutating func splitMath(_ text: String) throws(WeaveError) -> [Inline] {
        var result: [Inline] = []
        var plain = ""
        for piece in Self.pieces(text) {
            switch piece {
            case .text(let part): plain += part
            case .formula(let k):
                if !plain.isEmpty { result.append(.text(plain)); plain = "" }
                if k < document.formulas.count { result.append(.math(k)) }
            case .value(let k):
                guard k < values.count else { continue }
                if !plain.isEmpty { result.append(.text(plain)); plain = "" }
                result.append(.value(try inlineValue(values[k])))
            }
        }
        if !plain.isEmpty { result.append(.text(plain)) }
        return result
    }

    private func restore(_ text: String) -> String {
        guard text.contains(MathExtraction.open) else { return text }
        return Self.pieces(text).map { piece in
            switch piece {
            case .text(let part): part
            case .formula(let k): k < document.formulas.count ? document.formulas[k].source : ""
            case .value(let k): k < values.count ? values[k].source : ""
            }
        }.joined()
    }

    private enum Piece { case text(String), formula(Int), value(Int) }

    /// `text` cut at placeholders; a stray reserved character is dropped.
    private static func pieces(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: MathExtraction.open) {
            if open > rest.startIndex { pieces.append(.text(String(rest[..<open]))) }
            let afterOpen = rest.index(after: open)
            let isValue = afterOpen < rest.endIndex && rest[afterOpen] == "v"
            let digits = rest[(isValue ? rest.index(after: afterOpen) : afterOpen)...].prefix(while: \.isASCII).prefix(while: \.isNumber)
            if let k = Int(digits), digits.endIndex < rest.endIndex, rest[digits.endIndex] == MathExtraction.close {
                pieces.append(isValue ? .value(k) : .formula(k))
                rest = rest[rest.index(after: digits.endIndex)...]
            } else {
                rest = rest[rest.index(after: open)...]
            }
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        return pieces.map { piece in
            if case .text(let part) = piece { .text(part.filter { $0 != MathExtraction.close }) } else { piece }
        }
    }
}
