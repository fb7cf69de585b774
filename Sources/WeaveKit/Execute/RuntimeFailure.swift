/// Explains how a chapter's program failed at run time, at the snippet's Markdown line.
enum RuntimeFailure {
    static func diagnose(_ run: ProcessOutput, parsed: OutputParser, chapter: Chapter) -> WeaveError? {
        guard run.status != 0 || run.stopReason != nil || !parsed.finished else { return nil }
        let index = parsed.outputs.last?.index
        let snippet = index.map { chapter.snippets[$0] }
        let fallback = chapter.location(line: snippet?.fenceLine ?? 1, column: 1)
        let stderr = run.stderrText.split(separator: "\n").map(String.init)
        if let reason = run.stopReason {
            return WeaveError(reason, at: fallback,
                              details: ["make it faster, or raise its limit with a tag such as `swift timeout=30`"])
        }
        let trapLocation = stderr.lazy.compactMap { location(in: $0, chapter: chapter) }.first
        let trapLine = stderr.first { $0.contains("Fatal error") || $0.contains("Precondition failed") || $0.contains("Assertion failed") }
        let message = trapLine.map { "the snippet crashed: " + $0 }
            ?? (run.status == 0 ? "the program stopped before the end of the chapter (did a snippet call exit?)"
                : "the snippet crashed (exit status \(run.status))")
        let trace = stderr.filter { $0 != trapLine && ($0.contains(" at ") || $0.contains("crashed")) }.prefix(12)
        return WeaveError(message, at: trapLocation ?? fallback,
                          details: Array(trace) + ["the backtrace names the chapter's lines; fix the snippet there"])
    }

    /// `chapters/x.md:LINE:COL` in a backtrace line, as `#sourceLocation` names it.
    static func location(in line: String, chapter: Chapter) -> SourceLocation? {
        guard let range = line.range(of: chapter.path + ":") else { return nil }
        let numbers = line[range.upperBound...].split(separator: ":", maxSplits: 2).map { $0.prefix(while: \.isNumber) }
        guard let lineNumber = numbers.first.flatMap({ Int($0) }) else { return nil }
        return chapter.location(line: lineNumber, column: numbers.count > 1 ? Int(numbers[1]) : nil)
    }
}
