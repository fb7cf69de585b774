import Foundation

/// Reads a named region of a source file, between `// weave:begin NAME` and
/// `// weave:end NAME`, so a chapter shows the library's real code, never a copy.
///
/// Only files inside the package root can be included: the path is resolved, symlinks
/// included, and refused when it leads outside, so a chapter cannot publish other files.
enum IncludeReader {
    static func region(_ include: Tags.Include, root: URL, at location: SourceLocation) throws(WeaveError) -> String {
        let file = try resolve(include.path, root: root, at: location)
        guard let data = try? Data(contentsOf: file), let text = String(data: data, encoding: .utf8) else {
            throw WeaveError("include: cannot read '\(include.path)' (relative to the package root \(root.path))",
                             at: location, details: ["check the path, and that the file is UTF-8 text"])
        }
        let lines = SourceLines.split(text)
        let anchors = try Anchors(lines, file: include.path, at: location)
        guard let range = anchors.regions[include.anchor] else {
            let names = anchors.regions.keys.sorted()
            throw WeaveError(
                "include: no anchor '\(include.anchor)' in \(include.path); "
                    + (names.isEmpty ? "add `// weave:begin \(include.anchor)` and `// weave:end \(include.anchor)` around the code"
                        : "its anchors are: \(names.joined(separator: ", "))"), at: location)
        }
        let body = lines[range]
        let indent = body.filter { !$0.allSatisfy(\.isWhitespace) }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        return body.map { String($0.dropFirst(min(indent, $0.prefix { $0 == " " }.count))) }.joined(separator: "\n")
    }

    /// The file `path` names under `root`, symlinks resolved; an error when it is outside `root`.
    static func resolve(_ path: String, root: URL, at location: SourceLocation) throws(WeaveError) -> URL {
        let advice = ["include only files inside the package, with a path relative to its root, like Sources/ElmanRNN/SGD.swift"]
        guard !path.hasPrefix("/"), !path.hasPrefix("~") else {
            throw WeaveError("include: '\(path)' is an absolute path", at: location, details: advice)
        }
        // `..` that climbs above the root is refused even when the file it names is missing.
        var depth = 0
        for component in path.split(separator: "/") where component != "." {
            depth += component == ".." ? -1 : 1
            guard depth >= 0 else {
                throw WeaveError("include: '\(path)' leads outside the package root", at: location, details: advice)
            }
        }
        guard let resolvedRoot = realPath(root.path) else {
            throw WeaveError("include: the package root \(root.path) does not exist", at: location,
                             details: ["pass the package root with --root DIR"])
        }
        guard let target = realPath(resolvedRoot + "/" + path) else {
            throw WeaveError("include: cannot read '\(path)' (relative to the package root \(root.path))",
                             at: location, details: ["check the path and the name of the file"])
        }
        guard target.hasPrefix(resolvedRoot.hasSuffix("/") ? resolvedRoot : resolvedRoot + "/") else {
            throw WeaveError("include: '\(path)' leads outside the package root (to \(target))",
                             at: location, details: advice)
        }
        return URL(fileURLWithPath: target)
    }

    /// The absolute path with every symlink, `.` and `..` resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// The `// weave:begin NAME` … `// weave:end NAME` regions of a file, checked: every begin has
/// one end, names are unique, and regions of one name do not nest.
struct Anchors {
    /// Each anchor's lines between its markers, as 0-based line indices.
    var regions: [String: Range<Int>] = [:]

    init(_ lines: [Substring], file: String, at location: SourceLocation) throws(WeaveError) {
        var open: [String: Int] = [:]
        func located(_ message: String, line: Int) -> WeaveError {
            WeaveError("include: \(message)", at: location,
                       details: ["\(file):\(line + 1): the anchor is here; give each region one `// weave:begin NAME` and one `// weave:end NAME`"])
        }
        for (index, line) in lines.enumerated() {
            guard let (kind, name) = Self.marker(line) else { continue }
            if kind == "weave:begin" {
                if let first = open[name] {
                    throw located("anchor '\(name)' begins again at \(file):\(index + 1) inside its own region (begun at line \(first + 1))", line: index)
                }
                if regions[name] != nil {
                    throw located("anchor '\(name)' is defined twice in \(file) (again at line \(index + 1))", line: index)
                }
                open[name] = index
            } else {
                guard let begin = open.removeValue(forKey: name) else {
                    throw located("`// weave:end \(name)` at \(file):\(index + 1) has no `// weave:begin \(name)` before it", line: index)
                }
                regions[name] = (begin + 1)..<index
            }
        }
        if let (name, begin) = open.min(by: { $0.value < $1.value }) {
            throw located("anchor '\(name)' begun at \(file):\(begin + 1) has no `// weave:end \(name)`", line: begin)
        }
    }

    /// `("weave:begin" | "weave:end", NAME)` for a marker line, else nil.
    static func marker(_ line: Substring) -> (String, String)? {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count == 3, words[0] == "//", words[1] == "weave:begin" || words[1] == "weave:end" else { return nil }
        return (String(words[1]), String(words[2]))
    }
}
