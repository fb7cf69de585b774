import Foundation

extension SiteBuilder {
    /// The rendered site before it is written: its pages and stylesheet as text, and the
    /// files chapters link to, each at its path in the site.
    struct Content {
        var pages: [String: String] = [:]
        var linkedFiles: [LinkedFiles.File] = []

        init(_ reports: [ChapterReport], chapters: String, root: URL, title: String?, swiftc: String?) throws(WeaveError) {
            let loaded = reports.compactMap { report in report.chapter.map { ($0, report.execution?.outputs ?? []) } }
            let front = try SiteBuilder.frontPage(chapters: chapters, root: root)
            let courseTitle = title ?? front.title
            var claimed: [String: URL] = [:]
            var hrefs: [String: [String: String]] = [:]
            var copied: [LinkedFiles.File] = []
            for chapter in loaded.map(\.0) + (front.chapter.map { [$0] } ?? []) {
                let (files, errors) = LinkedFiles.resolve(chapter, root: root, chapters: chapters, claimed: &claimed)
                if let error = errors.first { throw error }
                hrefs[chapter.path] = Dictionary(files.map { ($0.destination, $0.href) }, uniquingKeysWith: { a, _ in a })
                let known = Set(copied.map(\.sitePath))
                copied += files.filter { !known.contains($0.sitePath) }
            }
            linkedFiles = copied
            func href(_ chapter: Chapter) -> (String) -> String {
                let own = hrefs[chapter.path] ?? [:]
                return { own[$0] ?? ChapterLinks.pageHref($0) }
            }
            let rendered = loaded.map { PageRenderer.render($0.0, outputs: $0.1, href: href($0.0)) }
            let entries = zip(loaded, rendered).map { SiteLayout.Entry(file: "\($0.0.name).html", title: $1.title) }
            let printFile = PrintPage.fileName(avoiding: Set(entries.map(\.file)))
            let provenance = try SiteProvenance(chapters: loaded.map(\.0) + (front.chapter.map { [$0] } ?? []),
                                                linked: copied, root: root, swiftc: swiftc)
            let layout = SiteLayout(courseTitle: courseTitle, entries: entries, printFile: printFile,
                                    footer: provenance.html)
            pages["style.css"] = Stylesheet.css
            pages[SearchScript.fileName] = SearchScript.source
            pages[CopyScript.fileName] = CopyScript.source
            let frontSections = front.chapter.map { SearchSections.of($0, outputs: []) } ?? []
            pages[SearchIndex.fileName] = SearchIndex(
                pages: [SearchIndex.Page(file: "index.html", title: courseTitle, sections: frontSections)]
                    + zip(loaded, entries).map { chapter, entry in
                        SearchIndex.Page(file: entry.file, title: entry.title,
                                         sections: SearchSections.of(chapter.0, outputs: chapter.1))
                    }).script
            for (k, page) in rendered.enumerated() {
                pages[entries[k].file] = layout.page(title: page.title, body: page.body, current: k, sections: page.sections)
            }
            let frontBody = (front.chapter.map { PageRenderer.render($0, href: href($0)).body } ?? "")
                + SiteBuilder.contents(entries)
            pages["index.html"] = layout.page(title: courseTitle, body: frontBody, current: nil, sections: [])
            let chaptersInOrder = loaded.map { (chapter: $0.0, outputs: $0.1) }
            pages[printFile] = layout.printPage(PrintPage.body(
                front: front.chapter, chapters: chaptersInOrder, entries: entries, href: href))
        }
    }
}
