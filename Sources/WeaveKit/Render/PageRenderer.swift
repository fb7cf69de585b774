import Foundation

/// A chapter's content as HTML, with the outline of its sections.
struct RenderedPage {
    /// A sidebar entry: `html` is the heading's content without links, never empty.
    struct Section { var level: Int; var id: String; var html: String }
    var title: String
    var body: String
    var sections: [Section]
}

/// Render: writes out the chapter Load parsed, with each snippet's figure in its node's place.
/// It parses nothing, so it cannot disagree with `weave check` about a chapter.
enum PageRenderer {
    /// Label of a section whose heading has no text.
    static let untitledSection = "Untitled section"

    /// `outputs` are the chapter's, by snippet index; `href` gives each link's and image's
    /// target on the site (by default a chapter's `.md` becomes its page); `idPrefix` goes
    /// before every heading id; `unfolded` opens every `solution` fold (for the print page).
    static func render(
        _ chapter: Chapter, outputs: [SnippetOutput] = [], href: @escaping (String) -> String = ChapterLinks.pageHref,
        idPrefix: String = "", unfolded: Bool = false
    ) -> RenderedPage {
        let byIndex = Dictionary(outputs.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
        var writer = HTMLWriter(document: chapter.document) { k in
            k < chapter.snippets.count ? SnippetHTML.html(chapter.snippets[k], output: byIndex[k], unfolded: unfolded) : ""
        }
        writer.valueHTML = { k in
            k < chapter.snippets.count ? SnippetHTML.value(chapter.snippets[k], output: byIndex[k]) : ""
        }
        writer.href = href
        writer.idPrefix = idPrefix
        writer.write(chapter.document.blocks)
        let sections = chapter.document.headings.filter { (2...3).contains($0.level) }.map { heading in
            let html = writer.inlines(heading.content, mode: .outline)
            return RenderedPage.Section(level: heading.level, id: heading.id,
                                        html: html.allSatisfy(\.isWhitespace) ? untitledSection : html)
        }
        return RenderedPage(title: chapter.title, body: writer.html, sections: sections)
    }

    /// Loads `source` as a chapter (include paths relative to the current folder) and renders
    /// it; `snippets`, when given, stand in for the ones parsed.
    static func render(
        source: String, path: String, snippets: [Snippet] = [], outputs: [SnippetOutput] = []
    ) throws(WeaveError) -> RenderedPage {
        let (document, parsed) = try ChapterParser.parse(
            source, path: path, root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let title = document.headings.first?.text ?? path
        let chapter = Chapter(path: path, source: source, title: title.isEmpty ? path : title,
                              snippets: snippets.isEmpty ? parsed : snippets, document: document)
        return render(chapter, outputs: outputs)
    }
}
