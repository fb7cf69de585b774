import Foundation
import Glibc

/// How a child process ended.
enum Termination: Equatable, Sendable {
    case exited(Int32)
    case signaled(Int32)

    /// Decodes a `waitpid` status (the WIFEXITED / WTERMSIG macros, which Swift does not import).
    init(waitStatus status: Int32) {
        let signal = status & 0x7F
        self = signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
    }

    var succeeded: Bool { self == .exited(0) }

    /// "exit status 3", "SIGKILL".
    var description: String {
        switch self {
        case .exited(let code): "exit status \(code)"
        case .signaled(let signal): Self.name(of: signal)
        }
    }

    static func name(of signal: Int32) -> String {
        let names: [Int32: String] = [
            SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP",
            SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGSEGV: "SIGSEGV",
            SIGPIPE: "SIGPIPE", SIGALRM: "SIGALRM", SIGTERM: "SIGTERM", SIGXCPU: "SIGXCPU", SIGXFSZ: "SIGXFSZ",
        ]
        return names[signal] ?? "signal \(signal)"
    }
}

/// A child process in its own session, so that it and everything it starts can be stopped
/// together (`Session`). Its stdout and stderr are regular files, never pipes: a grandchild that
/// keeps them open cannot make weave wait, and reading them is one linear read at the end.
struct ChildProcess {
    let pid: pid_t
    /// The session (and process group), named by the child's pid.
    var session: pid_t { pid }

    struct Launch {
        var executable: URL
        var arguments: [String]
        var environment: [String: String]
        var directory: URL
        var stdout: URL
        var stderr: URL
        /// Bytes the child reads on stdin before end of file.
        var input = Data()
        /// A file the child gets as descriptor 3 (the chapter program's control channel).
        var control: URL?
    }

    /// Starts the child, registered with `LiveProcesses` so an interrupt stops it.
    static func spawn(_ launch: Launch) throws(WeaveError) -> ChildProcess {
        var pipeEnds: [Int32] = [-1, -1]
        // Close-on-exec from the start: a child spawned meanwhile on another thread must not inherit it.
        let made = Self.pipe2.map { $0(&pipeEnds, O_CLOEXEC) } ?? pipe(&pipeEnds)
        guard made == 0 else { throw WeaveError("cannot create a pipe: \(String(cString: strerror(errno)))") }
        if Self.pipe2 == nil { for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) } }
        defer { close(pipeEnds[0]) }
        // The input is small (a token), far below a pipe's buffer, so writing it first cannot block.
        let written = launch.input.withUnsafeBytes { write(pipeEnds[1], $0.baseAddress, $0.count) }
        close(pipeEnds[1])
        guard written == launch.input.count else { throw WeaveError("cannot write a child's input") }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], 0)
        let create = O_WRONLY | O_CREAT | O_TRUNC
        posix_spawn_file_actions_addopen(&actions, 1, launch.stdout.path, create, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, launch.stderr.path, create, 0o644)
        if let control = launch.control {
            posix_spawn_file_actions_addopen(&actions, 3, control.path, create | O_APPEND, 0o600)
        }
        guard let addChdir = Self.addChdir else { throw WeaveError("this C library cannot start a process in a folder") }
        _ = addChdir(&actions, launch.directory.path)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own session; default dispositions and an empty mask, whatever weave itself ignores.
        posix_spawnattr_setflags(&attributes, Int16(Session.spawnFlag | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var defaults = sigset_t(), empty = sigset_t()
        sigfillset(&defaults)
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)

        let argv = ([launch.executable.path] + launch.arguments).map { strdup($0) } + [nil]
        let envp = launch.environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let status = try LiveProcesses.shared.starting { record in
            let status = posix_spawn(&pid, launch.executable.path, &actions, &attributes, argv, envp)
            if status == 0 { record(pid) }
            return status
        }
        guard status == 0 else {
            throw WeaveError("cannot start \(launch.executable.path): \(String(cString: strerror(status)))")
        }
        return ChildProcess(pid: pid)
    }

    /// glibc's `pipe2`, which makes both ends close-on-exec at once; Swift's Glibc module does
    /// not export it (a GNU extension).
    private static let pipe2: (@convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32)? = {
        guard let symbol = dlsym(nil, "pipe2") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32).self)
    }()

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29+), which Swift's Glibc module does
    /// not export because it is a GNU extension.
    private static let addChdir: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32)? = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32).self)
    }()

    /// The termination, if the child has ended (reaps it); nil while it runs.
    func poll() -> Termination? {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        guard result == pid else { return result < 0 ? .signaled(SIGKILL) : nil }
        return Termination(waitStatus: status)
    }

    /// Kills the child and everything it started that is still in its session.
    func killAll() { Session.killAll(session) }

    /// Called once the child has ended: stops what it left behind and forgets the session.
    func finish() {
        killAll()
        LiveProcesses.shared.ended(session)
    }

    /// Waits for the end, asking `watchdog` every 10 ms; a non-nil answer kills everything and
    /// becomes the stop reason.
    func wait<Reason>(watchdog: () -> Reason?) -> (termination: Termination, stopReason: Reason?) {
        var stopReason: Reason?
        while true {
            if let termination = poll() {
                finish()
                return (termination, stopReason)
            }
            if stopReason == nil, let reason = watchdog() {
                stopReason = reason
                killAll()
            }
            usleep(10_000)
        }
    }
}
