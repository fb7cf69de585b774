import ArgumentParser
import Foundation
import WeaveKit

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a course in this package: weave.yml, chapters/index.md and a first chapter.",
        discussion: """
            The first chapter imports the package's first library (or --module) and Display, and \
            prints a table and a plot, so `weave` builds a page at once. Existing files are never \
            overwritten; .gitignore gains the entries a course needs.

            Examples:
              weave init
              weave init --title "Numbers, by example" --module Fibonacci
            """)

    @Option(help: "The package root. Default: the current folder.") var root: String?
    @Option(help: "The course's title. Default: the package's name.") var title: String?
    @Option(help: "The library module the first chapter imports. Default: the package's first library.")
    var module: String?

    func run() throws {
        let rootURL = URL(fileURLWithPath: root ?? FileManager.default.currentDirectoryPath)
        let summary: PackageSummary
        do { summary = try PackageSummary.read(
            root: rootURL, toolchain: try Toolchain(), cache: rootURL.appendingPathComponent(".build/weave")) } catch { throw fail([error]) }
        let result: CourseScaffold.Result
        do {
            result = try CourseScaffold.create(root: rootURL, module: module ?? summary.firstLibrary,
                                               title: title ?? "\(summary.name), by example")
        } catch { throw fail([error]) }
        for path in result.created { print("created \(path)") }
        for path in result.kept { print("kept \(path) (it exists)") }
        if !result.ignored.isEmpty { print("added to .gitignore: \(result.ignored.joined(separator: " "))") }
        print("next: `weave` builds the site into site/; `weave check` runs the chapters")
    }
}
