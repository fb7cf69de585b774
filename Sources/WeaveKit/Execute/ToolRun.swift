import Foundation

/// A finished run of a tool (swiftc): how it ended and what it wrote to stderr.
struct ToolRun {
    var termination: Termination
    var stderrText: String
    /// Set when weave stopped it for taking longer than its limit.
    var timedOut: Bool

    /// Runs `executable` in its own process group, its output in files under `work`, and kills
    /// the whole group (swiftc's frontend jobs too) after `timeLimit` seconds.
    static func run(_ executable: URL, _ arguments: [String], directory: URL, work: URL,
                    timeLimit: Double) throws(WeaveError) -> ToolRun {
        let stdout = work.appendingPathComponent("tool.stdout"), stderr = work.appendingPathComponent("tool.stderr")
        let child = try ChildProcess.spawn(.init(
            executable: executable, arguments: arguments, environment: ProcessInfo.processInfo.environment,
            directory: directory, stdout: stdout, stderr: stderr))
        let clock = ContinuousClock(), start = clock.now
        let result = child.wait { (clock.now - start).seconds > timeLimit ? true : nil }
        let text = (try? Data(contentsOf: stderr)).map { String(decoding: $0.prefix(1 << 20), as: UTF8.self) } ?? ""
        return ToolRun(termination: result.termination, stderrText: text, timedOut: result.stopReason != nil)
    }
}
