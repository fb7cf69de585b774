import Display

/// A snippet's source and output as HTML. Everything a snippet printed is escaped.
enum SnippetHTML {
    static func html(_ snippet: Snippet, output: SnippetOutput?) -> String {
        var parts: [String] = []
        if let include = snippet.tags.include {
            parts.append("<figcaption>From <code>\(escapeXML(include.path))</code></figcaption>")
        }
        if !snippet.tags.hidden {
            parts.append("<pre class=\"source\"><code class=\"language-swift\">\(Highlighter.html(snippet.code))</code></pre>")
        }
        if !snippet.tags.quiet, let items = output?.items, !items.isEmpty {
            parts.append("<div class=\"output\">" + items.map(item).joined() + "</div>")
        }
        guard !parts.isEmpty else { return "" }
        let kind = snippet.tags.include != nil ? "snippet include" : "snippet"
        return "<figure class=\"\(kind)\">\n" + parts.joined(separator: "\n") + "\n</figure>\n"
    }

    static func item(_ item: OutputItem) -> String {
        switch item {
        case .text(let text): "<pre class=\"output-text\">\(escapeXML(text))</pre>"
        case .table(let table): self.table(table)
        case .plot(let plot): "<pre class=\"plot\" role=\"img\" aria-label=\"\(escapeXML(plot.title))\">\(escapeXML(plot.text))</pre>"
        }
    }

    static func table(_ table: Table) -> String {
        func cell(_ tag: String, _ text: String) -> String {
            "<\(tag)\(Table.isNumeric(text) ? " class=\"num\"" : "")>\(escapeXML(text))</\(tag)>"
        }
        var html = "<div class=\"table-wrap\"><table>"
        if let caption = table.caption { html += "<caption>\(escapeXML(caption))</caption>" }
        html += "<thead><tr>" + table.columns.map { "<th>\(escapeXML($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in table.rows { html += "<tr>" + row.map { cell("td", $0) }.joined() + "</tr>" }
        return html + "</tbody></table></div>"
    }
}
