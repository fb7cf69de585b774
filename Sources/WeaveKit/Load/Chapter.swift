/// A chapter as loaded: its Markdown text, its snippets, and its one typed parse, which
/// Execute and Weave attach results to and Render only writes out.
public struct Chapter: Sendable {
    /// The path as given (e.g. `chapters/02-encoding.md`); diagnostics and `#sourceLocation` use it.
    public var path: String
    public var source: String
    public var title: String
    public var snippets: [Snippet]
    /// The Markdown as blocks, with math, snippets and output blocks in their own nodes.
    public var document = ChapterDocument()

    /// The file name without `.md`, used for page names and filters.
    public var name: String { Self.name(ofPath: path) }

    /// The file name of `path` without `.md`.
    static func name(ofPath path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".md") ? String(file.dropLast(3)) : file
    }

    public var runnableSnippets: [Snippet] { snippets.filter(\.tags.runs) }

    public func location(line: Int, column: Int? = nil) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }
}

/// A fenced ```swift block and what its tags ask for.
public struct Snippet: Sendable, Equatable {
    /// Position among the chapter's snippets, from 0.
    public var index: Int
    /// The line of the opening fence; the code starts on the next line.
    public var fenceLine: Int
    /// The code: the block's own text, or for `include=` the region read from `Sources/`.
    public var code: String
    public var tags: Tags
    /// The ```output block right after an `expect` snippet, if there is one.
    public var expected: ExpectedOutput?
    /// For `include=`, what the block itself holds: nil when empty, else a copy of the region
    /// for readers of the raw Markdown, which must match it.
    public var includedCopy: String?
    /// The line of the closing fence.
    public var closingLine: Int = 0
    /// For an inline value (`` `{swift} expr` `` in prose), the UTF-8 column where its
    /// expression starts on `fenceLine`; nil for a fenced snippet.
    public var inlineColumn: Int?

    public var isInline: Bool { inlineColumn != nil }
    /// The line the code starts on: the one after the fence, or an inline value's own.
    public var firstCodeLine: Int { isInline ? fenceLine : fenceLine + 1 }
    /// What diagnostics call it.
    public var noun: String { isInline ? "inline value" : "snippet" }

    /// Where diagnostics about the whole snippet point: its fence, or an inline value's expression.
    public func location(in chapter: Chapter) -> SourceLocation { location(in: chapter.path) }

    func location(in path: String) -> SourceLocation { SourceLocation(file: path, line: fenceLine, column: inlineColumn ?? 1) }
}

/// An ```output block: what an `expect` snippet must print.
public struct ExpectedOutput: Sendable, Equatable {
    /// Lines of the opening and closing fences (1-based).
    public var fenceLine: Int
    public var closingLine: Int
    public var text: String
}

/// A chapter's typed parse: its blocks and what Load found in them.
public struct ChapterDocument: Sendable, Equatable {
    public var blocks: [Block] = []
    /// Every formula, by the index that ``Inline/math(_:)`` and ``Block/displayMath(_:)`` give.
    public var formulas: [Formula] = []
    /// Every heading in order, with its page-unique id.
    public var headings: [Heading] = []
    /// Every link (not image), with its target as written.
    public var links: [Link] = []
}
