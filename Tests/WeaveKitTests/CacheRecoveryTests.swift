import Foundation
import Glibc
import Testing
@testable import WeaveKit

/// A damaged cache entry is rebuilt, leftovers of killed runs are removed, and what a snippet
/// declares it reads joins the key.
@Suite struct CacheRecoveryTests {
    /// A throwaway package with a one-function library product, so rebuilding it is cheap.
    func makeRoot() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("weave-root-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Sources/Answers"), withIntermediateDirectories: true)
        try Data("""
            // swift-tools-version:6.0
            import PackageDescription
            let package = Package(name: "Answers", products: [.library(name: "Answers", targets: ["Answers"])],
                                  targets: [.target(name: "Answers")])

            """.utf8).write(to: root.appendingPathComponent("Package.swift"))
        try Data("public func answer() -> Int { 7 }\n".utf8).write(to: root.appendingPathComponent("Sources/Answers/Answer.swift"))
        return root
    }

    func run(_ fixture: Fixture, root: URL) throws -> (report: ChapterReport, compilerRuns: Int) {
        let statistics = Statistics()
        let report = try #require(try fixture.run(root: root, cache: root.appendingPathComponent(".cache"), statistics: statistics).first)
        return (report, statistics.compilerInvocations)
    }

    func onlyEntry(_ folder: URL) throws -> URL {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") && $0 != "swiftpm" }
        try #require(names.count == 1, "\(names)")
        return folder.appendingPathComponent(names[0])
    }

    @Test func aDamagedLibraryIsRebuiltNotBlamedOnTheChapter() throws {
        let root = try makeRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let fixture = try Fixture(["a.md": "# A\n\n```swift\nprint(answer())\n```\n"])
        defer { fixture.remove() }
        #expect(try run(fixture, root: root).report.succeeded)
        let library = try onlyEntry(root.appendingPathComponent(".cache/package"))
        let archive = library.appendingPathComponent(PackageBuild.archiveName)
        let size = try Data(contentsOf: archive).count
        try Data(repeating: 0x2A, count: size).write(to: archive)
        try Data("# A\n\n```swift\nprint(answer() + 1)\n```\n".utf8).write(to: fixture.directory.appendingPathComponent("a.md"))
        let again = try run(fixture, root: root)
        #expect(again.report.errors.isEmpty, "\(again.report.errors)")
        #expect(again.report.execution?.outputs.first?.text == "8")
        #expect(again.compilerRuns == 3)  // SwiftPM's description and build again, then the chapter
    }

    @Test func aDamagedResultsEntryIsRunAgain() throws {
        let root = try makeRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let fixture = try Fixture(["a.md": "# A\n\n```swift expect\nprint(answer())\n```\n\n```output\n7\n```\n"])
        defer { fixture.remove() }
        #expect(try run(fixture, root: root).report.succeeded)
        let entry = try onlyEntry(root.appendingPathComponent(".cache/results"))
        for damage in ["[]", "not json", #"[{"index":5,"items":[]}]"#] {
            try Data(damage.utf8).write(to: entry.appendingPathComponent("outputs.json"))
            let again = try run(fixture, root: root)
            #expect(again.report.succeeded, "\(damage)")
            #expect(!again.report.cached, "\(damage)")
            #expect(again.report.execution?.outputs.map(\.text) == ["7"], "\(damage)")
        }
        #expect(try run(fixture, root: root).report.cached)
    }

    @Test func leftoversOfDeadRunsAreRemovedAndThoseOfLiveOnesKept() throws {
        let root = try makeRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let fixture = try Fixture(["a.md": "# A\n\n```swift\nprint(answer())\n```\n"])
        defer { fixture.remove() }
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = finished.processIdentifier, live = getpid()
        let cache = root.appendingPathComponent(".cache")
        func id() -> String { UUID().uuidString }
        let leftovers = ["work/\(dead)-\(id())", "package/.staging-\(dead)-\(id())", "results/.staging-\(dead)-\(id())"]
        // A live run's folders, and anything not named as weave names its folders (an author's
        // own files under a --cache they chose), stay.
        let kept = ["work/\(live)-\(id())", "package/.staging-\(live)-\(id())", "work/\(dead)-notes", "work/notes"]
        for path in leftovers + kept {
            try FileManager.default.createDirectory(at: cache.appendingPathComponent(path), withIntermediateDirectories: true)
        }
        #expect(try run(fixture, root: root).report.succeeded)
        for path in leftovers { #expect(!FileManager.default.fileExists(atPath: cache.appendingPathComponent(path).path), "\(path)") }
        for path in kept { #expect(FileManager.default.fileExists(atPath: cache.appendingPathComponent(path).path), "\(path)") }
    }

    @Test func declaredFilesAndVariablesJoinTheKey() throws {
        let root = try makeRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let variable = "WEAVE_TEST_\(UInt32.random(in: 0...UInt32.max))"
        let code = """
            print(try! String(contentsOfFile: "data.txt", encoding: .utf8), ProcessInfo.processInfo.environment["\(variable)"] ?? "unset")
            """
        let fixture = try Fixture(["a.md": "# A\n\n```swift reads=data.txt env=\(variable)\n\(code)\n```\n"])
        defer { fixture.remove() }
        let data = root.appendingPathComponent("data.txt")
        try Data("one".utf8).write(to: data)
        setenv(variable, "a", 1)
        defer { unsetenv(variable) }
        var outputs: [String] = []
        for step in 0..<4 {
            if step == 2 { try Data("two".utf8).write(to: data) }
            if step == 3 { setenv(variable, "b", 1) }
            let result = try run(fixture, root: root)
            #expect(result.report.errors.isEmpty, "\(result.report.errors)")
            #expect(result.report.cached == (step == 1), "step \(step)")
            outputs.append(result.report.execution?.outputs.first?.text ?? "")
        }
        #expect(outputs == ["one a", "one a", "two a", "two b"])
    }
}
