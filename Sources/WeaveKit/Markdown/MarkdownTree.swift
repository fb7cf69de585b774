/// A block of a Markdown document as a Swift value, converted from cmark's tree.
///
/// Load turns cmark's nodes into these, resolves math and snippets into their own cases, and
/// Render writes them out; nothing downstream reparses the Markdown.
public indirect enum Block: Sendable, Equatable {
    case paragraph([Inline])
    case heading(Heading)
    case blockQuote([Block])
    case list(MarkdownList)
    case codeBlock(CodeBlock)
    /// Raw HTML, passed through as written.
    case html(String)
    case thematicBreak
    /// A paragraph that holds nothing but one display formula: index into the chapter's formulas.
    case displayMath(Int)
    /// A ```swift block: index into the chapter's snippets.
    case snippet(Int)
    /// The ```output block of the snippet with this index.
    case expectedOutput(Int)
}

/// An inline node of a ``Block``.
public indirect enum Inline: Sendable, Equatable {
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    /// Raw inline HTML, passed through as written.
    case html(String)
    case emphasis([Inline])
    case strong([Inline])
    case link(Link)
    case image(Link)
    /// A formula: index into the chapter's formulas.
    case math(Int)
    /// An inline value, `` `{swift} expr` ``: index into the chapter's snippets.
    case value(Int)
}

/// A heading; Load fills in its plain text and its page-unique anchor id.
public struct Heading: Sendable, Equatable {
    public var level: Int
    public var content: [Inline]
    /// 1-based line in the chapter.
    public var line: Int
    public var text = ""
    public var id = ""
}

/// A bullet or ordered list; each item is a list of blocks.
public struct MarkdownList: Sendable, Equatable {
    public var ordered: Bool
    public var start: Int
    public var tight: Bool
    public var items: [[Block]]
}

/// A fenced or indented code block, with the lines of its fences in the chapter.
public struct CodeBlock: Sendable, Equatable {
    public var info: String
    public var literal: String
    public var line: Int
    public var endLine: Int
    /// 1-based byte column where the opening fence starts, after any container markers.
    public var column: Int
}

/// A link or an image: where it points and what it shows.
public struct Link: Sendable, Equatable {
    public var destination: String
    public var title: String
    public var content: [Inline]
    /// 1-based line in the chapter (the enclosing block's when cmark gives none).
    public var line: Int
}
