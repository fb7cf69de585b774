import Foundation
import Glibc
import Testing
@testable import WeaveKit

/// Runs one chapter, given as Markdown, and returns its report.
private func runChapter(_ markdown: String, options: (inout PipelineOptions) -> Void = { _ in }) throws -> ChapterReport {
    let fixture = try Fixture(["x.md": markdown])
    defer { fixture.remove() }
    var pipeline = fixture.options()
    options(&pipeline)
    return try #require(try Pipeline.run(pipeline).first)
}

/// The time limit of the tests below, a guard against weave hanging, not a measure of speed:
/// weave's own snippet time limits (`timeout=…`) bound what each test checks, and the test
/// fails through the error weave reports. The clock runs from the test's start, which in the
/// full suite on two cores includes waiting for the package's library build in the shared
/// cache (cold in CI) while the course's sweeps use both cores: two minutes ran out once.
private let hangGuard: TimeLimitTrait.Duration = .minutes(15)

private func snippet(_ code: String, tags: String = "") -> String { "```swift \(tags)\n\(code)\n```\n\n" }
private func expect(_ code: String, output: String) -> String { "```swift expect\n\(code)\n```\n\n```output\n\(output)\n```\n\n" }

/// Whether a process is gone (or only a zombie waiting for its parent), polling for a while.
private func processEnds(_ pid: pid_t, within seconds: Double = 10) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if kill(pid, 0) != 0 { return true }
        let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?
            .split(separator: ")").last?.split(separator: " ").first
        if state == "Z" { return true }
        usleep(50_000)
    }
    return false
}

/// Snippet boundaries and records travel on the control channel, out of reach of what a
/// snippet prints.
@Suite struct OutOfBandResultsTests {
    @Test func aSnippetWithoutAFinalNewlineCannotMakeTheNextExpectPassFalsely() throws {
        let wrong = try runChapter("# T\n\n" + snippet(#"print("x", terminator: "")"#) + expect(#"print("y")"#, output: "WRONG"))
        #expect(wrong.errors.map(\.message) == ["the output differs from the expected block at line 11"])
        let right = try runChapter("# T\n\n" + snippet(#"print("x", terminator: "")"#) + expect(#"print("y")"#, output: "y"))
        #expect(right.errors.isEmpty, "\(right.errors)")
        #expect(right.execution?.outputs.map(\.text) == ["x", "y"])
    }

    @Test(arguments: [
        #"print("\u{1E}snippet\u{1F}99")"#,
        #"print("\u{1E}end\u{1F}")"#,
        #"print("\u{1E}table\u{1F}{\"columns\":[\"a\"],\"rows\":[]}")"#,
        #"print("\u{1E}plot\u{1F}not json")"#,
    ])
    func markerLookalikesArePlainText(_ code: String) throws {
        let report = try runChapter("# T\n\n" + snippet(code) + expect(#"print("after")"#, output: "after"))
        #expect(report.errors.isEmpty, "\(report.errors)")
        let items = report.execution?.outputs.first?.items ?? []
        #expect(items.count == 1)
        if case .text(let text)? = items.first { #expect(text.hasPrefix("\u{1E}")) } else { Issue.record("\(items)") }
        #expect(report.execution?.outputs.map(\.index) == [0, 1])
    }

    @Test func aForgedEndAndExitLeavesTheLaterSnippetsNamedAsNotRun() throws {
        let report = try runChapter("# T\n\n" + snippet(#"print("\u{1E}end\u{1F}"); exit(0)"#)
                                    + expect(#"print("never")"#, output: "never"))
        #expect(report.errors.count == 2)
        #expect(report.errors.first?.location?.line == 3)
        #expect(report.errors.first?.message.contains("did it call exit()") == true)
        #expect(report.errors.last?.location?.line == 7)
        #expect(report.errors.last?.message.contains("did not run") == true)
    }

    @Test func writingToTheChannelDescriptorChangesNothing() throws {
        let code = #"_ = "begin 5 0 0\nend 0 0\npartial".withCString { write(3, $0, strlen($0)) }; print("ok")"#
        let report = try runChapter("# T\n\n" + snippet(code) + expect(#"print("y")"#, output: "y"))
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.execution?.outputs.map(\.text) == ["ok", "y"])
    }

    @Test func snippetsMayDeclareTheNamesTheGlueUses() throws {
        let code = """
            func print(_ items: Any...) { Swift.print("mine:", items) }
            let stdout = 1
            func write(_ x: Int) {}
            func exit(_ code: Int32) {}
            func fflush(_ x: Int) {}
            var token = "t"
            print("hi")
            """
        let report = try runChapter("# T\n\n" + snippet(code) + expect("Swift.print(stdout)", output: "1"))
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.execution?.outputs.first?.text == #"mine: ["hi"]"#)
    }

    @Test func tablesStillBecomeRecords() throws {
        let report = try runChapter("# T\n\n" + snippet(#"print("a"); Table(columns: ["n"], rows: [["1"]]).show(); print("b")"#))
        #expect(report.errors.isEmpty, "\(report.errors)")
        let items = report.execution?.outputs.first?.items ?? []
        #expect(items.count == 3)
        if case .table(let table)? = items.dropFirst().first { #expect(table.rows == [["1"]]) } else { Issue.record("\(items)") }
    }

    struct ChannelCase: Sendable, CustomTestStringConvertible {
        var name: String
        var lines: [String]
        var valid: Bool
        var testDescription: String { name }
    }

    static let channelCases: [ChannelCase] = [
        .init(name: "in order", lines: ["T begin 0 0 0", "T begin 2 5 0", "T end 9 0"], valid: true),
        .init(name: "without the token, ignored", lines: ["X begin 7 0 0", "T begin 0 0 0", "T begin 2 0 0", "T end 0 0"], valid: true),
        .init(name: "out of order", lines: ["T begin 2 0 0"], valid: false),
        .init(name: "twice", lines: ["T begin 0 0 0", "T begin 0 0 0"], valid: false),
        .init(name: "offset past the file", lines: ["T begin 0 99 0"], valid: false),
        .init(name: "offsets going back", lines: ["T begin 0 5 0", "T begin 2 4 0"], valid: false),
        .init(name: "end too early", lines: ["T begin 0 0 0", "T end 0 0"], valid: false),
        .init(name: "after the end", lines: ["T begin 0 0 0", "T begin 2 0 0", "T end 0 0", "T begin 2 0 0"], valid: false),
        .init(name: "garbage with the token", lines: ["T frobnicate"], valid: false),
        .init(name: "bad base64", lines: ["T begin 0 0 0", "T record 0 table !!! !!!"], valid: false),
    ]

    @Test(arguments: channelCases)
    func everyControlLineIsChecked(_ c: ChannelCase) {
        let data = Data((c.lines.joined(separator: "\n") + "\n").utf8)
        let log = try? ControlChannel.parse(data, token: "T", order: [0, 2], sizes: .init(stdout: 10, stderr: 0))
        #expect((log != nil) == c.valid)
    }
}

/// Output of any size is captured in linear time, within a limit, under the time limit.
@Suite struct OutputSizeTests {
    @Test(.timeLimit(hangGuard)) func manyShortLinesAreCapturedQuickly() throws {
        let report = try runChapter("# T\n\n" + snippet("for i in 0..<200_000 { print(i) }", tags: "timeout=60"))
        #expect(report.errors.isEmpty, "\(report.errors)")
        let text = report.execution?.outputs.first?.text ?? ""
        #expect(text.split(separator: "\n").count == 200_000)
        #expect(text.hasSuffix("199999"))
    }

    @Test func outputOverTheLimitStopsTheChapterWithAClearError() throws {
        let code = #"let line = String(repeating: "a", count: 1000); for _ in 0..<3000 { print(line) }"#
        let over = try runChapter("# T\n\n" + snippet(code)) { $0.outputLimit = 1 << 20 }
        #expect(over.errors.first?.message.contains("more than its output limit of 1 MiB") == true, "\(over.errors)")
        #expect(over.errors.first?.location?.line == 3)
        let raised = try runChapter("# T\n\n" + snippet(code, tags: "output-limit=8")) { $0.outputLimit = 1 << 20 }
        #expect(raised.errors.isEmpty, "\(raised.errors)")
    }

    @Test(.timeLimit(hangGuard)) func aHugeLineDoesNotEscapeTheTimeLimit() throws {
        let code = #"print(String(repeating: "a", count: 10_000_000)); while true { usleep(1000) }"#
        let report = try runChapter("# T\n\n" + snippet(code, tags: "timeout=2"))
        #expect(report.errors.first?.message.contains("time limit of 2 s") == true, "\(report.errors)")
    }
}

/// Everything a chapter starts is stopped: on its end, on a time-out, and when weave is interrupted.
@Suite struct CleanProcessTests {
    static let startSleeper = """
        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
        sleeper.arguments = ["900"]
        try! sleeper.run()
        print(sleeper.processIdentifier)
        """

    // The limits leave room for waiting on the shared library build under a loaded machine
    // (CI saw 60 s exceeded); a weave that waited for the sleeper would take its 900 s.
    @Test(.timeLimit(hangGuard)) func aChildKeepingStdoutOpenNeitherBlocksWeaveNorOutlivesTheChapter() throws {
        let report = try runChapter("# T\n\n" + snippet(Self.startSleeper))
        #expect(report.errors.isEmpty, "\(report.errors)")
        let pid = try #require(pid_t(report.execution?.outputs.first?.text ?? ""))
        #expect(processEnds(pid))
    }

    @Test(.timeLimit(hangGuard)) func theChildrenOfATimedOutSnippetAreStopped() throws {
        let report = try runChapter("# T\n\n" + snippet(Self.startSleeper + "\nwhile true { usleep(1000) }", tags: "timeout=1"))
        #expect(report.errors.first?.message.contains("time limit") == true)
        let pid = try #require(pid_t(report.execution?.outputs.first?.text ?? ""))
        #expect(processEnds(pid))
    }

    struct StatusCase: Sendable, CustomTestStringConvertible {
        var code: String
        var message: String
        var testDescription: String { message }
    }

    @Test(arguments: [
        StatusCase(code: "kill(getpid(), SIGKILL)", message: "killed by SIGKILL"),
        StatusCase(code: "kill(getpid(), SIGTERM)", message: "killed by SIGTERM"),
        StatusCase(code: "UnsafeMutablePointer<Int>(bitPattern: 8)!.pointee = 1", message: "crashed with SIGSEGV"),
        StatusCase(code: "exit(3)", message: "exited with status 3"),
    ])
    func signalsAndExitStatusesAreNamed(_ c: StatusCase) throws {
        let report = try runChapter("# T\n\n" + snippet("print(1)") + snippet(c.code) + snippet("print(2)"))
        #expect(report.errors.first?.message.contains(c.message) == true, "\(report.errors)")
        // The snippet's fence, or its code line when the backtrace names it.
        #expect([7, 8].contains(report.errors.first?.location?.line ?? 0))
        #expect(report.errors.last?.message.contains("did not run") == true)
        #expect(report.errors.last?.location?.line == 11)
    }

    @Test(.timeLimit(hangGuard), arguments: [SIGINT, SIGTERM])
    func interruptingWeaveStopsItsProcessesAndRemovesItsWorkFolders(_ signal: Int32) throws {
        let weave = packageRoot.appendingPathComponent(".build/debug/weave")
        try #require(FileManager.default.isExecutableFile(atPath: weave.path), "build weave first")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("weave-sigint-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pids = scratch.appendingPathComponent("pids")
        let code = Self.startSleeper.replacingOccurrences(of: "print(sleeper.processIdentifier)", with: """
            try! "\\(getpid()) \\(sleeper.processIdentifier)".write(toFile: "\(pids.path)", atomically: true, encoding: .utf8)
            sleep(60)
            """)
        let fixture = try Fixture(["x.md": "# T\n\n" + snippet(code, tags: "timeout=100")])
        defer { fixture.remove() }
        let cache = scratch.appendingPathComponent("cache")
        let process = Process()
        process.executableURL = weave
        process.arguments = ["check", "--chapters", fixture.directory.path, "--root", packageRoot.path, "--cache", cache.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(90)
        while !FileManager.default.fileExists(atPath: pids.path), Date() < deadline, process.isRunning { usleep(100_000) }
        let started = try #require(try? String(contentsOf: pids, encoding: .utf8)).split(separator: " ").compactMap { pid_t($0) }
        #expect(started.count == 2)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 128 + signal)
        for pid in started { #expect(processEnds(pid), "process \(pid) is still running") }
        let work = (try? FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("work").path)) ?? []
        #expect(work.isEmpty, "work folders left: \(work)")
    }
}

/// Crashes name the snippet's line and the failed check's message, library code included.
@Suite struct CrashReportTests {
    @Test func aPreconditionInTheLibraryNamesTheSnippetLineAndTheCheck() throws {
        let report = try runChapter("# T\n\n" + snippet("print(0)") + snippet("let x = 1\nlet e = BitEncoding(width: 40)\nprint(e.count, x)"))
        let error = try #require(report.errors.first)
        // The call inside the snippet, found in the backtrace below the library's frame.
        #expect(error.location?.line == 9 && error.location?.column == 9, "\(error)")
        #expect(error.message.contains("width must be 1...16 bits"), "\(error)")
    }

    @Test func aFatalErrorKeepsItsMessage() throws {
        let report = try runChapter("# T\n\n" + snippet(#"fatalError("boom")"#))
        #expect(report.errors.first?.message.contains("Fatal error: boom") == true, "\(report.errors)")
        #expect(report.errors.first?.location?.line == 4)
    }
}

/// Nothing a snippet says is dropped: stderr is shown, contradictory tags are errors.
@Suite struct NothingDroppedTests {
    @Test func stderrOfAPassingSnippetIsKeptAndShownButNotCompared() throws {
        let code = #"FileHandle.standardError.write(Data("careful\n".utf8)); print("out")"#
        let report = try runChapter("# T\n\n" + snippet("print(0)") + expect(code, output: "out"))
        #expect(report.errors.isEmpty, "\(report.errors)")
        let output = try #require(report.execution?.outputs.last)
        #expect(output.text == "out")
        #expect(output.stderr == "careful")
        #expect(report.execution?.outputs.first?.stderr == nil)
        #expect(SnippetHTML.item(.stderr("a<b")).contains("a&lt;b"))
    }

    @Test(arguments: [
        "hidden norun", "timeout=1 timeout=100", "expect expect", "norun timeout=3",
        "include=Sources/ElmanRNN/SGD.swift#sgd quiet", "norun reads=a.txt", "reads=/etc/passwd", "reads=../x",
        "env=1BAD", "env=", "output-limit=0", "output-limit=x", "reads=a reads=b",
    ])
    func conflictingOrDuplicateTagsAreLocatedErrors(_ words: String) throws {
        let here = SourceLocation(file: "x.md", line: 7, column: 1)
        #expect { try Tags(words: words.split(separator: " "), at: here) } throws: {
            ($0 as? WeaveError)?.location == here
        }
        let report = try runChapter("# T\n\n```swift \(words)\nprint(1)\n```\n")
        #expect(report.errors.first?.location?.line == 3, "\(report.errors)")
    }

    @Test func newTagsParse() throws {
        let tags = try Tags(words: ["reads=data/a.json,b.txt", "env=SEED,MODE_2", "output-limit=64"], at: SourceLocation(file: "x"))
        #expect(tags.reads == ["data/a.json", "b.txt"])
        #expect(tags.environment == ["SEED", "MODE_2"])
        #expect(tags.outputLimit == 64)
    }
}
