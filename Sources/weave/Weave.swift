import ArgumentParser
import Foundation
import WeaveKit

/// weave's version, as `weave --version` prints it.
enum WeaveVersion {
    static let current = "0.2.0"
}

@main
struct Weave: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weave",
        abstract: "Build the course site from chapters of Markdown with Swift snippets, or check them.",
        discussion: """
            Each chapter's snippets are compiled and run as one program against the package's \
            libraries; what they print is shown on the page and compared with its expected output. \
            Errors point at the chapter's lines, as a compiler's do.

            Examples:
              weave                        build the site into site/
              weave check 03               run the chapters whose file name holds 03
              weave check --format github  errors as annotations on a pull request
              weave help check             a command's options
            """,
        version: WeaveVersion.current,
        subcommands: [Build.self, Check.self, Accept.self, Init.self, Serve.self],
        defaultSubcommand: Build.self
    )
}

/// Options every command that runs chapters shares.
struct CommonOptions: ParsableArguments {
    @Option(help: "The folder of chapters (*.md, in file-name order). Default: weave.yml's `chapters`, else chapters.")
    var chapters: String?
    @Option(help: "The package root: where Package.swift and weave.yml are. Default: the current folder.") var root: String?
    @Option(help: "Chapters compiled and run at once. Default: the number of cores.") var jobs: Int?
    @Flag(help: "Ignore cached results and run everything again.") var noCache = false
    @Option(help: "The Swift compiler. Default: $WEAVE_SWIFTC, else swiftc on PATH.") var swiftc: String?
    @Option(help: "The cache of compiled libraries and snippet results. Default: .build/weave under the root.")
    var cache: String?
    @Option(help: "MiB a chapter may print before it is stopped (a snippet's output-limit=MIB tag raises it).")
    var outputLimit = PipelineOptions.defaultOutputLimit >> 20
    @Option(help: ArgumentHelp(
        "How results are reported: text (for people), json (JSON Lines on stdout: an object per diagnostic, per chapter, then a summary), github (GitHub Actions annotations, then the summary).",
        valueName: "format"))
    var format: OutputFormat = .text
    @Flag(help: "Show no progress on stderr while chapters run (json never shows it).") var quiet = false
    @Argument(help: "Only chapters whose file name contains one of these.") var filters: [String] = []

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if outputLimit < 1 || outputLimit > 1 << 20 { throw ValidationError("--output-limit must be between 1 and 1048576 MiB") }
    }

    var rootURL: URL { URL(fileURLWithPath: root ?? FileManager.default.currentDirectoryPath) }

    /// Reports in the chosen format, with progress unless it is json or --quiet.
    func reporter() -> Reporter {
        Reporter(format: format, progress: quiet || format == .json ? nil : ProgressDisplay())
    }

    /// The course's config, `weave.yml` at the root (the defaults without one).
    func config(_ reporter: Reporter) throws -> CourseConfig {
        do { return try CourseConfig.load(root: rootURL) } catch { throw reporter.fail([error]) }
    }

    /// The pipeline's options: the config's, then what the command line overrides.
    func pipeline(_ config: CourseConfig, _ reporter: Reporter) -> PipelineOptions {
        var options = PipelineOptions(
            config: config, root: rootURL, chapters: chapters, cache: cache.map { URL(fileURLWithPath: $0) },
            jobs: jobs, useCache: !noCache, swiftc: swiftc, filters: filters, outputLimit: outputLimit << 20)
        if let progress = reporter.progress { options.progress = { progress.handle($0) } }
        return options
    }
}
