import Foundation
import Testing
@testable import WeaveKit

/// Each kind of bad chapter gives a message with the chapter's path and line, and fails.
@Suite struct ErrorCaseTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var markdown: String
        var line: Int
        var message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "compile error", markdown: "# T\n\n```swift\nlet x = 1\nlet y = undefinedThing + x\n```\n",
             line: 5, message: "cannot find 'undefinedThing' in scope"),
        Case(name: "index out of range", markdown: "# T\n\n```swift\nprint(\"before\")\n```\n\n```swift\nlet xs = [1]\nprint(xs[5])\n```\n",
             line: 9, message: "Index out of range"),
        Case(name: "fatalError", markdown: "# T\n\n```swift\nfatalError(\"boom\")\n```\n", line: 4, message: "boom"),
        Case(name: "precondition", markdown: "# T\n\n```swift\nlet n = -1\nprecondition(n > 0, \"positive\")\n```\n",
             line: 5, message: "Precondition failed: positive"),
        Case(name: "endless loop", markdown: "# T\n\n```swift timeout=1\nvar i = 0\nwhile true { i &+= 1 }\n```\n",
             line: 3, message: "ran longer than its time limit of 1 s"),
        Case(name: "unknown tag", markdown: "# T\n\n```swift frobnicate\nprint(1)\n```\n",
             line: 3, message: "unknown tag 'frobnicate'"),
        Case(name: "unterminated fence", markdown: "# T\n\ntext\n\n```swift\nprint(1)\n", line: 5, message: "unterminated code fence"),
        Case(name: "missing include file", markdown: "# T\n\n```swift include=Sources/Nope.swift#x\n```\n",
             line: 3, message: "cannot read 'Sources/Nope.swift'"),
        Case(name: "missing include anchor", markdown: "# T\n\n```swift include=Sources/ElmanRNN/SGD.swift#nope\n```\n",
             line: 3, message: "its anchors are: sgd"),
        Case(name: "no heading", markdown: "Just text.\n", line: 1, message: "no heading"),
        Case(name: "output block without expect", markdown: "# T\n\n```swift\nprint(1)\n```\n\n```output\n1\n```\n",
             line: 7, message: "must directly follow a ```swift expect snippet"),
        Case(name: "expect without output block", markdown: "# T\n\n```swift expect\nprint(1)\n```\n",
             line: 3, message: "has no ```output block"),
    ]

    @Test(arguments: cases)
    func reportsWhereAndWhat(_ c: Case) throws {
        let fixture = try Fixture(["x.md": c.markdown])
        defer { fixture.remove() }
        let report = try #require(try fixture.run().first)
        #expect(!report.succeeded)
        let error = try #require(report.errors.first)
        #expect(error.location?.file == fixture.path("x.md"))
        #expect(error.location?.line == c.line, "\(error)")
        #expect(error.description.contains(c.message), "\(error)")
    }

    @Test func mismatchIsShownAsADiff() throws {
        let fixture = try Fixture(["x.md": "# T\n\n```swift expect\nprint(\"one\\ntwo\")\n```\n\n```output\none\n2\n```\n"])
        defer { fixture.remove() }
        let error = try #require(try fixture.run().first?.errors.first)
        #expect(error.location?.line == 3)
        #expect(error.details.contains("-2"))
        #expect(error.details.contains("+two"))
        #expect(error.details.contains(" one"))
    }

    @Test func outputPrintedBeforeACrashIsKept() throws {
        let fixture = try Fixture(["x.md": "# T\n\n```swift\nprint(\"first\")\n```\n\n```swift\nprint(\"second\")\nlet xs = [1]\nprint(xs[3])\n```\n"])
        defer { fixture.remove() }
        let report = try #require(try fixture.run().first)
        #expect(report.execution?.outputs.map(\.text) == ["first", "second"])
        #expect(report.errors.first?.location?.line == 10)
        #expect(report.snippetsFailed == 1 && report.snippetsPassed == 1)
    }

    @Test func nonUTF8ChapterNamesItsLine() throws {
        let fixture = try Fixture([:])
        defer { fixture.remove() }
        try Data([0x23, 0x20, 0x54, 0x0A, 0x0A, 0xFF, 0xFE, 0x0A]).write(to: fixture.directory.appendingPathComponent("x.md"))
        let error = try #require(try fixture.run().first?.errors.first)
        #expect(error.location?.line == 3)
        #expect(error.message.contains("not valid UTF-8"))
    }

    @Test func emptyOrMissingChaptersFolderIsAnError() throws {
        let fixture = try Fixture([:])
        defer { fixture.remove() }
        #expect(throws: WeaveError.self) { try fixture.run() }
        #expect { try Pipeline.run(PipelineOptions(chapters: "/nonexistent/chapters", root: packageRoot)) } throws: {
            ($0 as? WeaveError)?.message.contains("no chapters folder") == true
        }
    }
}
