import Dispatch
import Foundation
import Glibc

/// Every child session and work folder weave has alive right now, so that SIGINT or SIGTERM
/// stops all of them and removes the folders before weave exits (with status 128 + signal).
final class LiveProcesses: @unchecked Sendable {
    static let shared = LiveProcesses()

    private let lock = NSLock()
    private var sessions: Set<pid_t> = []  // sessions, named by their leaders
    private var folders: Set<String> = []
    private var terminating = false
    private var signalSources: [DispatchSourceSignal] = []
    private let signalQueue = DispatchQueue(label: "weave.signals")

    private init() {}

    /// Runs `spawn` under the lock, so a signal cannot slip in between starting a child and
    /// recording its session; `spawn` calls its argument with the new session.
    func starting(_ spawn: (_ record: (pid_t) -> Void) -> Int32) throws(WeaveError) -> Int32 {
        installSignalHandlers()
        lock.lock()
        defer { lock.unlock() }
        guard !terminating else { throw WeaveError("weave is stopping") }
        return spawn { sessions.insert($0) }
    }

    func ended(_ session: pid_t) { lock.withLock { _ = sessions.remove(session) } }

    /// A folder to remove if weave is interrupted; `remove` it when done with it.
    func adopt(_ folder: URL) { lock.withLock { _ = folders.insert(folder.path) } }

    func remove(_ folder: URL) {
        try? FileManager.default.removeItem(at: folder)
        lock.withLock { _ = folders.remove(folder.path) }
    }

    private func installSignalHandlers() {
        lock.withLock {
            guard signalSources.isEmpty else { return }
            for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: signalQueue)
                source.setEventHandler { [unowned self] in self.stopEverything(signal: signalNumber) }
                source.resume()
                signalSources.append(source)
            }
        }
    }

    /// Kills every live session, removes every work folder and exits; never returns.
    private func stopEverything(signal signalNumber: Int32) -> Never {
        lock.lock()
        terminating = true
        for session in sessions { Session.killAll(session) }
        for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
        fflush(nil)
        let message = "weave: stopped by \(Termination.name(of: signalNumber)); ended its processes and removed its work folders\n"
        _ = message.withCString { write(2, $0, strlen($0)) }
        _exit(128 + signalNumber)
    }
}
