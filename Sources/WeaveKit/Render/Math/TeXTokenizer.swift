/// A token of the TeX math subset the course uses.
enum TeXToken: Equatable {
    case command(String)  // \frac, \{, \\, \, ...
    case character(Character)
    case open, close      // { }
    case superscript, `subscript`, alignment  // ^ _ &

    /// Splits TeX into tokens, each with its offset (in characters) for error columns.
    static func tokenize(_ tex: String) -> [(token: TeXToken, offset: Int)] {
        let characters = Array(tex)
        var tokens: [(TeXToken, Int)] = []
        var i = 0
        while i < characters.count {
            let c = characters[i], start = i
            i += 1
            switch c {
            case "\\":
                guard i < characters.count else { tokens.append((.character("\\"), start)); continue }
                if characters[i].isLetter {
                    var name = ""
                    while i < characters.count, characters[i].isLetter { name.append(characters[i]); i += 1 }
                    tokens.append((.command(name), start))
                } else {
                    tokens.append((.command(String(characters[i])), start))
                    i += 1
                }
            case "{": tokens.append((.open, start))
            case "}": tokens.append((.close, start))
            case "^": tokens.append((.superscript, start))
            case "_": tokens.append((.subscript, start))
            case "&": tokens.append((.alignment, start))
            case "%":  // a comment runs to the end of the line
                while i < characters.count, characters[i] != "\n" { i += 1 }
            case _ where c.isWhitespace: continue
            default: tokens.append((.character(c), start))
            }
        }
        return tokens
    }
}
