/// A chapter's content as HTML, with the outline of its sections.
struct RenderedPage {
    struct Section { var level: Int; var id: String; var html: String }
    var title: String
    var body: String
    var sections: [Section]
}

/// Render: one Markdown page to HTML through cmark's tree, with math as MathML and each
/// snippet replaced by its highlighted source and captured output.
enum PageRenderer {
    /// `snippets` and `outputs` are the chapter's, matched to its ```swift blocks in order.
    static func render(
        source: String, path: String, snippets: [Snippet] = [], outputs: [SnippetOutput] = []
    ) throws(WeaveError) -> RenderedPage {
        let original = MarkdownDocument(source)
        var verbatim = Set<Int>()
        for node in original.document.descendants where node.kind == .codeBlock || node.kind == .htmlBlock {
            verbatim.formUnion(node.startLine...max(node.endLine, node.startLine))
        }
        let extraction = try MathExtraction(source, verbatimLines: verbatim, path: path)
        var math: [String] = []
        for span in extraction.spans {
            do { math.append(try TeXToMathML.convert(span.tex, display: span.display)) } catch {
                throw WeaveError(error.message, at: location(of: error.offset, in: span, path: path),
                                 details: ["in the formula: \(span.tex.split(separator: "\n").joined(separator: " "))"])
            }
        }
        let document = MarkdownDocument(extraction.markdown)
        let root = document.document

        // Slugs come first, from the heading's text with each formula's TeX in its place.
        var slugs = SlugSet()
        let headings = root.descendants.filter { $0.kind == .heading }
        let ids = headings.map { slugs.make(Self.restoreTeX($0.plainText, extraction.spans)) }

        replaceMath(in: root, math: math, spans: extraction.spans)

        var sections: [RenderedPage.Section] = []
        var title: String?
        for (heading, id) in zip(root.descendants.filter { $0.kind == .heading }, ids) {
            let level = heading.headingLevel
            let html = heading.html
            let inner = String(html.dropFirst(4).dropLast(6))  // "<hN>" … "</hN>\n"
            if title == nil { title = Self.restoreTeX(heading.plainText, extraction.spans) }
            if level >= 2, level <= 3 { sections.append(.init(level: level, id: id, html: inner)) }
            heading.replace(withHTML: "<h\(level) id=\"\(id)\">\(inner)<a class=\"anchor\" href=\"#\(id)\" aria-label=\"Link to this section\">#</a></h\(level)>")
        }

        var index = 0
        for block in root.descendants where block.kind == .codeBlock {
            switch block.info.split(separator: " ").first {
            case "swift" where index < snippets.count:
                let snippet = snippets[index]
                index += 1
                let html = SnippetHTML.html(snippet, output: outputs.first { $0.index == snippet.index })
                if html.isEmpty { block.remove() } else { block.replace(withHTML: html) }
            case "output":
                // The site shows the snippet's real output; its expected copy is for GitHub readers.
                block.remove()
            default:
                continue
            }
        }
        return RenderedPage(title: title ?? path, body: document.renderHTML(), sections: sections)
    }

    /// Splits text nodes at placeholders into text and MathML; a paragraph that is only a
    /// display formula becomes the formula itself.
    private static func replaceMath(in root: MarkdownNode, math: [String], spans: [MathSpan]) {
        for node in root.descendants where node.kind == .paragraph {
            let children = node.children
            if children.count == 1, children[0].kind == .text, let k = placeholderIndex(children[0].literal), spans[k].display {
                node.replace(withHTML: math[k] + "\n")
            }
        }
        for node in root.descendants where node.kind == .text && node.literal.contains(MathExtraction.prefix) {
            var rest = Substring(node.literal)
            while let range = rest.range(of: MathExtraction.prefix) {
                let digits = rest[range.upperBound...].prefix(while: \.isNumber)
                guard let k = Int(digits), rest[digits.endIndex...].first == "Z", k < math.count else { break }
                if range.lowerBound > rest.startIndex { node.insertBefore(text: String(rest[..<range.lowerBound])) }
                node.insertBefore(html: math[k], inline: true)
                rest = rest[rest.index(after: digits.endIndex)...]
            }
            if !rest.isEmpty { node.insertBefore(text: String(rest)) }
            node.remove()
        }
    }

    private static func placeholderIndex(_ text: String) -> Int? {
        guard text.hasPrefix(MathExtraction.prefix), text.hasSuffix("Z") else { return nil }
        return Int(text.dropFirst(MathExtraction.prefix.count).dropLast())
    }

    static func restoreTeX(_ text: String, _ spans: [MathSpan]) -> String {
        var result = text
        for (k, span) in spans.enumerated().reversed() {
            result = result.replacingOccurrences(of: MathExtraction.placeholder(k), with: span.tex)
        }
        return result
    }

    /// The chapter line and column of a character offset inside a formula.
    static func location(of offset: Int, in span: MathSpan, path: String) -> SourceLocation {
        let before = span.tex.prefix(offset)
        let newlines = before.filter { $0 == "\n" }.count
        guard newlines > 0 else {
            return SourceLocation(file: path, line: span.line, column: span.column + (span.display ? 2 : 1) + offset)
        }
        let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) } ?? 0)
        return SourceLocation(file: path, line: span.line + newlines, column: column)
    }
}

/// Stable, unique anchor ids from heading text: `∂L/∂W, at last` → `l-w-at-last`.
struct SlugSet {
    private var used: [String: Int] = [:]

    mutating func make(_ text: String) -> String {
        var slug = ""
        for c in text.lowercased() {
            if c.isASCII && (c.isLetter || c.isNumber) { slug.append(c) }
            else if !slug.isEmpty, slug.last != "-" { slug.append("-") }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.isEmpty { slug = "section" }
        if slug.first!.isNumber { slug = "s-" + slug }
        let count = used[slug, default: 0]
        used[slug] = count + 1
        return count == 0 ? slug : "\(slug)-\(count + 1)"
    }
}
