import Foundation
import Testing
@testable import WeaveKit

/// weave replaces only a folder it owns: every refused output leaves the disk as it was.
@Suite struct OutputFolderTests {
    /// A package-shaped folder: Sources/, Tests/, .git/, chapters/, a README and a stranger's folder.
    struct Package {
        let root: URL
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("weave-package-\(UUID().uuidString)")
            for folder in ["Sources/Lib", "Tests", ".git/objects", "chapters", "notes", "empty"] {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            for (file, text) in ["README.md": "# Readme\n", "Sources/Lib/Lib.swift": "let x = 1\n",
                                 ".git/HEAD": "ref: refs/heads/main\n", "chapters/a.md": "# A\n", "notes/todo.txt": "keep\n"] {
                try Data(text.utf8).write(to: root.appendingPathComponent(file))
            }
            try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("link"),
                                                       withDestinationURL: root.appendingPathComponent("empty"))
        }
        var chapters: URL { root.appendingPathComponent("chapters") }
        func url(_ path: String) -> URL { path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path) }
        func check(_ path: String) throws(WeaveError) -> OutputFolder {
            try OutputFolder(url(path), root: root, chapters: chapters)
        }
        /// Every path and file content below the root, to show that nothing was touched.
        func snapshot() -> [String: Data] {
            let paths = (try? FileManager.default.subpathsOfDirectory(atPath: root.path)) ?? []
            return Dictionary(uniqueKeysWithValues: paths.map { ($0, (try? Data(contentsOf: root.appendingPathComponent($0))) ?? Data()) })
        }
        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static let refused: [(output: String, message: String)] = [
        (".", "is the package root"),
        ("chapters", "is the chapters folder"),
        ("Sources", "is Sources/"),
        ("Sources/Lib", "is inside Sources/"),
        ("Sources/site", "is inside Sources/"),
        ("Tests", "is Tests/"),
        (".git", "is .git"),
        (".git/objects/site", "is inside .git"),
        ("..", "holds the package root"),
        ("/", "holds the package root"),
        ("README.md", "it is a file"),
        ("chapters/a.md", "it is a file"),
        ("notes", "weave did not build"),
        ("link", "is a symbolic link"),
        ("Sources/../.", "is the package root"),
    ]

    @Test(arguments: refused)
    func refusesFoldersWeaveDoesNotOwn(_ output: String, _ message: String) throws {
        let package = try Package()
        defer { package.remove() }
        let before = package.snapshot()
        let error = try #require(throws: WeaveError.self) { try package.check(output) }
        #expect(error.description.contains(message), "\(error.description)")
        #expect(error.description.contains("refusing") || error.description.contains("symbolic link"))
        #expect(package.snapshot() == before)
    }

    @Test(arguments: ["site", "empty", "chapters/site", "docs/site"])
    func acceptsNewEmptyAndOwnFolders(_ output: String) throws {
        let package = try Package()
        defer { package.remove() }
        _ = try package.check(output)
    }

    /// The refusal happens before any chapter runs: the build stops with nothing touched.
    @Test func aRefusedBuildRunsNothingAndTouchesNothing() throws {
        let package = try Package()
        defer { package.remove() }
        let before = package.snapshot()
        let statistics = Statistics()
        let options = PipelineOptions(chapters: package.chapters.path, root: package.root)
        for output in [".", "chapters", "notes", "README.md"] {
            #expect(throws: SiteBuildError.self) {
                try SiteBuilder.build(options, output: package.url(output), statistics: statistics)
            }
        }
        #expect(statistics.compilerInvocations == 0)
        #expect(package.snapshot() == before)
    }

    /// A site weave wrote carries the mark, so the next build replaces it; a stranger's file
    /// dropped into the folder later does not make weave refuse it, but a folder whose mark is
    /// gone is refused.
    @Test func aBuiltSiteIsMarkedAndReplacedWhole() throws {
        let fixture = try Fixture(["a.md": "# A\n\nText.\n"])
        defer { fixture.remove() }
        let output = fixture.directory.appendingPathComponent("out")
        _ = try SiteBuilder.build(fixture.options(), output: output)
        let marker = try String(contentsOf: output.appendingPathComponent(OutputFolder.markerName), encoding: .utf8)
        #expect(marker == OutputFolder.markerText)
        try Data("stale".utf8).write(to: output.appendingPathComponent("old.html"))
        _ = try SiteBuilder.build(fixture.options(), output: output)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("old.html").path))
        try FileManager.default.removeItem(at: output.appendingPathComponent(OutputFolder.markerName))
        #expect(throws: SiteBuildError.self) { try SiteBuilder.build(fixture.options(), output: output) }
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("a.html").path))
    }

    /// A killed build's staging and old copies are removed by the next build; a live build's,
    /// and anything without weave's mark, are left alone.
    @Test func leftoversOfDeadBuildsAreRemoved() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("weave-leftovers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        // A pid that is not running: well above any pid this machine has handed out.
        let dead = Int32.max - 7
        func make(_ name: String, marked: Bool, file: String = "a.html") throws -> URL {
            let url = parent.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url.appendingPathComponent(file))
            if marked { try Data(OutputFolder.markerText.utf8).write(to: url.appendingPathComponent(OutputFolder.markerName)) }
            return url
        }
        let deadStaging = try make(".site.staging-\(dead)-A", marked: true)
        let deadOld = try make(".site.old-\(dead)-B", marked: true)
        let live = try make(".site.staging-\(getpid())-C", marked: true)
        let stranger = try make(".site.old-\(dead)-D", marked: false)
        let otherSite = try make(".docs.staging-\(dead)-E", marked: true)
        SiteWriter.removeLeftovers(of: "site", in: parent)
        let exists = { (url: URL) in FileManager.default.fileExists(atPath: url.path) }
        #expect(!exists(deadStaging))
        #expect(!exists(deadOld))
        #expect(exists(live))
        #expect(exists(stranger))
        #expect(exists(otherSite))
    }
}
