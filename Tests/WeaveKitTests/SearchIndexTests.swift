import Foundation
import Testing
@testable import WeaveKit

/// The search index: one entry per section with its heading's id, prose, code and outputs;
/// a script that no printed text can break out of; within its budget; the same bytes each time.
@Suite struct SearchIndexTests {
    static let hostile = "</script><script>alert(\"x\\\\y\")</script> it's \u{2028}done"

    static let chapters = [
        "index.md": "# Course\n\nWelcome.\n",
        "01-a.md": "# A\n\nIntro prose.\n\n## Part one\n\nProse with *emphasis* and `code`.\n\n```swift\nlet zebra = 1\nprint(\"q\")\n```\n\n## Part two\n\nMore prose.\n",
    ]

    /// The site's files from chapters loaded (not run), the first snippet having printed `printed`.
    static func site(printed: String = "quokka 42") throws -> [String: Data] {
        let fixture = try Fixture(chapters)
        defer { fixture.remove() }
        let reports = try ChapterLoader.chapterPaths(in: fixture.directory.path).map { path in
            let chapter = try ChapterLoader.load(path, root: packageRoot)
            let execution = ChapterExecution(outputs: [SnippetOutput(index: 0, items: [.text(printed)])], errors: [],
                                             seconds: 0, cached: false)
            return ChapterReport(path: path, chapter: chapter, execution: execution, errors: [])
        }
        return try SiteBuilder.site(reports, chapters: fixture.directory.path, root: packageRoot)
    }

    /// The index's object, parsed as JSON (every literal the index writes is also JSON).
    static func index(_ files: [String: Data]) throws -> [String: Any] {
        let script = try #require(files[SearchIndex.fileName].map { String(decoding: $0, as: UTF8.self) })
        let prefix = "var weaveSearchIndex = ", suffix = ";\n"
        try #require(script.hasPrefix(prefix) && script.hasSuffix(suffix))
        let json = Data(script.dropFirst(prefix.count).dropLast(suffix.count).utf8)
        return try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    }

    static func sections(_ files: [String: Data]) throws -> [[Any]] {
        try #require(try index(files)["sections"] as? [[Any]])
    }

    @Test func holdsEverySectionWithItsIdProseCodeAndOutput() throws {
        let files = try Self.site()
        let index = try Self.index(files)
        let pages = try #require(index["pages"] as? [[String]])
        #expect(pages.map(\.first) == ["index.html", "01-a.html"])
        let rows = try Self.sections(files).filter { $0.first as? Int == 1 }
        #expect(rows.map { $0[1] as? String } == ["a", "part-one", "part-two"])
        #expect(rows.map { $0[2] as? String } == ["A", "Part one", "Part two"])
        let words = try #require(rows[1][3] as? String)
        for expected in ["Prose", "emphasis", "code", "zebra", "print(\"q", "quokka", "42"] {
            #expect(words.split(separator: " ").contains(Substring(expected)), "\(expected) in \(words)")
        }
        #expect(!(rows[2][3] as? String ?? "").contains("quokka"), "an output belongs to its own section")
    }

    @Test func aPrintedScriptTagCannotBreakOut() throws {
        let files = try Self.site(printed: Self.hostile)
        let script = String(decoding: try #require(files[SearchIndex.fileName]), as: UTF8.self)
        #expect(!script.contains("<"))
        #expect(!script.unicodeScalars.contains("\u{2028}"))
        let words = try Self.sections(files).compactMap { $0[3] as? String }.joined(separator: " ")
        #expect(words.contains("script><script>alert(\"x\\\\y\")</script it's"))
    }

    @Test(arguments: ["</script>", "say \"hi\"", "back\\slash\\", "line\u{2028}sep\u{2029}para", "tab\tnew\nline\r",
                      "bell\u{07}del\u{7F}", "<!-- &amp; -->", "é 漢字 🙂"])
    func aLiteralReadsBackAsItsText(_ text: String) throws {
        let literal = SearchIndex.literal(text)
        #expect(!literal.contains("<") && !literal.contains(">") && !literal.unicodeScalars.contains("\u{2028}"))
        let decoded = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
        #expect(decoded == [text])
    }

    @Test func keepsEachWordOnceInReadingOrder() {
        #expect(SearchIndex.distinctWords("The cat saw the  Cat.\nand (the) dog, == 0.5") == "The cat saw and dog 0.5")
    }

    @Test func anIndexOverItsBudgetIsAClearError() throws {
        #expect(throws: Never.self) { try SearchIndex.checkBudget(indexBytes: 100, siteBytes: 1000) }
        let error = try #require(throws: WeaveError.self) { try SearchIndex.checkBudget(indexBytes: 101, siteBytes: 1000) }
        #expect(error.message.contains("search-index.js is 101 bytes, 10% of the rest of the site (1000 bytes)"))
        #expect(error.message.contains("budget is 10%"))
    }

    @Test func theSameInputsGiveTheSameBytes() throws {
        #expect(try Self.site()[SearchIndex.fileName] == Self.site()[SearchIndex.fileName])
    }

    @Test func everyPageLoadsTheScriptsAndHidesTheBoxUntilTheyRun() throws {
        let files = try Self.site()
        for name in ["index.html", "01-a.html", "print.html"] {
            let page = String(decoding: try #require(files[name]), as: UTF8.self)
            #expect(page.contains("<script src=\"search-index.js\" defer></script>"), "\(name)")
            #expect(page.contains("<script src=\"copy.js\" defer></script>"), "\(name)")
            #expect(page.contains("<form class=\"search\" role=\"search\" action=\"#\" hidden>"), "\(name)")
            #expect(!page.contains("copy-button"), "the copy button is the script's, not the page's")
        }
        #expect(files[SearchScript.fileName] != nil && files[CopyScript.fileName] != nil)
    }
}
