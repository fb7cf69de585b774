import Foundation
import Glibc

/// One run of a chapter's compiled program, watched: each snippet within its time limit, all
/// output (stdout, stderr and the control channel together) within the chapter's limit.
struct ProgramRun {
    enum Stop: Equatable {
        case timeLimit(index: Int, seconds: Double)
        case outputLimit(bytes: Int)
    }

    var termination: Termination
    var stop: Stop?
    var stdout = Data()
    var stderr = Data()
    var log = ControlChannel.Log()
    /// Why the control channel cannot be trusted, if it cannot.
    var inconsistency: String?

    var stderrText: String { String(decoding: stderr, as: UTF8.self) }

    /// The snippet running when the program ended, or the first one if none began.
    func currentIndex(order: [Int]) -> Int? { log.currentIndex ?? order.first }

    static func run(_ binary: URL, order: [Int], timeLimits: [Int: Double], outputLimit: Int,
                    root: URL, work: URL) throws(WeaveError) -> ProgramRun {
        let files = (stdout: work.appendingPathComponent("run.stdout"), stderr: work.appendingPathComponent("run.stderr"),
                     control: work.appendingPathComponent("run.control"))
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=yes,interactive=no,color=no,registers=none,images=none,limit=16,output-to=stderr"
        let token = ControlChannel.makeToken()
        // Run from the root so the paths in #sourceLocation match what the author sees.
        let child = try ChildProcess.spawn(.init(
            executable: binary, arguments: [], environment: environment, directory: root,
            stdout: files.stdout, stderr: files.stderr, input: Data((token + "\n").utf8), control: files.control))
        var watch = Watch(token: token, first: order.first, control: files.control)
        let clock = ContinuousClock()
        var current: (index: Int?, since: ContinuousClock.Instant) = (order.first, clock.now)
        let result = child.wait { () -> Stop? in
            if size(files.stdout) + size(files.stderr) + size(files.control) > outputLimit { return .outputLimit(bytes: outputLimit) }
            let index = watch.currentIndex()
            if index != current.index { current = (index, clock.now) }
            guard let index, let limit = timeLimits[index], (clock.now - current.since).seconds > limit else { return nil }
            return .timeLimit(index: index, seconds: limit)
        }
        var run = ProgramRun(termination: result.termination, stop: result.stopReason)
        // Output written in the last moments before the end counts too.
        if run.stop == nil, size(files.stdout) + size(files.stderr) + size(files.control) > outputLimit {
            run.stop = .outputLimit(bytes: outputLimit)
        }
        // Never read more than the limit, whatever a runaway snippet left behind.
        run.stdout = read(files.stdout, limit: outputLimit)
        run.stderr = read(files.stderr, limit: outputLimit)
        let control = read(files.control, limit: outputLimit)
        do {
            run.log = try ControlChannel.parse(control, token: token, order: order,
                                               sizes: .init(stdout: size(files.stdout), stderr: size(files.stderr)))
        } catch {
            run.inconsistency = error.reason
        }
        return run
    }

    private static func size(_ file: URL) -> Int {
        var info = stat()
        return stat(file.path, &info) == 0 ? Int(info.st_size) : 0
    }

    private static func read(_ file: URL, limit: Int) -> Data {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return Data() }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: limit)) ?? Data()
    }

    /// Follows the control file while the program runs, for the snippet now running. It only
    /// looks for `begin` lines; the full check happens once the program has ended.
    private struct Watch {
        let prefix: [UInt8]
        let control: URL
        var handle: FileHandle?
        var pending = Data()
        var index: Int?

        init(token: String, first: Int?, control: URL) {
            prefix = Array((token + " begin ").utf8)
            self.control = control
            index = first
        }

        mutating func currentIndex() -> Int? {
            if handle == nil { handle = try? FileHandle(forReadingFrom: control) }
            guard let handle, let chunk = try? handle.readToEnd(), !chunk.isEmpty else { return index }
            pending.append(chunk)
            guard let lastNewline = pending.lastIndex(of: UInt8(ascii: "\n")) else { return index }
            for line in pending[..<lastNewline].split(separator: UInt8(ascii: "\n")) where line.starts(with: prefix) {
                let digits = line.dropFirst(prefix.count).prefix { $0 != UInt8(ascii: " ") }
                if let k = Int(String(decoding: digits, as: UTF8.self)) { index = k }
            }
            pending = Data(pending[(lastNewline + 1)...])
            return index
        }
    }
}
