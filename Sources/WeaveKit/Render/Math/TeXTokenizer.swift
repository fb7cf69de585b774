/// A token of the TeX math subset the course uses.
enum TeXToken: Equatable {
    case command(String)  // \frac, \{, \\, \, ...
    case character(Character)
    case open, close      // { }
    case superscript, `subscript`, alignment  // ^ _ &
}

/// A token with where it lies in the TeX, in characters: `offset` is its first character and
/// `end` is one past its last, so a token that starts at the previous one's `end` had no space
/// before it (TeX drops spaces in math, but `3.14` is one number only when written together).
struct LocatedToken {
    var token: TeXToken
    var offset: Int
    var end: Int
}

extension TeXToken {
    /// Characters that are TeX syntax, which must stand alone: `{` with a combining mark on it
    /// is one Swift `Character` but would silently stop being a brace.
    private static let syntax: Set<Unicode.Scalar> = ["\\", "{", "}", "^", "_", "&", "%", "#", "$", "~", "'"]

    /// Splits TeX into tokens. A lone `\` at the end, a control character or a combining mark on
    /// a syntax character is an error at its offset.
    static func tokenize(_ tex: String) throws(MathError) -> [LocatedToken] {
        let characters = Array(tex)
        var tokens: [LocatedToken] = []
        var i = 0
        while i < characters.count {
            let c = characters[i], start = i
            try check(c, at: start)
            i += 1
            func add(_ token: TeXToken) { tokens.append(LocatedToken(token: token, offset: start, end: i)) }
            switch c {
            case "\\":
                guard i < characters.count else {
                    throw MathError(message: "a lone '\\' ends the formula; write \\backslash for a backslash", offset: start)
                }
                try check(characters[i], at: i)
                if isLetter(characters[i]) {
                    var name = ""
                    while i < characters.count, isLetter(characters[i]) { name.append(characters[i]); i += 1 }
                    add(.command(name))
                } else {
                    // `\` before a newline or tab is a control space, as in TeX.
                    let name = characters[i].isWhitespace ? " " : String(characters[i])
                    i += 1
                    add(.command(name))
                }
            case "{": add(.open)
            case "}": add(.close)
            case "^": add(.superscript)
            case "_": add(.subscript)
            case "&": add(.alignment)
            case "%":  // a comment runs to the end of the line (`\r\n` is one Character)
                while i < characters.count, !characters[i].isNewline {
                    // The TeX goes into the page's annotation, comments too, so it must be valid XML.
                    try checkEncodable(characters[i], at: i)
                    i += 1
                }
            case _ where c.isWhitespace: continue
            default: add(.character(c))
            }
        }
        return tokens
    }

    /// TeX's letters, which make up a command's name, are ASCII: `\alphaé` is `\alpha` then `é`.
    static func isLetter(_ c: Character) -> Bool {
        c.isASCII && c.isLetter
    }

    private static func check(_ c: Character, at offset: Int) throws(MathError) {
        let scalars = c.unicodeScalars
        if let first = scalars.first, scalars.count > 1, syntax.contains(first) {
            throw MathError(message: "a combining mark on '\(first)'; put a space between them", offset: offset)
        }
        try checkEncodable(c, at: offset)
    }

    /// Control characters and U+FFFE, U+FFFF cannot appear in XML, even escaped.
    private static func checkEncodable(_ c: Character, at offset: Int) throws(MathError) {
        let scalars = c.unicodeScalars
        if scalars.contains(where: { $0.value < 0x20 && !"\t\n\r".unicodeScalars.contains($0) || (0x7F...0x9F).contains($0.value) }) {
            let code = scalars.first { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }?.value ?? 0
            throw MathError(message: "control character U+\(String(code, radix: 16, uppercase: true)) in a formula; delete it", offset: offset)
        }
        if scalars.contains(where: { (0xFFFE...0xFFFF).contains($0.value) }) {
            throw MathError(message: "noncharacter in a formula; delete it", offset: offset)
        }
    }
}
