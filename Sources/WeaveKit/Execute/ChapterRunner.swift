import Foundation
import Glibc

/// The outcome of executing one chapter's program.
public struct ChapterExecution: Sendable {
    public var outputs: [SnippetOutput]
    public var errors: [WeaveError]
    /// The compiler's warnings located in the chapter (severity `.warning`); they never fail it.
    public var warnings: [WeaveError] = []
    public var seconds: Double
    /// Whether the outputs came from the cache (no compiler, no run).
    public var cached: Bool

    public func output(of snippet: Snippet) -> SnippetOutput? { outputs.first { $0.index == snippet.index } }
}

/// Execute: compiles a chapter's program against the cached library (unoptimised, with debug
/// info so traps name Markdown lines), runs it under each snippet's time limit and the
/// chapter's output limit, and caches successful results by everything they depend on.
public struct ChapterRunner: Sendable {
    public var library: PackageBuild
    public var toolchain: Toolchain
    public var cache: URL
    public var root: URL
    public var useCache: Bool
    public var statistics: Statistics
    /// Bytes a chapter may print (stdout, stderr and records together) unless a tag raises it.
    public var outputLimit: Int

    public init(library: PackageBuild, toolchain: Toolchain, cache: URL, root: URL, useCache: Bool,
                statistics: Statistics, outputLimit: Int = PipelineOptions.defaultOutputLimit) {
        self.library = library
        self.toolchain = toolchain
        self.cache = cache
        self.root = root
        self.useCache = useCache
        self.statistics = statistics
        self.outputLimit = outputLimit
    }

    static let flags = ["-Onone", "-g", "-swift-version", "5", "-diagnostic-style=llvm"]
    /// A chapter that takes longer than this to compile is stopped rather than left hanging.
    static let compileTimeLimit = 300.0
    /// Changes whenever the stored results' shape or meaning does, so old entries are not read.
    static let resultFormat = "results-5"

    public func execute(_ chapter: Chapter) -> ChapterExecution {
        let clock = ContinuousClock(), start = clock.now
        let program = ChapterProgram(chapter, imports: library.modules)
        let limit = chapterOutputLimit(chapter)
        let key = ContentKey([Self.resultFormat, toolchain.identity, library.key, (Self.flags + library.chapterFlags).joined(separator: " "),
                              timeLimits(chapter).sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: ","),
                              String(limit), program.source, ChapterProgram.runtime]
                             + RunInputs.keyParts(chapter, root: root))
        let entry = cache.appendingPathComponent("results/\(key.hash)")
        func cached() -> ChapterExecution? {
            guard useCache, let stored = ResultsEntry.read(entry, key: key, order: program.snippetIndexes) else { return nil }
            return ChapterExecution(outputs: stored.outputs, errors: [], warnings: stored.warnings,
                                    seconds: (clock.now - start).seconds, cached: true)
        }
        if let hit = cached() { return hit }
        // Runs of one chapter that share a cache (the test suite's, `serve` beside `check`) take
        // turns, so that it runs once and the others read its results. One lock file per
        // chapter path, not per key, so that edits do not leave a trail of them.
        let locks = cache.appendingPathComponent("locks")
        try? FileManager.default.createDirectory(at: locks, withIntermediateDirectories: true)
        let lock = locks.appendingPathComponent(Digest.of(Data(chapter.path.utf8)).prefix(16) + ".lock").path
        let turn = try? withFileLock(lock) { () throws(WeaveError) -> ChapterExecution in
            cached() ?? run(chapter, program, key: key, entry: entry, limit: limit, start: start)
        }
        return turn ?? run(chapter, program, key: key, entry: entry, limit: limit, start: start)
    }

    private func run(
        _ chapter: Chapter, _ program: ChapterProgram, key: ContentKey, entry: URL, limit: Int, start: ContinuousClock.Instant
    ) -> ChapterExecution {
        let clock = ContinuousClock()
        var execution: ChapterExecution
        let scopeErrors = InlineScope.errors(in: chapter)
        do {
            execution = scopeErrors.isEmpty ? try compileAndRun(chapter, program, outputLimit: limit)
                : ChapterExecution(outputs: [], errors: scopeErrors, seconds: 0, cached: false)
        } catch {
            execution = ChapterExecution(outputs: [], errors: [error], seconds: 0, cached: false)
        }
        execution.seconds = (clock.now - start).seconds
        if execution.errors.isEmpty {
            ResultsEntry.write(execution.outputs, warnings: execution.warnings, key: key, at: entry)
        }
        return execution
    }

    func timeLimits(_ chapter: Chapter) -> [Int: Double] {
        Dictionary(uniqueKeysWithValues: chapter.runnableSnippets.map { ($0.index, $0.tags.timeout ?? Tags.defaultTimeout) })
    }

    func chapterOutputLimit(_ chapter: Chapter) -> Int {
        chapter.runnableSnippets.compactMap(\.tags.outputLimit).map { $0 << 20 }.reduce(outputLimit, max)
    }

    private func compileAndRun(_ chapter: Chapter, _ program: ChapterProgram, outputLimit: Int) throws(WeaveError) -> ChapterExecution {
        let work = try WorkFolder.make(in: cache.appendingPathComponent("work"))
        defer { LiveProcesses.shared.remove(work) }
        let main = work.appendingPathComponent("main.swift"), runtime = work.appendingPathComponent("WeaveRuntime.swift")
        let binary = work.appendingPathComponent(chapter.name)
        do {
            try Data(program.source.utf8).write(to: main)
            try Data(ChapterProgram.runtime.utf8).write(to: runtime)
        } catch { throw WeaveError("cannot write \(main.path)") }
        statistics.countCompilerRun()
        // Compile from the root so the paths in #sourceLocation match what the author sees.
        let compile = try ToolRun.run(toolchain.swiftc, Self.flags + [
            "-module-name", "Chapter", "-o", binary.path, "-Xlinker", "--export-dynamic",
        ] + library.compilerArguments(compiling: [main.path, runtime.path]),
            directory: root, work: work, timeLimit: Self.compileTimeLimit)
        if compile.timedOut {
            return ChapterExecution(outputs: [], errors: [WeaveError(
                "compiling this chapter took longer than \(Plain.number(Self.compileTimeLimit)) s and was stopped",
                at: chapter.location(line: 1), details: ["split long expressions: the type checker may be stuck on one"])],
                seconds: 0, cached: false)
        }
        guard compile.termination.succeeded else {
            let errors = CompilerDiagnostics.errors(in: compile.stderrText, chapter: chapter)
            return ChapterExecution(outputs: [], errors: errors, seconds: 0, cached: false)
        }
        let run = try ProgramRun.run(binary, order: program.snippetIndexes, timeLimits: timeLimits(chapter),
                                     outputLimit: outputLimit, root: root, work: work)
        let outputs = run.inconsistency == nil ? OutputCapture.outputs(stdout: run.stdout, stderr: run.stderr, log: run.log) : []
        var errors = RuntimeFailure.diagnose(run, chapter: chapter, order: program.snippetIndexes, root: root)
        if run.inconsistency == nil { errors += InlineValueCheck.errors(outputs, chapter: chapter, ranToEnd: errors.isEmpty) }
        return ChapterExecution(outputs: outputs, errors: errors,
                                warnings: CompilerDiagnostics.warnings(in: compile.stderrText, chapter: chapter),
                                seconds: 0, cached: false)
    }
}

extension Duration {
    /// The duration in seconds, for reports and summaries.
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

enum Plain {
    /// 10 rather than 10.0, 2.5 as is.
    static func number(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }
}
