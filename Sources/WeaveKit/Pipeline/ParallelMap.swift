import Foundation

/// `transform` over `items` on `jobs` threads, results in input order.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], jobs: Int, _ transform: @escaping @Sendable (T) -> R) -> [R] {
    let slots = Slots<R>(items.count)
    DispatchQueue.concurrentPerform(iterations: min(jobs, items.count)) { _ in
        while true {
            let k: Int? = slots.lock.withLock {
                guard slots.next < items.count else { return nil }
                defer { slots.next += 1 }
                return slots.next
            }
            guard let k else { return }
            let result = transform(items[k])
            slots.lock.withLock { slots.results[k] = result }
        }
    }
    return slots.results.map { $0! }
}

/// Results written from several threads, each into its own slot, under a lock.
private final class Slots<R>: @unchecked Sendable {
    var results: [R?]
    var next = 0
    let lock = NSLock()
    init(_ count: Int) { results = Array(repeating: nil, count: count) }
}
