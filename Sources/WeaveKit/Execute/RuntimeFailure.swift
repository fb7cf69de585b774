import Foundation
import Glibc

/// Explains how a chapter's program failed at run time, at the snippet's Markdown line, and
/// names every snippet that then did not run.
enum RuntimeFailure {
    static func diagnose(_ run: ProgramRun, chapter: Chapter, order: [Int], root: URL) -> [WeaveError] {
        let currentIndex = run.currentIndex(order: order)
        let current = currentIndex.flatMap { index in chapter.snippets.first { $0.index == index } }
        let here = current?.location(in: chapter) ?? chapter.location(line: 1, column: 1)
        let noun = current?.noun ?? "snippet"
        if let reason = run.inconsistency, run.stop == nil {
            return [WeaveError("the chapter program's control channel is inconsistent (\(reason)), so its output cannot be trusted",
                               at: here, details: ["a snippet may have written to file descriptor 3 or changed weave's runtime; remove that"])]
        }
        var primary: WeaveError
        switch run.stop {
        case .outputLimit(let bytes):
            primary = WeaveError("the chapter printed more than its output limit of \(Self.size(bytes)) and was stopped", at: here,
                                 details: ["print less, or raise the limit with a tag such as `swift output-limit=64` (MiB) or `--output-limit 64`"])
        case .timeLimit(_, let seconds):
            primary = WeaveError("this \(noun) ran longer than its time limit of \(Plain.number(seconds)) s and was stopped", at: here,
                                 details: ["make it faster, or raise its limit with a tag such as `swift timeout=30`"])
        case nil where !run.termination.succeeded:
            primary = crash(run, chapter: chapter, at: here, root: root, noun: noun)
        case nil where run.log.end == nil:
            primary = WeaveError("this \(noun) ended the program before the end of the chapter (exit status 0): did it call exit()?",
                                 at: here, details: ["a chapter runs top to bottom; remove the exit() so later snippets run"])
        case nil:
            return []
        }
        let begun = Set(run.log.begins.map(\.index))
        let skipped = order.filter { !begun.contains($0) && $0 != currentIndex }.compactMap { index in
            chapter.snippets.first { $0.index == index }
        }
        let stoppedLine = current.map { "line \($0.fenceLine)" } ?? "the start"
        return [primary] + skipped.map { snippet in
            WeaveError("this \(snippet.noun) did not run: the program stopped at the \(noun) at \(stoppedLine)",
                       at: snippet.location(in: chapter))
        }
    }

    /// A crash or a non-zero exit, at the first backtrace frame in the chapter, with the
    /// runtime's message, or the failing check's source line when only the backtrace has it.
    static func crash(_ run: ProgramRun, chapter: Chapter, at fallback: SourceLocation, root: URL,
                      noun: String = "snippet") -> WeaveError {
        // Only what the failing snippet wrote: earlier snippets' stderr was theirs.
        let start = min(run.log.begins.last?.at.stderr ?? 0, run.stderr.count)
        let stderr = String(decoding: run.stderr.dropFirst(start), as: UTF8.self).split(separator: "\n").map(String.init)
        let trapLocation = stderr.lazy.compactMap { location(in: $0, chapter: chapter) }.first
        let trapLine = stderr.first { line in ["Fatal error", "Precondition failed", "Assertion failed"].contains { line.contains($0) } }
        let frames = stderr.filter { $0 != trapLine && $0.range(of: #"^\s*\d+\s+(\[[a-z]+\]\s+)*0x"#, options: .regularExpression) != nil }
        let library = frames.lazy.compactMap { libraryCheck(in: $0, root: root) }.first
        // "Swift runtime failure: precondition failure", the kind of check an optimised build trapped on.
        let failure = frames.lazy.compactMap { frame in
            frame.range(of: "Swift runtime failure: ").flatMap { frame[$0.upperBound...].components(separatedBy: " in ").first }
        }.first
        let message: String
        switch run.termination {
        case .signaled(let signal) where signal == SIGILL || signal == SIGTRAP:
            message = "the snippet crashed: " + (trapLine ?? library.map { "\(failure ?? "a failed check") at \($0)" }
                ?? failure ?? "a Swift runtime trap (\(Termination.name(of: signal)))")
        case .signaled(let signal) where signal == SIGSEGV || signal == SIGBUS:
            message = "the snippet crashed with \(Termination.name(of: signal)) (a bad memory access)"
        case .signaled(SIGKILL):
            message = "the chapter's program was killed by SIGKILL (did the system run out of memory?)"
        case .signaled(SIGABRT):
            message = "the snippet aborted (SIGABRT)" + (trapLine.map { ": " + $0 } ?? "")
        case .signaled(let signal):
            message = "the snippet was killed by \(Termination.name(of: signal))"
        case .exited(let code):
            message = trapLine.map { "the snippet crashed: " + $0 } ?? "the snippet exited with status \(code): did it call exit(\(code))?"
        }
        let noise = ["***", "Platform:", "Thread ", "Backtrace took", "..."]
        let otherLines = stderr.filter { line in
            line != trapLine && !frames.contains(line) && !line.isEmpty && !noise.contains { line.hasPrefix($0) }
        }.suffix(8)
        // "the snippet crashed" names an inline value as what it is.
        return WeaveError(noun == "snippet" ? message : message.replacingOccurrences(of: "the snippet", with: "the \(noun)"),
                          at: trapLocation ?? fallback,
                          details: Array(frames.prefix(12)) + Array(otherLines)
                              + ["the backtrace names the chapter's lines; fix the snippet there"])
    }

    /// `chapters/x.md:LINE:COL` in a backtrace line, as `#sourceLocation` names it.
    static func location(in line: String, chapter: Chapter) -> SourceLocation? {
        guard let range = line.range(of: chapter.path + ":") else { return nil }
        let numbers = line[range.upperBound...].split(separator: ":", maxSplits: 2).map { $0.prefix(while: \.isNumber) }
        guard let lineNumber = numbers.first.flatMap({ Int($0) }) else { return nil }
        return chapter.location(line: lineNumber, column: numbers.count > 1 ? Int(numbers[1]) : nil)
    }

    /// For a frame in one of the package's libraries (`…/Sources/ElmanRNN/Encoding.swift:20:9`),
    /// the check on that line as `Sources/ElmanRNN/Encoding.swift:20: precondition(...)`: an
    /// optimised library traps without printing the check's message, but its source line holds it.
    static func libraryCheck(in frame: String, root: URL) -> String? {
        for range in [frame.range(of: " Sources/"), frame.range(of: "/Sources/")].compactMap({ $0 }) {
            let start = frame.index(after: range.lowerBound)
            let rest = frame[start...].split(separator: " ").first.map(String.init) ?? ""
            let parts = rest.split(separator: ":")
            guard parts.count >= 2, let number = Int(parts[1]),
                  let text = try? String(contentsOf: root.appendingPathComponent(String(parts[0])), encoding: .utf8)
            else { continue }
            let lines = SourceLines.split(text)
            guard number >= 1, number <= lines.count else { continue }
            let code = lines[number - 1].trimmingCharacters(in: .whitespaces)
            return "\(parts[0]):\(number): \(code)"
        }
        return nil
    }

    static func size(_ bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }
}
