import Foundation

/// What the open pages need to know: which build they show, and whether the last one failed.
actor PreviewState {
    /// Counts finished builds; a page reloads when the number it was served with is passed.
    private(set) var generation = 0
    /// The last build's errors, as the terminal shows them; empty when it succeeded.
    private(set) var errors: [String] = []
    private var listeners: [UUID: AsyncStream<Int>.Continuation] = [:]

    func finished(errors: [String]) {
        generation += 1
        self.errors = errors
        for listener in listeners.values { listener.yield(generation) }
    }

    /// A stream of generations from now on, ended when the caller stops listening.
    func subscribe() -> AsyncStream<Int> {
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = UUID()
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        return stream
    }

    private func unsubscribe(_ id: UUID) { listeners[id] = nil }
}
