import Foundation
import Testing
@testable import WeaveKit

/// Load parses each chapter once into typed blocks; check and build both use that parse.
@Suite struct TypedParseTests {
    static func load(_ markdown: String, name: String = "a.md") throws -> Chapter {
        let fixture = try Fixture([name: markdown])
        defer { fixture.remove() }
        return try ChapterLoader.load(fixture.path(name), root: packageRoot)
    }

    static func loadError(_ markdown: String) -> WeaveError? {
        do { _ = try load(markdown); return nil } catch { return error as? WeaveError }
    }

    @Test func aBadFormulaFailsLoadSoCheckFailsAsBuildDoes() throws {
        let error = Self.loadError("# T\n\nSee $a + \\oops$.\n")
        #expect(error?.location?.line == 3)
        #expect(error?.location?.column == 10)
    }

    @Test(arguments: [
        ("list item", "# T\n\n- ```swift\n  print(1)\n  ```\n\n```swift\nprint(2)\n```\n", [3, 7]),
        ("ordered item", "# T\n\n1. text\n\n   ```swift\n   print(1)\n   ```\n\n```swift\nprint(2)\n```\n", [5, 9]),
        ("block quote", "# T\n\n> ```swift\n> print(1)\n> ```\n\n```swift\nprint(2)\n```\n", [3, 7]),
        ("quote in item", "# T\n\n- > ```swift\n  > print(1)\n  > ```\n\n```swift\nprint(2)\n```\n", [3, 7]),
    ])
    func aSnippetInAContainerIsASnippet(_ container: String, _ markdown: String, _ lines: [Int]) throws {
        let chapter = try Self.load(markdown)
        #expect(chapter.snippets.map(\.fenceLine) == lines, "\(container)")
        #expect(chapter.snippets.map(\.code) == ["print(1)", "print(2)"])
        // Each output appears under its own snippet's code, never shifted onto another's.
        let body = PageRenderer.render(chapter, outputs: [
            SnippetOutput(index: 0, items: [.text("first")]), SnippetOutput(index: 1, items: [.text("second")]),
        ]).body
        let order = ["print", "first", "print", "second"].reduce(into: (body[...], true)) { state, word in
            guard let range = state.0.range(of: word) else { state.1 = false; return }
            state.0 = state.0[range.upperBound...]
        }
        #expect(order.1, "\(body)")
        #expect(body.components(separatedBy: "<figure").count == 3)
    }

    /// weave accept writes a container's prefix on every line it rewrites, so an expect or
    /// include snippet may stand in a list item or block quote like any other.
    @Test(arguments: [
        "# T\n\n- ```swift expect\n  print(1)\n  ```\n",
        "# T\n\n> ```swift include=Sources/ElmanRNN/SGD.swift#sgd\n> ```\n",
    ])
    func expectAndIncludeSnippetsWorkInContainers(_ markdown: String) {
        #expect(Self.loadError(markdown) == nil, "\(markdown)")
    }

    @Test(arguments: [
        "# T\n\n- ```swift\n  print(1)\n- next item\n",
        "# T\n\n```swift expect\nprint(1)\n```\n\n- ```output\n  1\n  ```\n",
    ])
    func aSnippetAContainerCannotHoldIsALocatedError(_ markdown: String) {
        let error = Self.loadError(markdown)
        #expect(error?.location?.line != nil, "\(markdown)")
    }

    @Test(arguments: [
        ("quotes", String(repeating: ">", count: 5000) + " deep\n"),
        ("list items", String(repeating: "- ", count: 5000) + "deep\n"),
        ("emphasis", String(repeating: "*", count: 6000) + "deep" + String(repeating: "*", count: 6000) + "\n"),
        ("images", String(repeating: "![", count: 3000) + "x" + String(repeating: "](u)", count: 3000) + "\n"),
    ])
    func deepNestingIsALocatedErrorNotACrash(_ kind: String, _ nesting: String) {
        // (Links cannot nest in CommonMark, so deep brackets are text and need no limit.)
        let error = Self.loadError("# T\n\n" + nesting)
        #expect(error?.message.contains("nested more than 100 levels") == true, "\(kind)")
        #expect(error?.location?.line == 3, "\(kind)")
    }

    @Test func nestingWithinTheLimitWorks() throws {
        let chapter = try Self.load("# T\n\n" + String(repeating: "> ", count: 50) + "fine\n")
        #expect(PageRenderer.render(chapter).body.contains("fine"))
    }

    /// Each place cmark copies text to: a formula there is its source, never a placeholder.
    @Test(arguments: [
        ("link target", "[a]($x$)", #"<a href="$x$">a</a>"#),
        ("link title", #"[a](u "$x$")"#, #"<a href="u" title="$x$">a</a>"#),
        ("image title", #"![t](u "$x$")"#, #"<img src="u" alt="t" title="$x$" />"#),
        ("image alt", "![a $x$](u)", #"alt="a x""#),
        ("raw HTML attribute", #"<span title="$x$">s</span>"#, #"<span title="$x$">s</span>"#),
        ("code span over two lines", "`a\n$x$`", "<code>a $x$</code>"),
        ("reference definition", "[r]\n\n[r]: /u/$x$ \"$y$\"", #"<a href="/u/$x$" title="$y$">r</a>"#),
        ("autolink", "<http://e.com/$x$>", #"href="http://e.com/$x$""#),
        ("reference label", "[$x$]\n\n[$x$]: /u", #"<a href="/u"><math"#),
    ])
    func mathPlaceholdersNeverReachAPage(_ place: String, _ markdown: String, _ expected: String) throws {
        let page = try PageRenderer.render(source: "# T\n\n" + markdown + "\n", path: "x.md")
        #expect(page.body.contains(expected), "\(place): \(page.body)")
        #expect(!page.body.contains(MathExtraction.open) && !page.body.contains("WEAVEMATH"), "\(place)")
    }

    @Test func headingsWithMathGiveTextTitlesIdsAndOutlines() throws {
        let page = try PageRenderer.render(source: "# Loss $L$\n\n## Gradient $\\partial L$\n", path: "x.md")
        #expect(page.title == "Loss L")
        #expect(page.sections.map(\.id) == ["gradient-partial-l"])
        #expect(page.sections[0].html.contains("<math>"))
        #expect(!page.body.contains(MathExtraction.open))
    }

    @Test func aChapterMayNotHoldTheReservedCharacters() {
        #expect(Self.loadError("# T\n\nsneaky \(MathExtraction.placeholder(0))\n")?.location?.line == 3)
    }

    @Test func multiLineDisplayMathKeepsLaterSnippetLines() throws {
        let chapter = try Self.load("# T\n\n$$\\begin{aligned}\nx &= 1\n\\end{aligned}$$\n\n```swift\nprint(1)\n```\n")
        #expect(chapter.snippets.map(\.fenceLine) == [7])
        #expect(chapter.document.formulas.count == 1)
    }
}

/// The front page goes through the same Load; it runs nothing, so snippets there are errors.
@Suite struct FrontPageTests {
    @Test(arguments: [
        ("# Course\n\nIntro.\n\n```swift\nprint(1)\n```\n", 5),
        ("# Course\n\n```output\n1\n```\n", 3),
        ("# Course\n\n- ```swift\n  print(1)\n  ```\n", 3),
        ("# Course\n\n$\\nope$\n", 3),
    ])
    func aSnippetOrBadMathOnTheFrontPageFailsCheck(_ markdown: String, _ line: Int) throws {
        let fixture = try Fixture(["index.md": markdown, "a.md": "# A\n\nText.\n"])
        defer { fixture.remove() }
        let report = ChapterLoader.frontPageReport(chapters: fixture.directory.path, root: packageRoot)
        #expect(report?.errors.first?.location?.line == line)
        #expect(report?.errors.first?.location?.file.hasSuffix("index.md") == true)
    }

    @Test func aPlainFrontPageIsFine() throws {
        let fixture = try Fixture(["index.md": "# Course\n\n```text\nplain\n```\n", "a.md": "# A\n"])
        defer { fixture.remove() }
        #expect(ChapterLoader.frontPageReport(chapters: fixture.directory.path, root: packageRoot) == nil)
        let page = try ChapterLoader.loadFrontPage(chapters: fixture.directory.path, root: packageRoot)
        #expect(page?.title == "Course")
    }
}
