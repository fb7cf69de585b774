import Foundation
import Glibc

/// Runs `body` holding an exclusive `flock` on `path` (created if needed), so that weave
/// processes sharing a cache or a site folder take turns: one builds, the others wait and
/// then find its result.
func withFileLock<R>(_ path: String, _ body: () throws(WeaveError) -> R) throws(WeaveError) -> R {
    let descriptor = open(path, O_CREAT | O_RDWR, 0o644)
    guard descriptor >= 0 else { throw WeaveError("cannot create the lock file \(path)") }
    defer { close(descriptor) }
    flock(descriptor, LOCK_EX)
    defer { flock(descriptor, LOCK_UN) }
    return try body()
}
