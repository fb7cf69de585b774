/// Why a formula could not be converted; `offset` counts characters into the TeX source.
struct MathError: Error, Equatable {
    var message: String
    var offset: Int
}

/// Converts the course's TeX subset to MathML Core, which browsers render natively.
///
/// Unknown commands and environments are errors, never passed through: a formula either
/// renders as TeX would typeset it or the build says where it is wrong. Arguments follow TeX's
/// rule: a command or script takes one token or one braced group, so `x^12` is `x^{1}2`.
struct TeXToMathML {
    /// Groups, arguments, `\left` and environments may nest this deep. The parser recurses once
    /// per level, so the limit is what keeps hostile input from overflowing the stack.
    static let maximumDepth = 64

    let tokens: [LocatedToken]
    let characters: [Character]
    let display: Bool
    var position = 0
    /// Tokens from here on are out of reach: set while parsing `\sqrt[…]`'s index.
    var limit: Int
    var depth = 0
    var environmentDepth = 0

    /// `<math>` for `tex`, displayed as a block when `display` is set.
    static func convert(_ tex: String, display: Bool) throws(MathError) -> String {
        var parser = try TeXToMathML(tex, display: display)
        let (items, stop) = try parser.row(alphabet: nil)
        if let stop { throw MathError(message: parser.unexpected(stop), offset: parser.offsetOfCurrent) }
        let body = "<mrow>" + items.joined() + "</mrow>"
        let annotation = "<annotation encoding=\"application/x-tex\">\(escapeXML(tex))</annotation>"
        return "<math\(display ? " display=\"block\"" : "")><semantics>\(body)\(annotation)</semantics></math>"
    }

    private init(_ tex: String, display: Bool) throws(MathError) {
        tokens = try TeXToken.tokenize(tex)
        characters = Array(tex)
        limit = tokens.count
        self.display = display
    }

    var current: TeXToken? { position < limit ? tokens[position].token : nil }
    var offsetOfCurrent: Int { position < tokens.count ? tokens[position].offset : characters.count }

    /// Whether the current token follows the previous one with no space between them.
    var currentIsAttached: Bool {
        position > 0 && position < limit && tokens[position].offset == tokens[position - 1].end
    }

    /// What ended a row: a closing brace, `&`, `\\`, `\end` or `\right`.
    enum Stop: Equatable { case close, alignment, newline, end, right }

    func unexpected(_ stop: Stop) -> String {
        switch stop {
        case .close: "unbalanced '}': there is no '{' to close"
        case .alignment where environmentDepth > 0:
            "'&' inside braces or \\left … \\right; close them before the next cell"
        case .alignment: "'&' outside \\begin{aligned} or a matrix; write \\& for an ampersand"
        case .newline where environmentDepth > 0:
            "'\\\\' inside braces or \\left … \\right; close them before the next line"
        case .newline: "'\\\\' outside \\begin{aligned} or a matrix; put the lines in \\begin{aligned} ... \\end{aligned}"
        case .end: "\\end without a matching \\begin"
        case .right: "\\right without a matching \\left"
        }
    }

    /// Items up to a stop token (not consumed) or the end of input (stop = nil).
    mutating func row(alphabet: MathAlphabet?) throws(MathError) -> ([String], Stop?) {
        var items: [String] = []
        while let token = current {
            switch token {
            case .close: return (items, .close)
            case .alignment: return (items, .alignment)
            case .command("\\"): return (items, .newline)
            case .command("end"): return (items, .end)
            case .command("right"): return (items, .right)
            case .superscript, .subscript, .character("'"):
                // A script with nothing before it attaches to an empty base, as in TeX.
                items.append(try scripts(on: Atom(xml: "<mrow></mrow>"), alphabet: alphabet))
            default: items += try scripted(alphabet: alphabet)
            }
        }
        return (items, nil)
    }

    /// An atom with any subscript and superscript, as MathML elements: one, or two for a
    /// function name, which is followed by an invisible function application (U+2061).
    private mutating func scripted(alphabet: MathAlphabet?) throws(MathError) -> [String] {
        let base = try atom(alphabet: alphabet, inRow: true)
        let xml = try scripts(on: base, alphabet: alphabet)
        return base.isFunction ? [xml, "<mo>\u{2061}</mo>"] : [xml]
    }

    /// The scripts after a base: `^`, `_` and primes. TeX sets `f'` as `f^{\prime}`, but U+2032
    /// is already drawn raised, and browsers raise it again inside `<msup>`; so primes stay on the
    /// base, `f'` as `f′` and `x'^2` as `(x′)²`, which looks as TeX's does.
    private mutating func scripts(on base: Atom, alphabet: MathAlphabet?) throws(MathError) -> String {
        var sub: String?, sup: String?, primes = 0
        while let token = current, token == .subscript || token == .superscript || token == .character("'") {
            let at = offsetOfCurrent
            if token == .subscript {
                guard sub == nil else { throw Self.doubleScript("subscript", "x_{a_b}", at: at) }
                position += 1
                sub = try argument(of: "_", at: at, alphabet: alphabet)
                continue
            }
            // In TeX a prime is a superscript, so x^2' is a double superscript, and so is x'_1'.
            guard sup == nil, token == .superscript || primes == 0 else {
                throw Self.doubleScript("superscript", "x^{a^b}", at: at)
            }
            if token == .superscript {
                position += 1
                sup = try argument(of: "^", at: at, alphabet: alphabet)
            } else {
                while current == .character("'") { primes += 1; position += 1 }
            }
        }
        return attach(Self.primed(base, primes), sub: sub, sup: sup)
    }

    /// The base with its primes: ′, ″ and ‴ are single characters, as TeX's fonts draw them.
    private static func primed(_ base: Atom, _ primes: Int) -> Atom {
        guard primes > 0 else { return base }
        let marks = ["′", "″", "‴"]
        let glyphs = primes <= marks.count ? marks[primes - 1] : String(repeating: "′", count: primes)
        return Atom(xml: "<mrow>\(base.xml)<mo>\(glyphs)</mo></mrow>", limits: base.limits, isFunction: base.isFunction)
    }

    private static func doubleScript(_ kind: String, _ example: String, at: Int) -> MathError {
        MathError(message: "double \(kind); use braces, like \(example)", offset: at)
    }

    private func attach(_ base: Atom, sub: String?, sup: String?) -> String {
        let underOver = base.limits == .underOver || (base.limits == .underOverInDisplay && display)
        switch (sub, sup) {
        case (nil, nil): return base.xml
        case (let s?, nil): return underOver ? "<munder>\(base.xml)\(s)</munder>" : "<msub>\(base.xml)\(s)</msub>"
        case (nil, let p?): return underOver ? "<mover>\(base.xml)\(p)</mover>" : "<msup>\(base.xml)\(p)</msup>"
        case (let s?, let p?):
            return underOver ? "<munderover>\(base.xml)\(s)\(p)</munderover>" : "<msubsup>\(base.xml)\(s)\(p)</msubsup>"
        }
    }

    /// A braced group, as one element.
    mutating func group(alphabet: MathAlphabet?) throws(MathError) -> String {
        let at = offsetOfCurrent
        position += 1
        let (items, stop) = try row(alphabet: alphabet)
        guard stop == .close else {
            throw MathError(message: stop.map(unexpected) ?? "'{' is never closed", offset: stop == nil ? at : offsetOfCurrent)
        }
        position += 1
        return items.count == 1 ? items[0] : "<mrow>" + items.joined() + "</mrow>"
    }

    /// The argument of a command or script, by TeX's rule: one token or one braced group.
    /// `owner` names the command (`\frac`, `^`) for the errors, at its offset `at`.
    mutating func argument(of owner: String, at: Int, alphabet: MathAlphabet?) throws(MathError) -> String {
        switch current {
        case .character(let c)?:
            position += 1
            return try character(c, alphabet: alphabet, inRow: false)
        case .open?, .command?:
            if let error = notAnArgument(of: owner, at: at) { throw error }
            return try atom(alphabet: alphabet, inRow: false).xml
        default:
            throw notAnArgument(of: owner, at: at) ?? MathError(message: "\(owner) needs an argument", offset: at)
        }
    }

    /// Why the current token cannot be `owner`'s argument, if it cannot. Kept apart from the
    /// recursion so that its strings do not widen every level's stack frame.
    private func notAnArgument(of owner: String, at: Int) -> MathError? {
        guard let token = current else {
            return MathError(message: "\(owner) needs an argument, but the formula ends", offset: at)
        }
        switch token {
        case .command(let name) where MathSymbols.takesArguments(name):
            return MathError(message: "\\\(name) as the argument of \(owner) needs braces: \(owner){\\\(name)…}", offset: offsetOfCurrent)
        case .command(let name) where ["\\", "end", "right"].contains(name):
            return MathError(message: "\(owner) needs an argument before \\\(name)", offset: offsetOfCurrent)
        case .close, .alignment, .superscript, .subscript:
            return MathError(message: "\(owner) needs an argument before '\(Self.spelling(token))'", offset: offsetOfCurrent)
        case .open, .command, .character:
            return nil
        }
    }

    /// One nesting level deeper, or an error if that is past `maximumDepth`; the caller undoes it.
    private mutating func enterLevel(at offset: Int) throws(MathError) {
        guard depth < Self.maximumDepth else {
            throw MathError(message: "nesting deeper than \(Self.maximumDepth) levels; simplify the formula", offset: offset)
        }
        depth += 1
    }

    /// Every recursion passes through here, so this is where the depth is counted.
    private mutating func atom(alphabet: MathAlphabet?, inRow: Bool) throws(MathError) -> Atom {
        let at = offsetOfCurrent
        guard let token = current else { throw MathError(message: "the formula ends too early", offset: at) }
        try enterLevel(at: at)
        defer { depth -= 1 }
        switch token {
        case .open: return Atom(xml: try group(alphabet: alphabet))
        case .character(let c):
            position += 1
            return Atom(xml: try character(c, alphabet: alphabet, inRow: inRow))
        case .command(let name):
            position += 1
            return try command(name, at: at, alphabet: alphabet)
        case .close, .alignment, .superscript, .subscript:
            throw unexpectedToken(token, at: at)
        }
    }

    private func unexpectedToken(_ token: TeXToken, at: Int) -> MathError {
        MathError(message: "unexpected '\(Self.spelling(token))'", offset: at)
    }

    static func spelling(_ token: TeXToken) -> String {
        switch token {
        case .close: "}"
        case .open: "{"
        case .alignment: "&"
        case .superscript: "^"
        case .subscript: "_"
        case .character(let c): String(c)
        case .command(let name): "\\" + name
        }
    }

    /// A character as an element. In a row, digits written together (`3.14`) are one number;
    /// as an argument, a digit is one token (`x^12` is `x^{1}2`).
    private mutating func character(_ c: Character, alphabet: MathAlphabet?, inRow: Bool) throws(MathError) -> String {
        if c.isLetter {
            let styled = alphabet.map { $0.apply(c) } ?? c
            return alphabet == .upright ? "<mi mathvariant=\"normal\">\(escapeXML(String(styled)))</mi>" : "<mi>\(escapeXML(String(styled)))</mi>"
        }
        if c.isNumber {
            var number = String(alphabet.map { $0.apply(c) } ?? c)
            while inRow, c.isASCII, currentIsAttached, case .character(let next)? = current, next.isASCII, next.isNumber || next == "." {
                number.append(alphabet.map { $0.apply(next) } ?? next)
                position += 1
            }
            return "<mn>\(number)</mn>"
        }
        switch c {
        case "#":
            throw MathError(message: "'#' is TeX's parameter character; write \\# for a number sign", offset: offsetOfPrevious)
        case "$":
            throw MathError(message: "'$' inside a formula; write \\$ for a dollar sign", offset: offsetOfPrevious)
        case "-": return "<mo>−</mo>"
        case "*": return "<mo>∗</mo>"
        case "'": return "<mo>′</mo>"
        case "~": return "<mspace width=\"0.25em\"></mspace>"
        case "(", ")", "[", "]", "|", "/": return "<mo stretchy=\"false\">\(escapeXML(String(c)))</mo>"
        default: return "<mo>\(escapeXML(String(c)))</mo>"
        }
    }

    var offsetOfPrevious: Int { position > 0 ? tokens[position - 1].offset : 0 }
}

/// A converted atom and how scripts attach to it.
struct Atom {
    enum Limits { case beside, underOver, underOverInDisplay }
    var xml: String
    var limits = Limits.beside
    /// A function name, which is followed by an invisible function application.
    var isFunction = false
}
