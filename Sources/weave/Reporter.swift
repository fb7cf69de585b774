import ArgumentParser
import Foundation
import WeaveKit

/// How a command reports: text for people, JSON Lines for tools, annotations for GitHub Actions.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, github
}

/// Everything a command prints about its run, in the chosen format: diagnostics, one result
/// per chapter, what it wrote and the totals. In json mode stdout holds JSON Lines and nothing else.
struct Reporter {
    var format: OutputFormat
    var statistics = Statistics()
    /// Shown on stderr while chapters run; stopped before anything else is printed.
    var progress: ProgressDisplay?
    let start = ContinuousClock.now

    /// What the command wrote, for the end of its report.
    struct Written {
        /// The line text and github print.
        var text: String
        /// The object json prints, if any.
        var record: JSONLines.Written?
    }

    /// Prints the run's outcome and throws `ExitCode.failure` when anything failed.
    /// `chapterLines`: whether text and github print a line per chapter and the totals.
    func finish(_ reports: [ChapterReport], otherErrors: [WeaveError] = [], chapterLines: Bool = true,
                written: [Written] = [], failureNote: String? = nil) throws {
        let failures = reports.flatMap(\.errors) + otherErrors
        emit(reports, otherErrors: otherErrors, chapterLines: chapterLines, written: written,
             failureNote: failures.isEmpty ? nil : failureNote)
        if !failures.isEmpty { throw ExitCode.failure }
    }

    /// Reports errors that stopped the command before any chapter had a result.
    func fail(_ errors: [WeaveError]) -> ExitCode {
        emit([], otherErrors: errors, chapterLines: false, written: [], failureNote: nil)
        return ExitCode.failure
    }

    private func emit(_ reports: [ChapterReport], otherErrors: [WeaveError], chapterLines: Bool,
                      written: [Written], failureNote: String?) {
        progress?.stop()
        let warnings = reports.flatMap(\.warnings)
        let errors = reports.flatMap(\.errors) + otherErrors
        switch format {
        case .text:
            for warning in warnings { standardError(warning.description) }
            if chapterLines { Summary.print(reports, statistics: statistics, seconds: ContinuousClock.now - start) }
            for item in written { print(item.text) }
            if let failureNote { standardError(failureNote) }
            for error in errors { standardError(error.description) }
        case .github:
            for diagnostic in warnings + errors { print(GitHubAnnotation.command(diagnostic)) }
            if chapterLines { Summary.print(reports, statistics: statistics, seconds: ContinuousClock.now - start) }
            for item in written { print(item.text) }
            if let failureNote { standardError(failureNote) }
        case .json:
            for report in reports {
                for diagnostic in report.warnings + report.errors { print(JSONLines.line(JSONLines.Diagnostic(diagnostic))) }
                print(JSONLines.line(JSONLines.Chapter(report)))
            }
            for error in otherErrors { print(JSONLines.line(JSONLines.Diagnostic(error))) }
            for record in written.compactMap(\.record) { print(JSONLines.line(record)) }
            print(JSONLines.line(JSONLines.Summary(reports, errors: errors.count,
                                                   compilerRuns: statistics.compilerInvocations,
                                                   seconds: (ContinuousClock.now - start).seconds)))
        }
    }
}

/// One line to stderr.
func standardError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Prints a failure to stderr and exits non-zero without a stack trace (for commands without `--format`).
func fail(_ errors: [WeaveError]) -> ExitCode {
    for error in errors { standardError(error.description) }
    return ExitCode.failure
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
        let warnings = reports.map(\.warnings.count).reduce(0, +)
        Swift.print(String(format: "%d chapters: %d passed, %d failed%@; %d compiler runs; %.2f s",
                           reports.count, reports.count - failed, failed,
                           warnings == 0 ? "" : "; \(warnings) warning\(warnings == 1 ? "" : "s")",
                           statistics.compilerInvocations, seconds.seconds))
    }
}
