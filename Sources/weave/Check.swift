import ArgumentParser
import Foundation
import WeaveKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every chapter's snippets and compare expected outputs; write nothing but the cache.",
        discussion: """
            Prints one line per chapter and the totals; errors and the compiler's warnings go to \
            stderr in the compiler's shape (chapters/NAME.md:LINE:COL: error: …). Exits non-zero \
            when any chapter fails. Warnings never fail a chapter.

            Examples:
              weave check                  every chapter
              weave check 03 rnn           chapters whose file name holds 03 or rnn
              weave check --format json    JSON Lines, for an editor or a tool
            """)

    @OptionGroup var options: CommonOptions
    @Flag(help: "Print every snippet's output under its chapter line (text and github formats).") var showOutput = false

    func run() throws {
        let reporter = options.reporter()
        let pipeline = options.pipeline(try options.config(reporter), reporter)
        let reports: [ChapterReport]
        do { reports = try Pipeline.run(pipeline, statistics: reporter.statistics) } catch { throw reporter.fail([error]) }
        if showOutput && options.format != .json {
            reporter.progress?.stop()
            for report in reports {
                guard let chapter = report.chapter, let execution = report.execution else { continue }
                for output in execution.outputs {
                    if let value = output.value, let column = chapter.snippets[output.index].inlineColumn {
                        print("\(chapter.path):\(chapter.snippets[output.index].fenceLine):\(column): value")
                        print(value)
                        continue
                    }
                    print("\(chapter.path):\(chapter.snippets[output.index].fenceLine): output")
                    print(output.text)
                    if let stderr = output.stderr {
                        print("\(chapter.path):\(chapter.snippets[output.index].fenceLine): stderr")
                        print(stderr)
                    }
                }
            }
        }
        try reporter.finish(reports)
    }
}
