import Foundation
import Testing
@testable import WeaveKit

/// Each page's footer names the compiler's version and a hash of the inputs: the same inputs
/// give the same footer, a changed chapter or linked file a different one.
@Suite struct FooterTests {
    static func footer(_ chapters: [String: String], files: [String: String] = [:]) throws -> String {
        let fixture = try Fixture(chapters.merging(files) { a, _ in a })
        defer { fixture.remove() }
        let reports = try ChapterLoader.chapterPaths(in: fixture.directory.path).map { path in
            ChapterReport(path: path, chapter: try ChapterLoader.load(path, root: packageRoot), execution: nil, errors: [])
        }
        let pages = try SiteBuilder.render(reports, chapters: fixture.directory.path, root: packageRoot)
        let footers = Set(pages.filter { $0.key.hasSuffix(".html") }.values.map { page in
            page.range(of: "<footer class=\"site-footer\">.*</footer>", options: .regularExpression).map { String(page[$0]) }
        })
        try #require(footers.count == 1, "one footer, the same on every page: \(footers)")
        return try #require(footers.first ?? nil)
    }

    static let course = ["01-a.md": "# A\n\nSee [the data](data.txt).\n", "02-b.md": "# B\n\nText.\n"]

    @Test func namesTheCompilerVersionAndAShortInputsHash() throws {
        let footer = try Self.footer(Self.course, files: ["data.txt": "1"])
        #expect(footer.range(of: #"with Swift version [^<]+ from inputs <code[^>]*>[0-9a-f]{12}</code>"#,
                             options: .regularExpression) != nil, "\(footer)")
    }

    @Test func theSameInputsGiveTheSameFooter() throws {
        #expect(try Self.footer(Self.course, files: ["data.txt": "1"]) == Self.footer(Self.course, files: ["data.txt": "1"]))
    }

    @Test(arguments: [
        (["01-a.md": "# A\n\nSee [the data](data.txt). Changed.\n"], ["data.txt": "1"]),
        (["02-b.md": "# B\n\nText changed.\n"], ["data.txt": "1"]),
        ([:], ["data.txt": "2"]),
    ])
    func aChangedInputChangesIt(_ chapters: [String: String], _ files: [String: String]) throws {
        let before = try Self.footer(Self.course, files: ["data.txt": "1"])
        let after = try Self.footer(chapters.merging(Self.course) { new, _ in new }, files: files)
        #expect(before != after)
    }
}
