import Foundation
import Testing
@testable import WeaveKit

/// The cache reuses results only when nothing they depend on changed.
@Suite struct CacheTests {
    /// A throwaway package with a one-function library product, so changing it is cheap.
    func makeRoot(returning value: Int) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("weave-root-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Sources/Answers"), withIntermediateDirectories: true)
        try Data("""
            // swift-tools-version:6.0
            import PackageDescription
            let package = Package(name: "Answers", products: [.library(name: "Answers", targets: ["Answers"])],
                                  targets: [.target(name: "Answers")])

            """.utf8).write(to: root.appendingPathComponent("Package.swift"))
        try setLibrary(root, returning: value)
        return root
    }

    func setLibrary(_ root: URL, returning value: Int) throws {
        try Data("public func answer() -> Int { \(value) }\n".utf8)
            .write(to: root.appendingPathComponent("Sources/Answers/Answer.swift"))
    }

    @Test func noOpRunStartsNoCompilerAndALibraryChangeIsNeverServedStale() throws {
        let root = try makeRoot(returning: 1)
        defer { try? FileManager.default.removeItem(at: root) }
        let fixture = try Fixture(["a.md": "# A\n\n```swift\nprint(answer())\n```\n", "b.md": "# B\n\n```swift\nprint(2)\n```\n"])
        defer { fixture.remove() }
        let cache = root.appendingPathComponent(".cache")
        func run() throws -> (outputs: [String], compilerRuns: Int, cached: [Bool]) {
            let statistics = Statistics()
            let reports = try fixture.run(root: root, cache: cache, statistics: statistics)
            #expect(reports.allSatisfy { $0.succeeded })
            return (reports.map { $0.execution?.outputs.first?.text ?? "" }, statistics.compilerInvocations, reports.map(\.cached))
        }
        let cold = try run()
        #expect(cold.outputs == ["1", "2"])
        #expect(cold.compilerRuns == 4)  // SwiftPM's description, its build, two chapters
        let noOp = try run()
        #expect(noOp.compilerRuns == 0)
        #expect(noOp.cached == [true, true])

        try setLibrary(root, returning: 42)
        let changed = try run()
        #expect(changed.outputs == ["42", "2"])
        #expect(changed.cached == [false, false])

        try Data("# A\n\n```swift\nprint(answer() + 1)\n```\n".utf8).write(to: fixture.directory.appendingPathComponent("a.md"))
        let edited = try run()
        #expect(edited.outputs == ["43", "2"])
        #expect(edited.cached == [false, true])
        #expect(edited.compilerRuns == 1)
    }
}
