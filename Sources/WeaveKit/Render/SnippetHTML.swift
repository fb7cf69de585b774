import Display

/// A snippet's source and output as HTML. Everything a snippet printed is escaped.
enum SnippetHTML {
    /// What a folded (`solution`) snippet's `<summary>` says.
    static let solutionSummary = "Solution"

    /// `unfolded`: a `solution` snippet's fold starts open (the print page, so paper shows it).
    static func html(_ snippet: Snippet, output: SnippetOutput?, unfolded: Bool = false) -> String {
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
        // A build fails when an `expect` snippet's output differs from its block, so on a
        // built page this mark is always true.
        if snippet.tags.expect, snippet.expected != nil {
            parts.append("<figcaption class=\"checked\"><span aria-hidden=\"true\">✓</span> "
                + "Output checked: the build compares it with the chapter's expected block</figcaption>")
        }
        let kind = snippet.tags.include != nil ? "snippet include" : "snippet"
        let figure = "<figure class=\"\(kind)\">\n" + parts.joined(separator: "\n") + "\n</figure>\n"
        guard snippet.tags.solution else { return figure }
        // A fold without script: the reader opens it; the snippet ran and was checked all the same.
        return "<details class=\"solution\"\(unfolded ? " open" : "")>\n<summary>\(solutionSummary)</summary>\n" + figure + "</details>\n"
    }

    /// An inline value as plain text in its sentence. One that has no value (its chapter
    /// failed before it, or it has not run) shows its source as code, never a number.
    static func value(_ snippet: Snippet, output: SnippetOutput?) -> String {
        guard let value = output?.value else {
            return "<code class=\"inline-unevaluated\">" + escapeXML(InlineValueSpan.marker + " " + snippet.code) + "</code>"
        }
        return escapeXML(value)
    }

    static func item(_ item: OutputItem) -> String {
        switch item {
        case .text(let text): "<pre class=\"output-text\">\(escapeXML(text))</pre>"
        case .table(let table): self.table(table)
        case .plot(let plot): "<pre class=\"plot\" role=\"img\" aria-label=\"\(escapeXML(plot.title))\">\(escapeXML(plot.text))</pre>"
        case .stderr(let text): "<pre class=\"output-text output-stderr\" aria-label=\"stderr\">\(escapeXML(text))</pre>"
        }
    }

    /// Columns whose cells are all numbers are right-aligned, header included.
    static func table(_ table: Table) -> String {
        let numeric = table.columns.indices.map { j in
            table.rows.allSatisfy { j >= $0.count || $0[j].isEmpty || Table.isNumeric($0[j]) || $0[j] == "–" || $0[j] == "never" }
                && table.rows.contains { j < $0.count && Table.isNumeric($0[j]) }
        }
        func cell(_ tag: String, _ j: Int, _ text: String) -> String {
            "<\(tag)\(j < numeric.count && numeric[j] ? " class=\"numeric\"" : "")>\(escapeXML(text))</\(tag)>"
        }
        var html = "<div class=\"table-wrap\"><table>"
        if let caption = table.caption { html += "<caption>\(escapeXML(caption))</caption>" }
        html += "<thead><tr>" + table.columns.enumerated().map { cell("th", $0, $1) }.joined() + "</tr></thead><tbody>"
        for row in table.rows { html += "<tr>" + row.enumerated().map { cell("td", $0, $1) }.joined() + "</tr>" }
        return html + "</tbody></table></div>"
    }
}
