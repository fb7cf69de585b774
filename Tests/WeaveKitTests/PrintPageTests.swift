import Foundation
import Testing
@testable import WeaveKit

/// `print.html`: the whole course on one page, chapters in order, links between chapters
/// turned into links inside the page, ids unique, linked from every page.
@Suite struct PrintPageTests {
    static let chapters = [
        "index.md": "# Course\n\nStart with [the first](01-a.md) or [a part](02-b.md#part).\n",
        "01-a.md": "# A\n\n## Part\n\nSee [B's part](02-b.md#part), [B](02-b.html), [mine](#part) and [raw](02-b.md#raw).\n",
        "02-b.md": "# B\n\n## Part\n\n<span id=\"raw\">x</span>\n\n[home](index.html#contents) [out](https://example.com/)\n",
    ]

    static func site() throws -> [String: String] {
        let fixture = try Fixture(chapters)
        defer { fixture.remove() }
        let reports = try ChapterLoader.chapterPaths(in: fixture.directory.path).map { path in
            ChapterReport(path: path, chapter: try ChapterLoader.load(path, root: packageRoot), execution: nil, errors: [])
        }
        return try SiteBuilder.render(reports, chapters: fixture.directory.path, root: packageRoot)
    }

    @Test func holdsEveryChapterInOrderAfterTheFrontPage() throws {
        let page = try #require(try Self.site()["print.html"])
        let order = ["id=\"index--course\"", "id=\"contents\"", "<section class=\"print-chapter\" id=\"01-a\">",
                     "id=\"01-a--a\"", "<section class=\"print-chapter\" id=\"02-b\">", "id=\"02-b--part\""]
        let positions = order.map { page.range(of: $0)?.lowerBound }
        #expect(!positions.contains(nil), "\(zip(order, positions).filter { $1 == nil }.map(\.0))")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(!page.contains("class=\"sidebar\""))
    }

    @Test(arguments: [
        ("the first", "#01-a"), ("a part", "#02-b--part"), ("B's part", "#02-b--part"), ("B", "#02-b"),
        ("mine", "#01-a--part"), ("raw", "#raw"), ("home", "#contents"), ("out", "https://example.com/"),
    ])
    func aLinkBetweenChaptersStaysInsideThePage(_ text: String, _ href: String) throws {
        let page = try #require(try Self.site()["print.html"])
        #expect(page.contains("<a href=\"\(href)\">\(text.replacingOccurrences(of: "'", with: "&#x27;"))</a>")
                || page.contains("<a href=\"\(href)\">\(text)</a>"))
    }

    @Test func idsAreUniqueAndEveryLinkInsideThePageHasItsTarget() throws {
        let page = try #require(try Self.site()["print.html"])
        let ids = HTMLValidityTests.matches(#" id="([^"]*)""#, in: page)
        #expect(Set(ids).count == ids.count, "\(ids)")
        for href in HTMLValidityTests.matches(##"href="#([^"]*)""##, in: page) {
            #expect(ids.contains(href.removingPercentEncoding ?? href), "#\(href)")
        }
    }

    @Test func everyPageLinksToIt() throws {
        for (name, page) in try Self.site() where name.hasSuffix(".html") {
            #expect(page.contains(#"<a class="one-page" href="print.html">"#), "\(name)")
        }
    }

    @Test func aChapterNamedPrintKeepsItsPage() {
        #expect(PrintPage.fileName(avoiding: ["print.html", "print-2.html"]) == "print-3.html")
        #expect(PrintPage.fileName(avoiding: ["a.html"]) == "print.html")
    }
}
