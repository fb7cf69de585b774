import Foundation
import Testing
@testable import WeaveKit

/// Navigation on a phone: the chapter list and the chapter's outline fold behind controls
/// above the chapter (CSS only), and wide boxes show that they scroll.
@Suite struct NavigationTests {
    static func site() throws -> [String: String] {
        let fixture = try Fixture([
            "01-a.md": "# A\n\n## First part\n\n### Deeper\n\nText.\n",
            "02-b.md": "# B\n\nNo sections.\n",
        ])
        defer { fixture.remove() }
        let reports = try ChapterLoader.chapterPaths(in: fixture.directory.path).map { path in
            ChapterReport(path: path, chapter: try ChapterLoader.load(path, root: packageRoot), execution: nil, errors: [])
        }
        return try SiteBuilder.render(reports, chapters: fixture.directory.path, root: packageRoot)
    }

    @Test func theChapterListAndOutlineFoldAboveTheChapter() throws {
        let page = try #require(try Self.site()["01-a.html"])
        let nav = try #require(page.range(of: "<nav class=\"phone-nav\"")).lowerBound
        let article = try #require(page.range(of: "<article>")).lowerBound
        #expect(nav < article, "the folded navigation comes before the chapter")
        let folded = String(page[nav..<article])
        #expect(folded.contains("<details class=\"phone-chapters\"><summary>Chapters</summary>"))
        #expect(folded.contains(#"<a href="02-b.html">B</a>"#))
        #expect(folded.contains(#"<a href="01-a.html" aria-current="page">A</a>"#))
        #expect(folded.contains("<details class=\"phone-outline\"><summary>On this page</summary>"))
        #expect(folded.contains(##"<li class="level3"><a href="#deeper">Deeper</a></li>"##))
        #expect(!folded.contains("<details open"), "folded by default, so the chapter starts on the first screen")
    }

    @Test func aPageWithoutSectionsHasNoOutlineControl() throws {
        let page = try #require(try Self.site()["02-b.html"])
        #expect(page.contains("phone-chapters"))
        #expect(!page.contains("phone-outline"))
    }

    @Test func theStylesheetSwapsTheSidebarForTheFoldedListOnAPhone() {
        let css = Stylesheet.css
        let phone = css.range(of: "@media (max-width: 52rem)").map { String(css[$0.upperBound...]) } ?? ""
        #expect(css.contains(".phone-nav { display: none; }"))
        #expect(phone.contains(".sidebar { display: none; }"))
        #expect(phone.contains(".phone-nav { display: flex;"))
    }

    @Test func wideBoxesShowAShadowWhereTheyScroll() {
        #expect(Stylesheet.css.contains(#"pre, .table-wrap, math[display="block"] { --scroll-bg"#))
        #expect(Stylesheet.css.contains("no-repeat local"))
    }
}
