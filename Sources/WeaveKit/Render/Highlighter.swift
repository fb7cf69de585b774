import SwiftIDEUtils
import SwiftParser
import SwiftSyntax

/// Swift source as HTML with `<span class="…">` around keywords, types, literals and
/// comments, classified by swift-syntax exactly as the compiler's parser sees them.
enum Highlighter {
    static func html(_ code: String) -> String {
        let tree = Parser.parse(source: code)
        let bytes = Array(code.utf8)
        var html = ""
        var cursor = 0
        func text(_ range: Range<Int>) -> String {
            escapeXML(String(decoding: bytes[range], as: UTF8.self))
        }
        for classified in tree.classifications {
            let start = classified.range.lowerBound.utf8Offset, end = classified.range.upperBound.utf8Offset
            guard start >= cursor, end <= bytes.count, start < end else { continue }
            if start > cursor { html += text(cursor..<start) }
            if let name = cssClass(classified.kind) {
                html += "<span class=\"\(name)\">\(text(start..<end))</span>"
            } else {
                html += text(start..<end)
            }
            cursor = end
        }
        if cursor < bytes.count { html += text(cursor..<bytes.count) }
        return html
    }

    static func cssClass(_ kind: SyntaxClassification) -> String? {
        switch kind {
        case .keyword: "kw"
        case .type: "ty"
        case .integerLiteral, .floatLiteral: "num"
        case .stringLiteral, .regexLiteral: "str"
        case .lineComment, .blockComment, .docLineComment, .docBlockComment: "com"
        case .attribute: "attr"
        case .ifConfigDirective: "dir"
        default: nil
        }
    }
}
