import Foundation
import Glibc
import WeaveKit

/// Progress on stderr while chapters compile and run, so stdout stays the report. On a
/// terminal, one line that updates in place (`[3/7] running 04-bptt.md (12.3 s)`) and is
/// cleared at the end; elsewhere (a pipe, CI) one plain line per finished chapter, so a long
/// run shows it is alive without anything to erase.
final class ProgressDisplay: @unchecked Sendable {
    private let terminal: Bool
    private let write: @Sendable (String) -> Void
    private let clock = ContinuousClock()
    private let lock = NSLock()
    private var running: [Int: (path: String, since: ContinuousClock.Instant)] = [:]
    private var buildingSince: ContinuousClock.Instant?
    private var finished = 0
    private var total = 0
    private var showing = false
    private var stopped = false
    private var timer: DispatchSourceTimer?

    init(terminal: Bool = isatty(2) == 1, write: @escaping @Sendable (String) -> Void = { text in
        FileHandle.standardError.write(Data(text.utf8))
    }) {
        self.terminal = terminal
        self.write = write
    }

    func handle(_ event: PipelineEvent) {
        lock.withLock {
            guard !stopped else { return }
            switch event {
            case .buildingPackage:
                buildingSince = clock.now
            case let .started(path, index, total):
                buildingSince = nil
                self.total = total
                running[index] = (path, clock.now)
            case let .finished(report, index, total):
                self.total = total
                running[index] = nil
                finished += 1
                if !terminal { write(Self.finishedLine(report, finished: finished, total: total) + "\n") }
            }
            if terminal { redraw() }
        }
        if terminal { startTimer() }
    }

    /// Clears the line; nothing more is shown after this.
    func stop() {
        lock.withLock {
            stopped = true
            timer?.cancel()
            timer = nil
            if showing { write(Self.clearLine) }
            showing = false
        }
    }

    /// Keeps the seconds counting while a slow chapter gives no events.
    private func startTimer() {
        lock.withLock {
            guard timer == nil, !stopped else { return }
            let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
            timer.schedule(deadline: .now() + 0.25, repeating: 0.25)
            timer.setEventHandler { [weak self] in
                guard let self else { return }
                self.lock.withLock { if !self.stopped { self.redraw() } }
            }
            timer.resume()
            self.timer = timer
        }
    }

    /// Called with the lock held.
    private func redraw() {
        let now = clock.now
        let line: String
        if let buildingSince {
            line = Self.buildingLine(seconds: (now - buildingSince).seconds)
        } else {
            let chapters = running.sorted { $0.value.since < $1.value.since }
                .map { (path: $0.value.path, seconds: (now - $0.value.since).seconds) }
            line = Self.runningLine(finished: finished, total: total, running: chapters)
        }
        write(Self.clearLine + Self.fit(line, width: Self.terminalWidth()))
        showing = true
    }

    /// Back to the start of the line, then erase it.
    static let clearLine = "\r\u{1B}[2K"

    /// `[3/7] running 04-bptt.md (12.3 s), 05-words.md (2.0 s)`: the chapters running, longest first.
    static func runningLine(finished: Int, total: Int, running: [(path: String, seconds: Double)]) -> String {
        let names = running.map { "\(fileName($0.path)) (\(String(format: "%.1f", $0.seconds)) s)" }
        let counter = "[\(finished)/\(total)]"
        return names.isEmpty ? counter : counter + " running " + names.joined(separator: ", ")
    }

    static func buildingLine(seconds: Double) -> String {
        "building the package's modules (\(String(format: "%.1f", seconds)) s)"
    }

    /// `[3/7] chapters/04-bptt.md: ok, 12.3 s` (or `FAILED`, `cached`), for a log.
    static func finishedLine(_ report: ChapterReport, finished: Int, total: Int) -> String {
        let status = report.succeeded ? "ok" : "FAILED"
        let time = report.cached ? "cached" : String(format: "%.1f s", report.seconds)
        return "[\(finished)/\(total)] \(report.path): \(status), \(time)"
    }

    /// The line cut to the terminal's width, since a wrapped line cannot be redrawn in place.
    static func fit(_ line: String, width: Int) -> String {
        guard width > 1, line.count >= width else { return line }
        return String(line.prefix(width - 2)) + "…"
    }

    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    private static func terminalWidth() -> Int {
        var size = winsize()
        guard ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
