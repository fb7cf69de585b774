/// The page around a chapter: header, sidebar with every chapter and the current one's
/// sections, previous and next links, and a footer naming how it was made. Plain HTML; the
/// scripts (search, copy buttons) only add to it.
struct SiteLayout {
    struct Entry {
        var file: String
        var title: String
    }

    var courseTitle: String
    var entries: [Entry]
    /// The page that holds the whole course, linked from every page's header.
    var printFile: String
    /// The footer's HTML, the same on every page.
    var footer: String

    func page(title: String, body: String, current: Int?, sections: [RenderedPage.Section]) -> String {
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
        let phoneNav = phoneNavigation(current: current, sections: sections)
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
        return document(title: pageTitle, content: """
            <div class="layout">
            <aside class="sidebar">
            \(sidebar)
            </aside>
            <main>
            \(phoneNav)<article>
            \(body)</article>
            \(pager)</main>
            </div>

            """)
    }

    /// The phone's navigation, above the chapter (the sidebar is hidden at phone width): the
    /// chapter list and the chapter's outline, each folded behind a control so that the
    /// chapter's heading and first lines fill the first screen. CSS only, no scripts.
    private func phoneNavigation(current: Int?, sections: [RenderedPage.Section]) -> String {
        var html = "<nav class=\"phone-nav\" aria-label=\"Chapters and sections\">\n<details class=\"phone-chapters\">"
            + "<summary>Chapters</summary>\n<ol>\n"
        for (k, entry) in entries.enumerated() {
            let mark = k == current ? " aria-current=\"page\"" : ""
            html += "<li><a href=\"\(fileHref(entry.file))\"\(mark)>\(escapeXML(entry.title))</a></li>\n"
        }
        html += "</ol>\n</details>\n"
        if !sections.isEmpty {
            html += "<details class=\"phone-outline\"><summary>On this page</summary>\n<ul>\n"
            for section in sections {
                html += "<li class=\"level\(section.level)\"><a href=\"#\(section.id)\">\(section.html)</a></li>\n"
            }
            html += "</ul>\n</details>\n"
        }
        return html + "</nav>\n"
    }

    /// The whole course on one page, for reading offline and printing: no sidebar.
    func printPage(_ body: String) -> String {
        document(title: courseTitle, content: """
            <main class="print">
            \(body)</main>

            """)
    }

    /// Hidden until `search.js` runs, so that without scripts there is no box that cannot work.
    private var searchBox: String {
        "<form class=\"search\" role=\"search\" action=\"#\" hidden>"
            + "<input type=\"search\" name=\"q\" placeholder=\"Search\" aria-label=\"Search the course\" autocomplete=\"off\">"
            + "<ol class=\"search-results\" aria-live=\"polite\"></ol></form>"
    }

    private func document(title: String, content: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>\(escapeXML(title))</title>
        <link rel="stylesheet" href="style.css">
        <script src="\(SearchIndex.fileName)" defer></script>
        <script src="\(SearchScript.fileName)" defer></script>
        <script src="\(CopyScript.fileName)" defer></script>
        </head>
        <body>
        <header class="site-header"><a href="index.html">\(escapeXML(courseTitle))</a>\(searchBox)<a class="one-page" href="\(fileHref(printFile))">One page</a></header>
        \(content)\(footer)</body>
        </html>

        """
    }
}
