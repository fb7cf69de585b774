import Foundation
import Testing
import WeaveKit

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let chaptersDirectory = packageRoot.appendingPathComponent("chapters").path

/// Every chapter of the course is one test case, run through the same stages as `weave check`:
/// its snippets must compile, run within their limits and print their expected outputs.
@Suite struct ChapterTests {
    static let chapterFiles = ((try? ChapterLoader.chapterPaths(in: chaptersDirectory)) ?? [])
        .map { URL(fileURLWithPath: $0).lastPathComponent }

    @Test func theCourseHasChapters() {
        #expect(!Self.chapterFiles.isEmpty)
    }

    @Test(arguments: chapterFiles)
    func chapterRunsAndMatchesItsExpectedOutputs(_ file: String) throws {
        let options = PipelineOptions(chapters: chaptersDirectory, root: packageRoot, jobs: 1, filters: [file])
        let reports = try Pipeline.run(options)
        for report in reports where report.path.hasSuffix("/" + file) {
            #expect(report.errors.isEmpty, "\(report.errors.map(\.description).joined(separator: "\n"))")
        }
    }
}
