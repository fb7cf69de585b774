import Foundation
import Testing

/// The second way in: a package that depends on this one runs `swift package weave`.
///
/// SwiftPM builds the plugin's `weave` (and swift-syntax with it) inside the fixture, which
/// costs minutes of compiler time and would compete with every other test for the cores. So
/// the suite runs only when `WEAVE_TEST_PLUGIN` is set; `.ci/run` sets it and runs this suite
/// after the full `swift test`.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["WEAVE_TEST_PLUGIN"] != nil,
                             "set WEAVE_TEST_PLUGIN=1: builds weave inside a fixture package"))
struct PluginWayTests {
    /// Runs `swift package --allow-writing-to-package-directory weave ARGS` in the package.
    func swiftPackageWeave(_ package: NumbersPackage, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "package", "--allow-writing-to-package-directory", "weave"] + arguments
        process.currentDirectoryURL = package.root
        let log = package.root.appendingPathComponent("weave-plugin.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: log, encoding: .utf8))
    }

    func page(_ package: NumbersPackage, _ name: String) throws -> String {
        try String(contentsOf: package.root.appendingPathComponent("site").appendingPathComponent(name), encoding: .utf8)
    }

    /// The chapter's summary line from weave's report: `ok  chapters/NAME  1 run  …  fresh|cached`.
    func reportLine(_ output: String, _ chapter: String) -> Substring? {
        output.split(separator: "\n").last { $0.contains("chapters/\(chapter)") && ($0.hasSuffix("fresh") || $0.hasSuffix("cached")) }
    }

    @Test func aDependentPackageBuildsItsCourseThroughThePlugin() throws {
        let package = try NumbersPackage.withCourse()
        defer { package.remove() }
        // Depend on this package, and let chapters use its Display library for a table.
        let manifest = NumbersPackage.manifest.replacingOccurrences(
            of: "dependencies: [.package(url:",
            with: "dependencies: [.package(path: \"\(packageRoot.path)\"), .package(url:")
        try #require(manifest != NumbersPackage.manifest)
        try package.write("Package.swift", manifest)
        try package.write("weave.yml", "title: Numbers, by plugin\nimports: [Fibonacci, Ratios, Binet, Display]\n")
        try package.write("chapters/02-binet.md", """
            # Binet

            ```swift
            var table = Table(columns: ["n", "binet(n)", "fibonacci(n)"])
            for n in [10, 20] { table.append([String(n), String(binet(n)), String(fibonacci(n))]) }
            table.show()
            ```

            """)

        let cold = try swiftPackageWeave(package, [])
        try #require(cold.status == 0, "\(cold.output)")
        #expect(try page(package, "01-fibonacci.html").contains("fibonacci(10) = 55 ratio: 1.6181818181818182"))
        let binet = try page(package, "02-binet.html")
        #expect(binet.contains(">6765.0</td>") && binet.contains(">6765</td>"), "\(binet)")
        #expect(try page(package, "index.html").contains("<title>Numbers, by plugin</title>"))

        // A no-op: every chapter from the cache, no compiler run.
        let noop = try swiftPackageWeave(package, ["check"])
        #expect(noop.status == 0, "\(noop.output)")
        #expect(reportLine(noop.output, "01-fibonacci.md")?.hasSuffix("cached") == true, "\(noop.output)")
        #expect(noop.output.contains("; 0 compiler runs;"), "\(noop.output)")

        // A comment in the transitive dependency: the built library is the same, no chapter reruns.
        try package.write("Sources/Fibonacci/Fibonacci.swift", "// The classic definition.\n" + NumbersPackage.fibonacci)
        let comment = try swiftPackageWeave(package, ["check"])
        #expect(comment.status == 0, "\(comment.output)")
        #expect(reportLine(comment.output, "01-fibonacci.md")?.hasSuffix("cached") == true, "\(comment.output)")
        #expect(reportLine(comment.output, "02-binet.md")?.hasSuffix("cached") == true, "\(comment.output)")

        // A new definition: `check` fails at the expect block; the page, once rebuilt, shows it.
        try package.write("Sources/Fibonacci/Fibonacci.swift",
                          "public func fibonacci(_ n: Int) -> Int { n < 2 ? 1 : fibonacci(n - 1) + fibonacci(n - 2) }\n")
        let failed = try swiftPackageWeave(package, ["check"])
        #expect(failed.status != 0)
        #expect(failed.output.contains("chapters/01-fibonacci.md:") && failed.output.contains(": error:"), "\(failed.output)")
        #expect(failed.output.contains("differs from the expected block"), "\(failed.output)")
        try package.write("chapters/01-fibonacci.md", "# Fibonacci\n\n```swift\nprint(\"fibonacci(10) =\", fibonacci(10))\n```\n")
        let rebuilt = try swiftPackageWeave(package, [])
        #expect(rebuilt.status == 0, "\(rebuilt.output)")
        #expect(try page(package, "01-fibonacci.html").contains("fibonacci(10) = 89"))
        #expect(try page(package, "02-binet.html").contains(">10946</td>"))
    }
}
