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

/// Package.resolved is not committed and SwiftPM writes it per checkout (its originHash
/// differed between this repository's clones), so the footer must not hash it, or a fresh
/// clone could never reproduce the committed site.
@Suite struct FooterIgnoresResolvedVersionsTests {
    @Test func twoCheckoutsWithDifferentResolvedFilesGetTheSameParts() throws {
        var parts: [[String]] = []
        for origin in ["25e37ab3", "1391617a"] {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("weave-resolved-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            try FileManager.default.createDirectory(at: root.appendingPathComponent("Sources/M"), withIntermediateDirectories: true)
            try Data("// swift-tools-version:6.0\n".utf8).write(to: root.appendingPathComponent("Package.swift"))
            try Data("{ \"originHash\" : \"\(origin)\" }\n".utf8).write(to: root.appendingPathComponent("Package.resolved"))
            try Data("public let x = 1\n".utf8).write(to: root.appendingPathComponent("Sources/M/M.swift"))
            parts.append(PackageBuild.packageFiles(root))
        }
        #expect(parts[0] != parts[1], "the cache keys on Package.resolved")
        #expect(SiteProvenance.withoutResolvedVersions(parts[0]) == SiteProvenance.withoutResolvedVersions(parts[1]))
        #expect(SiteProvenance.withoutResolvedVersions(parts[0]).contains("Package.swift"))
    }
}
