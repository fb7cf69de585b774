/// Writes a chapter's typed tree as HTML, by libcmark's rules for every CommonMark node (so
/// plain Markdown comes out byte for byte as `cmark` writes it), plus weave's own nodes:
/// headings with anchors, formulas as MathML, snippets as their figures.
struct HTMLWriter {
    /// How inline content is written: on the page, or as a sidebar entry, which is itself a
    /// link and so must hold no links (nor raw HTML, which might be one).
    enum Mode { case page, outline }

    let document: ChapterDocument
    /// A snippet's figure by index; empty leaves no trace.
    var snippetHTML: (Int) -> String = { _ in "" }
    /// An inline value's HTML by snippet index: its value as escaped text.
    var valueHTML: (Int) -> String = { _ in "" }
    /// A link's or image's target on the site, from its destination as written.
    var href: (String) -> String = ChapterLinks.pageHref
    /// Put before every heading id, so that pages joined into one keep their ids unique.
    var idPrefix = ""
    private(set) var html = ""

    init(document: ChapterDocument, snippetHTML: @escaping (Int) -> String = { _ in "" }) {
        self.document = document
        self.snippetHTML = snippetHTML
    }

    /// A newline unless the output is empty or already ends with one, as cmark's `cr`.
    private mutating func cr() {
        if let last = html.utf8.last, last != UInt8(ascii: "\n") { html += "\n" }
    }

    // Depth is bounded by `MarkdownTreeBuilder.maxDepth`, so recursion here is safe.
    mutating func write(_ blocks: [Block], tight: Bool = false) {
        for block in blocks { write(block, tight: tight) }
    }

    private mutating func write(_ block: Block, tight: Bool) {
        switch block {
        case .paragraph(let content):
            if tight {
                html += inlines(content)
            } else {
                cr()
                html += "<p>" + inlines(content) + "</p>\n"
            }
        case .heading(let heading):
            cr()
            let id = idPrefix + heading.id
            html += "<h\(heading.level) id=\"\(id)\">" + inlines(heading.content)
                + "<a class=\"anchor\" href=\"#\(id)\" aria-label=\"Link to this section\">#</a></h\(heading.level)>\n"
        case .blockQuote(let children):
            cr()
            html += "<blockquote>\n"
            write(children)
            cr()
            html += "</blockquote>\n"
        case .list(let list):
            cr()
            html += !list.ordered ? "<ul>\n" : list.start == 1 ? "<ol>\n" : "<ol start=\"\(list.start)\">\n"
            for item in list.items {
                cr()
                html += "<li>"
                write(item, tight: list.tight)
                html += "</li>\n"
            }
            html += list.ordered ? "</ol>\n" : "</ul>\n"
        case .codeBlock(let code):
            cr()
            let language = code.info.prefix { !" \t\n\r\u{0B}\u{0C}".contains($0) }
            html += language.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(escapeXML(String(language)))\">"
            html += escapeXML(code.literal) + "</code></pre>\n"
        case .html(let literal):
            raw(literal)
        case .thematicBreak:
            cr()
            html += "<hr />\n"
        case .displayMath(let k):
            raw(document.formulas[k].mathML + "\n")
        case .snippet(let k):
            let figure = snippetHTML(k)
            if !figure.isEmpty { raw(figure) }
        case .expectedOutput:
            // The site shows the snippet's real output; the expected copy is for readers of the Markdown.
            break
        }
    }

    private mutating func raw(_ text: String) {
        cr()
        html += text
        cr()
    }

    /// Inline content as HTML.
    func inlines(_ content: [Inline], mode: Mode = .page) -> String {
        var out = ""
        for inline in content {
            switch inline {
            case .text(let text): out += escapeXML(text)
            case .softBreak: out += "\n"
            case .lineBreak: out += "<br />\n"
            case .code(let code): out += "<code>" + escapeXML(code) + "</code>"
            case .html(let literal): if mode == .page { out += literal }
            case .emphasis(let children): out += "<em>" + inlines(children, mode: mode) + "</em>"
            case .strong(let children): out += "<strong>" + inlines(children, mode: mode) + "</strong>"
            case .link(let link):
                guard mode == .page else { out += inlines(link.content, mode: mode); continue }
                out += "<a href=\"" + escapeHref(href(link.destination)) + "\"" + titleAttribute(link) + ">"
                    + inlines(link.content, mode: mode) + "</a>"
            case .image(let link):
                out += "<img src=\"" + escapeHref(href(link.destination)) + "\" alt=\"" + escapeXML(altText(link.content))
                    + "\"" + titleAttribute(link) + " />"
            case .math(let k): out += document.formulas[k].mathML
            case .value(let k): out += valueHTML(k)
            }
        }
        return out
    }

    private func titleAttribute(_ link: Link) -> String {
        link.title.isEmpty ? "" : " title=\"" + escapeXML(link.title) + "\""
    }

    /// An image's description as cmark writes it: the text of its content, formulas as TeX.
    private func altText(_ content: [Inline]) -> String {
        content.map { inline in
            switch inline {
            case .text(let text), .code(let text), .html(let text): text
            case .softBreak, .lineBreak: " "
            case .math(let k): document.formulas[k].tex
            case .value: ""
            case .emphasis(let children), .strong(let children): altText(children)
            case .link(let link), .image(let link): altText(link.content)
            }
        }.joined()
    }
}
