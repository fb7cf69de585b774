import Foundation

/// `weave init`: a first course in an existing package, ready to build: the config, a front
/// page, one chapter that imports the package's first library and prints a table and a plot,
/// and ignore entries. It never overwrites a file; an existing one is left as it is and named.
public enum CourseScaffold {
    public struct Result: Sendable, Equatable {
        /// Files written, relative to the package root.
        public var created: [String] = []
        /// Files that existed and were left alone.
        public var kept: [String] = []
        /// Lines added to `.gitignore`.
        public var ignored: [String] = []
    }

    /// Writes the scaffold into the package at `root` for the library `module` (nil when the
    /// package has none) and the course `title`.
    public static func create(root: URL, module: String?, title: String) throws(WeaveError) -> Result {
        var result = Result()
        let imports = (module.map { [$0] } ?? []) + ["Display"]
        let files: [(String, String)] = [
            (CourseConfig.fileName, config(title: title, imports: imports)),
            ("chapters/index.md", frontPage(title: title)),
            ("chapters/01-first-steps.md", firstChapter(module: module)),
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path) { result.kept.append(path); continue }
            try createDirectory(url.deletingLastPathComponent())
            do { try Data(text.utf8).write(to: url, options: .withoutOverwriting) } catch {
                throw WeaveError("cannot write this file: \(error.localizedDescription)", at: SourceLocation(file: path))
            }
            result.created.append(path)
        }
        result.ignored = try addIgnoreEntries(root: root)
        return result
    }

    /// What git should not track: SwiftPM's and weave's build folders and a build's staging copies.
    static let ignoreEntries = [".build/", "/.site.*"]

    private static func addIgnoreEntries(root: URL) throws(WeaveError) -> [String] {
        let url = root.appendingPathComponent(".gitignore")
        let existing = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let lines = Set(existing.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = ignoreEntries.filter { !lines.contains($0) && !lines.contains(String($0.dropLast())) }
        guard !missing.isEmpty else { return [] }
        let text = existing + (existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n") + missing.joined(separator: "\n") + "\n"
        do { try Data(text.utf8).write(to: url, options: .atomic) } catch {
            throw WeaveError("cannot add ignore entries: \(error.localizedDescription)", at: SourceLocation(file: ".gitignore"))
        }
        return missing
    }

    static func config(title: String, imports: [String]) -> String {
        """
        # The course's settings; see weave's README for every key.
        title: \(yamlString(title))
        # Modules every chapter imports, so snippets stay short.
        imports: [\(imports.joined(separator: ", "))]
        chapters: chapters
        output: site

        """
    }

    /// A YAML double-quoted string, so a title with `:` or `#` reads back as written.
    static func yamlString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\x%02X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func frontPage(title: String) -> String {
        """
        # \(title)

        This course is written in Markdown with Swift snippets. `weave` runs every snippet when
        it builds the site, so each number on these pages was computed by the code beside it.

        """
    }

    static func firstChapter(module: String?) -> String {
        let imported = module.map { "`\($0)` and `Display` are" } ?? "`Display` is"
        return """
            # First steps

            Every runnable snippet of a chapter belongs to one program, run from top to bottom like a
            notebook; \(imported) imported already (see `weave.yml`).

            ```swift
            let squares = (1...5).map { ($0, $0 * $0) }
            print("The sum of the first five squares is \\(squares.map(\\.1).reduce(0, +)).")
            ```

            A table and a plot come from the `Display` library:

            ```swift
            Table(columns: ["n", "n²"], rows: squares.map { ["\\($0.0)", "\\($0.1)"] }).show()
            Plot(title: "n² for n = 1…5", xLabel: "n", yLabel: "n²",
                 series: [.init(name: "n²", x: squares.map { Double($0.0) }, y: squares.map { Double($0.1) })]).show()
            ```

            An `expect` snippet is checked on every build against the block after it:

            ```swift expect
            print(squares.last!.1)
            ```

            ```output
            25
            ```

            """
    }
}
