import Foundation
import Testing
@testable import WeaveKit

/// An `expect` snippet's figure says that the build checked its output; no other does.
@Suite struct CheckedMarkTests {
    @Test func onlyAnExpectSnippetWithItsBlockIsMarked() throws {
        let source = "# T\n\n```swift expect\nprint(1)\n```\n\n```output\n1\n```\n\n```swift\nprint(2)\n```\n"
        let parsed = try ChapterParser.parse(source, path: "x.md", root: packageRoot).snippets
        let outputs = [SnippetOutput(index: 0, items: [.text("1\n")]), SnippetOutput(index: 1, items: [.text("2\n")])]
        let body = try PageRenderer.render(source: source, path: "x.md", snippets: parsed, outputs: outputs).body
        let figures = body.components(separatedBy: "<figure").dropFirst()
        #expect(figures.count == 2)
        #expect(figures.first?.contains("<figcaption class=\"checked\">") == true)
        #expect(figures.last?.contains("checked") == false)
    }
}
