import Foundation
import Testing
@testable import WeaveKit

/// A course in a package of its own: chapters import its modules (one through another, one
/// through swift-numerics), the site shows what ran, and the cache keys on what was built.
@Suite(.serialized) struct AnyPackageTests {
    func build(_ package: NumbersPackage) throws -> (site: URL, statistics: Statistics, reports: [ChapterReport]) {
        let config = try CourseConfig.load(root: package.root)
        let statistics = Statistics()
        let site = package.root.appendingPathComponent(config.output)
        let built = try SiteBuilder.build(PipelineOptions(config: config, root: package.root), output: site, statistics: statistics)
        return (site, statistics, built.reports)
    }

    func page(_ site: URL, _ name: String) throws -> String {
        try String(contentsOf: site.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func aCourseInAnotherPackageBuildsAndRebuildsExactly() throws {
        let package = try NumbersPackage.withCourse()
        defer { package.remove() }
        let cold = try build(package)
        #expect(try page(cold.site, "01-fibonacci.html").contains("fibonacci(10) = 55 ratio: 1.6181818181818182"))
        #expect(try page(cold.site, "02-binet.html").contains("binet(20) = 6765.0 fibonacci(20) = 6765"))
        #expect(try page(cold.site, "index.html").contains("<title>Numbers, by example</title>"))

        let noop = try build(package)
        #expect(noop.statistics.compilerInvocations == 0)
        #expect(noop.reports.allSatisfy { $0.cached })

        // A comment in the transitive dependency: SwiftPM runs, no chapter does.
        try package.write("Sources/Fibonacci/Fibonacci.swift", "// The classic definition.\n" + NumbersPackage.fibonacci)
        let comment = try build(package)
        #expect(comment.statistics.compilerInvocations == 4)  // SwiftPM's description, then a build per module
        #expect(comment.reports.allSatisfy { $0.cached })

        // A new definition: both chapters rerun, the page shows it, the expect block catches it.
        try package.write("Sources/Fibonacci/Fibonacci.swift",
                          "public func fibonacci(_ n: Int) -> Int { n < 2 ? 1 : fibonacci(n - 1) + fibonacci(n - 2) }\n")
        let failed = #expect(throws: SiteBuildError.self) { _ = try self.build(package) }
        #expect(failed?.errors.first?.message.contains("differs from the expected block") == true)
        try package.write("chapters/01-fibonacci.md", "# Fibonacci\n\n```swift\nprint(\"fibonacci(10) =\", fibonacci(10))\n```\n")
        let changed = try build(package)
        #expect(try page(changed.site, "01-fibonacci.html").contains("fibonacci(10) = 89"))
        #expect(try page(changed.site, "02-binet.html").contains("fibonacci(20) = 10946"))
    }
}
