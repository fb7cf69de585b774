/// A fenced code block's lines as `weave accept` writes them into a chapter.
struct FencedBlock {
    /// The lines, each with its ending.
    var lines: [String]

    /// An ```output block holding `text`, each line after `prefix`.
    init(output text: String, prefix: String, ending: String) {
        let body = Self.bodyLines(text)
        let fence = String(repeating: "`", count: max(3, Self.longestRun(of: "`", in: body) + 1))
        lines = [prefix + fence + "output" + ending] + Self.prefixed(body, prefix, ending) + [prefix + fence + ending]
    }

    /// A block that keeps the opening line's info string (an `include=` block) and holds
    /// `body`; its fence grows when the body holds a line that would close it.
    init(opening: String, body text: String, ending: String) {
        let body = Self.bodyLines(text)
        let start = opening.firstIndex { $0 == "`" || $0 == "~" } ?? opening.endIndex
        let character = start < opening.endIndex ? opening[start] : "`"
        let run = opening[start...].prefix { $0 == character }
        let fence = String(repeating: character, count: max(run.count, 3, Self.longestRun(of: character, in: body) + 1))
        let prefix = Self.prefix(of: opening)
        lines = [String(opening[..<start]) + fence + opening[run.endIndex...]]
            + Self.prefixed(body, prefix, ending) + [prefix + fence + ending]
    }

    /// The prefix that puts a line into the same container as the fence on `fenceLine`: its
    /// block-quote markers, each followed by a space, and spaces for indentation and for list
    /// markers, so columns match what cmark counts (tabs expanded to stops of 4).
    static func prefix(of fenceLine: String) -> String {
        let characters = Array(fenceLine.prefix { $0 != "`" && $0 != "~" && !SourceLines.isLineEnd($0) })
        var out = ""
        var column = 0
        for (k, character) in characters.enumerated() {
            switch character {
            case "\t":
                let width = 4 - column % 4
                out += String(repeating: " ", count: width)
                column += width
            case ">":
                out += ">"
                column += 1
                // A `>` without a space after it would take the content's first column as its
                // optional space; that space does not count towards the indentation inside.
                if k + 1 == characters.count || (characters[k + 1] != " " && characters[k + 1] != "\t") { out += " " }
            default:
                out += " "
                column += 1
            }
        }
        return out
    }

    /// A blank line in the container: the prefix without its trailing spaces.
    static func blankLine(_ prefix: String) -> String {
        String(prefix.reversed().drop { $0 == " " }.reversed())
    }

    static func bodyLines(_ text: String) -> [Substring] {
        text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    static func prefixed(_ body: [Substring], _ prefix: String, _ ending: String) -> [String] {
        body.map { ($0.isEmpty ? blankLine(prefix) : prefix + $0) + ending }
    }

    /// The longest run of `character` that starts a line after indentation or `>`, which is
    /// what could close a fence of that character.
    static func longestRun(of character: Character, in body: [Substring]) -> Int {
        body.map { $0.drop { $0 == " " || $0 == "\t" || $0 == ">" }.prefix { $0 == character }.count }.max() ?? 0
    }
}
