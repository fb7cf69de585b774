import ArgumentParser
import Foundation
import WeaveKit

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every chapter and build the static site (the default command).",
        discussion: """
            The site is written to a new folder and swapped in only when every chapter succeeded, \
            so a failed build leaves the previous site as it was. weave replaces only a folder it \
            made (one holding .weave-site), an empty one, or none.

            Examples:
              weave                        the same as weave build
              weave build --output docs    write the site to docs/
              weave build --format github  errors and warnings as CI annotations
            """)

    @OptionGroup var options: CommonOptions
    @Option(help: "The folder the site is written to. Default: weave.yml's `output`, else site (under the root).")
    var output: String?

    func run() throws {
        let reporter = options.reporter()
        let config = try options.config(reporter)
        let pipeline = options.pipeline(config, reporter)
        guard pipeline.filters.isEmpty else {
            throw ValidationError("a site holds every chapter: use `weave check NAME` to run only some")
        }
        // A path on the command line is the author's, relative to where they are; the config's
        // is the package's, relative to its root.
        let outputURL = output.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) }
            ?? options.rootURL.appendingPathComponent(config.output)
        let shownOutput = output ?? config.output
        let build: SiteBuild
        do {
            build = try SiteBuilder.build(pipeline, output: outputURL.standardizedFileURL, statistics: reporter.statistics)
        } catch {
            let inReports = error.reports.flatMap(\.errors)
            try reporter.finish(error.reports, otherErrors: error.errors.filter { !inReports.contains($0) },
                                chapterLines: !error.reports.isEmpty, failureNote: "the site was not changed")
            return
        }
        let wrote = Reporter.Written(
            text: String(format: "wrote %d pages to %@ (rendering took %.3f s)", build.pages, shownOutput, build.renderSeconds),
            record: .init(type: "site", path: shownOutput, pages: build.pages))
        try reporter.finish(build.reports, written: [wrote])
    }
}
