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
        let files: [String: Data]
        do { files = try site(reports, chapters: options.chapters, root: options.root, title: options.title, swiftc: options.swiftc) } catch { throw SiteBuildError([error], reports: reports) }
        let renderSeconds = (clock.now - start).seconds
        do { try SiteWriter.write(files, to: folder) } catch { throw SiteBuildError([error], reports: reports) }
        return SiteBuild(reports: reports, pages: files.keys.filter { $0.hasSuffix(".html") && !$0.contains("/") }.count,
                         renderSeconds: renderSeconds)
    }

    /// Every file of the site, by its path in the site: the pages and stylesheet of
    /// ``render(_:chapters:root:title:swiftc:)`` and a copy of every file a chapter links to.
    /// Fails when the search index is over its budget. `swiftc` is the compiler the footer
    /// names, found as ``Toolchain`` finds it.
    public static func site(
        _ reports: [ChapterReport], chapters: String, root: URL = URL(fileURLWithPath: "."), title: String? = nil,
        swiftc: String? = nil
    ) throws(WeaveError) -> [String: Data] {
        let content = try Content(reports, chapters: chapters, root: root, title: title, swiftc: swiftc)
        var files = content.pages.mapValues { Data($0.utf8) }
        for file in content.linkedFiles {
            guard let data = try? Data(contentsOf: file.source) else {
                throw WeaveError("cannot read \(file.source.path), which a chapter links to",
                                 details: ["check that the file is readable"])
            }
            files[file.sitePath] = data
        }
        let indexBytes = files[SearchIndex.fileName]?.count ?? 0
        try SearchIndex.checkBudget(indexBytes: indexBytes, siteBytes: files.values.reduce(0) { $0 + $1.count } - indexBytes)
        return files
    }

    /// The site's pages, stylesheet, scripts and search index, by name, from chapters that all succeeded. `title`
    /// (the config's) names the course; without it, the front page's first heading does.
    public static func render(
        _ reports: [ChapterReport], chapters: String, root: URL = URL(fileURLWithPath: "."), title: String? = nil,
        swiftc: String? = nil
    ) throws(WeaveError) -> [String: String] {
        try Content(reports, chapters: chapters, root: root, title: title, swiftc: swiftc).pages
    }

    /// The front page's title and Markdown, `index.md`, if the course has one.
    static func frontPage(chapters: String, root: URL) throws(WeaveError) -> (title: String, chapter: Chapter?) {
        let page = try ChapterLoader.loadFrontPage(chapters: chapters, root: root)
        return (page?.title ?? "Course", page)
    }

    /// The front page's table of contents.
    static func contents(_ entries: [SiteLayout.Entry], href: (SiteLayout.Entry) -> String = { fileHref($0.file) }) -> String {
        "<h2 id=\"contents\">Contents</h2>\n<ol class=\"toc\">\n"
            + entries.map { "<li><a href=\"\(href($0))\">\(escapeXML($0.title))</a></li>\n" }.joined() + "</ol>\n"
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
