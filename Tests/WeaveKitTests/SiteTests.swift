import Foundation
import Testing
@testable import WeaveKit

@Suite struct SiteTests {
    /// The spec's examples: Markdown between the example fence and the lone `.` line.
    static func specExamples() throws -> [(number: Int, markdown: String)] {
        let url = packageRoot.appendingPathComponent("Tests/WeaveKitTests/Resources/commonmark-spec-0.29.txt")
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        var examples: [(Int, String)] = []
        var k = 0
        while k < lines.count {
            if lines[k].hasPrefix("````````````````````````````````") && lines[k].hasSuffix("example") {
                var markdown: [String] = []
                k += 1
                while lines[k] != "." { markdown.append(lines[k]); k += 1 }
                examples.append((examples.count + 1, markdown.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t")))
            }
            k += 1
        }
        return examples
    }

    /// Without snippets or math, a page is exactly libcmark's HTML, but for the anchor ids
    /// weave gives headings. Examples with `$` are skipped: there `$` is math syntax.
    @Test func plainMarkdownRendersAsLibcmarkRendersIt() throws {
        let examples = try Self.specExamples()
        #expect(examples.count == 649)
        var failures: [Int] = []
        var compared = 0
        for (number, markdown) in examples where !markdown.contains("$") {
            let expected = MarkdownDocument(markdown).renderHTML()
            let actual = try PageRenderer.render(source: markdown, path: "spec.md").body
            compared += 1
            if Self.withoutAnchors(actual) != expected { failures.append(number) }
        }
        #expect(compared > 600)
        #expect(failures.isEmpty, "examples that differ: \(failures)")
    }

    static func withoutAnchors(_ html: String) -> String {
        html.replacingOccurrences(of: #"<h([1-6]) id="[^"]*">"#, with: "<h$1>", options: .regularExpression)
            .replacingOccurrences(of: ##"<a class="anchor" href="#[^"]*" aria-label="Link to this section">#</a></h"##,
                                  with: "</h", options: .regularExpression)
    }

    @Test func headingsGetStableUniqueIdsAndAnOutline() throws {
        let page = try PageRenderer.render(source: "# Title\n\n## The loss $\\mathcal{L}$\n\n## The loss $\\mathcal{L}$\n\n### Deeper\n", path: "x.md")
        #expect(page.title == "Title")
        #expect(page.sections.map(\.id) == ["the-loss-mathcal-l", "the-loss-mathcal-l-2", "deeper"])
        #expect(page.sections.map(\.level) == [2, 2, 3])
        #expect(page.body.contains("<h2 id=\"the-loss-mathcal-l\">The loss <math>"))
    }

    @Test func snippetOutputIsEscapedAndHiddenSnippetsLeaveNoTrace() throws {
        var hidden = Tags(); hidden.hidden = true
        var quiet = Tags(); quiet.quiet = true
        let snippets = [
            Snippet(index: 0, fenceLine: 3, code: "setup()", tags: hidden),
            Snippet(index: 1, fenceLine: 7, code: "print(x)", tags: Tags()),
            Snippet(index: 2, fenceLine: 11, code: "noisy()", tags: quiet),
        ]
        let outputs = [SnippetOutput(index: 1, items: [.text("<b>&</b>")]), SnippetOutput(index: 2, items: [.text("noise")])]
        let source = "# T\n\n```swift hidden\nsetup()\n```\n\n```swift\nprint(x)\n```\n\n```swift quiet\nnoisy()\n```\n"
        let body = try PageRenderer.render(source: source, path: "x.md", snippets: snippets, outputs: outputs).body
        #expect(!body.contains("setup"))
        #expect(body.contains("&lt;b&gt;&amp;&lt;/b&gt;"))
        #expect(!body.contains("<b>&</b>"))
        #expect(body.contains("noisy"))
        #expect(!body.contains("noise<"))
    }

    @Test func aFailedBuildLeavesThePreviousSiteUntouched() throws {
        let good = try Fixture(["a.md": "# A\n\n```swift\nprint(1)\n```\n"])
        defer { good.remove() }
        let output = good.directory.appendingPathComponent("out-site")
        _ = try SiteBuilder.build(good.options(), output: output)
        let before = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(before == [OutputFolder.markerName, "a.html", "copy.js", "index.html", "print.html", "search-index.js", "search.js", "style.css"])
        let page = try Data(contentsOf: output.appendingPathComponent("a.html"))

        try Data("# A\n\n```swift\nprint(undefined)\n```\n".utf8).write(to: good.directory.appendingPathComponent("a.md"))
        #expect(throws: SiteBuildError.self) { try SiteBuilder.build(good.options(), output: output) }
        try Data("# A\n\n$\\nope$\n".utf8).write(to: good.directory.appendingPathComponent("a.md"))
        #expect(throws: SiteBuildError.self) { try SiteBuilder.build(good.options(), output: output) }

        #expect(try Data(contentsOf: output.appendingPathComponent("a.html")) == page)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: good.directory.path).filter { $0.contains("staging") || $0.contains(".old-") }
        #expect(leftovers.isEmpty)
    }

    @Test func twoBuildsAtOnceLeaveOneCompleteSite() throws {
        let fixture = try Fixture(["a.md": "# A\n\nText.\n", "b.md": "# B\n\nMore.\n"])
        defer { fixture.remove() }
        let output = fixture.directory.appendingPathComponent("out-site")
        let options = fixture.options()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in _ = try? SiteBuilder.build(options, output: output) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() == [OutputFolder.markerName, "a.html", "b.html", "copy.js", "index.html", "print.html", "search-index.js", "search.js", "style.css"])
    }
}

@Suite struct EscapingTests {
    @Test func markupAndControlCharactersNeverReachTheHTML() {
        #expect(escapeXML("<a href=\"x\">&</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;")
        #expect(escapeXML("\u{1B}[31mred\u{1B}[0m\tok\n") == "\u{241B}[31mred\u{241B}[0m\tok\n")
        #expect(escapeXML("\u{0}\u{7F}\u{85}") == "\u{2400}\u{2421}\u{FFFD}")
        #expect(escapeXML("∂L/∂W 𝐡") == "∂L/∂W 𝐡")
    }
}
