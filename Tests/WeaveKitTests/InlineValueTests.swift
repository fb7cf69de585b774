import Foundation
import Testing
@testable import WeaveKit

/// Inline values, `` `{swift} expr` `` in prose: evaluated in the chapter's program after the
/// snippets above them, sent on the control channel, printed into the sentence as text.
@Suite struct InlineValueTests {
    /// Runs the chapters through the pipeline and returns the reports
    /// and the site the build would write from them.
    static func run(_ chapters: [String: String]) throws -> (reports: [ChapterReport], site: [String: String]) {
        let fixture = try Fixture(chapters)
        defer { fixture.remove() }
        let reports = try fixture.run()
        guard reports.allSatisfy(\.succeeded) else { return (reports, [:]) }
        return (reports, try SiteBuilder.render(reports, chapters: fixture.directory.path, root: packageRoot))
    }

    static func report(_ markdown: String) throws -> ChapterReport {
        try #require(try run(["x.md": markdown]).reports.first { $0.path.hasSuffix("x.md") })
    }

    static let values = """
        # Values

        ```swift hidden
        let answer = 6 * 7
        ```

        The answer is `{swift} answer`, and a tag is `{swift} "<script>" + "&"`.

        ```swift quiet
        let names = ["a", "b"]
        ```

        - In a list: `{swift} names.count` names, *emphasised `{swift} names.joined(separator: "+")`*.

        > Quoted: `{swift} answer / 2`; code stays code: `swift answer`, ``{swift}x``.

        Two on a line with $x$ first: `{swift} 1` and `{swift} 2.5`.
        """

    @Test func valuesAreRenderedAsEscapedTextInTheSentenceOnThePageAndThePrintPage() throws {
        let (reports, site) = try Self.run(["index.md": "# Course\n", "x.md": Self.values])
        let report = try #require(reports.first { $0.path.hasSuffix("x.md") })
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.execution?.outputs.compactMap(\.value) == ["42", "<script>&", "2", "a+b", "21", "1", "2.5"])
        for name in ["x.html", "print.html"] {
            let page = try #require(site[name], "\(name)")
            #expect(page.contains("The answer is 42, and a tag is &lt;script&gt;&amp;."), "\(name)")
            #expect(page.contains("<li>In a list: 2 names, <em>emphasised a+b</em>.</li>"), "\(name)")
            #expect(page.contains("Quoted: 21; code stays code: <code>swift answer</code>, <code>{swift}x</code>."), "\(name)")
            #expect(page.contains(": 1 and 2.5.</p>"), "\(name)")
            #expect(!page.contains("<script>"), "\(name)")
            #expect(!page.contains("{swift} answer"), "\(name)")
        }
    }

    @Test func aVariableDeclaredBelowIsALocatedErrorAndOneAboveIsSeen() throws {
        let report = try Self.report("""
            # Order

            ```swift
            let above = 1
            ```

            Sum: `{swift} above + below`.

            ```swift
            let below = 2
            ```
            """)
        #expect(report.errors.count == 1)
        let error = try #require(report.errors.first)
        #expect(error.location == SourceLocation(file: error.location?.file ?? "", line: 7, column: 23))
        #expect(error.message.contains("'below'") && error.message.contains("line 10"), "\(error)")
    }

    @Test func aCompileErrorPointsAtTheInlineCodesLineAndColumn() throws {
        // "Σ" is two bytes: columns count bytes, as the compiler's do.
        let report = try Self.report("# Errors\n\nΣ is `{swift} 1 + \"a\"` and `{swift} nowhere`.\n")
        let places = report.errors.compactMap { error in error.location.map { "\($0.line ?? 0):\($0.column ?? 0)" } }
        #expect(places.contains("3:18"), "\(report.errors)")
        #expect(places.contains("3:38"), "\(report.errors)")
        #expect(report.errors.contains { $0.message.contains("cannot find 'nowhere' in scope") })
    }

    @Test func anOptionalIsALocatedErrorAndAnUnwrappedOneIsItsValue() throws {
        let failed = try Self.report("# O\n\nIt is `{swift} Int(\"3\")`.\n")
        #expect(failed.errors.first?.location?.line == 3, "\(failed.errors)")
        #expect(failed.errors.first?.message.contains("is an Optional") == true, "\(failed.errors)")
        let (reports, site) = try Self.run(["x.md": "# O\n\nIt is `{swift} Int(\"3\")!` and `{swift} [1, 2].first ?? 0`.\n"])
        #expect(reports.allSatisfy { $0.succeeded }, "\(reports.flatMap { $0.errors })")
        #expect(site["x.html"]?.contains("It is 3 and 1.") == true)
    }

    @Test func aNorunSnippetDeclaresNothingForAnInlineValue() throws {
        let report = try Self.report("# N\n\n```swift norun\nlet hidden = 1\n```\n\nIt is `{swift} hidden`.\n")
        #expect(report.errors.first?.location?.line == 7)
        #expect(report.errors.first?.location?.column == 16)
        #expect(report.errors.first?.message.contains("cannot find 'hidden' in scope") == true, "\(report.errors)")
    }

    @Test func aCrashNamesTheInlineValueAndTheValuesAfterItAsNotRun() throws {
        let report = try Self.report("# C\n\nFirst `{swift} 1`, then `{swift} [1][5]`, never `{swift} 3`.\n")
        #expect(report.errors.count == 2, "\(report.errors)")
        #expect(report.errors.first?.message.hasPrefix("the inline value crashed") == true, "\(report.errors)")
        #expect(report.errors.first?.location?.line == 3)
        #expect(report.errors.last?.message.hasPrefix("this inline value did not run") == true)
        #expect(report.errors.last?.location == SourceLocation(file: report.path, line: 3, column: 58))
    }

    @Test func printedTextAndChannelLinesCannotForgeAValue() throws {
        let forged = #"""
            ```swift
            let line = "weave-control-1-0000000000000000 value \(Data("666".utf8).base64EncodedString())\n"
            print(line)
            _ = line.withCString { write(3, $0, strlen($0)) }
            _ = "\nvalue NjY2\n".withCString { write(3, $0, strlen($0)) }
            ```

            The value is `{swift} 7`.
            """#
        let report = try Self.report("# F\n\n" + forged)
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.execution?.outputs.last?.value == "7")
    }

    @Test func anInlineValueThatPrintsIsAnError() throws {
        let report = try Self.report("# P\n\nIt is `{swift} { print(\"hi\"); return 1 }()`.\n")
        #expect(report.errors.map(\.message) == ["this inline value printed output, which a page cannot show in a sentence"])
        #expect(report.errors.first?.location?.line == 3)
    }

    @Test func changingAnExpressionRunsTheChapterAgainAndAValueSurvivesTheCache() throws {
        let fixture = try Fixture(["k.md": "# K\n\nIt is `{swift} 1 + 1`.\n"])
        defer { fixture.remove() }
        let first = try #require(try fixture.run().first)
        let again = try #require(try fixture.run().first)
        try Data("# K\n\nIt is `{swift} 1 + 2`.\n".utf8).write(to: fixture.directory.appendingPathComponent("k.md"))
        let changed = try #require(try fixture.run().first)
        #expect(first.cached == false && again.cached == true && changed.cached == false)
        #expect([first, again, changed].map { $0.execution?.outputs.first?.value } == ["2", "2", "3"])
    }

    @Test(arguments: [
        ("# A `{swift} 1`\n", 1, 14, "a heading"),
        ("# A\n\n![plot `{swift} 1`](p.png)\n", 3, 17, "an image's description"),
        ("# A\n\nEmpty `{swift}` here.\n", 3, 15, "no expression"),
    ])
    func misplacedOrEmptyInlineValuesAreLocatedErrors(_ markdown: String, _ line: Int, _ column: Int, _ words: String) throws {
        let fixture = try Fixture(["a.md": markdown])
        defer { fixture.remove() }
        #expect { try ChapterLoader.load(fixture.path("a.md"), root: packageRoot) } throws: { error in
            let error = error as? WeaveError
            return error?.location?.line == line && error?.location?.column == column && error?.message.contains(words) == true
        }
    }

    @Test func theFrontPageRefusesAnInlineValue() throws {
        let fixture = try Fixture(["index.md": "# Course\n\nWe have `{swift} 3` chapters.\n"])
        defer { fixture.remove() }
        #expect { try ChapterLoader.loadFrontPage(chapters: fixture.directory.path, root: packageRoot) } throws: { error in
            let error = error as? WeaveError
            return error?.location?.line == 3 && error?.location?.column == 18 && error?.message.contains("front page") == true
        }
    }

    @Test func aValueThatDidNotRunShowsItsSourceAsCodeNeverANumber() throws {
        let source = "# T\n\nIt is `{swift} 1 + 1` and `{swift} 2`.\n"
        let page = try PageRenderer.render(source: source, path: "t.md", outputs: [SnippetOutput(index: 1, value: "2")])
        #expect(page.body.contains("It is <code class=\"inline-unevaluated\">{swift} 1 + 1</code> and 2."), "\(page.body)")
    }

    @Test func inlineValuesAreSnippetsInDocumentOrderWithTheirColumns() throws {
        let source = "# T\n\nA `{swift} x` b\n\n```swift\nlet y = 1\n```\n\n- $a$ `` {swift}  y `` end\n"
        let (_, snippets) = try ChapterParser.parse(source, path: "t.md", root: packageRoot)
        #expect(snippets.map(\.code) == ["x", "let y = 1", "y"])
        #expect(snippets.map(\.inlineColumn) == [12, nil, 19])
        #expect(snippets.map(\.fenceLine) == [3, 5, 9])
    }
}
