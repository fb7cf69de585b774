import Foundation
import Testing
import WeaveKit

/// The committed site must be exactly what the current chapters and sources produce.
@Suite struct SiteFreshnessTests {
    @Test func committedSiteMatchesTheChapters() throws {
        let reports = try Pipeline.run(PipelineOptions(config: courseConfig, root: packageRoot))
        let errors = reports.flatMap(\.errors)
        try #require(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
        let files = try SiteBuilder.site(reports, chapters: chaptersDirectory, root: packageRoot, title: courseConfig.title)
        let site = packageRoot.appendingPathComponent("site")
        let committed = Set((FileManager.default.enumerator(atPath: site.path)?.allObjects as? [String] ?? [])
            .filter { !isDirectory(site.appendingPathComponent($0)) })
        #expect(committed == Set(files.keys).union([OutputFolder.markerName]),
                "site/ has other files than a build makes: run `swift run weave`")
        let marker = try? Data(contentsOf: site.appendingPathComponent(OutputFolder.markerName))
        #expect(marker == Data(OutputFolder.markerText.utf8), "site/\(OutputFolder.markerName) is stale: run `swift run weave`")
        for (name, data) in files.sorted(by: { $0.key < $1.key }) {
            let onDisk = try? Data(contentsOf: site.appendingPathComponent(name))
            #expect(onDisk == data, "site/\(name) is stale: run `swift run weave` and commit site/")
        }
    }

    @Test func buildingTwiceGivesByteIdenticalFiles() throws {
        let options = PipelineOptions(config: courseConfig, root: packageRoot)
        let first = try SiteBuilder.site(try Pipeline.run(options), chapters: chaptersDirectory, root: packageRoot)
        let second = try SiteBuilder.site(try Pipeline.run(options), chapters: chaptersDirectory, root: packageRoot)
        #expect(first == second)
    }
}

private func isDirectory(_ url: URL) -> Bool {
    var directory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &directory) && directory.boolValue
}
