import Foundation
import Testing
import WeaveKit

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
/// The course as `weave` builds it: with the package's `weave.yml`.
let courseConfig = (try? CourseConfig.load(root: packageRoot)) ?? CourseConfig()
let chaptersDirectory = packageRoot.appendingPathComponent(courseConfig.chapters).path

/// Every chapter of the course is one test case, run through the same stages as `weave check`:
/// its snippets must compile, run within their limits and print their expected outputs.
@Suite struct ChapterTests {
    static let chapterFiles = ((try? ChapterLoader.chapterPaths(in: chaptersDirectory)) ?? [])
        .map { URL(fileURLWithPath: $0).lastPathComponent }

    @Test func theCourseHasChaptersAndAConfig() throws {
        #expect(!Self.chapterFiles.isEmpty)
        #expect(try CourseConfig.load(root: packageRoot).imports == ["ElmanRNN", "Display", "Statistics"])
    }

    @Test(arguments: chapterFiles)
    func chapterRunsAndMatchesItsExpectedOutputs(_ file: String) throws {
        let options = PipelineOptions(config: courseConfig, root: packageRoot, jobs: 1, filters: [file])
        let reports = try Pipeline.run(options)
        for report in reports where report.path.hasSuffix("/" + file) {
            #expect(report.errors.isEmpty, "\(report.errors.map(\.description).joined(separator: "\n"))")
        }
    }
}
