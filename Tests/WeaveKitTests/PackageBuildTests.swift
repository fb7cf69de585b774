import Foundation
import Testing
@testable import WeaveKit

@Suite(.serialized) struct PackageBuildTests {
    /// Compiles and runs a program against the build, as a chapter program would be.
    func run(_ program: String, with build: PackageBuild, toolchain: Toolchain, in directory: URL) throws -> String {
        let main = directory.appendingPathComponent("main-\(UUID().uuidString).swift")
        let binary = directory.appendingPathComponent("program-\(UUID().uuidString)")
        try Data(program.utf8).write(to: main)
        let compile = try ToolRun.run(toolchain.swiftc, ["-o", binary.path] + build.compilerArguments(compiling: [main.path]),
                                      directory: directory, work: directory, timeLimit: 120)
        try #require(compile.termination.succeeded, "\(compile.stderrText)")
        return try ToolRun.run(binary, [], directory: directory, work: directory, timeLimit: 60).stdoutText
    }

    @Test func chaptersLinkEveryKindOfModuleAndTheCacheKeysOnWhatWasBuilt() throws {
        let package = try NumbersPackage()
        defer { package.remove() }
        let cache = package.root.appendingPathComponent(".build/weave")
        let toolchain = try Toolchain()
        let modules = ["Ratios", "Binet"]
        func prepare(_ statistics: Statistics) throws -> PackageBuild {
            try PackageBuild.prepare(root: package.root, cache: cache, toolchain: toolchain, modules: modules,
                                     useCache: true, statistics: statistics)
        }
        let first = try prepare(Statistics())
        let program = "import Ratios\nimport Binet\nprint(ratio(10), binet(10))\n"
        #expect(try run(program, with: first, toolchain: toolchain, in: package.root) == "1.6181818181818182 55.0\n")

        // Nothing changed: no process at all, the same key.
        let noop = Statistics()
        #expect(try prepare(noop).key == first.key)
        #expect(noop.compilerInvocations == 0)

        // A comment moves every line: SwiftPM rebuilds, but the built code is the same.
        try package.write("Sources/Fibonacci/Fibonacci.swift", "// The classic.\n\n" + NumbersPackage.fibonacci)
        let comment = Statistics()
        #expect(try prepare(comment).key == first.key)
        #expect(comment.compilerInvocations > 0)

        // A change in the transitive dependency changes the key and what the program prints.
        try package.write("Sources/Fibonacci/Fibonacci.swift", "public func fibonacci(_ n: Int) -> Int { n < 2 ? 1 : fibonacci(n - 1) + fibonacci(n - 2) }\n")
        let changed = try prepare(Statistics())
        #expect(changed.key != first.key)
        #expect(try run(program, with: changed, toolchain: toolchain, in: package.root) == "1.6179775280898876 55.0\n")
    }

    @Test func aModuleThatIsNotInThePackageIsAClearError() throws {
        let package = try NumbersPackage()
        defer { package.remove() }
        let error = try #require(throws: WeaveError.self) {
            try PackageBuild.prepare(root: package.root, cache: package.root.appendingPathComponent(".build/weave"),
                                     toolchain: try Toolchain(), modules: ["Nope"], useCache: true, statistics: Statistics())
        }
        #expect(error.message.contains("Nope"))
    }

    @Test func debugSectionsDoNotCountInAnObjectsFingerprint() {
        #expect(ObjectFingerprint.isDebugOnly(".debug_line"))
        #expect(ObjectFingerprint.isDebugOnly(".rela.debug_info"))
        #expect(!ObjectFingerprint.isDebugOnly(".text"))
        #expect(!ObjectFingerprint.isDebugOnly(".rodata"))
        // Not ELF: the whole file counts.
        let text = Data("not an object".utf8)
        #expect(ObjectFingerprint.significantBytes(of: text) == text)
    }
}
