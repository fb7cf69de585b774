import Foundation
import Testing
@testable import WeaveKit

/// weave's machine-readable reports (JSON Lines, GitHub annotations) and the compiler's
/// warnings, which are shown, located, and never fail a chapter.
@Suite struct DiagnosticFormatTests {
    static let compileError = WeaveError(
        "cannot find 'x' in scope", at: SourceLocation(file: "chapters/01-a.md", line: 12, column: 7),
        details: ["12 | print(x)", "   |       ^"])

    @Test func aDiagnosticIsOneSortedJSONObject() {
        #expect(JSONLines.line(JSONLines.Diagnostic(Self.compileError)) == """
            {"column":7,"details":["12 | print(x)","   |       ^"],"file":"chapters/01-a.md","line":12,\
            "message":"cannot find 'x' in scope","severity":"error","type":"diagnostic"}
            """)
    }

    @Test func aDiagnosticWithoutAPlaceHasNoFileLineOrColumn() {
        let warning = WeaveError("no chapters", details: [], severity: .warning)
        #expect(JSONLines.line(JSONLines.Diagnostic(warning))
            == #"{"details":[],"message":"no chapters","severity":"warning","type":"diagnostic"}"#)
    }

    @Test func aChapterResultIsOneSortedJSONObject() {
        let chapter = Chapter(path: "chapters/01-a.md", source: "", title: "A", snippets: [])
        let execution = ChapterExecution(
            outputs: [SnippetOutput(index: 0, items: [.text("1")]), SnippetOutput(index: 1, items: [.text("2")])],
            errors: [], warnings: [WeaveError("w", severity: .warning)], seconds: 1.23456, cached: true)
        let report = ChapterReport(path: "chapters/01-a.md", chapter: chapter, execution: execution, errors: [])
        #expect(JSONLines.line(JSONLines.Chapter(report)) == """
            {"cached":true,"failed":0,"passed":2,"path":"chapters/01-a.md","seconds":1.235,"snippets":2,\
            "status":"ok","type":"chapter","warnings":1}
            """)
        let failed = ChapterReport(path: "chapters/02-b.md", chapter: nil, execution: nil, errors: [Self.compileError])
        #expect(JSONLines.line(JSONLines.Chapter(failed)) == """
            {"cached":false,"failed":1,"passed":0,"path":"chapters/02-b.md","seconds":0,"snippets":0,\
            "status":"failed","type":"chapter","warnings":0}
            """)
        #expect(JSONLines.line(JSONLines.Summary([report, failed], errors: 1, compilerRuns: 3, seconds: 2.5)) == """
            {"chapters":2,"compilerRuns":3,"errors":1,"failed":1,"passed":1,"seconds":2.5,"status":"failed",\
            "type":"summary","warnings":1}
            """)
    }

    static let annotations: [(error: WeaveError, command: String)] = [
        (compileError, "::error file=chapters/01-a.md,line=12,col=7::cannot find 'x' in scope%0A12 | print(x)%0A   |       ^"),
        (WeaveError("100% sure\r\nreally", at: SourceLocation(file: "a,b:c.md", line: 1), severity: .warning),
         "::warning file=a%2Cb%3Ac.md,line=1::100%25 sure%0D%0Areally"),
        (WeaveError("no chapters in chapters/"), "::error::no chapters in chapters/"),
    ]

    @Test(arguments: annotations)
    func aGitHubAnnotationEscapesItsMessageAndProperties(_ error: WeaveError, _ command: String) {
        #expect(GitHubAnnotation.command(error) == command)
    }

    @Test func aWarningReadsLikeTheCompilersAndAnErrorStaysAsItWas() {
        #expect(Self.compileError.description.hasPrefix("chapters/01-a.md:12:7: error: cannot find"))
        let warning = WeaveError("unused", at: SourceLocation(file: "a.md", line: 2, column: 1), severity: .warning)
        #expect(warning.description == "a.md:2:1: warning: unused")
    }

    /// swiftc's warnings in the chapter are kept, with the chapter's line; those in the generated
    /// glue (and their notes) are not, and one reported twice is kept once.
    @Test func onlyWarningsLocatedInTheChapterAreKept() {
        let source = "# A\n\n```swift\ndo { let unused = 1 }\n```\n"
        let chapter = Chapter(path: "chapters/a.md", source: source, title: "A", snippets: [])
        let stderr = """
            chapters/a.md:4:10: warning: initialization of immutable value 'unused' was never used
            do { let unused = 1 }
                     ^
            chapters/a.md:4:10: warning: initialization of immutable value 'unused' was never used
            /tmp/work/WeaveRuntime.swift:9:5: warning: something in the glue
            /tmp/work/WeaveRuntime.swift:9:5: note: a note on the glue
            chapters/a.md:4:1: note: a note for the glue's warning
            """
        let warnings = CompilerDiagnostics.warnings(in: stderr, chapter: chapter)
        #expect(warnings == [WeaveError(
            "initialization of immutable value 'unused' was never used",
            at: SourceLocation(file: "chapters/a.md", line: 4, column: 10),
            details: ["4 | do { let unused = 1 }", "  |          ^"], severity: .warning)])
    }

    /// A real compile: the chapter passes, its warning is located, and a cached run keeps it.
    @Test func aSnippetsWarningIsShownLocatedAndTheChapterStillPasses() throws {
        let fixture = try Fixture(["a.md": "# A\n\n```swift\ndo { let unused = 1 }\nprint(\"ran\")\n```\n"])
        defer { fixture.remove() }
        for run in ["fresh", "cached"] {
            let report = try #require(try fixture.run().first)
            #expect(report.succeeded, "\(run): \(report.errors)")
            #expect(report.cached == (run == "cached"))
            let warning = try #require(report.warnings.first, "\(run): no warning")
            #expect(report.warnings.count == 1)
            #expect(warning.severity == .warning)
            #expect(warning.location == SourceLocation(file: fixture.path("a.md"), line: 4, column: 10))
            #expect(warning.message.contains("'unused' was never used"))
            #expect(warning.details.first == "4 | do { let unused = 1 }")
        }
    }
}
