import CCmark
import Glibc

/// A parsed CommonMark document. It owns cmark's tree and frees it; nodes borrow from it.
public final class MarkdownDocument {
    let root: OpaquePointer

    /// Parses `text` with cmark (CommonMark 0.30, the reference parser).
    public init(_ text: String) {
        var text = text
        root = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_DEFAULT)
            }
        }
    }

    deinit { cmark_node_free(root) }

    public var document: MarkdownNode { MarkdownNode(pointer: root, owner: self) }

    /// HTML for the whole tree. Raw HTML passes through (`CMARK_OPT_UNSAFE`): chapters are
    /// written by the course's authors, and weave inserts its own HTML as raw nodes.
    public func renderHTML() -> String { Self.html(root) }

    static func html(_ node: OpaquePointer) -> String {
        guard let html = cmark_render_html(node, CMARK_OPT_UNSAFE) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}
