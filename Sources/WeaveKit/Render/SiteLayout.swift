/// The page around a chapter: header, sidebar with every chapter and the current one's
/// sections, previous and next links. Plain HTML, no scripts.
enum SiteLayout {
    struct Entry {
        var file: String
        var title: String
    }

    static func page(
        title: String, courseTitle: String, body: String, entries: [Entry], current: Int?,
        sections: [RenderedPage.Section]
    ) -> String {
        let pageTitle = current == nil ? courseTitle : "\(title) · \(courseTitle)"
        var sidebar = "<nav class=\"chapters\" aria-label=\"Chapters\"><ol>\n"
        for (k, entry) in entries.enumerated() {
            let mark = k == current ? " aria-current=\"page\"" : ""
            sidebar += "<li><a href=\"\(fileHref(entry.file))\"\(mark)>\(escapeXML(entry.title))</a>"
            if k == current, !sections.isEmpty {
                sidebar += "\n<ul class=\"outline\" aria-label=\"On this page\">\n"
                for section in sections {
                    sidebar += "<li class=\"level\(section.level)\"><a href=\"#\(section.id)\">\(section.html)</a></li>\n"
                }
                sidebar += "</ul>"
            }
            sidebar += "</li>\n"
        }
        sidebar += "</ol></nav>"
        var pager = ""
        if let current {
            let previous = current > 0 ? entries[current - 1] : nil
            let next = current + 1 < entries.count ? entries[current + 1] : nil
            pager = "<nav class=\"pager\" aria-label=\"Previous and next chapter\">"
                + (previous.map { "<a rel=\"prev\" href=\"\(fileHref($0.file))\"><span>Previous</span>\(escapeXML($0.title))</a>" }
                    ?? "<a rel=\"prev\" href=\"index.html\"><span>Previous</span>Contents</a>")
                + (next.map { "<a rel=\"next\" href=\"\(fileHref($0.file))\"><span>Next</span>\(escapeXML($0.title))</a>" } ?? "")
                + "</nav>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>\(escapeXML(pageTitle))</title>
            <link rel="stylesheet" href="style.css">
            </head>
            <body>
            <header class="site-header"><a href="index.html">\(escapeXML(courseTitle))</a></header>
            <div class="layout">
            <aside class="sidebar">
            \(sidebar)
            </aside>
            <main>
            <article>
            \(body)</article>
            \(pager)</main>
            </div>
            </body>
            </html>

            """
    }
}
