import Foundation

/// What a finished child process left behind.
struct ProcessOutput {
    var status: Int32
    var stdout: Data
    var stderr: Data
    /// Why weave stopped it, if it did.
    var stopReason: String?
    var seconds: Double

    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// Runs a child process with Foundation's `Process`, reading its output as it comes so a
/// watchdog can stop it (a snippet over its time limit) and a full pipe never blocks it.
enum ProcessRunner {
    /// `watchdog` is asked every 20 ms with the stdout so far; a non-nil answer stops the
    /// process (SIGTERM, then SIGKILL a second later) and becomes `stopReason`.
    static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
        directory: URL? = nil, watchdog: (Data) -> String? = { _ in nil }
    ) throws(WeaveError) -> ProcessOutput {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let stdout = Collector(out.fileHandleForReading), stderr = Collector(err.fileHandleForReading)
        let clock = ContinuousClock(), start = clock.now
        do { try process.run() } catch {
            throw WeaveError("cannot start \(executable.path): \(error.localizedDescription)")
        }
        stdout.start(); stderr.start()
        var stopReason: String?
        var killAt: ContinuousClock.Instant?
        while process.isRunning {
            Thread.sleep(forTimeInterval: 0.02)
            if stopReason == nil, let reason = watchdog(stdout.data) {
                stopReason = reason
                process.terminate()
                killAt = clock.now + .seconds(1)
            } else if let deadline = killAt, clock.now > deadline {
                kill(process.processIdentifier, SIGKILL)
                killAt = nil
            }
        }
        process.waitUntilExit()
        let elapsed = clock.now - start
        return ProcessOutput(
            status: process.terminationStatus, stdout: stdout.finish(), stderr: stderr.finish(),
            stopReason: stopReason,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
}

/// Drains one pipe on its own thread until end of file.
private final class Collector: @unchecked Sendable {
    private let handle: FileHandle
    private let lock = NSLock()
    private var buffer = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) { self.handle = handle }

    func start() {
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.withLock { buffer.append(chunk) }
            }
            done.signal()
        }
    }

    var data: Data { lock.withLock { buffer } }

    func finish() -> Data {
        done.wait()
        return data
    }
}
