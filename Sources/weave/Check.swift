import ArgumentParser
import Foundation
import WeaveKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every chapter's snippets and compare expected outputs; write nothing but the cache.")

    @OptionGroup var options: CommonOptions
    @Flag(help: "Print every snippet's output under its chapter line.") var showOutput = false

    func run() throws {
        let clock = ContinuousClock(), start = clock.now
        let statistics = Statistics()
        let pipeline = options.pipeline(try options.config())
        let reports: [ChapterReport]
        do { reports = try Pipeline.run(pipeline, statistics: statistics) } catch { throw fail([error]) }
        if showOutput {
            for report in reports {
                guard let chapter = report.chapter, let execution = report.execution else { continue }
                for output in execution.outputs {
                    print("\(chapter.path):\(chapter.snippets[output.index].fenceLine): output")
                    print(output.text)
                    if let stderr = output.stderr {
                        print("\(chapter.path):\(chapter.snippets[output.index].fenceLine): stderr")
                        print(stderr)
                    }
                }
            }
        }
        Summary.print(reports, statistics: statistics, seconds: (clock.now - start))
        let failures = reports.flatMap(\.errors)
        if !failures.isEmpty { throw fail(failures) }
    }
}

enum Summary {
    /// One line per chapter, then the totals.
    static func print(_ reports: [ChapterReport], statistics: Statistics, seconds: Duration) {
        let width = reports.map(\.path.count).max() ?? 0
        for r in reports {
            let status = r.succeeded ? "ok    " : "FAILED"
            let line = String(format: "%@  %@  %2d run  %2d passed  %2d failed  %6.2f s  %@",
                              status, r.path.padding(toLength: width, withPad: " ", startingAt: 0),
                              r.snippetsRun, r.snippetsPassed, r.snippetsFailed, r.seconds,
                              r.cached ? "cached" : "fresh")
            Swift.print(line)
        }
        let failed = reports.filter { !$0.succeeded }.count
        let total = Double(seconds.components.seconds) + Double(seconds.components.attoseconds) * 1e-18
        Swift.print(String(format: "%d chapters: %d passed, %d failed; %d compiler runs; %.2f s",
                           reports.count, reports.count - failed, failed, statistics.compilerInvocations, total))
    }
}
