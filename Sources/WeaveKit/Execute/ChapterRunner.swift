import Foundation

/// The outcome of executing one chapter's program.
public struct ChapterExecution: Sendable {
    public var outputs: [SnippetOutput]
    public var errors: [WeaveError]
    public var seconds: Double
    /// Whether the outputs came from the cache (no compiler, no run).
    public var cached: Bool

    public func output(of snippet: Snippet) -> SnippetOutput? { outputs.first { $0.index == snippet.index } }
}

/// Execute: compiles a chapter's program against the cached library (unoptimised, with debug
/// info so traps name Markdown lines), runs it under each snippet's time limit, and caches
/// successful results by everything they depend on.
public struct ChapterRunner: Sendable {
    public var library: PackageBuild
    public var toolchain: Toolchain
    public var cache: URL
    public var root: URL
    public var useCache: Bool
    public var statistics: Statistics

    static let flags = ["-Onone", "-g", "-swift-version", "5", "-diagnostic-style=llvm"]
    /// A chapter that takes longer than this to compile is stopped rather than left hanging.
    static let compileTimeLimit = 300.0

    public func execute(_ chapter: Chapter) -> ChapterExecution {
        let clock = ContinuousClock(), start = clock.now
        let program = ChapterProgram(chapter, imports: library.modules)
        let timeouts = chapter.runnableSnippets.map { "\($0.tags.timeout ?? Tags.defaultTimeout)" }
        let key = ContentKey([toolchain.identity, library.key, Self.flags.joined(separator: " "),
                              timeouts.joined(separator: ","), program.source])
        let entry = cache.appendingPathComponent("results/\(key.hash)")
        let resultFile = entry.appendingPathComponent("outputs.json")
        if useCache, key.matches(entry), let data = try? Data(contentsOf: resultFile),
           let outputs = try? JSONDecoder().decode([SnippetOutput].self, from: data) {
            return ChapterExecution(outputs: outputs, errors: [], seconds: (clock.now - start).seconds, cached: true)
        }
        var execution: ChapterExecution
        do {
            execution = try compileAndRun(chapter, program, work: cache.appendingPathComponent("work/\(key.hash)-\(UUID().uuidString)"))
        } catch {
            execution = ChapterExecution(outputs: [], errors: [error], seconds: 0, cached: false)
        }
        execution.seconds = (clock.now - start).seconds
        if execution.errors.isEmpty, let data = try? JSONEncoder().encode(execution.outputs) {
            store(key: key, outputs: data, at: entry)
        }
        return execution
    }

    private func compileAndRun(_ chapter: Chapter, _ program: ChapterProgram, work: URL) throws(WeaveError) -> ChapterExecution {
        try createDirectory(work)
        defer { try? FileManager.default.removeItem(at: work) }
        let main = work.appendingPathComponent("main.swift"), binary = work.appendingPathComponent(chapter.name)
        do { try Data(program.source.utf8).write(to: main) } catch { throw WeaveError("cannot write \(main.path)") }
        statistics.countCompilerRun()
        // Run from the root so the paths in #sourceLocation match what the author sees.
        let clock = ContinuousClock(), start = clock.now
        let compile = try ProcessRunner.run(toolchain.swiftc, Self.flags + [
            "-module-name", "Chapter", "-o", binary.path,
        ] + library.compilerArguments(compiling: [main.path]), directory: root) { _ in
            (clock.now - start).seconds > Self.compileTimeLimit ? "stopped" : nil
        }
        if compile.stopReason != nil {
            return ChapterExecution(outputs: [], errors: [WeaveError(
                "compiling this chapter took longer than \(Plain.number(Self.compileTimeLimit)) s and was stopped",
                at: chapter.location(line: 1), details: ["split long expressions: the type checker may be stuck on one"])],
                seconds: 0, cached: false)
        }
        guard compile.status == 0 else {
            let errors = CompilerDiagnostics.errors(in: compile.stderrText, chapter: chapter)
            return ChapterExecution(outputs: [], errors: errors, seconds: 0, cached: false)
        }
        let run = try runWatched(binary, chapter)
        let parsed = OutputParser(stdout: run.stdoutText)
        let failure = RuntimeFailure.diagnose(run, parsed: parsed, chapter: chapter)
        return ChapterExecution(outputs: parsed.outputs, errors: failure.map { [$0] } ?? [], seconds: 0, cached: false)
    }

    /// Runs the program, stopping it when the running snippet passes its time limit.
    private func runWatched(_ binary: URL, _ chapter: Chapter) throws(WeaveError) -> ProcessOutput {
        var environment = ProcessInfo.processInfo.environment
        environment["WEAVE_RECORDS"] = "1"
        environment["SWIFT_BACKTRACE"] = "enable=yes,interactive=no,color=no,registers=none,images=none,limit=12,output-to=stderr"
        let clock = ContinuousClock()
        var current: (index: Int, since: ContinuousClock.Instant)?
        return try ProcessRunner.run(binary, [], environment: environment, directory: root) { stdout in
            guard let index = OutputParser.currentSnippet(in: stdout) else { return nil }
            if current?.index != index { current = (index, clock.now) }
            let snippet = chapter.snippets[index]
            let limit = snippet.tags.timeout ?? Tags.defaultTimeout
            guard (clock.now - current!.since).seconds > limit else { return nil }
            return "this snippet ran longer than its time limit of \(Plain.number(limit)) s and was stopped"
        }
    }

    private func store(key: ContentKey, outputs: Data, at entry: URL) {
        let staging = entry.deletingLastPathComponent().appendingPathComponent(".staging-\(UUID().uuidString)")
        guard (try? createDirectory(staging)) != nil else { return }
        try? outputs.write(to: staging.appendingPathComponent("outputs.json"))
        try? Data(key.material.utf8).write(to: staging.appendingPathComponent(ContentKey.fileName))
        try? FileManager.default.removeItem(at: entry)
        if (try? FileManager.default.moveItem(at: staging, to: entry)) == nil {
            try? FileManager.default.removeItem(at: staging)
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

enum Plain {
    /// 10 rather than 10.0, 2.5 as is.
    static func number(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }
}
