import Foundation
@testable import WeaveKit

/// The package root, found from this file, so tests compile snippets against the real library.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A temporary folder of chapters, removed when the test ends.
struct Fixture {
    let directory: URL

    init(_ chapters: [String: String]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("weave-fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in chapters { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func options(root: URL = packageRoot, cache: URL? = nil) -> PipelineOptions {
        PipelineOptions(chapters: directory.path, root: root, cache: cache, jobs: 2)
    }

    func run(root: URL = packageRoot, cache: URL? = nil, statistics: Statistics = Statistics()) throws -> [ChapterReport] {
        try Pipeline.run(options(root: root, cache: cache), statistics: statistics)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}
