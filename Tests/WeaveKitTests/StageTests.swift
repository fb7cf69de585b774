import Display
import Foundation
import Testing
@testable import WeaveKit

@Suite struct LoadTests {
    let here = SourceLocation(file: "x.md", line: 1)

    @Test func tagsParseEveryWordOfTheVocabulary() throws {
        let tags = try Tags(words: ["hidden", "quiet", "timeout=2.5"], at: here)
        #expect(tags.hidden && tags.quiet && tags.timeout == 2.5 && tags.runs)
        let include = try Tags(words: ["include=Sources/A.swift#region"], at: here)
        #expect(include.include == Tags.Include(path: "Sources/A.swift", anchor: "region"))
        #expect(!include.runs)
        #expect(try !Tags(words: ["norun"], at: here).runs)
    }

    @Test(arguments: ["timeout=0", "timeout=x", "include=nofile", "include=#a", "expect=1", "norun expect"])
    func badTagsAreRejected(_ words: String) {
        #expect(throws: WeaveError.self) { try Tags(words: words.split(separator: " "), at: here) }
    }

    @Test func snippetsComeFromCmarksTreeWithTheirLines() throws {
        let fixture = try Fixture(["a.md": """
            # Title *here*

            ~~~swift hidden
            let a = 1
            ~~~

                indented code is not a snippet

            > ```swift
            > print(a)
            > ```

            ```python
            print("not swift")
            ```
            """])
        defer { fixture.remove() }
        let chapter = try ChapterLoader.load(fixture.path("a.md"), root: packageRoot)
        #expect(chapter.title == "Title here")
        #expect(chapter.snippets.map(\.fenceLine) == [3, 9])
        #expect(chapter.snippets.map(\.code) == ["let a = 1", "print(a)"])
        #expect(chapter.snippets[0].tags.hidden)
    }

    @Test func includeReadsTheRegionBetweenAnchors() throws {
        let fixture = try Fixture(["a.md": "# T\n\n```swift include=Sources/ElmanRNN/SGD.swift#sgd\n```\n"])
        defer { fixture.remove() }
        let code = try ChapterLoader.load(fixture.path("a.md"), root: packageRoot).snippets[0].code
        #expect(code.hasPrefix("for i in 0..<H {"))
        #expect(!code.contains("weave:"))
    }
}

@Suite struct TangleTests {
    @Test func programPutsEachSnippetAtItsMarkdownLine() {
        let chapter = Chapter(path: "chapters/x.md", source: "", title: "X", snippets: [
            Snippet(index: 0, fenceLine: 3, code: "let a = 1", tags: Tags()),
            Snippet(index: 1, fenceLine: 7, code: "shown only", tags: { var t = Tags(); t.norun = true; return t }()),
            Snippet(index: 2, fenceLine: 11, code: "print(a)", tags: Tags()),
        ])
        let program = ChapterProgram(chapter, imports: ["Answers"])
        #expect(program.snippetIndexes == [0, 2])
        #expect(program.source.contains("#sourceLocation(file: \"chapters/x.md\", line: 4)\nlet a = 1\n#sourceLocation()"))
        #expect(program.source.contains("line: 12)\nprint(a)"))
        #expect(!program.source.contains("shown only"))
        #expect(program.source.contains("\nimport Answers\n"))
        #expect(ChapterProgram.runtime.contains("setvbuf(Glibc.stdout, nil, _IOLBF, 0)"))
    }
}

@Suite struct ExecuteTests {
    @Test func outputIsSplitPerSnippetAndRecordsAreDecoded() throws {
        let table = Table(columns: ["a"], rows: [["1"]])
        let json = try JSONEncoder().encode(table)
        let stdout = Data("hello\nworld\nafter\n".utf8)
        var log = ControlChannel.Log()
        log.begins = [(0, .init(stdout: 0, stderr: 0)), (2, .init(stdout: 12, stderr: 0))]
        log.records = [[], [.init(stdoutOffset: 12, kind: "table", json: json, text: table.text)]]
        log.end = .init(stdout: 18, stderr: 0)
        let outputs = OutputCapture.outputs(stdout: stdout, stderr: Data(), log: log)
        #expect(outputs.map(\.index) == [0, 2])
        #expect(outputs[0].items == [.text("hello\nworld")])
        #expect(outputs[1].items == [.table(table), .text("after")])
    }

    @Test func compilerDiagnosticsQuoteTheMarkdownLine() {
        let chapter = Chapter(path: "chapters/x.md", source: "# X\n\n```swift\nlet y = nope\n```\n", title: "X", snippets: [])
        let errors = CompilerDiagnostics.errors(
            in: "chapters/x.md:4:9: error: cannot find 'nope' in scope\nmain.swift:9:1: warning: unused", chapter: chapter)
        #expect(errors.count == 1)
        #expect(errors[0].description == """
            chapters/x.md:4:9: error: cannot find 'nope' in scope
            4 | let y = nope
              |         ^
            """)
    }
}

@Suite struct WeaveStageTests {
    @Test func diffShowsChangedLinesWithContext() {
        #expect(LineDiff.lines(from: "a\nb\nc\nd\ne\nf", to: "a\nb\nc\nD\ne\nf", context: 1) == [" c", "-d", "+D", " e"])
    }

    @Test func acceptRewritesOnlyTheOutputBlocks() throws {
        let before = "# T\r\n\nIntro  with  spaces.\n\n```swift expect\nprint(\"new\")\n```\n\n```output\nold\n```\n\nTail\n"
        let fixture = try Fixture(["x.md": before])
        defer { fixture.remove() }
        let changed = try Pipeline.accept(try fixture.run())
        #expect(changed == [fixture.path("x.md")])
        let after = try String(contentsOfFile: fixture.path("x.md"), encoding: .utf8)
        #expect(after == before.replacingOccurrences(of: "```output\nold\n```", with: "```output\nnew\n```"))
        #expect(try fixture.run().allSatisfy { $0.succeeded })
        #expect(try Pipeline.accept(try fixture.run()).isEmpty)
    }

    @Test func acceptInsertsAMissingOutputBlock() throws {
        let fixture = try Fixture(["x.md": "# T\n\n```swift expect\nprint(\"```\")\n```\nAfter.\n"])
        defer { fixture.remove() }
        _ = try Pipeline.accept(try fixture.run())
        let after = try String(contentsOfFile: fixture.path("x.md"), encoding: .utf8)
        #expect(after == "# T\n\n```swift expect\nprint(\"```\")\n```\n\n````output\n```\n````\nAfter.\n")
    }
}

@Suite struct ToolchainTests {
    @Test func anExplicitCompilerMustExist() {
        #expect { try Toolchain(explicit: "/nonexistent/swiftc") } throws: {
            ($0 as? WeaveError)?.message.contains("is not an executable file") == true
        }
    }

    @Test func theCompilerOnPathIsFoundAndIdentifiedWithoutRunningIt() throws {
        let toolchain = try Toolchain()
        #expect(toolchain.swiftc.lastPathComponent == "swiftc")
        #expect(toolchain.identity.contains("->"))
    }
}

@Suite struct IncludeCopyTests {
    @Test func aStaleCopyInAnIncludeBlockIsAnErrorAndAcceptRefreshesIt() throws {
        let chapter = "# T\n\nText.\n\n```swift include=Sources/ElmanRNN/SGD.swift#sgd\nold copy\n```\n\nAfter.\n"
        let fixture = try Fixture(["x.md": chapter])
        defer { fixture.remove() }
        let error = try #require(try fixture.run().first?.errors.first)
        #expect(error.location?.line == 5)
        #expect(error.message.contains("copy of Sources/ElmanRNN/SGD.swift#sgd is stale"))
        #expect(error.details.contains("-old copy"))

        #expect(try Pipeline.accept(try fixture.run()) == [fixture.path("x.md")])
        let after = try String(contentsOfFile: fixture.path("x.md"), encoding: .utf8)
        #expect(after.hasPrefix("# T\n\nText.\n\n```swift include=Sources/ElmanRNN/SGD.swift#sgd\nfor i in 0..<H {\n"))
        #expect(after.hasSuffix("// c ← c − α ∂L/∂c\n```\n\nAfter.\n"))
        #expect(try fixture.run().allSatisfy { $0.succeeded })
    }

    @Test func anEmptyIncludeBlockPassesAndAcceptFillsIt() throws {
        let fixture = try Fixture(["x.md": "# T\n\n```swift include=Sources/ElmanRNN/SGD.swift#sgd\n```\n"])
        defer { fixture.remove() }
        #expect(try fixture.run().allSatisfy { $0.succeeded })
        _ = try Pipeline.accept(try fixture.run())
        let after = try String(contentsOfFile: fixture.path("x.md"), encoding: .utf8)
        #expect(after.contains("```swift include=Sources/ElmanRNN/SGD.swift#sgd\nfor i in 0..<H {\n"))
    }
}
