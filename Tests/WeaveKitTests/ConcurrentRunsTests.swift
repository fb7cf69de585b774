import Dispatch
import Foundation
import Testing
@testable import WeaveKit

/// Runs that share a cache take turns on a chapter: it compiles and runs once, and the other
/// run reads its results (as the test suite's chapter tests do, or `serve` beside `check`).
@Suite struct ConcurrentRunsTests {
    @Test func twoRunsOfOneChapterAtOnceRunItOnce() throws {
        // The package's build first, so that the two runs below meet only at the chapter.
        let warm = try Fixture(["w.md": "# W\n\n```swift\nprint(1)\n```\n"])
        defer { warm.remove() }
        _ = try warm.run()

        let fixture = try Fixture(["a.md": "# A\n\n```swift\nimport Foundation\nThread.sleep(forTimeInterval: 1)\nprint(\"ran\")\n```\n"])
        defer { fixture.remove() }
        let statistics = [Statistics(), Statistics()]
        let reports = Reports()
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            reports.add(try? fixture.run(statistics: statistics[k]))
        }
        let all = reports.values.compactMap { $0 }.flatMap { $0 }
        #expect(all.count == 2 && all.allSatisfy { $0.succeeded })
        #expect(all.map { $0.execution?.outputs.first?.text } == ["ran", "ran"])
        #expect(statistics.map(\.compilerInvocations).reduce(0, +) == 1)
        #expect(all.filter(\.cached).count == 1)
    }

    final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [[ChapterReport]?] = []
        func add(_ value: [ChapterReport]?) { lock.withLock { values.append(value) } }
    }
}
