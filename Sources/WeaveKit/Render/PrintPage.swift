/// The whole course on one page, front page first and then every chapter in order, for
/// reading offline and printing to PDF. Each chapter is a section whose heading ids carry the
/// chapter's id (`05-training--is-seed-0-typical`), so ids stay unique on the page, and a
/// link to another chapter becomes a link inside the page.
enum PrintPage {
    /// `print.html`, or the first `print-N.html` that no chapter's page takes.
    static func fileName(avoiding pages: Set<String>) -> String {
        var name = "print.html", n = 1
        while pages.contains(name) {
            n += 1
            name = "print-\(n).html"
        }
        return name
    }

    /// The page's content: the front page, a table of contents, and the chapters.
    /// `href` gives a chapter's link targets on its own page (files it links to, other sites).
    static func body(
        front: Chapter?, chapters: [(chapter: Chapter, outputs: [SnippetOutput])], entries: [SiteLayout.Entry],
        href: (Chapter) -> (String) -> String
    ) -> String {
        let ids = SectionIDs(names: chapters.map(\.chapter.name))
        var headings: [String: Set<String>] = ["index": Set(front?.document.headings.map(\.id) ?? [])]
        for (chapter, _) in chapters { headings[chapter.name] = Set(chapter.document.headings.map(\.id)) }
        func inPage(_ chapter: Chapter) -> (String) -> String {
            let own = href(chapter)
            return { destination in
                guard let target = ChapterLinks.target(of: destination) else { return own(destination) }
                let page = target.page ?? chapter.name
                guard let section = ids.id(of: page), let known = headings[page] else { return own(destination) }
                guard let anchor = target.anchor, !anchor.isEmpty else { return "#" + section }
                // An id from the chapter's raw HTML is not prefixed, so it is linked as it is.
                return known.contains(anchor) ? "#" + ids.prefix(of: page) + anchor : "#" + anchor
            }
        }
        var body = "<section class=\"print-front\" id=\"\(SectionIDs.front)\">\n"
        if let front {
            body += PageRenderer.render(front, href: inPage(front), idPrefix: ids.prefix(of: "index")).body
        }
        body += SiteBuilder.contents(entries) { entry in
            "#" + (ids.id(of: String(entry.file.dropLast(".html".count))) ?? "")
        }
        body += "</section>\n"
        for (chapter, outputs) in chapters {
            // Paper cannot open a fold, so the print page shows every solution open.
            let page = PageRenderer.render(chapter, outputs: outputs, href: inPage(chapter), idPrefix: ids.prefix(of: chapter.name),
                                           unfolded: true)
            body += "<section class=\"print-chapter\" id=\"\(ids.id(of: chapter.name) ?? "")\">\n" + page.body + "</section>\n"
        }
        return body
    }

    /// Each chapter's section id on the page: its name's letters and digits, unique.
    struct SectionIDs {
        static let front = "index"
        private var byName: [String: String] = ["index": front]

        init(names: [String]) {
            var used: Set<String> = [Self.front, "contents"]
            for name in names {
                let base = Self.slug(name)
                var id = base, n = 1
                while used.contains(id) {
                    n += 1
                    id = "\(base)-\(n)"
                }
                used.insert(id)
                byName[name] = id
            }
        }

        func id(of name: String) -> String? { byName[name] }

        /// What goes before the page's heading ids; heading ids hold no `--`, so none can collide.
        func prefix(of name: String) -> String { (byName[name] ?? name) + "--" }

        static func slug(_ name: String) -> String {
            var slug = ""
            for c in name.lowercased() {
                if c.isLetter || c.isNumber { slug.append(c) } else if !slug.isEmpty, slug.last != "-" { slug.append("-") }
            }
            while slug.hasSuffix("-") { slug.removeLast() }
            return slug.isEmpty ? "chapter" : slug
        }
    }
}
