import CCmark
import Glibc

/// A parsed CommonMark document. It owns cmark's tree and frees it.
final class MarkdownDocument {
    let root: OpaquePointer

    /// Parses `text` with cmark (CommonMark 0.30, the reference parser).
    init(_ text: String) {
        var text = text
        root = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_DEFAULT)
            }
        }
    }

    deinit { cmark_node_free(root) }

    /// libcmark's own HTML for the tree, raw HTML included; the reference weave's writer matches.
    func renderHTML() -> String {
        guard let html = cmark_render_html(root, CMARK_OPT_UNSAFE) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// The lines of code blocks and HTML blocks, whose text Markdown leaves as it is.
    func verbatimLines() -> Set<Int> {
        var lines = Set<Int>()
        guard let iterator = cmark_iter_new(root) else { return lines }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK else { continue }
            let start = Int(cmark_node_get_start_line(node))
            lines.formUnion(start...max(Int(cmark_node_get_end_line(node)), start))
        }
        return lines
    }
}
