import Foundation

/// Where the chapters are, where results go, and how to run them.
public struct PipelineOptions: Sendable {
    public var chapters: String
    public var root: URL
    public var cache: URL
    public var jobs: Int
    public var useCache: Bool
    public var swiftc: String?
    /// Chapters whose name contains any of these; empty selects all.
    public var filters: [String]
    /// Modules every chapter imports; nil: every library product of the package.
    public var imports: [String]?
    /// The course's title; nil: the front page's first heading.
    public var title: String?
    /// The chapters' reading order, by file name; nil: file-name order.
    public var order: [CourseConfig.ChapterName]?
    /// The config's `build-flags`: for SwiftPM as written, for chapter programs as swiftc takes them.
    public var buildFlags: [String] = []
    /// Bytes a chapter may print (stdout, stderr, tables and plots together) before it is
    /// stopped; a snippet's `output-limit=MIB` tag raises it for its chapter.
    public var outputLimit: Int
    /// Told as the run goes (from several threads at once), so a command can show progress.
    public var progress: (@Sendable (PipelineEvent) -> Void)?

    public static let defaultOutputLimit = 16 << 20

    public init(chapters: String = "chapters", root: URL, cache: URL? = nil, jobs: Int? = nil,
                useCache: Bool = true, swiftc: String? = nil, filters: [String] = [], imports: [String]? = nil,
                outputLimit: Int = PipelineOptions.defaultOutputLimit) {
        self.chapters = chapters
        self.root = root
        self.cache = cache ?? root.appendingPathComponent(".build/weave")
        self.jobs = max(jobs ?? ProcessInfo.processInfo.activeProcessorCount, 1)
        self.useCache = useCache
        self.swiftc = swiftc
        self.filters = filters
        self.imports = imports
        self.outputLimit = outputLimit
    }

    /// Options for the package at `root` as its `weave.yml` sets them (the defaults without one);
    /// `chapters` given here wins over the config's.
    public init(config: CourseConfig, root: URL, chapters: String? = nil, cache: URL? = nil, jobs: Int? = nil,
                useCache: Bool = true, swiftc: String? = nil, filters: [String] = [],
                outputLimit: Int = PipelineOptions.defaultOutputLimit) {
        // Relative to the current folder when the root is it, so diagnostics read `chapters/x.md:3:1`.
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
        let configured = root.standardizedFileURL == here ? config.chapters : root.appendingPathComponent(config.chapters).path
        self.init(chapters: chapters ?? configured, root: root, cache: cache,
                  jobs: jobs, useCache: useCache, swiftc: swiftc, filters: filters, imports: config.imports,
                  outputLimit: outputLimit)
        title = config.title
        order = config.order
        buildFlags = config.buildFlags
    }
}

/// A step of `Pipeline.run`, for showing progress.
public enum PipelineEvent: Sendable {
    /// The package's modules are being built (or found in the cache).
    case buildingPackage
    /// A chapter starts loading, compiling and running: the `index`th (from 0) of `total`.
    case started(path: String, index: Int, total: Int)
    /// A chapter is done.
    case finished(ChapterReport, index: Int, total: Int)
}

/// One chapter after Load → Tangle → Execute → Weave.
public struct ChapterReport: Sendable {
    public var path: String
    public var chapter: Chapter?
    public var execution: ChapterExecution?
    public var errors: [WeaveError]

    public var succeeded: Bool { errors.isEmpty }
    public var cached: Bool { execution?.cached ?? false }
    public var seconds: Double { execution?.seconds ?? 0 }
    public var snippetsRun: Int { execution?.outputs.count ?? 0 }
    /// The compiler's warnings located in the chapter; they do not fail it.
    public var warnings: [WeaveError] { execution?.warnings ?? [] }

    /// Snippets with an error located in them (at least one when the chapter failed).
    public var snippetsFailed: Int {
        guard !errors.isEmpty else { return 0 }
        guard let chapter else { return 1 }
        // A snippet failed when an error lies within it (fence to closing fence, or to the end
        // of its output block); an error elsewhere, such as a broken link in the prose, fails
        // the chapter but no snippet, unless nothing ran at all.
        let failing = Set(errors.filter { $0.severity == .error }.compactMap { error -> Int? in
            guard let line = error.location?.line else { return nil }
            return chapter.snippets.first { $0.fenceLine <= line && line <= ($0.expected?.closingLine ?? $0.closingLine) }?.index
        })
        return failing.isEmpty && snippetsRun == 0 ? 1 : failing.count
    }

    public var snippetsPassed: Int { max(snippetsRun - snippetsFailed, 0) }
}

/// The stages shared by `weave check`, `weave accept`, the site build and `swift test`.
public enum Pipeline {
    /// Runs every selected chapter, in parallel, and returns their reports in file order.
    public static func run(_ options: PipelineOptions, statistics: Statistics = Statistics()) throws(WeaveError) -> [ChapterReport] {
        var paths = try ChapterLoader.chapterPaths(in: options.chapters)
        if let order = options.order { paths = try CourseConfig.arrange(paths, by: order) }
        if !options.filters.isEmpty {
            paths = paths.filter { path in options.filters.contains { path.split(separator: "/").last!.contains($0) } }
            guard !paths.isEmpty else {
                throw WeaveError("no chapter in \(options.chapters) matches \(options.filters.joined(separator: ", "))")
            }
        }
        let toolchain = try Toolchain(explicit: options.swiftc)
        options.progress?(.buildingPackage)
        let library = try PackageBuild.prepare(
            root: options.root, cache: options.cache, toolchain: toolchain, modules: options.imports,
            buildFlags: options.buildFlags, useCache: options.useCache, statistics: statistics)
        let runner = ChapterRunner(library: library, toolchain: toolchain, cache: options.cache, root: options.root,
                                   useCache: options.useCache, statistics: statistics, outputLimit: options.outputLimit)
        let total = paths.count
        let reports = parallelMap(Array(paths.enumerated()), jobs: options.jobs) { index, path in
            options.progress?(.started(path: path, index: index, total: total))
            let report = runChapter(path, root: options.root, runner: runner)
            options.progress?(.finished(report, index: index, total: total))
            return report
        }
        // The site's front page is checked whenever the whole course is, as the build would.
        let front = options.filters.isEmpty ? ChapterLoader.frontPageReport(chapters: options.chapters, root: options.root) : nil
        return ChapterLinks.check(reports + (front.map { [$0] } ?? []), chapters: options.chapters, root: options.root)
    }

    static func runChapter(_ path: String, root: URL, runner: ChapterRunner) -> ChapterReport {
        let chapter: Chapter
        do { chapter = try ChapterLoader.load(path, root: root) } catch {
            return ChapterReport(path: path, chapter: nil, execution: nil, errors: [error])
        }
        let execution = runner.execute(chapter)
        let errors = Expectations.checkIncludes(chapter)
            + (execution.errors.isEmpty ? Expectations.check(chapter, execution) : execution.errors)
        return ChapterReport(path: path, chapter: chapter, execution: execution, errors: errors)
    }

    /// Writes each chapter's new expected outputs in place; returns the paths it changed.
    public static func accept(_ reports: [ChapterReport]) throws(WeaveError) -> [String] {
        var changed: [String] = []
        for report in reports {
            guard let chapter = report.chapter, let execution = report.execution, execution.errors.isEmpty,
                  let text = Accept.rewrite(chapter, execution) else { continue }
            try ChapterFile.write(text, to: chapter.path, replacing: chapter.source)
            changed.append(chapter.path)
        }
        return changed
    }
}
