import ArgumentParser
import Foundation
import Testing
@testable import weave
@testable import WeaveKit

/// The command line itself: its version, its help, its options, and the progress it shows.
@Suite struct WeaveCommandTests {
    @Test func versionPrintsWeavesVersion() {
        #expect(WeaveVersion.current == "0.2.0")
        var message: String?
        do { _ = try Weave.parseAsRoot(["--version"]) } catch { message = Weave.message(for: error) }
        #expect(message == WeaveVersion.current)
    }

    static let commands: [(name: String, options: [String])] = [
        ("build", ["--output", "--format", "--quiet", "--jobs", "--no-cache"]),
        ("check", ["--format", "--show-output", "--quiet", "--output-limit"]),
        ("accept", ["--format", "--quiet"]),
        ("init", ["--title", "--module"]),
    ]

    @Test(arguments: commands)
    func everyCommandsHelpTeachesItsOptionsWithExamples(_ name: String, _ options: [String]) throws {
        let help = Weave.message(for: CleanExit.helpRequest(Weave.self))
        #expect(help.contains("Examples:"))
        let command = try #require(Weave.configuration.subcommands.first { $0._commandName == name })
        let text = Weave.helpMessage(for: command)
        #expect(text.contains("Examples:"), "\(name)")
        #expect(text.contains("weave \(name)") || name == "build", "\(name)")
        for option in options { #expect(text.contains(option), "\(name) \(option)") }
    }

    @Test func formatIsACommonOptionAndOnlyItsValuesAreAccepted() throws {
        for format in OutputFormat.allCases {
            let check = try Check.parse(["--format", format.rawValue])
            #expect(check.options.format == format)
        }
        #expect(try Check.parse([]).options.format == .text)
        #expect(throws: (any Error).self) { try Check.parse(["--format", "xml"]) }
        #expect(try Accept.parse(["--format", "json"]).options.reporter().progress == nil)
        #expect(try Build.parse(["--quiet"]).options.reporter().progress == nil)
        #expect(try Build.parse([]).options.reporter().progress != nil)
    }

    @Test func theProgressLineNamesTheRunningChaptersAndFitsTheTerminal() {
        #expect(ProgressDisplay.runningLine(finished: 3, total: 7, running: [("chapters/04-bptt.md", 12.34)])
            == "[3/7] running 04-bptt.md (12.3 s)")
        #expect(ProgressDisplay.runningLine(finished: 0, total: 2, running: [("a.md", 2), ("chapters/b.md", 0.05)])
            == "[0/2] running a.md (2.0 s), b.md (0.1 s)")
        #expect(ProgressDisplay.runningLine(finished: 7, total: 7, running: []) == "[7/7]")
        #expect(ProgressDisplay.buildingLine(seconds: 1.25) == "building the package's modules (1.2 s)"
            || ProgressDisplay.buildingLine(seconds: 1.25) == "building the package's modules (1.3 s)")
        #expect(ProgressDisplay.fit("[1/2] running a-long-name.md (1.0 s)", width: 12) == "[1/2] runn…")
        #expect(ProgressDisplay.fit("short", width: 80) == "short")
    }

    @Test func withoutATerminalProgressIsOnePlainLinePerFinishedChapter() {
        let written = Written()
        let progress = ProgressDisplay(terminal: false) { written.append($0) }
        let ok = ChapterReport(path: "chapters/01-a.md", chapter: nil,
                               execution: ChapterExecution(outputs: [], errors: [], seconds: 1.25, cached: false), errors: [])
        let failed = ChapterReport(path: "chapters/02-b.md", chapter: nil, execution: nil, errors: [WeaveError("no")])
        progress.handle(.buildingPackage)
        progress.handle(.started(path: ok.path, index: 0, total: 2))
        progress.handle(.started(path: failed.path, index: 1, total: 2))
        progress.handle(.finished(failed, index: 1, total: 2))
        progress.handle(.finished(ok, index: 0, total: 2))
        progress.stop()
        progress.handle(.started(path: "late.md", index: 0, total: 1))
        #expect(written.text == "[1/2] chapters/02-b.md: FAILED, 0.0 s\n[2/2] chapters/01-a.md: ok, 1.2 s\n"
            || written.text == "[1/2] chapters/02-b.md: FAILED, 0.0 s\n[2/2] chapters/01-a.md: ok, 1.3 s\n")
    }

    @Test func onATerminalTheLineIsRedrawnInPlaceAndClearedAtTheEnd() {
        let written = Written()
        let progress = ProgressDisplay(terminal: true) { written.append($0) }
        progress.handle(.started(path: "chapters/01-a.md", index: 0, total: 1))
        progress.stop()
        #expect(written.text.hasPrefix(ProgressDisplay.clearLine + "[0/1] running 01-a.md ("))
        #expect(written.text.hasSuffix(ProgressDisplay.clearLine))
        #expect(!written.text.contains("\n"))
    }
}

/// What a progress display wrote, collected from any thread.
final class Written: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [String] = []
    func append(_ text: String) { lock.withLock { parts.append(text) } }
    var text: String { lock.withLock { parts.joined() } }
}
