import Foundation
import Testing
@testable import WeaveKit

/// `weave.yml`: every key read, every mistake an error at its line and column.
@Suite struct CourseConfigTests {
    @Test func readsEveryKey() throws {
        let config = try CourseConfig.parse("""
            # a comment
            title: Numbers, by example
            imports: [Ratios, Binet]
            chapters: book
            output: public
            order:
              - 02-second.md
              - 01-first.md
            build-flags: [-Xcc, -march=native, -Xswiftc, -DFAST]

            """, path: "weave.yml")
        #expect(config.title == "Numbers, by example")
        #expect(config.imports == ["Ratios", "Binet"])
        #expect(config.chapters == "book")
        #expect(config.output == "public")
        #expect(config.order?.map(\.name) == ["02-second.md", "01-first.md"])
        #expect(config.order?.first?.location == SourceLocation(file: "weave.yml", line: 7, column: 5))
        #expect(config.buildFlags == ["-Xcc", "-march=native", "-Xswiftc", "-DFAST"])
    }

    @Test func anEmptyFileOrNoFileGivesTheDefaults() throws {
        #expect(try CourseConfig.parse("", path: "weave.yml") == CourseConfig())
        #expect(try CourseConfig.parse("# nothing yet\n", path: "weave.yml") == CourseConfig())
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("weave-noconfig-\(UUID().uuidString)")
        #expect(try CourseConfig.load(root: empty) == CourseConfig())
        #expect(CourseConfig().chapters == "chapters" && CourseConfig().output == "site")
    }

    static let mistakes: [(text: String, line: Int, column: Int, message: String)] = [
        ("title: A\ntitel: B\n", 2, 1, "unknown key 'titel'"),
        ("imports: Ratios\n", 1, 10, "needs a list"),
        ("imports: [Ratios, 3x]\n", 1, 10, "not a Swift module name"),
        ("imports: [Ratios, [A]]\n", 1, 19, "must be a name"),
        ("title: [A, B]\n", 1, 8, "needs a text value"),
        ("title: A\ntitle: B\n", 2, 1, "set twice"),
        ("- a\n- b\n", 1, 1, "must be a mapping"),
        ("title: \"unclosed\n", 2, 1, "not valid YAML"),
        ("imports: [A\n", 2, 1, "not valid YAML"),
        ("order: {a: 1}\n", 1, 8, "needs a list"),
        ("order: [a.md, b.md, a.md]\n", 1, 21, "listed twice"),
        ("build-flags: -O\n", 1, 14, "needs a list"),
        ("build-flags: [-Xcc, -march=native, --scratch-path, /tmp/x]\n", 1, 36, "'--scratch-path' is not one of -Xcc, -Xswiftc"),
        ("build-flags: [-march=native]\n", 1, 15, "is not one of"),
        ("build-flags: [-Xcc, -O2, -Xswiftc]\n", 1, 26, "needs the flag it passes after it"),
    ]

    @Test(arguments: mistakes)
    func mistakesAreLocated(_ text: String, _ line: Int, _ column: Int, _ message: String) {
        let error = #expect(throws: WeaveError.self) { try CourseConfig.parse(text, path: "weave.yml") }
        #expect(error?.location == SourceLocation(file: "weave.yml", line: line, column: column), "\(error?.description ?? "")")
        #expect(error?.message.contains(message) == true, "\(error?.description ?? "")")
    }
}

/// `order` names every chapter once: a missing or unlisted chapter is an error at its entry.
@Suite struct ChapterOrderTests {
    let paths = ["ch/01-a.md", "ch/02-b.md", "ch/03-c.md"]

    func order(_ names: [String]) -> [CourseConfig.ChapterName] {
        names.enumerated().map { .init(name: $1, location: SourceLocation(file: "weave.yml", line: $0 + 2, column: 5)) }
    }

    @Test func arrangesByTheConfig() throws {
        #expect(try CourseConfig.arrange(paths, by: order(["03-c.md", "01-a.md", "02-b.md"]))
                == ["ch/03-c.md", "ch/01-a.md", "ch/02-b.md"])
    }

    @Test func aNameThatIsNoChapterIsLocated() {
        let error = #expect(throws: WeaveError.self) { try CourseConfig.arrange(paths, by: order(["01-a.md", "04-d.md"])) }
        #expect(error?.location == SourceLocation(file: "weave.yml", line: 3, column: 5))
    }

    @Test func anUnlistedChapterIsAnError() {
        let error = #expect(throws: WeaveError.self) { try CourseConfig.arrange(paths, by: order(["01-a.md", "02-b.md"])) }
        #expect(error?.message.contains("03-c.md") == true)
    }
}

/// `weave init` writes a course that builds, and never overwrites a file.
@Suite struct CourseScaffoldTests {
    @Test func writesTheCourseOnceAndKeepsExistingFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("weave-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("chapters"), withIntermediateDirectories: true)
        try Data("# Mine\n".utf8).write(to: root.appendingPathComponent("chapters/index.md"))
        try Data("*.o".utf8).write(to: root.appendingPathComponent(".gitignore"))
        let first = try CourseScaffold.create(root: root, module: "Ratios", title: "Numbers")
        #expect(first.created == [CourseConfig.fileName, "chapters/01-first-steps.md"])
        #expect(first.kept == ["chapters/index.md"])
        #expect(try String(contentsOf: root.appendingPathComponent("chapters/index.md"), encoding: .utf8) == "# Mine\n")
        #expect(try String(contentsOf: root.appendingPathComponent(".gitignore"), encoding: .utf8) == "*.o\n.build/\n/.site.*\n")
        let config = try CourseConfig.load(root: root)
        #expect(config.imports == ["Ratios", "Display"])
        #expect(config.title == "Numbers")
        let again = try CourseScaffold.create(root: root, module: "Ratios", title: "Numbers")
        #expect(again.created.isEmpty && again.ignored.isEmpty)
        #expect(again.kept.count == 3)
    }
}
