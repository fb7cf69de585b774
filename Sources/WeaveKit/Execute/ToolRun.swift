import Foundation

/// A finished run of a tool (swiftc, SwiftPM): how it ended and what it wrote.
struct ToolRun {
    var termination: Termination
    var stdoutText: String
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
        func text(_ file: URL, limit: Int) -> String {
            (try? Data(contentsOf: file)).map { String(decoding: $0.prefix(limit), as: UTF8.self) } ?? ""
        }
        return ToolRun(termination: result.termination, stdoutText: text(stdout, limit: 16 << 20),
                       stderrText: text(stderr, limit: 1 << 20), timedOut: result.stopReason != nil)
    }
}
