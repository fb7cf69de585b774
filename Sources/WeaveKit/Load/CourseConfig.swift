import Foundation
import Yams

/// A course's settings, read from `weave.yml` at the package root. Every key is optional:
///
/// ```yaml
/// title: Backpropagation through time, by example   # default: the front page's first heading
/// imports: [ElmanRNN, Display]   # modules every chapter imports; default: every library product
/// chapters: chapters             # the folder of chapters
/// output: site                   # the folder the site is written to
/// order: [01-intro.md, 02-more.md]   # default: file-name order
/// build-flags: [-Xcc, -march=native]  # passed to SwiftPM and swiftc; default: none
/// ```
///
/// YAML is read with Yams, which gives every node its line and column, so an unknown key or
/// a bad value is an error at its place in the file.
public struct CourseConfig: Sendable, Equatable {
    public var title: String?
    /// Modules imported into every chapter program; nil until resolved against the package.
    public var imports: [String]?
    public var chapters = "chapters"
    public var output = "site"
    /// Chapter file names in reading order; nil means file-name order.
    public var order: [ChapterName]?
    /// Compiler flags for the package's modules and the chapter programs, as SwiftPM spells
    /// them: pairs of `-Xcc`, `-Xswiftc`, `-Xlinker` or `-Xcxx` and one flag.
    public var buildFlags: [String] = []

    /// A chapter's file name as the config lists it, with its place in the config.
    public struct ChapterName: Sendable, Equatable {
        public var name: String
        public var location: SourceLocation
    }

    public static let fileName = "weave.yml"
    static let keys = ["title", "imports", "chapters", "output", "order", "build-flags"]
    /// Only flags for a compiler or the linker: SwiftPM's own options (`--scratch-path`,
    /// `-c debug`) would move or change builds that weave owns.
    public static let buildFlagPrefixes = ["-Xcc", "-Xswiftc", "-Xlinker", "-Xcxx"]

    public init() {}

    /// The config of the package at `root`, or the defaults when it has no `weave.yml`.
    public static func load(root: URL) throws(WeaveError) -> CourseConfig {
        let url = root.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return CourseConfig() }
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw WeaveError("cannot read this file as UTF-8 text", at: SourceLocation(file: fileName))
        }
        return try parse(text, path: fileName)
    }

    /// Parses the text of a config file; `path` names it in errors.
    public static func parse(_ text: String, path: String) throws(WeaveError) -> CourseConfig {
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch {
            throw yamlError(error, path: path, text: text)
        }
        var config = CourseConfig()
        guard let node else { return config }
        func location(_ node: Node) -> SourceLocation {
            SourceLocation(file: path, line: node.mark?.line, column: node.mark?.column)
        }
        guard case .mapping(let mapping) = node else {
            throw WeaveError("the config must be a mapping of keys to values, such as `title: My course`", at: location(node))
        }
        var seen = Set<String>()
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { throw WeaveError("a key must be a plain word", at: location(keyNode)) }
            guard seen.insert(key).inserted else { throw WeaveError("'\(key)' is set twice", at: location(keyNode)) }
            func string() throws(WeaveError) -> String {
                guard case .scalar(let scalar) = value, !scalar.string.isEmpty else {
                    throw WeaveError("'\(key)' needs a text value", at: location(value))
                }
                return scalar.string
            }
            func names() throws(WeaveError) -> [ChapterName] {
                guard case .sequence(let sequence) = value else {
                    throw WeaveError("'\(key)' needs a list, such as [A, B]", at: location(value))
                }
                var items: [ChapterName] = []
                for item in sequence {
                    guard case .scalar(let scalar) = item, !scalar.string.isEmpty else {
                        throw WeaveError("each entry of '\(key)' must be a name", at: location(item))
                    }
                    items.append(ChapterName(name: scalar.string, location: location(item)))
                }
                return items
            }
            switch key {
            case "title": config.title = try string()
            case "imports":
                let modules = try names().map(\.name)
                if let bad = modules.first(where: { !isIdentifier($0) }) {
                    throw WeaveError("'\(bad)' is not a Swift module name", at: location(value))
                }
                config.imports = modules
            case "chapters": config.chapters = try string()
            case "output": config.output = try string()
            case "order":
                let names = try names()
                var listed = Set<String>()
                for entry in names where !listed.insert(entry.name).inserted {
                    throw WeaveError("'\(entry.name)' is listed twice in order", at: entry.location)
                }
                config.order = names
            case "build-flags":
                let flags = try names()
                for pair in stride(from: 0, to: flags.count, by: 2) {
                    guard Self.buildFlagPrefixes.contains(flags[pair].name) else {
                        throw WeaveError("'\(flags[pair].name)' is not one of \(Self.buildFlagPrefixes.joined(separator: ", "))",
                                         at: flags[pair].location,
                                         details: ["build-flags holds pairs such as [-Xcc, -march=native, -Xswiftc, -DFAST]"])
                    }
                    guard pair + 1 < flags.count else {
                        throw WeaveError("'\(flags[pair].name)' needs the flag it passes after it, such as [\(flags[pair].name), -O]",
                                         at: flags[pair].location)
                    }
                }
                config.buildFlags = flags.map(\.name)
            default:
                throw WeaveError("unknown key '\(key)'; the keys are: \(keys.joined(separator: ", "))", at: location(keyNode))
            }
        }
        return config
    }

    /// The chapter paths in the config's order. Every listed name must be a chapter and every
    /// chapter must be listed, so no chapter is dropped or invented silently.
    public static func arrange(_ paths: [String], by order: [ChapterName]) throws(WeaveError) -> [String] {
        func name(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }
        var arranged: [String] = []
        for entry in order {
            guard let path = paths.first(where: { name($0) == entry.name }) else {
                throw WeaveError("no chapter '\(entry.name)' in the chapters folder",
                                 at: entry.location, details: ["the chapters are: " + paths.map(name).joined(separator: ", ")])
            }
            arranged.append(path)
        }
        if let missing = paths.first(where: { !arranged.contains($0) }) {
            throw WeaveError("the chapter \(name(missing)) is not listed in order",
                             at: order.first.map { SourceLocation(file: $0.location.file, line: $0.location.line) },
                             details: ["add it to order, or remove the file"])
        }
        return arranged
    }

    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    /// A YAML syntax error at its line and column.
    static func yamlError(_ error: Error, path: String, text: String) -> WeaveError {
        switch error {
        case YamlError.scanner(_, let problem, let mark, _), YamlError.parser(_, let problem, let mark, _),
             YamlError.composer(_, let problem, let mark, _):
            return WeaveError("this is not valid YAML: \(problem)", at: SourceLocation(file: path, line: mark.line, column: mark.column))
        case YamlError.duplicatedKeysInMapping(let duplicates, let context):
            // Yams points at the mapping; the author wants the second occurrence of the key.
            let key = duplicates.first ?? ""
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let uses = lines.indices.filter { lines[$0].drop { $0 == " " }.hasPrefix(key + ":") }
            let line = uses.count > 1 ? uses[1] + 1 : context.mark.line
            let column = uses.count > 1 ? lines[uses[1]].prefix { $0 == " " }.count + 1 : context.mark.column
            return WeaveError("'\(key)' is set twice; keep one", at: SourceLocation(file: path, line: line, column: column))
        default:
            return WeaveError("this is not valid YAML: \(error)", at: SourceLocation(file: path))
        }
    }
}
