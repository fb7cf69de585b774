import Foundation
import Testing
@testable import WeaveKit

/// Links between chapters: `.md` links become page links; broken ones fail check and build.
@Suite struct ChapterLinksTests {
    static let b = "# B\n\n## Part two\n\n<span id=\"raw-anchor\">x</span>\n"

    static func errors(_ a: String, front: String? = nil) throws -> [WeaveError] {
        var files = ["a.md": a, "b.md": b]
        if let front { files["index.md"] = front }
        let fixture = try Fixture(files)
        defer { fixture.remove() }
        let reports = try ChapterLoader.chapterPaths(in: fixture.directory.path).map { path in
            ChapterReport(path: path, chapter: try ChapterLoader.load(path, root: packageRoot), execution: nil, errors: [])
        }
        return ChapterLinks.check(reports, chapters: fixture.directory.path, root: packageRoot).flatMap(\.errors)
    }

    @Test(arguments: [
        "[b](b.md)", "[b](./b.md#part-two)", "[b](b.html#part-two)", "[b](b.md#raw-anchor)", "[a](#a)",
        "[front](index.html#contents)", "[out](https://example.com/x.md#y)",
    ])
    func goodLinksPass(_ link: String) throws {
        #expect(try Self.errors("# A\n\nSee \(link).\n").isEmpty)
    }

    @Test(arguments: ["[b](b.md#part-three)", "[c](c.md)", "[c](c.html)", "[a](#nowhere)", "[b](b.html#Part-two)"])
    func aBrokenLinkIsAnErrorAtItsLine(_ link: String) throws {
        let errors = try Self.errors("# A\n\nText.\n\nSee \(link).\n")
        #expect(errors.count == 1)
        #expect(errors.first?.location == SourceLocation(file: errors.first?.location?.file ?? "", line: 5))
        #expect(errors.first?.location?.file.hasSuffix("a.md") == true)
    }

    @Test func theFrontPagesLinksAreCheckedToo() throws {
        let errors = try Self.errors("# A\n", front: "# Course\n\n[gone](gone.md)\n")
        #expect(errors.first?.location?.file.hasSuffix("index.md") == true)
    }

    @Test func aMarkdownLinkBecomesAPageLink() throws {
        let page = try PageRenderer.render(source: "# A\n\n[b](b.md#part-two) [c](02%20c.md) [x](https://e.com/x.md)\n", path: "a.md")
        #expect(page.body.contains(#"<a href="b.html#part-two">b</a>"#))
        #expect(page.body.contains(#"<a href="02%20c.html">c</a>"#))
        #expect(page.body.contains(#"<a href="https://e.com/x.md">x</a>"#))
    }
}

/// An `id="…"` that the page shows as code is no anchor; one in raw HTML is.
@Suite struct RawAnchorTests {
    @Test func onlyRawHTMLIdsAreAnchors() throws {
        let fixture = try Fixture([
            "a.md": "# A\n\n[to code](b.md#in-code) and [to html](b.md#in-html)\n",
            "b.md": "# B\n\n```text\n<span id=\"in-code\">\n```\n\n<div id=\"in-html\"></div>\n\n`<a id=\"inline-code\">`\n",
        ])
        defer { fixture.remove() }
        let reports = try fixture.run()
        let errors = reports.flatMap(\.errors).map(\.message)
        #expect(errors.contains { $0.contains("in-code") }, "\(errors)")
        #expect(!errors.contains { $0.contains("in-html") }, "\(errors)")
    }
}

/// A broken link in the prose fails the chapter, not the snippets that passed.
@Suite struct FailedSnippetCountTests {
    @Test func aLinkErrorCountsNoSnippetAsFailed() throws {
        let fixture = try Fixture(["a.md": "# A\n\nSee [x](nope.md).\n\n```swift\nprint(1)\n```\n"])
        defer { fixture.remove() }
        let report = try #require(try fixture.run().first)
        #expect(!report.succeeded)
        #expect(report.snippetsRun == 1 && report.snippetsFailed == 0 && report.snippetsPassed == 1)
    }
}
