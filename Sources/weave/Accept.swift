import ArgumentParser
import Foundation
import WeaveKit

struct Accept: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write each `expect` snippet's current output into its ```output block, in place.",
        discussion: """
            Only the output blocks (and include= blocks) change; every other byte of a chapter \
            stays as it was. A chapter that does not compile or crashes has no output to accept: \
            it is reported and left alone. Afterwards `weave check` passes.

            Examples:
              weave accept                 every chapter
              weave accept 04              chapters whose file name holds 04
            """)

    @OptionGroup var options: CommonOptions

    func run() throws {
        let reporter = options.reporter()
        let pipeline = options.pipeline(try options.config(reporter), reporter)
        var reports: [ChapterReport]
        do { reports = try Pipeline.run(pipeline, statistics: reporter.statistics) } catch { throw reporter.fail([error]) }
        let changed: [String]
        do { changed = try Pipeline.accept(reports) } catch { throw reporter.fail([error]) }
        // What is left is what `check` now reports: run again (from the cache, so no compiler
        // runs) and report that, so accept never exits 0 while check would fail, for example on
        // a broken link or a chapter that does not compile.
        if !changed.isEmpty {
            do { reports = try Pipeline.run(pipeline, statistics: Statistics()) } catch { throw reporter.fail([error]) }
        }
        var written = changed.map { Reporter.Written(text: "updated \($0)", record: .init(type: "updated", path: $0)) }
        if changed.isEmpty { written.append(Reporter.Written(text: "all expected outputs are up to date")) }
        try reporter.finish(reports, chapterLines: false, written: written)
    }
}
