import ArgumentParser
import Foundation
import WeaveKit

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every chapter and build the static site (the default command).",
        discussion: """
            The site is written to a new folder and swapped in only when every chapter succeeded, \
            so a failed build leaves the previous site as it was.
            """)

    @OptionGroup var options: CommonOptions
    @Option(help: "The folder the site is written to. Default: weave.yml's `output`, else site (under the root).")
    var output: String?

    func run() throws {
        let clock = ContinuousClock(), start = clock.now
        let statistics = Statistics()
        let config = try options.config()
        let pipeline = options.pipeline(config)
        guard pipeline.filters.isEmpty else {
            throw ValidationError("a site holds every chapter: use `weave check NAME` to run only some")
        }
        // A path on the command line is the author's, relative to where they are; the config's
        // is the package's, relative to its root.
        let outputURL = output.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) }
            ?? options.rootURL.appendingPathComponent(config.output)
        do {
            let build = try SiteBuilder.build(pipeline, output: outputURL.standardizedFileURL, statistics: statistics)
            Summary.print(build.reports, statistics: statistics, seconds: clock.now - start)
            print(String(format: "wrote %d pages to %@ (rendering took %.3f s)", build.pages, output ?? config.output, build.renderSeconds))
        } catch {
            if !error.reports.isEmpty { Summary.print(error.reports, statistics: statistics, seconds: clock.now - start) }
            FileHandle.standardError.write(Data("the site was not changed\n".utf8))
            throw fail(error.errors)
        }
    }
}
