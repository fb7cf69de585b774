/// Commands: symbols, and the commands that read arguments (`\frac`, `\sqrt`, accents, `\left`).
extension TeXToMathML {
    /// `\name`, already consumed, which starts at offset `at`. The commands that read arguments
    /// each have a function of their own, so the recursion's stack frames stay small.
    mutating func command(_ name: String, at: Int, alphabet: MathAlphabet?) throws(MathError) -> Atom {
        if let symbol = Self.symbol(name, alphabet: alphabet) { return symbol }
        if let mark = MathSymbols.accents[name] { return try accent(name, mark: mark, at: at, alphabet: alphabet) }
        if let styled = MathAlphabet.command(name) { return Atom(xml: try argument(of: "\\" + name, at: at, alphabet: styled)) }
        switch name {
        case "frac", "dfrac", "tfrac": return try fraction(name, at: at, alphabet: alphabet)
        case "sqrt": return try root(at: at, alphabet: alphabet)
        case "text", "textrm", "mbox": return try textAtom(name, at: at)
        case "operatorname": return try operatorName(at: at)
        case "left": return Atom(xml: try fenced(at: at, alphabet: alphabet))
        case "begin": return Atom(xml: try environment(at: at, alphabet: alphabet))
        default: throw Self.unsupported(name, at: at)
        }
    }

    /// A command that reads no argument: a letter, symbol, operator, function name or space.
    private static func symbol(_ name: String, alphabet: MathAlphabet?) -> Atom? {
        if let letter = MathSymbols.greek[name], let character = letter.first {
            let styled = alphabet.map { $0.apply(character) } ?? character
            let upright = character.isUppercase && alphabet == nil
            return Atom(xml: "<mi\(upright ? " mathvariant=\"normal\"" : "")>\(styled)</mi>")
        }
        if let symbol = MathSymbols.identifiers[name] { return Atom(xml: "<mi>\(symbol)</mi>") }
        if let symbol = MathSymbols.operators[name] {
            // Delimiters typed without \left and \right keep their size, as in TeX.
            let fixed = MathSymbols.delimiter(.command(name)) != nil ? " stretchy=\"false\"" : ""
            return Atom(xml: "<mo\(fixed)>\(escapeXML(symbol))</mo>")
        }
        if let symbol = MathSymbols.largeOperators[name] {
            return Atom(xml: "<mo largeop=\"true\" movablelimits=\"true\">\(symbol)</mo>", limits: .underOver)
        }
        if let symbol = MathSymbols.integrals[name] { return Atom(xml: "<mo largeop=\"true\">\(symbol)</mo>") }
        if MathSymbols.functions.contains(name) {
            let limits: Atom.Limits = MathSymbols.functionsWithLimits.contains(name) ? .underOverInDisplay : .beside
            return Atom(xml: "<mi>\(name)</mi>", limits: limits, isFunction: true)
        }
        if let width = MathSymbols.spaces[name] { return Atom(xml: "<mspace width=\"\(width)\"></mspace>") }
        return nil
    }

    private static func unsupported(_ name: String, at: Int) -> MathError {
        if name == "middle" { return MathError(message: "\\middle is not supported; use \\mid or a plain delimiter", offset: at) }
        return MathError(message: "unsupported TeX command \\\(name); the README lists what weave's math supports", offset: at)
    }

    private mutating func accent(_ name: String, mark: String, at: Int, alphabet: MathAlphabet?) throws(MathError) -> Atom {
        let base = try argument(of: "\\" + name, at: at, alphabet: alphabet)
        let stretchy = name.hasPrefix("wide") || name == "overline"
        return Atom(xml: "<mover accent=\"true\">\(base)<mo stretchy=\"\(stretchy)\">\(escapeXML(mark))</mo></mover>")
    }

    private mutating func fraction(_ name: String, at: Int, alphabet: MathAlphabet?) throws(MathError) -> Atom {
        let numerator = try argument(of: "\\" + name, at: at, alphabet: alphabet)
        let denominator = try argument(of: "\\" + name, at: at, alphabet: alphabet)
        let fraction = "<mfrac>\(numerator)\(denominator)</mfrac>"
        switch name {
        case "dfrac": return Atom(xml: "<mstyle displaystyle=\"true\" scriptlevel=\"0\">\(fraction)</mstyle>")
        case "tfrac": return Atom(xml: "<mstyle displaystyle=\"false\">\(fraction)</mstyle>")
        default: return Atom(xml: fraction)
        }
    }

    private mutating func root(at: Int, alphabet: MathAlphabet?) throws(MathError) -> Atom {
        let index = try rootIndex(alphabet: alphabet)
        let radicand = try argument(of: "\\sqrt", at: at, alphabet: alphabet)
        return Atom(xml: index.map { "<mroot>\(radicand)\($0)</mroot>" } ?? "<msqrt>\(radicand)</msqrt>")
    }

    private mutating func textAtom(_ name: String, at: Int) throws(MathError) -> Atom {
        Atom(xml: "<mtext>\(escapeXML(try text(of: "\\" + name, at: at)))</mtext>")
    }

    private mutating func operatorName(at: Int) throws(MathError) -> Atom {
        let name = try text(of: "\\operatorname", at: at)
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            throw MathError(message: "\\operatorname needs a name of letters, like \\operatorname{softmax}", offset: at)
        }
        let upright = name.count == 1 ? " mathvariant=\"normal\"" : ""
        return Atom(xml: "<mi\(upright)>\(escapeXML(name))</mi>", isFunction: true)
    }

    /// `\sqrt`'s optional index, `[3]`, which like TeX's ends at the first `]` outside braces.
    private mutating func rootIndex(alphabet: MathAlphabet?) throws(MathError) -> String? {
        guard current == .character("[") else { return nil }
        let open = offsetOfCurrent
        var closing = position + 1, braces = 0
        scan: while closing < limit {
            switch tokens[closing].token {
            case .open: braces += 1
            case .close:
                braces -= 1
                if braces < 0 { break scan }
            case .character("]") where braces == 0: break scan
            default: break
            }
            closing += 1
        }
        guard closing < limit, tokens[closing].token == .character("]") else {
            throw MathError(message: "'[' after \\sqrt is never closed by ']'", offset: open)
        }
        position += 1
        let outerLimit = limit
        limit = closing
        let (items, stop) = try row(alphabet: alphabet)
        if let stop { throw MathError(message: unexpected(stop), offset: offsetOfCurrent) }
        limit = outerLimit
        position = closing + 1
        switch items.count {
        case 0: return nil
        case 1: return items[0]
        default: return "<mrow>" + items.joined() + "</mrow>"
        }
    }

    /// \left( ... \right), with stretchy delimiters.
    private mutating func fenced(at: Int, alphabet: MathAlphabet?) throws(MathError) -> String {
        guard let token = current, let open = MathSymbols.delimiter(token) else {
            throw MathError(message: "\\left needs a delimiter such as ( [ \\{ | or .", offset: current == nil ? at : offsetOfCurrent)
        }
        position += 1
        let (items, stop) = try row(alphabet: alphabet)
        guard stop == .right else {
            guard stop != nil else { throw MathError(message: "\\left without a matching \\right", offset: at) }
            throw MathError(message: "\\left needs its \\right before this '\(Self.spelling(tokens[position].token))'", offset: offsetOfCurrent)
        }
        let right = offsetOfCurrent
        position += 1
        guard let token = current, let close = MathSymbols.delimiter(token) else {
            throw MathError(message: "\\right needs a delimiter such as ) ] \\} | or .", offset: current == nil ? right : offsetOfCurrent)
        }
        position += 1
        return "<mrow>\(Self.fence(open, "prefix"))\(items.joined())\(Self.fence(close, "postfix"))</mrow>"
    }

    /// A delimiter that grows with what it encloses (from \left, \right and matrices).
    static func fence(_ d: String, _ form: String) -> String {
        d.isEmpty ? "" : "<mo fence=\"true\" form=\"\(form)\" stretchy=\"true\">\(escapeXML(d))</mo>"
    }
}
