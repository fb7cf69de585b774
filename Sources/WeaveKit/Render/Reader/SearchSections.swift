import Display

/// A chapter cut into the parts search finds: one per heading (and the text before the
/// first), each with its heading's id so that a result links to the section.
struct SearchSection: Equatable {
    var id: String
    var title: String
    /// Prose, code, and what the snippets printed, in reading order.
    var text: String
}

enum SearchSections {
    /// `outputs` are the chapter's, by snippet index. Plots are pictures: only their titles are
    /// searched. Hidden snippets' code and quiet snippets' output are not on the page, so not here.
    static func of(_ chapter: Chapter, outputs: [SnippetOutput]) -> [SearchSection] {
        var collector = Collector(chapter: chapter,
                                  outputs: Dictionary(outputs.map { ($0.index, $0) }, uniquingKeysWith: { a, _ in a }))
        collector.blocks(chapter.document.blocks)
        collector.close()
        return collector.sections
    }

    private struct Collector {
        let chapter: Chapter
        let outputs: [Int: SnippetOutput]
        var sections: [SearchSection] = []
        var current = SearchSection(id: "", title: "", text: "")

        mutating func close() {
            let text = current.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !text.isEmpty || !current.id.isEmpty {
                sections.append(SearchSection(id: current.id, title: current.title, text: text))
            }
        }

        mutating func add(_ text: String) { current.text += " " + text }

        mutating func blocks(_ blocks: [Block]) { for block in blocks { self.block(block) } }

        mutating func block(_ block: Block) {
            switch block {
            case .paragraph(let content): add(inlines(content))
            case .heading(let heading):
                close()
                let title = inlines(heading.content).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                current = SearchSection(id: heading.id, title: title.isEmpty ? PageRenderer.untitledSection : title, text: "")
            case .blockQuote(let children): blocks(children)
            case .list(let list): for item in list.items { blocks(item) }
            case .codeBlock(let code): add(code.literal)
            case .html, .thematicBreak, .displayMath, .expectedOutput: break
            case .snippet(let k): snippet(k)
            }
        }

        mutating func snippet(_ k: Int) {
            guard k < chapter.snippets.count else { return }
            let snippet = chapter.snippets[k]
            if !snippet.tags.hidden { add(snippet.code) }
            guard !snippet.tags.quiet, let items = outputs[k]?.items else { return }
            for item in items {
                switch item {
                case .text(let text), .stderr(let text): add(text)
                case .table(let table):
                    add(([table.caption ?? ""] + table.columns + table.rows.flatMap { $0 }).joined(separator: " "))
                case .plot(let plot): add(plot.title)
                }
            }
        }

        func inlines(_ content: [Inline]) -> String {
            content.map { inline -> String in
                switch inline {
                case .text(let text), .code(let text): text
                case .softBreak, .lineBreak: " "
                case .html, .math: ""
                case .emphasis(let children), .strong(let children): inlines(children)
                case .link(let link), .image(let link): inlines(link.content)
                case .value(let k): outputs[k]?.value ?? ""
                }
            }.joined()
        }
    }
}
