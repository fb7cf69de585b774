import Foundation

/// Links between the course's pages. A relative link to a chapter's Markdown file
/// (`02-encoding.md#one-hot`) becomes a link to its page (`02-encoding.html#one-hot`), so a
/// chapter reads right on GitHub and on the site; a link to a page or Markdown file that is
/// not in the course, or to an anchor its page lacks, is an error at the link's line, and so
/// is a link to a file the site cannot copy (see ``LinkedFiles``).
public enum ChapterLinks {
    /// A link that stays inside the site: the page's base name (nil for the same page) and the anchor.
    struct Target: Equatable {
        var page: String?
        var anchor: String?
    }

    /// Where `destination` points inside the course, or nil for a link elsewhere (another
    /// site, a file that is neither a page nor a chapter, a path outside the chapters folder).
    static func target(of destination: String) -> Target? {
        guard !destination.isEmpty, !destination.hasPrefix("/"), !destination.contains(":"), !destination.contains("?")
        else { return nil }
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        var path = String(parts[0])
        let anchor = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : nil
        if path.hasPrefix("./") { path.removeFirst(2) }
        guard !path.isEmpty else { return anchor.map { Target(page: nil, anchor: $0) } }
        guard !path.contains("/") else { return nil }
        let file = path.removingPercentEncoding ?? path
        for suffix in [".md", ".html"] where file.hasSuffix(suffix) {
            return Target(page: String(file.dropLast(suffix.count)), anchor: anchor)
        }
        return nil
    }

    /// The site's href for a link as written: a chapter's `.md` becomes its `.html`.
    static func pageHref(_ destination: String) -> String {
        guard target(of: destination) != nil else { return destination }
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts[0].hasSuffix(".md") else { return destination }
        return String(parts[0].dropLast(3)) + ".html" + (parts.count > 1 ? "#" + parts[1] : "")
    }

    /// Every anchor a page offers: its headings' ids, ids in its raw HTML, and the front
    /// page's table of contents.
    static func anchors(of chapter: Chapter, isFrontPage: Bool) -> Set<String> {
        var ids = Set(chapter.document.headings.map(\.id))
        if isFrontPage { ids.formUnion(ChapterParser.frontPageIDs) }
        // Ids the author wrote in raw HTML count too, but only from the page's HTML nodes: an
        // `id="…"` inside code is text on the page, not an anchor.
        for html in rawHTML(in: chapter.document.blocks) {
            for quote in ["\"", "'"] {
                var rest = html[...]
                while let start = rest.range(of: " id=" + quote) {
                    rest = rest[start.upperBound...]
                    guard let end = rest.firstIndex(of: Character(quote)) else { break }
                    ids.insert(String(rest[..<end]))
                }
            }
        }
        return ids
    }

    /// Every raw HTML block and inline of the tree, in order (the depth is bounded by Load).
    static func rawHTML(in blocks: [Block]) -> [String] {
        func inlines(_ items: [Inline]) -> [String] {
            items.flatMap { item -> [String] in
                switch item {
                case .html(let html): [html]
                case .emphasis(let inner), .strong(let inner): inlines(inner)
                case .link(let link), .image(let link): inlines(link.content)
                default: []
                }
            }
        }
        return blocks.flatMap { block -> [String] in
            switch block {
            case .html(let html): [html]
            case .paragraph(let items): inlines(items)
            case .heading(let heading): inlines(heading.content)
            case .blockQuote(let inner): rawHTML(in: inner)
            case .list(let list): list.items.flatMap(rawHTML)
            default: []
            }
        }
    }

    /// The reports, each with an error for every link to a page or anchor the course lacks;
    /// chapters not in `reports` are loaded to know their anchors.
    public static func check(_ reports: [ChapterReport], chapters directory: String, root: URL) -> [ChapterReport] {
        let loaded = Dictionary(reports.compactMap { $0.chapter.map { ($0.path, $0) } }, uniquingKeysWith: { a, _ in a })
        // A page that exists but did not load has unknown anchors (nil); its own report says why.
        var pages: [String: Set<String>?] = [:]
        for path in (try? ChapterLoader.chapterPaths(in: directory)) ?? [] {
            let chapter = loaded[path] ?? (try? ChapterLoader.load(path, root: root))
            pages[Chapter.name(ofPath: path)] = .some(chapter.map { anchors(of: $0, isFrontPage: false) })
        }
        let front = try? ChapterLoader.loadFrontPage(chapters: directory, root: root)
        pages["index"] = .some(front.map { anchors(of: $0, isFrontPage: true) } ?? ChapterParser.frontPageIDs)
        var claimed: [String: URL] = [:]
        func linkErrors(_ chapter: Chapter) -> [WeaveError] {
            errors(in: chapter, pages: pages)
                + LinkedFiles.resolve(chapter, root: root, chapters: directory, claimed: &claimed).errors
        }
        var checked = reports.map { report in
            var report = report
            if let chapter = report.chapter { report.errors += linkErrors(chapter) }
            return report
        }
        if let front, !checked.contains(where: { $0.path == front.path }) {
            let frontErrors = linkErrors(front)
            if !frontErrors.isEmpty {
                checked.append(ChapterReport(path: front.path, chapter: nil, execution: nil, errors: frontErrors))
            }
        }
        return checked
    }

    static func errors(in chapter: Chapter, pages: [String: Set<String>?]) -> [WeaveError] {
        var errors: [WeaveError] = []
        for link in chapter.document.links {
            guard let target = target(of: link.destination) else { continue }
            let page = target.page ?? chapter.name
            let location = SourceLocation(file: chapter.path, line: link.line)
            guard let anchors = pages[page] else {
                errors.append(WeaveError(
                    "this link to '\(link.destination)' points to no page of the course",
                    at: location, details: ["link to a chapter by its file, like 02-encoding.md or 02-encoding.md#section-id"]))
                continue
            }
            guard let anchor = target.anchor, !anchor.isEmpty, let anchors, !anchors.contains(anchor) else { continue }
            let alike = anchors.filter { $0.hasPrefix(String(anchor.prefix(4))) }
            let shown = (alike.isEmpty ? anchors : alike).sorted().prefix(8)
            errors.append(WeaveError(
                "this link to '\(link.destination)' names no section of \(page): no heading there has the id '\(anchor)'",
                at: location, details: shown.isEmpty ? [] : ["ids there: \(shown.joined(separator: ", "))"]))
        }
        return errors
    }
}
