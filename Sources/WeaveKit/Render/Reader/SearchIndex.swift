/// The site's search index, `search-index.js`: a script that assigns one global, so that it
/// loads by `<script src>` from `file://` as well as online (no fetch, which a page opened
/// from disk may not make).
///
/// To stay small, a section keeps each word once, at its first appearance (matched without
/// regard to case), so a result's snippet is the section's words near the match in reading
/// order. The bytes depend only on the pages given, in their order.
struct SearchIndex {
    struct Page {
        var file: String
        var title: String
        var sections: [SearchSection]
    }

    static let fileName = "search-index.js"
    /// The index may take at most this share of the rest of the site's bytes.
    static let budget = 0.10

    var pages: [Page]

    /// `var weaveSearchIndex = {"pages":[[file,title],…],"sections":[[page,id,title,words],…]};`
    var script: String {
        var out = "var weaveSearchIndex = {\"pages\":["
        out += pages.map { "[" + Self.literal($0.file) + "," + Self.literal($0.title) + "]" }.joined(separator: ",")
        out += "],\"sections\":["
        var rows: [String] = []
        for (k, page) in pages.enumerated() {
            for section in page.sections {
                rows.append("[\(k)," + Self.literal(section.id) + "," + Self.literal(section.title) + ","
                    + Self.literal(Self.distinctWords(section.text)) + "]")
            }
        }
        return out + rows.joined(separator: ",\n") + "]};\n"
    }

    /// `text`'s words, without the punctuation around them (`(bit.` is `bit`), each only at its
    /// first appearance (compared case-insensitively); punctuation alone is no word.
    static func distinctWords(_ text: String) -> String {
        var seen: Set<String> = [], kept: [Substring] = []
        for token in text.split(whereSeparator: \.isWhitespace) {
            let isWordCharacter = { (c: Character) in c.isLetter || c.isNumber || c == "_" }
            guard let first = token.firstIndex(where: isWordCharacter), let last = token.lastIndex(where: isWordCharacter)
            else { continue }
            let word = token[first...last]
            if seen.insert(word.lowercased()).inserted { kept.append(word) }
        }
        return kept.joined(separator: " ")
    }

    /// A JavaScript string literal that no text can break out of: quotes, backslashes and
    /// controls are escaped, and `<`, `>`, `&`, U+2028 and U+2029 are written as `\uXXXX`, so
    /// that neither an HTML parser (`</script>`) nor an older JavaScript one (line separators)
    /// sees anything but the string.
    static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || "<>&".unicodeScalars.contains(scalar)
                || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Fails when the index is over its share of the rest of the site.
    static func checkBudget(indexBytes: Int, siteBytes: Int) throws(WeaveError) {
        guard Double(indexBytes) > budget * Double(siteBytes) else { return }
        let percent = Int((100 * Double(indexBytes) / Double(max(siteBytes, 1))).rounded())
        throw WeaveError("the search index \(fileName) is \(indexBytes) bytes, \(percent)% of the rest of the site "
            + "(\(siteBytes) bytes); its budget is \(Int(budget * 100))%",
            details: ["print less text in the chapters' outputs (of a plot, the index keeps only its title)"])
    }
}
