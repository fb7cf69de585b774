import ArgumentParser
import Foundation
import WeaveKit

@main
struct Weave: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weave",
        abstract: "Build the course site from chapters of Markdown with Swift snippets, or check them.",
        subcommands: [Build.self, Check.self, Accept.self, Init.self],
        defaultSubcommand: Build.self
    )
}

/// Options every command shares.
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
    @Argument(help: "Only chapters whose file name contains one of these.") var filters: [String] = []

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if outputLimit < 1 || outputLimit > 1 << 20 { throw ValidationError("--output-limit must be between 1 and 1048576 MiB") }
    }

    var rootURL: URL { URL(fileURLWithPath: root ?? FileManager.default.currentDirectoryPath) }

    /// The course's config, `weave.yml` at the root (the defaults without one).
    func config() throws -> CourseConfig {
        do { return try CourseConfig.load(root: rootURL) } catch { throw fail([error]) }
    }

    /// The pipeline's options: the config's, then what the command line overrides.
    func pipeline(_ config: CourseConfig) -> PipelineOptions {
        PipelineOptions(config: config, root: rootURL, chapters: chapters, cache: cache.map { URL(fileURLWithPath: $0) },
                        jobs: jobs, useCache: !noCache, swiftc: swiftc, filters: filters, outputLimit: outputLimit << 20)
    }
}

/// Prints a failure to stderr and exits non-zero without a stack trace.
func fail(_ errors: [WeaveError]) -> ExitCode {
    for error in errors { FileHandle.standardError.write(Data((error.description + "\n").utf8)) }
    return ExitCode.failure
}
