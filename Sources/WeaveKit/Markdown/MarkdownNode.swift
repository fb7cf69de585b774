import CCmark

/// A node of a ``MarkdownDocument``: a typed view over cmark's C node.
public struct MarkdownNode {
    let pointer: OpaquePointer
    let owner: MarkdownDocument

    public enum Kind: Equatable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph, heading
        case thematicBreak, text, softBreak, lineBreak, code, htmlInline, customInline, emphasis
        case strong, link, image, other
    }

    public var kind: Kind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: .document
        case CMARK_NODE_BLOCK_QUOTE: .blockQuote
        case CMARK_NODE_LIST: .list
        case CMARK_NODE_ITEM: .item
        case CMARK_NODE_CODE_BLOCK: .codeBlock
        case CMARK_NODE_HTML_BLOCK: .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: .customBlock
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        case CMARK_NODE_TEXT: .text
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE: .code
        case CMARK_NODE_HTML_INLINE: .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: .customInline
        case CMARK_NODE_EMPH: .emphasis
        case CMARK_NODE_STRONG: .strong
        case CMARK_NODE_LINK: .link
        case CMARK_NODE_IMAGE: .image
        default: .other
        }
    }

    public var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = cmark_node_first_child(pointer)
        while let node = child {
            result.append(MarkdownNode(pointer: node, owner: owner))
            child = cmark_node_next(node)
        }
        return result
    }

    public var next: MarkdownNode? { cmark_node_next(pointer).map { MarkdownNode(pointer: $0, owner: owner) } }

    /// 1-based line where the node starts; for a fenced code block, its opening fence.
    public var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    public var endLine: Int { Int(cmark_node_get_end_line(pointer)) }

    /// A code block's info string (empty for indented blocks).
    public var info: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }
    /// The text of a code block, text node, inline code or raw HTML.
    public var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
    public var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    /// The node's plain text: its literal, or its descendants' literals joined.
    public var plainText: String {
        switch kind {
        case .text, .code: literal
        case .softBreak, .lineBreak: " "
        default: children.map(\.plainText).joined()
        }
    }

    /// The node rendered alone.
    public var html: String { MarkdownDocument.html(pointer) }

    /// Every node in document order, this one first.
    public var descendants: [MarkdownNode] { [self] + children.flatMap(\.descendants) }

    /// Replaces this node by raw HTML (a block or an inline node, matching this one's kind).
    public func replace(withHTML html: String, inline: Bool = false) {
        guard let node = cmark_node_new(inline ? CMARK_NODE_HTML_INLINE : CMARK_NODE_HTML_BLOCK) else { return }
        cmark_node_set_literal(node, html)
        cmark_node_replace(pointer, node)
        cmark_node_free(pointer)
    }

    /// Inserts raw inline HTML before this node.
    public func insertBefore(html: String, inline: Bool) {
        guard let node = cmark_node_new(inline ? CMARK_NODE_HTML_INLINE : CMARK_NODE_HTML_BLOCK) else { return }
        cmark_node_set_literal(node, html)
        cmark_node_insert_before(pointer, node)
    }

    /// Inserts plain text before this node.
    public func insertBefore(text: String) {
        guard let node = cmark_node_new(CMARK_NODE_TEXT) else { return }
        cmark_node_set_literal(node, text)
        cmark_node_insert_before(pointer, node)
    }

    /// Removes this node from the tree and frees it.
    public func remove() {
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }
}
