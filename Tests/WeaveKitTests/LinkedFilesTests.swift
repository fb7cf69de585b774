import Foundation
import Testing
@testable import WeaveKit

/// Files a chapter links to or shows are copied into the site; a link to a file that is
/// missing, outside the package or hidden is an error at the link, in check and build alike.
@Suite struct LinkedFilesTests {
    static let svg = Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n".utf8)
    static let csv = Data([0x61, 0x2C, 0x62, 0x0A, 0x00, 0xFF, 0x0A])  // not UTF-8: copied as bytes

    /// Reports for the fixture's chapters as loaded, without running them.
    static func loaded(_ fixture: Fixture, root: URL = packageRoot) throws -> [ChapterReport] {
        try ChapterLoader.chapterPaths(in: fixture.directory.path).map { path in
            ChapterReport(path: path, chapter: try ChapterLoader.load(path, root: root), execution: nil, errors: [])
        }
    }

    static func write(_ data: Data, _ path: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    @Test func anImageAndAFileLinkAreCopiedAndPointedAt() throws {
        let fixture = try Fixture([
            "index.md": "# Course\n\n![logo](figures/net.svg)\n",
            "a.md": "# A\n\n![net](figures/net.svg \"The net\")\n\nThe [runs](data/runs.csv#L2), [again](./data/runs.csv).\n",
        ])
        defer { fixture.remove() }
        try Self.write(Self.svg, "figures/net.svg", in: fixture.directory)
        try Self.write(Self.csv, "data/runs.csv", in: fixture.directory)
        let site = try SiteBuilder.site(try Self.loaded(fixture), chapters: fixture.directory.path, root: packageRoot)
        #expect(site["figures/net.svg"] == Self.svg)
        #expect(site["data/runs.csv"] == Self.csv)
        let page = String(decoding: try #require(site["a.html"]), as: UTF8.self)
        #expect(page.contains(#"<img src="figures/net.svg" alt="net" title="The net" />"#))
        #expect(page.contains(#"<a href="data/runs.csv#L2">runs</a>"#))
        #expect(page.contains(#"<a href="data/runs.csv">again</a>"#))
        #expect(String(decoding: try #require(site["index.html"]), as: UTF8.self).contains(#"src="figures/net.svg""#))
        #expect(try SiteBuilder.site(try Self.loaded(fixture), chapters: fixture.directory.path, root: packageRoot) == site)
    }

    @Test func aBuildWritesTheFilesIntoTheSite() throws {
        let fixture = try Fixture(["a.md": "# A\n\n![net](figures/deep/net.svg)\n"])
        defer { fixture.remove() }
        try Self.write(Self.svg, "figures/deep/net.svg", in: fixture.directory)
        let output = fixture.directory.appendingPathComponent("site")
        _ = try SiteBuilder.build(fixture.options(), output: output)
        #expect(try Data(contentsOf: output.appendingPathComponent("figures/deep/net.svg")) == Self.svg)
    }

    @Test func aFileElsewhereInThePackageGoesUnderItsOwnFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("weave-linked-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.write(Data("# A\n\n[runs](../data/runs%20all.csv)\n".utf8), "chapters/a.md", in: root)
        try Self.write(Self.csv, "data/runs all.csv", in: root)
        let chapters = root.appendingPathComponent("chapters").path
        let reports = try ChapterLoader.chapterPaths(in: chapters).map { path in
            ChapterReport(path: path, chapter: try ChapterLoader.load(path, root: root), execution: nil, errors: [])
        }
        let site = try SiteBuilder.site(reports, chapters: chapters, root: root)
        #expect(site["_package/data/runs all.csv"] == Self.csv)
        #expect(String(decoding: try #require(site["a.html"]), as: UTF8.self)
            .contains(#"<a href="_package/data/runs%20all.csv">runs</a>"#))
    }

    @Test(arguments: ["[w](https://example.com/x.png)", "[m](mailto:a@example.com)", "[a](#a)", "![d](data:image/gif;base64,R0lG)",
                      "[p](//example.com/x.csv)"])
    func linksWithASchemeAndAnchorsAreLeftAlone(_ link: String) throws {
        let fixture = try Fixture(["a.md": "# A\n\n\(link)\n"])
        defer { fixture.remove() }
        let reports = ChapterLinks.check(try Self.loaded(fixture), chapters: fixture.directory.path, root: packageRoot)
        #expect(reports.flatMap(\.errors).isEmpty)
        let site = try SiteBuilder.site(reports, chapters: fixture.directory.path, root: packageRoot)
        #expect(Set(site.keys) == ["a.html", "index.html", "print.html", "style.css", "search-index.js", "search.js", "copy.js"])
    }

    /// A chapter's text, the words its error must hold, and the line and column of the link.
    static let broken: [(text: String, message: String, line: Int, column: Int)] = [
        ("# A\n\nSee ![gone](figures/gone.svg).\n", "points to no file", 3, 13),
        ("# A\n\nText\nand [p](../../etc/passwd).\n", "leads outside the package", 4, 9),
        ("# A\n\n[p](/etc/passwd)\n", "absolute path", 3, 5),
        ("# A\n\n- [s](.secret)\n", "hidden", 3, 7),
        ("# A\n\n[f](figures)\n", "not a file", 3, 5),
        ("# A\n\n[c](style.css)\n", "replace the site's own style.css", 3, 5),
        ("# A\n\n[o](outside/passwd)\n", "leads outside the package", 3, 5),
        ("# A\n\n[ref]\n\n[ref]: missing.csv\n", "points to no file", 5, 8),
    ]

    @Test func aBrokenFileLinkIsALocatedErrorInCheck() throws {
        var chapters: [String: String] = [:]
        for (k, chapter) in Self.broken.enumerated() { chapters["c\(k).md"] = chapter.text }
        let fixture = try Fixture(chapters)
        defer { fixture.remove() }
        try Self.write(Self.svg, "figures/net.svg", in: fixture.directory)
        try Self.write(Data(), ".secret", in: fixture.directory)
        try Self.write(Data(), "style.css", in: fixture.directory)
        try FileManager.default.createSymbolicLink(atPath: fixture.path("outside"), withDestinationPath: "/etc")
        let reports = try fixture.run()
        for (k, chapter) in Self.broken.enumerated() {
            let errors = reports.first { $0.path.hasSuffix("/c\(k).md") }?.errors ?? []
            #expect(errors.count == 1, "\(chapter.text): \(errors)")
            #expect(errors.first?.message.contains(chapter.message) == true, "\(errors)")
            #expect(errors.first?.location == SourceLocation(file: fixture.path("c\(k).md"), line: chapter.line, column: chapter.column),
                    "\(chapter.text)")
        }
    }
}
