import Foundation

/// Reads a named region of a source file, between `// weave:begin NAME` and
/// `// weave:end NAME`, so a chapter shows the library's real code, never a copy.
enum IncludeReader {
    static func region(_ include: Tags.Include, root: URL, at location: SourceLocation) throws(WeaveError) -> String {
        let url = root.appendingPathComponent(include.path)
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw WeaveError("include: cannot read '\(include.path)' (relative to the package root \(root.path))",
                             at: location)
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func marker(_ line: Substring) -> (String, String)? {
            let words = line.split(separator: " ")
            guard words.count == 3, words[0] == "//", words[1] == "weave:begin" || words[1] == "weave:end"
            else { return nil }
            return (String(words[1]), String(words[2]))
        }
        guard let begin = lines.firstIndex(where: { marker($0).map { $0 == ("weave:begin", include.anchor) } ?? false })
        else {
            let anchors = lines.compactMap(marker).filter { $0.0 == "weave:begin" }.map(\.1)
            throw WeaveError(
                "include: no anchor '\(include.anchor)' in \(include.path); "
                    + (anchors.isEmpty ? "add `// weave:begin \(include.anchor)` and `// weave:end \(include.anchor)` around the code"
                        : "its anchors are: \(anchors.joined(separator: ", "))"), at: location)
        }
        guard let end = lines[(begin + 1)...].firstIndex(where: {
            marker($0).map { $0 == ("weave:end", include.anchor) } ?? false
        }) else {
            throw WeaveError("include: anchor '\(include.anchor)' in \(include.path) has no `// weave:end \(include.anchor)`",
                             at: location)
        }
        let body = lines[(begin + 1)..<end]
        let indent = body.filter { !$0.allSatisfy(\.isWhitespace) }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        return body.map { String($0.dropFirst(min(indent, $0.prefix { $0 == " " }.count))) }.joined(separator: "\n")
    }
}
