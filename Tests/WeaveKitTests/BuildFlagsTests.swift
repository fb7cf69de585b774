import Foundation
import Testing
@testable import WeaveKit

/// `build-flags` in weave.yml: the package's modules and the chapter programs are compiled
/// with them, and a change to them runs SwiftPM and the chapters again.
@Suite struct BuildFlagsTests {
    @Test func swiftPMsPairsBecomeSwiftcFlagsForChapters() {
        #expect(PackageBuild.chapterFlags(["-Xswiftc", "-DFAST", "-Xcc", "-march=native", "-Xlinker", "-s", "-Xcxx", "-O3"])
                == ["-DFAST", "-Xcc", "-march=native", "-Xlinker", "-s"])
        #expect(PackageBuild.chapterFlags([]).isEmpty)
    }

    /// A package whose library and chapter both say which way they were compiled.
    func makeRoot(flags: String) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("weave-flags-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Sources/Modes"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("chapters"), withIntermediateDirectories: true)
        try Data("""
            // swift-tools-version:6.0
            import PackageDescription
            let package = Package(name: "Modes", products: [.library(name: "Modes", targets: ["Modes"])],
                                  targets: [.target(name: "Modes")])

            """.utf8).write(to: root.appendingPathComponent("Package.swift"))
        try Data("""
            #if FAST
            public let libraryMode = "library: fast"
            #else
            public let libraryMode = "library: plain"
            #endif

            """.utf8).write(to: root.appendingPathComponent("Sources/Modes/Modes.swift"))
        try Data("# Modes\n\n```swift\nprint(libraryMode)\n#if FAST\nprint(\"chapter: fast\")\n#else\nprint(\"chapter: plain\")\n#endif\n```\n".utf8)
            .write(to: root.appendingPathComponent("chapters/01-modes.md"))
        try setFlags(root, flags)
        return root
    }

    func setFlags(_ root: URL, _ flags: String) throws {
        try Data("imports: [Modes]\n\(flags)".utf8).write(to: root.appendingPathComponent("weave.yml"))
    }

    func output(_ root: URL) throws -> String {
        let options = PipelineOptions(config: try CourseConfig.load(root: root), root: root)
        let reports = try Pipeline.run(options)
        #expect(reports.allSatisfy { $0.succeeded })
        return reports.first?.execution?.outputs.first?.text ?? ""
    }

    @Test func theModulesAndTheChaptersAreCompiledWithTheFlagsAndAChangeRebuildsBoth() throws {
        let root = try makeRoot(flags: "build-flags: [-Xswiftc, -DFAST]\n")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try output(root) == "library: fast\nchapter: fast")
        try setFlags(root, "")
        #expect(try output(root) == "library: plain\nchapter: plain")
    }
}
