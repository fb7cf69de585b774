/// Why a formula could not be converted; `offset` counts characters into the TeX source.
struct MathError: Error, Equatable {
    var message: String
    var offset: Int
}

/// Converts the course's TeX subset to MathML Core, which browsers render natively.
///
/// Unknown commands and environments are errors, never passed through: a formula either
/// renders as written or the build says where it is wrong.
struct TeXToMathML {
    private let tokens: [(token: TeXToken, offset: Int)]
    private var position = 0
    private let length: Int
    private let characters: [Character]

    /// `<math>` for `tex`, displayed as a block when `display` is set.
    static func convert(_ tex: String, display: Bool) throws(MathError) -> String {
        var parser = TeXToMathML(tex)
        let (items, stop) = try parser.row(alphabet: nil)
        if let stop { throw MathError(message: parser.unexpected(stop), offset: parser.offsetOfCurrent) }
        let body = "<mrow>" + items.joined() + "</mrow>"
        let annotation = "<annotation encoding=\"application/x-tex\">\(escapeXML(tex))</annotation>"
        return "<math\(display ? " display=\"block\"" : "")><semantics>\(body)\(annotation)</semantics></math>"
    }

    private init(_ tex: String) {
        tokens = TeXToken.tokenize(tex)
        characters = Array(tex)
        length = characters.count
    }

    private var current: TeXToken? { position < tokens.count ? tokens[position].token : nil }
    private var offsetOfCurrent: Int { position < tokens.count ? tokens[position].offset : length }

    /// What ended a row: a closing brace, `&`, `\\`, `\end` or `\right`.
    private enum Stop: Equatable { case close, alignment, newline, end, right }

    private func unexpected(_ stop: Stop) -> String {
        switch stop {
        case .close: "unbalanced '}': there is no '{' to close"
        case .alignment: "'&' outside \\begin{aligned} or a matrix"
        case .newline: "'\\\\' outside \\begin{aligned} or a matrix; put the lines in \\begin{aligned} ... \\end{aligned}"
        case .end: "\\end without a matching \\begin"
        case .right: "\\right without a matching \\left"
        }
    }

    /// Items up to a stop token (not consumed) or the end of input (stop = nil).
    private mutating func row(alphabet: MathAlphabet?) throws(MathError) -> ([String], Stop?) {
        var items: [String] = []
        while let token = current {
            switch token {
            case .close: return (items, .close)
            case .alignment: return (items, .alignment)
            case .command("\\"): return (items, .newline)
            case .command("end"): return (items, .end)
            case .command("right"): return (items, .right)
            default: items += try scripted(alphabet: alphabet)
            }
        }
        return (items, nil)
    }

    /// An atom with any subscript and superscript, as MathML elements: one, or two for a
    /// function name, which is followed by an invisible function application (U+2061).
    private mutating func scripted(alphabet: MathAlphabet?) throws(MathError) -> [String] {
        let (base, isLargeOperator) = try atom(alphabet: alphabet)
        let applied = base.hasPrefix("<mi>") && MathSymbols.functions.contains(String(base.dropFirst(4).dropLast(5)))
        return [try scripts(on: base, isLargeOperator: isLargeOperator, alphabet: alphabet)] + (applied ? ["<mo>\u{2061}</mo>"] : [])
    }

    private mutating func scripts(on base: String, isLargeOperator: Bool, alphabet: MathAlphabet?) throws(MathError) -> String {
        var sub: String?, sup: String?
        while let token = current, token == .subscript || token == .superscript {
            let at = offsetOfCurrent
            position += 1
            guard current != nil else { throw MathError(message: "a script needs an argument after ^ or _", offset: at) }
            let argument = try atom(alphabet: alphabet).xml
            if token == .subscript {
                guard sub == nil else { throw MathError(message: "double subscript; use braces", offset: at) }
                sub = argument
            } else {
                guard sup == nil else { throw MathError(message: "double superscript; use braces", offset: at) }
                sup = argument
            }
        }
        switch (sub, sup) {
        case (nil, nil): return base
        case (let s?, nil): return isLargeOperator ? "<munder>\(base)\(s)</munder>" : "<msub>\(base)\(s)</msub>"
        case (nil, let p?): return isLargeOperator ? "<mover>\(base)\(p)</mover>" : "<msup>\(base)\(p)</msup>"
        case (let s?, let p?):
            return isLargeOperator ? "<munderover>\(base)\(s)\(p)</munderover>" : "<msubsup>\(base)\(s)\(p)</msubsup>"
        }
    }

    /// A braced group, as one element.
    private mutating func group(alphabet: MathAlphabet?) throws(MathError) -> String {
        let at = offsetOfCurrent
        guard current == .open else { return try atom(alphabet: alphabet).xml }
        position += 1
        let (items, stop) = try row(alphabet: alphabet)
        guard stop == .close else {
            throw MathError(message: stop.map(unexpected) ?? "'{' is never closed", offset: stop == nil ? at : offsetOfCurrent)
        }
        position += 1
        return items.count == 1 ? items[0] : "<mrow>" + items.joined() + "</mrow>"
    }

    /// The raw text of a braced argument, spaces kept (for \text and \begin{name}).
    private mutating func textArgument() throws(MathError) -> String {
        let at = offsetOfCurrent
        guard current == .open else { throw MathError(message: "expected '{'", offset: at) }
        var i = at + 1, depth = 1
        while i < characters.count {
            if characters[i] == "\\" { i += 2; continue }
            if characters[i] == "{" { depth += 1 }
            if characters[i] == "}" { depth -= 1; if depth == 0 { break } }
            i += 1
        }
        guard i < characters.count else { throw MathError(message: "'{' is never closed", offset: at) }
        while position < tokens.count, tokens[position].offset <= i { position += 1 }
        return String(characters[(at + 1)..<i])
    }

    private mutating func atom(alphabet: MathAlphabet?) throws(MathError) -> (xml: String, isLargeOperator: Bool) {
        let at = offsetOfCurrent
        guard let token = current else { throw MathError(message: "the formula ends too early", offset: at) }
        switch token {
        case .open: return (try group(alphabet: alphabet), false)
        case .character(let c):
            position += 1
            return (character(c, alphabet: alphabet), false)
        case .command(let name):
            position += 1
            return try command(name, at: at, alphabet: alphabet)
        case .close, .alignment, .superscript, .subscript:
            throw MathError(message: "unexpected '\(token == .close ? "}" : token == .alignment ? "&" : token == .superscript ? "^" : "_")'", offset: at)
        }
    }

    private mutating func character(_ c: Character, alphabet: MathAlphabet?) -> String {
        if c.isLetter {
            let styled = alphabet.map { $0.apply(c) } ?? c
            return alphabet == .upright ? "<mi mathvariant=\"normal\">\(styled)</mi>" : "<mi>\(styled)</mi>"
        }
        if c.isNumber {
            var number = String(alphabet.map { $0.apply(c) } ?? c)
            while case .character(let next)? = current, next.isNumber || next == "." {
                number.append(alphabet.map { $0.apply(next) } ?? next)
                position += 1
            }
            return "<mn>\(number)</mn>"
        }
        switch c {
        case "-": return "<mo>−</mo>"
        case "*": return "<mo>∗</mo>"
        case "'": return "<mo>′</mo>"
        case "~": return "<mspace width=\"0.25em\"></mspace>"
        case "(", ")", "[", "]", "|", "/": return "<mo stretchy=\"false\">\(escapeXML(String(c)))</mo>"
        default: return "<mo>\(escapeXML(String(c)))</mo>"
        }
    }

    private mutating func command(_ name: String, at: Int, alphabet: MathAlphabet?) throws(MathError) -> (xml: String, isLargeOperator: Bool) {
        if let letter = MathSymbols.greek[name] {
            let styled = alphabet.map { $0.apply(Character(letter)) } ?? Character(letter)
            let upright = letter.first!.isUppercase && alphabet == nil
            return ("<mi\(upright ? " mathvariant=\"normal\"" : "")>\(styled)</mi>", false)
        }
        if let symbol = MathSymbols.identifiers[name] { return ("<mi>\(symbol)</mi>", false) }
        if let symbol = MathSymbols.operators[name] {
            // Delimiters typed without \left and \right keep their size, as in TeX.
            let fixed = MathSymbols.delimiter(.command(name)) != nil ? " stretchy=\"false\"" : ""
            return ("<mo\(fixed)>\(escapeXML(symbol))</mo>", false)
        }
        if let symbol = MathSymbols.largeOperators[name] { return ("<mo largeop=\"true\" movablelimits=\"true\">\(symbol)</mo>", true) }
        if MathSymbols.functions.contains(name) { return ("<mi>\(name)</mi>", false) }
        if let width = MathSymbols.spaces[name] { return ("<mspace width=\"\(width)\"></mspace>", false) }
        if let mark = MathSymbols.accents[name] {
            let base = try group(alphabet: alphabet)
            return ("<mover accent=\"true\">\(base)<mo stretchy=\"\(name.hasPrefix("wide") || name == "overline")\">\(escapeXML(mark))</mo></mover>", false)
        }
        if let styled = MathAlphabet.command(name) { return (try group(alphabet: styled), false) }
        switch name {
        case "frac", "dfrac", "tfrac":
            let numerator = try group(alphabet: alphabet)
            let denominator = try group(alphabet: alphabet)
            return ("<mfrac>\(numerator)\(denominator)</mfrac>", false)
        case "sqrt":
            return ("<msqrt>\(try group(alphabet: alphabet))</msqrt>", false)
        case "text", "textrm", "mbox":
            return ("<mtext>\(escapeXML(try textArgument()))</mtext>", false)
        case "left":
            return (try fenced(at: at, alphabet: alphabet), false)
        case "begin":
            return (try environment(at: at, alphabet: alphabet), false)
        default:
            throw MathError(message: "unsupported TeX command \\\(name); the README lists what weave's math supports", offset: at)
        }
    }

    /// \left( ... \right), with stretchy delimiters.
    private mutating func fenced(at: Int, alphabet: MathAlphabet?) throws(MathError) -> String {
        guard let token = current, let open = MathSymbols.delimiter(token) else {
            throw MathError(message: "\\left needs a delimiter such as ( [ \\{ | or .", offset: offsetOfCurrent)
        }
        position += 1
        let (items, stop) = try row(alphabet: alphabet)
        guard stop == .right else { throw MathError(message: "\\left without a matching \\right", offset: at) }
        position += 1
        guard let token = current, let close = MathSymbols.delimiter(token) else {
            throw MathError(message: "\\right needs a delimiter such as ) ] \\} | or .", offset: offsetOfCurrent)
        }
        position += 1
        return "<mrow>\(Self.fence(open, "prefix"))\(items.joined())\(Self.fence(close, "postfix"))</mrow>"
    }

    /// \begin{aligned}, matrices and cases, as an `mtable`.
    private mutating func environment(at: Int, alphabet: MathAlphabet?) throws(MathError) -> String {
        let name = try textArgument()
        let aligned = ["aligned", "align", "align*", "split"].contains(name)
        let gathered = ["gathered", "gather", "gather*"].contains(name)
        let delimiters: (String, String)
        if let matrix = MathSymbols.matrices[name] { delimiters = matrix }
        else if name == "cases" { delimiters = ("{", "") }
        else if aligned || gathered { delimiters = ("", "") }
        else { throw MathError(message: "unsupported environment \(name); use aligned, gathered, cases or a matrix", offset: at) }

        var rows: [[String]] = [[]]
        while true {
            let (items, stop) = try row(alphabet: alphabet)
            rows[rows.count - 1].append(items.joined())
            switch stop {
            case .alignment: position += 1
            case .newline: position += 1; rows.append([])
            case .end:
                position += 1
                let closing = try textArgument()
                guard closing == name else {
                    throw MathError(message: "\\begin{\(name)} is closed by \\end{\(closing)}", offset: at)
                }
                if rows.count > 1, rows.last == [""] { rows.removeLast() }
                return table(rows, aligned: aligned, cases: name == "cases", delimiters: delimiters)
            default:
                throw MathError(message: "\\begin{\(name)} has no \\end{\(name)}", offset: at)
            }
        }
    }

    /// Column alignment comes from the stylesheet (`mtable.aligned`, `mtable.cases`): Chromium
    /// ignores `columnalign`, and only `-webkit-right` right-aligns inside MathML table cells.
    private func table(_ rows: [[String]], aligned: Bool, cases: Bool, delimiters: (String, String)) -> String {
        let body = rows.map { cells in
            "<mtr>" + cells.enumerated().map { column, cell in
                // In aligned, the cell after each & starts with an empty <mi> so "=" gets binary spacing.
                aligned && !column.isMultiple(of: 2) ? "<mtd><mrow><mi></mi>\(cell)</mrow></mtd>" : "<mtd><mrow>\(cell)</mrow></mtd>"
            }.joined() + "</mtr>"
        }.joined()
        let kind = aligned ? " class=\"aligned\" displaystyle=\"true\"" : cases ? " class=\"cases\"" : ""
        let mtable = "<mtable\(kind)>\(body)</mtable>"
        guard !delimiters.0.isEmpty || !delimiters.1.isEmpty else { return mtable }
        return "<mrow>\(Self.fence(delimiters.0, "prefix"))\(mtable)\(Self.fence(delimiters.1, "postfix"))</mrow>"
    }

    /// A delimiter that grows with what it encloses (from \left, \right and matrices).
    static func fence(_ d: String, _ form: String) -> String {
        d.isEmpty ? "" : "<mo fence=\"true\" form=\"\(form)\" stretchy=\"true\">\(escapeXML(d))</mo>"
    }
}
