import Foundation
import Testing
@testable import WeaveKit

/// A chapter file to load, rewrite with `Accept`, and load again, without a compiler.
struct AcceptCase {
    let directory: URL
    let path: String

    init(_ source: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("weave-accept-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("x.md").path
        try Data(source.utf8).write(to: URL(fileURLWithPath: path))
    }

    func load(root: URL = packageRoot) throws -> Chapter { try ChapterLoader.load(path, root: root) }

    /// Every snippet printed `output`.
    static func execution(_ chapter: Chapter, printing output: String) -> ChapterExecution {
        ChapterExecution(outputs: chapter.snippets.map { SnippetOutput(index: $0.index, items: [.text(output)]) },
                         errors: [], seconds: 0, cached: false)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

/// Outputs made of the pieces that have broken chapters: fences, carriage returns, tabs,
/// trailing and leading spaces, blank lines, `>`, control characters and Unicode.
struct OutputGenerator: RandomNumberGenerator {
    var source: SeededGenerator
    init(seed: UInt64) { source = SeededGenerator(seed: seed) }
    mutating func next() -> UInt64 { source.next() }

    static let pieces = ["```", "````", "`````````", "   ```", "~~~", "\r", "\r\n", "\t", "  ", " ", "\n", "\n\n", ">", "> ",
                         "x", "output", "é", "e\u{301}", "日本語", "🙂", "\u{1B}[31m", "\u{0}", "\u{7F}", "\u{7}", "-", "1.",
                         "    code", "<b>", "$x$", "\\"]
    /// The noncharacters weave reserves, which a string literal cannot spell.
    static let reserved = [0xFDD0, 0xFDD1].map { String(Unicode.Scalar(UInt32($0))!) }

    mutating func output() -> String {
        (0..<Int.random(in: 0...12, using: &self)).map { _ in (Self.pieces + Self.reserved).randomElement(using: &self)! }.joined()
    }
}

@Suite struct AcceptTests {
    /// Chapters with an `expect` snippet (its output block present or missing) in the
    /// containers a block can sit in.
    static let chapters: [(name: String, source: String)] = [
        ("plain", "# T\n\nIntro  with  spaces.\n\n```swift expect\nprint(1)\n```\n\n```output\nold\n```\n\nTail  \n"),
        ("plain, no output block", "# T\n\n```swift expect\nprint(1)\n```\nAfter.\n"),
        ("indented fence", "# T\n\n  ```swift expect\n  print(1)\n  ```\n  ```output\n  old\n  ```\nAfter.\n"),
        ("blockquote", "# T\n\n> Quote.\n>\n> ```swift expect\n> print(1)\n> ```\n>\n> ```output\n> old\n> ```\n\nTail\n"),
        ("blockquote, no output block", "# T\n\n> ```swift expect\n> print(1)\n> ```\n\nTail\n"),
        ("blockquote without spaces", "# T\n\n>```swift expect\n>print(1)\n>```\n>```output\n>old\n>```\n"),
        ("nested blockquote", "# T\n\n> > ```swift expect\n> > print(1)\n> > ```\n> >\n> > ```output\n> > old\n> > ```\n"),
        ("list item", "# T\n\n- item\n\n  ```swift expect\n  print(1)\n  ```\n\n  ```output\n  old\n  ```\n- next\n"),
        ("numbered list item, no output block", "# T\n\n1. Step:\n\n   ```swift expect\n   print(1)\n   ```\n2. next\n"),
        ("list in a blockquote, no output block", "# T\n\n>- item\n>\n>  ```swift expect\n>  print(1)\n>  ```\n>- next\n"),
        ("list item indented by a tab", "# T\n\n- item\n\n\t```swift expect\n\tprint(1)\n\t```\n\t```output\n\told\n\t```\n"),
        ("CRLF", "# T\r\n\r\nText.\r\n\r\n```swift expect\r\nprint(1)\r\n```\r\n\r\n```output\r\nold\r\n```\r\n\r\nTail\r\n"),
        ("CRLF, no output block", "# T\r\n\r\n```swift expect\r\nprint(1)\r\n```\r\nTail\r\n"),
        ("CRLF blockquote", "# T\r\n\r\n> ```swift expect\r\n> print(1)\r\n> ```\r\n> ```output\r\n> old\r\n> ```\r\n"),
        ("no final newline", "# T\n\n```swift expect\nprint(1)\n```\n\n```output\nold\n```"),
        ("no final newline, no output block", "# T\n\n```swift expect\nprint(1)\n```"),
    ]

    /// The lines of the chapter outside the block that accept may rewrite (the output block,
    /// or the place right after the snippet where it inserts one).
    static func untouched(_ source: String, _ chapter: Chapter) -> (before: String, after: String) {
        let lines = SourceLines.withEndings(source).map(String.init)
        let snippet = chapter.snippets[0]
        if let expected = snippet.expected {
            return (lines[..<(expected.fenceLine - 1)].joined(), lines[expected.closingLine...].joined())
        }
        let closing = lines[snippet.closingLine - 1]
        let closingWithoutEnding = closing.last.map(SourceLines.isLineEnd) == true ? String(closing.dropLast()) : closing
        return (lines[..<(snippet.closingLine - 1)].joined() + closingWithoutEnding, lines[snippet.closingLine...].joined())
    }

    @Test(arguments: chapters.indices)
    func acceptConvergesAndTouchesNothingElse(_ index: Int) throws {
        let (name, source) = Self.chapters[index]
        var generator = OutputGenerator(seed: UInt64(index))
        let outputs = ["", "new", "```", "a\r\nb\rc", "\n\nstart blank", "trailing  \n\n", "\tx\n  y"]
            + (0..<150).map { _ in generator.output() }
        let file = try AcceptCase(source)
        defer { file.remove() }
        let original = try file.load()
        let (before, after) = Self.untouched(source, original)
        for output in outputs {
            try Data(source.utf8).write(to: URL(fileURLWithPath: file.path))
            let text = try #require(Accept.rewrite(original, AcceptCase.execution(original, printing: output)),
                                    "\(name): \(output.debugDescription)")
            try Data(text.utf8).write(to: URL(fileURLWithPath: file.path))
            let chapter = try file.load()
            let execution = AcceptCase.execution(chapter, printing: output)
            let expected = try #require(chapter.snippets.first?.expected, "\(name): \(output.debugDescription)\n\(text)")
            #expect(OutputText.identical(OutputText.expected(expected.text), OutputText.comparable(output)),
                    "\(name): \(output.debugDescription)\n\(text.debugDescription)")
            #expect(Expectations.check(chapter, execution).isEmpty, "\(name): \(output.debugDescription)")
            #expect(Accept.rewrite(chapter, execution) == nil, "\(name): \(output.debugDescription)")
            #expect(text.hasPrefix(before) && text.hasSuffix(after), "\(name): \(output.debugDescription)\n\(text.debugDescription)")
            #expect(text.hasSuffix("\n") == source.hasSuffix("\n"), "\(name)")
            if source.contains("\r\n") {
                let scalars = Array(text.unicodeScalars)
                #expect(scalars.indices.allSatisfy { k in
                    scalars[k] == "\n" ? k > 0 && scalars[k - 1] == "\r" : scalars[k] != "\r" || scalars.indices.contains(k + 1) && scalars[k + 1] == "\n"
                }, "\(name): mixed line endings for \(output.debugDescription)")
            }
        }
    }

    static let includeChapters: [(name: String, source: String)] = [
        ("plain", "# T\n\nText.\n\n```swift include=Sources/A.swift#a\nold\n```\n\nAfter.\n"),
        ("empty block", "# T\n\n```swift include=Sources/A.swift#a\n```\nAfter.\n"),
        ("tilde fence", "# T\n\n~~~swift include=Sources/A.swift#a\nold\n~~~\n"),
        ("blockquote", "# T\n\n> Quote.\n>\n> ```swift include=Sources/A.swift#a\n> old\n> ```\n\nAfter.\n"),
        ("list item", "# T\n\n- item\n\n  ```swift include=Sources/A.swift#a\n  old\n  ```\n- next\n"),
        ("CRLF", "# T\r\n\r\n```swift include=Sources/A.swift#a\r\nold\r\n```\r\nAfter.\r\n"),
        ("no final newline", "# T\n\n```swift include=Sources/A.swift#a\nold\n```"),
    ]

    static let codePieces = ["```", "````", "  ```", "~~~", "~~~~", "\t", "  ", " ", "\n", "\n\n", "\r\n", ">", "let x = 1",
                             "é", "日本", "\"\"\"", "// note", "`", "-", "    "]

    @Test(arguments: includeChapters.indices)
    func acceptOfAnIncludeCopyConvergesAndTouchesNothingElse(_ index: Int) throws {
        let (name, source) = Self.includeChapters[index]
        var generator = OutputGenerator(seed: UInt64(100 + index))
        let package = try IncludeRoot(files: [:])
        defer { package.remove() }
        let file = try AcceptCase(source)
        defer { file.remove() }
        for _ in 0..<80 {
            let code = (0..<Int.random(in: 1...10, using: &generator)).map { _ in Self.codePieces.randomElement(using: &generator)! }.joined()
            try Data(("// weave:begin a\n" + code + "\n// weave:end a\n").utf8)
                .write(to: package.root.appendingPathComponent("Sources/A.swift"))
            try Data(source.utf8).write(to: URL(fileURLWithPath: file.path))
            let original = try file.load(root: package.root)
            let text = Accept.rewrite(original, AcceptCase.execution(original, printing: "")) ?? source
            try Data(text.utf8).write(to: URL(fileURLWithPath: file.path))
            let chapter = try file.load(root: package.root)
            #expect(Expectations.checkIncludes(chapter).isEmpty, "\(name): \(code.debugDescription)\n\(text.debugDescription)")
            #expect(Accept.rewrite(chapter, AcceptCase.execution(chapter, printing: "")) == nil, "\(name): \(code.debugDescription)")
            let lines = SourceLines.withEndings(source).map(String.init)
            let snippet = original.snippets[0]
            #expect(text.hasPrefix(lines[..<(snippet.fenceLine - 1)].joined()) && text.hasSuffix(lines[snippet.closingLine...].joined()),
                    "\(name): \(code.debugDescription)\n\(text.debugDescription)")
            #expect(text.hasSuffix("\n") == source.hasSuffix("\n"), "\(name)")
        }
    }

    /// The prefix that keeps a line in the container of a fence opened after `line`'s prefix.
    @Test(arguments: [("```", ""), ("  ```", "  "), ("> ```", "> "), (">```", "> "), (">>```", "> > "), ("- ```", "  "),
                      ("10. ```", "    "), (">- ```", ">   "), ("\t```", "    "), (">\t```", ">   "), ("> > ~~~", "> > ")])
    func aBlockKeepsItsContainerPrefix(_ line: String, _ prefix: String) {
        #expect(FencedBlock.prefix(of: line) == prefix)
    }

    @Test func controlCharactersAreStoredAsTheirPictures() throws {
        let file = try AcceptCase("# T\n\n```swift expect\nprint(1)\n```\n")
        defer { file.remove() }
        let chapter = try file.load()
        let text = try #require(Accept.rewrite(chapter, AcceptCase.execution(chapter, printing: "a\rb\u{1B}[0m\tc")))
        #expect(text.hasSuffix("```output\na␍b␛[0m\tc\n```\n"))
    }

    @Test func anExpectedBlockMayHoldPicturesOrRawControlCharacters() {
        #expect(OutputText.matches(expected: "a␍b", actual: "a\rb"))
        #expect(OutputText.matches(expected: "\u{1B}[1m", actual: "\u{1B}[1m"))
        #expect(OutputText.matches(expected: "a\r\nb", actual: "a\nb"))
        #expect(!OutputText.matches(expected: "a b", actual: "a\rb"))
        #expect(!OutputText.matches(expected: "\u{E9}", actual: "e\u{301}"), "canonically equivalent is not the same output")
    }

    /// A copy of an include region that holds a fence line, tabs and CRLF, in a blockquote.
    @Test func anIncludeCopyConvergesInsideABlockquote() throws {
        let package = try IncludeRoot(files: ["Sources/A.swift": "// weave:begin a\r\nlet s = \"\"\"\r\n```\r\n\tindented\r\n\"\"\"\r\n\r\n// weave:end a\r\n"])
        defer { package.remove() }
        let source = "# T\n\n> Quote.\n>\n> ```swift include=Sources/A.swift#a\n> old\n> ```\n\nAfter.\n"
        let file = try AcceptCase(source)
        defer { file.remove() }
        let chapter = try file.load(root: package.root)
        let text = try #require(Accept.rewrite(chapter, AcceptCase.execution(chapter, printing: "")))
        #expect(text == "# T\n\n> Quote.\n>\n> ````swift include=Sources/A.swift#a\n> let s = \"\"\"\n> ```\n> \tindented\n> \"\"\"\n> ````\n\nAfter.\n")
        try Data(text.utf8).write(to: URL(fileURLWithPath: file.path))
        let again = try file.load(root: package.root)
        #expect(Expectations.checkIncludes(again).isEmpty)
        #expect(Accept.rewrite(again, AcceptCase.execution(again, printing: "")) == nil)
    }
}

@Suite struct AcceptWriteTests {
    static func report(_ path: String, root: URL = packageRoot, output: String) throws -> ChapterReport {
        let chapter = try ChapterLoader.load(path, root: root)
        return ChapterReport(path: path, chapter: chapter, execution: AcceptCase.execution(chapter, printing: output), errors: [])
    }

    static let chapter = "# T\n\n```swift expect\nprint(1)\n```\n"

    @Test func aSymlinkedChapterIsWrittenThroughAndStaysALink() throws {
        let file = try AcceptCase(Self.chapter)
        defer { file.remove() }
        let link = file.directory.appendingPathComponent("link.md").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "x.md")
        #expect(try Pipeline.accept([try Self.report(link, output: "1")]) == [link])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "x.md")
        #expect(try String(contentsOfFile: file.path, encoding: .utf8) == Self.chapter + "\n```output\n1\n```\n")
    }

    @Test func aReadOnlyChapterIsALocatedErrorAndIsNotReplaced() throws {
        let file = try AcceptCase(Self.chapter)
        defer { file.remove() }
        let report = try Self.report(file.path, output: "1")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file.path)
        #expect { try Pipeline.accept([report]) } throws: { error in
            let error = error as? WeaveError
            return error?.location?.file == file.path && error?.location?.line == 1 && error?.message.contains("read-only") == true
        }
        #expect(try String(contentsOfFile: file.path, encoding: .utf8) == Self.chapter)
    }

    @Test func theChapterKeepsItsPermissions() throws {
        let file = try AcceptCase(Self.chapter)
        defer { file.remove() }
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        _ = try Pipeline.accept([try Self.report(file.path, output: "1")])
        let permissions = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber
        #expect(permissions?.intValue == 0o640)
    }

    /// Through the compiler: output with a fence line, a carriage return and an escape, in a
    /// blockquote of a CRLF chapter, and a plot of NaN, infinities and values near the largest
    /// double; after accept, check passes, accept has nothing to do, and the site renders.
    @Test func acceptThenCheckPassesEndToEnd() throws {
        let quoted = "# T\r\n\r\n> ```swift expect\r\n> print(\"```\\n  ````\\na\\rb \\u{1B}[1m\\tc  \")\r\n> ```\r\n"
        let plot = "\r\n```swift expect\r\nPlot(title: \"extremes\", xLabel: \"x\", yLabel: \"y\", series: [.init(name: \"s\", "
            + "x: [0, 1, 2, 3], y: [.nan, 1.7e308, -1.7e308, .infinity])]).show()\r\n"
            + "Table(columns: [\"a\"], rows: [[\"1\", \"2\"]]).show()\r\n```\r\n\r\nAfter.\r\n"
        let fixture = try Fixture(["x.md": quoted + plot])
        defer { fixture.remove() }
        #expect(try fixture.run().first?.succeeded == false)
        #expect(try Pipeline.accept(try fixture.run()) == [fixture.path("x.md")])
        let reports = try fixture.run()
        let errors = reports.flatMap(\.errors)
        #expect(errors.isEmpty, "\(errors)")
        #expect(try Pipeline.accept(reports).isEmpty)
        let text = try String(contentsOfFile: fixture.path("x.md"), encoding: .utf8)
        #expect(text.hasPrefix(quoted + ">\r\n> `````output\r\n> ```\r\n>   ````\r\n> a␍b ␛[1m\tc  \r\n> `````\r\n" + plot.prefix(2)))
        #expect(text.contains("note: 2 points with a NaN or infinite value not drawn\r\n"))
        let page = try #require(try SiteBuilder.render(reports, chapters: fixture.directory.path)["x.html"])
        #expect(page.contains("1e308 ┤"))
        #expect(page.contains("<td class=\"numeric\">2</td>"))
    }
}
