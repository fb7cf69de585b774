import CCmark

/// Converts cmark's tree into ``Block`` values, walking it with cmark's iterator rather than
/// by recursion, so that no input can overflow the stack; nesting deeper than ``maxDepth``
/// is an error at its line, which also bounds every recursive walk of the values later.
enum MarkdownTreeBuilder {
    /// Containers inside containers (quotes, list items, emphasis, links) beyond this are refused.
    static let maxDepth = 100

    /// What went wrong, with the 1-based line of the parsed text.
    struct TooDeep: Error {
        var line: Int
    }

    /// A container being filled: its cmark node and the children converted so far.
    private struct Frame {
        var node: OpaquePointer
        var blocks: [Block] = []
        var inlines: [Inline] = []
        var items: [[Block]] = []
        var line: Int
    }

    /// The blocks of `text` as cmark parses it. cmark's tree is freed before this returns.
    static func blocks(of text: String) throws(TooDeep) -> [Block] {
        let document = MarkdownDocument(text)
        guard let iterator = cmark_iter_new(document.root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var stack: [Frame] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let line = max(Int(cmark_node_get_start_line(node)), stack.last?.line ?? 1)
            if event == CMARK_EVENT_ENTER {
                if let leaf = leafBlock(node, line: line) {
                    stack[stack.count - 1].blocks.append(leaf)
                } else if let leaf = leafInline(node) {
                    stack[stack.count - 1].inlines.append(leaf)
                } else {
                    guard stack.count < maxDepth else { throw TooDeep(line: line) }
                    stack.append(Frame(node: node, line: line))
                }
                continue
            }
            guard event == CMARK_EVENT_EXIT, let frame = stack.popLast() else { continue }
            if stack.isEmpty { return frame.blocks }
            attach(frame, to: &stack[stack.count - 1])
        }
        return stack.first?.blocks ?? []
    }

    private static func attach(_ frame: Frame, to parent: inout Frame) {
        let node = frame.node
        switch cmark_node_get_type(node) {
        case CMARK_NODE_BLOCK_QUOTE: parent.blocks.append(.blockQuote(frame.blocks))
        case CMARK_NODE_LIST:
            parent.blocks.append(.list(MarkdownList(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)), tight: cmark_node_get_list_tight(node) != 0,
                items: frame.items)))
        case CMARK_NODE_ITEM: parent.items.append(frame.blocks)
        case CMARK_NODE_PARAGRAPH: parent.blocks.append(.paragraph(frame.inlines))
        case CMARK_NODE_HEADING:
            parent.blocks.append(.heading(Heading(
                level: Int(cmark_node_get_heading_level(node)), content: frame.inlines, line: frame.line)))
        case CMARK_NODE_EMPH: parent.inlines.append(.emphasis(frame.inlines))
        case CMARK_NODE_STRONG: parent.inlines.append(.strong(frame.inlines))
        case CMARK_NODE_LINK: parent.inlines.append(.link(link(node, frame)))
        case CMARK_NODE_IMAGE: parent.inlines.append(.image(link(node, frame)))
        default:
            // Custom blocks and inlines never come from CommonMark text; keep their content.
            parent.blocks += frame.blocks
            parent.inlines += frame.inlines
        }
    }

    private static func link(_ node: OpaquePointer, _ frame: Frame) -> Link {
        Link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
             content: frame.inlines, line: frame.line)
    }

    private static func leafBlock(_ node: OpaquePointer, line: Int) -> Block? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_CODE_BLOCK:
            .codeBlock(CodeBlock(
                info: string(cmark_node_get_fence_info(node)), literal: literal(node), line: line,
                endLine: Int(cmark_node_get_end_line(node)), column: Int(cmark_node_get_start_column(node))))
        case CMARK_NODE_HTML_BLOCK: .html(literal(node))
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        default: nil
        }
    }

    private static func leafInline(_ node: OpaquePointer) -> Inline? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: .text(literal(node))
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE: .code(literal(node))
        case CMARK_NODE_HTML_INLINE: .html(literal(node))
        default: nil
        }
    }

    private static func literal(_ node: OpaquePointer) -> String { string(cmark_node_get_literal(node)) }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
