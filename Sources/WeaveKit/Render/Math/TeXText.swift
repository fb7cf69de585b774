/// The text argument of `\text{…}` (and of `\operatorname`, `\begin`), read as TeX reads text:
/// braces group and vanish, `\$ \% \& \# \_ \{ \}` are those characters, runs of spaces are one
/// space, `~` is a no-break space, `%` starts a comment. Math syntax (`&`, `^`, `_`, `#`, `$`, a
/// command) is an error at its column, since TeX's text mode rejects it too.
extension TeXToMathML {
    private static let escapes: Set<Character> = ["$", "%", "&", "#", "_", "{", "}"]
    private static let textSpaces: [String: String] = [" ": " ", ",": "\u{2009}", "quad": "\u{2003}", "qquad": "\u{2003}\u{2003}"]

    /// The text of the braced group at the current token, which `owner` (at `at`) reads.
    mutating func text(of owner: String, at: Int) throws(MathError) -> String {
        guard current == .open else {
            throw MathError(message: "\(owner) needs its text in braces, like \(owner){if }", offset: current == nil ? at : offsetOfCurrent)
        }
        let open = offsetOfCurrent
        var i = open + 1, braces = 0, text = ""
        func fail(_ message: String) -> MathError { MathError(message: message + " inside \(owner){…}", offset: i) }
        func appendSpace() { if text.last != " " { text.append(" ") } }
        reading: while i < characters.count {
            let c = characters[i]
            switch c {
            case "{": braces += 1
            case "}":
                if braces == 0 { break reading }
                braces -= 1
            case "%":
                while i < characters.count, !characters[i].isNewline { i += 1 }
                continue reading
            case "~": text.append("\u{00A0}")
            case "&": throw fail("'&' is an alignment tab; write \\& for an ampersand")
            case "_": throw fail("'_' is math; write \\_ for an underscore")
            case "^": throw fail("'^' is math; end the text first")
            case "#": throw fail("'#' is TeX's parameter character; write \\#")
            case "$": throw fail("math in text is not supported; end the text first")
            case "\\":
                let start = i
                i += 1
                guard i < characters.count else { throw MathError(message: "a lone '\\' ends the formula", offset: start) }
                if Self.escapes.contains(characters[i]) {
                    text.append(characters[i])
                } else {
                    var name = String(characters[i])
                    if TeXToken.isLetter(characters[i]) {
                        while i + 1 < characters.count, TeXToken.isLetter(characters[i + 1]) { i += 1; name.append(characters[i]) }
                    }
                    if characters[i].isWhitespace { name = " " }
                    guard let space = Self.textSpaces[name] else {
                        throw MathError(message: "\\\(name) inside \(owner){…} is not supported; end the text first", offset: start)
                    }
                    if space == " " { appendSpace() } else { text += space }
                }
            case _ where c.isWhitespace: appendSpace()
            default: text.append(c)
            }
            i += 1
        }
        guard i < characters.count else { throw MathError(message: "'{' is never closed", offset: open) }
        while position < limit, tokens[position].offset <= i { position += 1 }
        return text
    }
}
