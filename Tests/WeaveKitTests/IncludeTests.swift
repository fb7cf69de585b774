import Foundation
import Testing
@testable import WeaveKit

/// A temporary package root with a `Sources/` folder, a file outside it, and symlinks.
struct IncludeRoot {
    let base: URL
    var root: URL { base.appendingPathComponent("package") }

    init(files: [String: String]) throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("weave-include-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Sources"), withIntermediateDirectories: true)
        try Data("// weave:begin secret\nlet password = 1\n// weave:end secret\n".utf8)
            .write(to: base.appendingPathComponent("outside.swift"))
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    func link(_ path: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(path).path, withDestinationPath: destination)
    }

    func region(_ path: String, _ anchor: String) throws(WeaveError) -> String {
        try IncludeReader.region(Tags.Include(path: path, anchor: anchor), root: root,
                                 at: SourceLocation(file: "chapters/x.md", line: 7, column: 1))
    }

    func remove() { try? FileManager.default.removeItem(at: base) }
}

@Suite struct IncludeTests {
    static let plain = "// weave:begin a\nlet a = 1\n// weave:end a\n"

    struct Refused: CustomTestStringConvertible, Sendable {
        var name: String
        var path: String
        var message: String
        var testDescription: String { name }
    }

    static let refused: [Refused] = [
        Refused(name: "parent directory", path: "../outside.swift", message: "leads outside the package root"),
        Refused(name: "deep parent directory", path: "Sources/../../outside.swift", message: "leads outside the package root"),
        Refused(name: "absolute path", path: "/etc/passwd", message: "is an absolute path"),
        Refused(name: "symlink to a file outside", path: "Sources/Link.swift", message: "leads outside the package root"),
        Refused(name: "file in a symlinked folder outside", path: "Sources/Out/outside.swift", message: "leads outside the package root"),
    ]

    @Test(arguments: refused)
    func pathsOutsideThePackageAreRefused(_ c: Refused) throws {
        let package = try IncludeRoot(files: ["Sources/A.swift": Self.plain])
        defer { package.remove() }
        try package.link("Sources/Link.swift", to: package.base.appendingPathComponent("outside.swift").path)
        try package.link("Sources/Out", to: package.base.path)
        #expect { try package.region(c.path, "secret") } throws: { error in
            let error = error as? WeaveError
            return error?.location?.line == 7 && error?.message.contains(c.message) == true
                && error?.details.contains { $0.contains("inside the package") } == true
        }
    }

    @Test func aSymlinkInsideThePackageIsFollowed() throws {
        let package = try IncludeRoot(files: ["Sources/A.swift": Self.plain])
        defer { package.remove() }
        try package.link("Sources/B.swift", to: "A.swift")
        #expect(try package.region("Sources/B.swift", "a") == "let a = 1")
    }

    @Test func anchorsAreFoundInCRLFFilesAndTheRegionHasNoCarriageReturns() throws {
        let package = try IncludeRoot(files: ["Sources/A.swift": "x\r\n// weave:begin a\r\n    let a = 1\r\n    let b = 2\r\n// weave:end a\r\n"])
        defer { package.remove() }
        let region = try package.region("Sources/A.swift", "a")
        #expect(region == "let a = 1\nlet b = 2")
        #expect(!region.unicodeScalars.contains("\r"))
    }

    struct BadAnchors: CustomTestStringConvertible, Sendable {
        var name: String
        var source: String
        var message: String
        var anchorLine: Int
        var testDescription: String { name }
    }

    static let badAnchors: [BadAnchors] = [
        BadAnchors(name: "duplicate", source: plain + "// weave:begin a\nlet again = 2\n// weave:end a\n",
                   message: "anchor 'a' is defined twice", anchorLine: 4),
        BadAnchors(name: "nested of the same name", source: "// weave:begin a\n// weave:begin a\nx\n// weave:end a\n// weave:end a\n",
                   message: "anchor 'a' begins again", anchorLine: 2),
        BadAnchors(name: "end without begin", source: "x\n// weave:end a\n", message: "has no `// weave:begin a`", anchorLine: 2),
        BadAnchors(name: "unterminated", source: "x\n// weave:begin a\nlet a = 1\n", message: "has no `// weave:end a`", anchorLine: 2),
    ]

    @Test(arguments: badAnchors)
    func malformedAnchorsAreLocatedErrors(_ c: BadAnchors) throws {
        let package = try IncludeRoot(files: ["Sources/A.swift": c.source])
        defer { package.remove() }
        #expect { try package.region("Sources/A.swift", "a") } throws: { error in
            let error = error as? WeaveError
            return error?.location?.line == 7 && error?.message.contains(c.message) == true
                && error?.details.contains { $0.hasPrefix("Sources/A.swift:\(c.anchorLine):") } == true
        }
    }

    @Test func aChapterIncludingOutsideThePackageFailsAtTheFence() throws {
        let fixture = try Fixture(["x.md": "# T\n\ntext\n\n```swift include=../../etc/passwd#x\n```\n"])
        defer { fixture.remove() }
        #expect { try ChapterLoader.load(fixture.path("x.md"), root: packageRoot) } throws: { error in
            let error = error as? WeaveError
            return error?.location?.line == 5 && error?.message.contains("outside the package root") == true
        }
    }
}
