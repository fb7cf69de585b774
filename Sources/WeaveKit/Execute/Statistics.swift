import Foundation

/// Counts what a run did, for the summary line and the benchmark.
public final class Statistics: @unchecked Sendable {
    private let lock = NSLock()
    private var compilerRuns = 0
    public init() {}
    public var compilerInvocations: Int { lock.withLock { compilerRuns } }
    func countCompilerRun() { lock.withLock { compilerRuns += 1 } }
}
