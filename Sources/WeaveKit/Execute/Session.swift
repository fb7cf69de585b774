import Foundation
import Glibc

/// Stopping everything a child started. Each child weave starts leads a session of its own;
/// its descendants stay in that session even when they move to a process group of their own
/// (Foundation's `Process` does that), so killing every member of the session stops them
/// all. Only a descendant that starts a session itself (a daemon) escapes.
enum Session {
    /// glibc's POSIX_SPAWN_SETSID (2.26+), a GNU extension Swift's Glibc module does not export.
    static let spawnFlag: Int32 = 0x80

    /// Sends SIGKILL to every process in session `id`, its leader included.
    static func killAll(_ id: pid_t) {
        kill(-id, SIGKILL)
        // Twice: a member may fork between our reading /proc and its death.
        for _ in 0..<2 {
            let members = self.members(of: id)
            if members.isEmpty { return }
            for pid in members { kill(pid, SIGKILL) }
        }
    }

    /// The processes whose session is `id`, read from /proc.
    static func members(of id: pid_t) -> [pid_t] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { name -> pid_t? in
            guard let pid = pid_t(name), let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")")
            else { return nil }
            // After "pid (comm) ": state, ppid, pgrp, session, ...; comm may hold spaces or ')'.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 3, fields[0] != "Z", pid_t(fields[3]) == id else { return nil }
            return pid
        }
    }
}
