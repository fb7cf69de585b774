import ArgumentParser
import Foundation
import WeaveKit

struct Accept: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write each `expect` snippet's current output into its ```output block, in place.",
        discussion: "Only the output blocks change; every other byte of a chapter stays as it was.")

    @OptionGroup var options: CommonOptions

    func run() throws {
        let pipeline = options.pipeline(try options.config())
        let reports: [ChapterReport]
        do { reports = try Pipeline.run(pipeline) } catch { throw fail([error]) }
        let changed: [String]
        do { changed = try Pipeline.accept(reports) } catch { throw fail([error]) }
        for path in changed { print("updated \(path)") }
        if changed.isEmpty { print("all expected outputs are up to date") }
        // Chapters that failed to compile or crashed have no output to accept.
        let failures = reports.flatMap { $0.execution?.errors ?? $0.errors }
        if !failures.isEmpty { throw fail(failures) }
    }
}
