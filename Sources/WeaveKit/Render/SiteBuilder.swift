import Foundation

/// What a site build produced.
public struct SiteBuild: Sendable {
    public var reports: [ChapterReport]
    public var pages: Int
    /// Seconds spent rendering HTML (after the chapters ran).
    public var renderSeconds: Double
}

/// Builds the static site: every chapter through the pipeline, then each page rendered,
/// then the whole folder swapped in at once. Any failure leaves the previous site untouched.
public enum SiteBuilder {
    public static func build(
        _ options: PipelineOptions, output: URL, statistics: Statistics = Statistics()
    ) throws(SiteBuildError) -> SiteBuild {
        // Refuse a folder weave does not own before running anything, so nothing is touched.
        let folder: OutputFolder
        do {
            folder = try OutputFolder(output, root: options.root, chapters: URL(fileURLWithPath: options.chapters))
        } catch { throw SiteBuildError([error]) }
        let reports: [ChapterReport]
        do { reports = try Pipeline.run(options, statistics: statistics) } catch { throw SiteBuildError([error]) }
        let failures = reports.flatMap(\.errors)
        guard failures.isEmpty else { throw SiteBuildError(failures, reports: reports) }
        let clock = ContinuousClock(), start = clock.now
        let files: [String: String]
        do { files = try render(reports, chapters: options.chapters, root: options.root, title: options.title) } catch { throw SiteBuildError([error], reports: reports) }
        let renderSeconds = (clock.now - start).seconds
        do { try SiteWriter.write(files, to: folder) } catch { throw SiteBuildError([error], reports: reports) }
        return SiteBuild(reports: reports, pages: files.count - 1, renderSeconds: renderSeconds)
    }

    /// Every file of the site, by name, from chapters that all succeeded. `title` (the
    /// config's) names the course; without it, the front page's first heading does.
    public static func render(
        _ reports: [ChapterReport], chapters: String, root: URL = URL(fileURLWithPath: "."), title: String? = nil
    ) throws(WeaveError) -> [String: String] {
        let loaded = reports.compactMap { report in report.chapter.map { ($0, report.execution?.outputs ?? []) } }
        let pages = loaded.map { PageRenderer.render($0.0, outputs: $0.1) }
        let entries = zip(loaded, pages).map { SiteLayout.Entry(file: "\($0.0.name).html", title: $1.title) }
        var front = try frontPageContent(chapters: chapters, root: root, entries: entries)
        if let title { front.title = title }
        var files = ["style.css": Stylesheet.css]
        for (k, page) in pages.enumerated() {
            files[entries[k].file] = SiteLayout.page(
                title: page.title, courseTitle: front.title, body: page.body, entries: entries, current: k,
                sections: page.sections)
        }
        files["index.html"] = SiteLayout.page(
            title: front.title, courseTitle: front.title, body: front.body, entries: entries, current: nil, sections: [])
        return files
    }

    /// The front page: `index.md` (title and introduction) followed by the table of contents.
    static func frontPageContent(chapters: String, root: URL, entries: [SiteLayout.Entry]) throws(WeaveError) -> (title: String, body: String) {
        var title = "Course", body = ""
        if let page = try ChapterLoader.loadFrontPage(chapters: chapters, root: root) {
            title = page.title
            body = PageRenderer.render(page).body
        }
        body += "<h2 id=\"contents\">Contents</h2>\n<ol class=\"toc\">\n"
            + entries.map { "<li><a href=\"\(fileHref($0.file))\">\(escapeXML($0.title))</a></li>\n" }.joined() + "</ol>\n"
        return (title, body)
    }
}

/// A failed site build: every error found, and the reports so far for the summary.
public struct SiteBuildError: Error, Sendable {
    public var errors: [WeaveError]
    public var reports: [ChapterReport]
    init(_ errors: [WeaveError], reports: [ChapterReport] = []) {
        self.errors = errors
        self.reports = reports
    }
}
