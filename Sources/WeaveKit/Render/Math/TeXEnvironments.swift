/// `\begin{aligned}`, `gathered`, `cases` and the matrices, as an `mtable`.
extension TeXToMathML {
    private struct Environment {
        var name: String
        var delimiters: (String, String)
        var aligned = false
        /// TeX's limit: `gathered` has one column, `cases` two, amsmath's matrices ten.
        var maximumColumns = Int.max
    }

    private static func environment(named name: String) -> Environment? {
        if let matrix = MathSymbols.matrices[name] { return Environment(name: name, delimiters: matrix, maximumColumns: 10) }
        switch name {
        case "cases": return Environment(name: name, delimiters: ("{", ""), maximumColumns: 2)
        case "aligned", "align", "align*", "split": return Environment(name: name, delimiters: ("", ""), aligned: true)
        case "gathered", "gather", "gather*": return Environment(name: name, delimiters: ("", ""), maximumColumns: 1)
        default: return nil
        }
    }

    /// `\begin{name}`, already consumed, at offset `at`, up to and including its `\end{name}`.
    mutating func environment(at: Int, alphabet: MathAlphabet?) throws(MathError) -> String {
        let name = try text(of: "\\begin", at: at)
        guard let environment = Self.environment(named: name) else {
            throw MathError(message: "unsupported environment \(name); use aligned, gathered, cases or a matrix", offset: at)
        }
        if ["aligned", "gathered"].contains(name), currentIsAttached, current == .character("[") {
            throw MathError(message: "\\begin{\(name)}[…], a vertical position, is not supported; remove it", offset: offsetOfCurrent)
        }
        environmentDepth += 1
        defer { environmentDepth -= 1 }
        var rows: [[String]] = [[]]
        while true {
            let (items, stop) = try row(alphabet: alphabet)
            rows[rows.count - 1].append(items.joined())
            switch stop {
            case .alignment:
                guard rows[rows.count - 1].count < environment.maximumColumns else {
                    throw MathError(message: "\(name) has at most \(environment.maximumColumns) column\(environment.maximumColumns == 1 ? "" : "s"); this '&' is one too many", offset: offsetOfCurrent)
                }
                position += 1
            case .newline:
                position += 1
                try skipRowSpacing()
                rows.append([])
            case .end:
                let end = offsetOfCurrent
                position += 1
                let closing = try text(of: "\\end", at: end)
                guard closing == name else {
                    throw MathError(message: "\\end{\(closing)} closes \\begin{\(name)}; make them match", offset: end)
                }
                if rows.count > 1, rows.last == [""] { rows.removeLast() }
                return table(rows, environment)
            case nil:
                throw MathError(message: "\\begin{\(name)} has no \\end{\(name)}", offset: at)
            default:
                throw MathError(message: "\\begin{\(name)} needs its \\end{\(name)} before this '\(Self.spelling(tokens[position].token))'",
                                offset: offsetOfCurrent)
            }
        }
    }

    /// `\\[4pt]` right after a line break asks for extra space under the row. Its length is checked
    /// and then ignored: the stylesheet spaces rows evenly.
    private mutating func skipRowSpacing() throws(MathError) {
        guard currentIsAttached, current == .character("[") else { return }
        let open = offsetOfCurrent
        guard let close = characters[open...].firstIndex(of: "]") else {
            throw MathError(message: "'[' after \\\\ is never closed by ']'", offset: open)
        }
        let length = String(characters[(open + 1)..<close]).filter { !$0.isWhitespace }
        guard Self.isLength(length) else {
            throw MathError(message: "\\\\[…] needs a length, like \\\\[4pt]; write \\\\ {[} for a bracket at the start of a line", offset: open)
        }
        while position < limit, tokens[position].offset <= close { position += 1 }
    }

    /// A TeX dimension: an optional sign, a decimal number and a unit.
    private static func isLength(_ text: String) -> Bool {
        let units = ["pt", "pc", "in", "bp", "cm", "mm", "dd", "cc", "sp", "em", "ex", "mu"]
        guard let unit = units.first(where: { text.hasSuffix($0) }) else { return false }
        var number = Substring(text.dropLast(unit.count))
        if number.first == "-" || number.first == "+" { number = number.dropFirst() }
        return !number.isEmpty && number != "." && number.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
            && number.filter { $0 == "." }.count <= 1
    }

    /// Column alignment comes from the stylesheet (`mtable.aligned`, `mtable.cases`): Chromium
    /// ignores `columnalign`, and only `-webkit-right` right-aligns inside MathML table cells.
    private func table(_ rows: [[String]], _ environment: Environment) -> String {
        let aligned = environment.aligned
        let body = rows.map { cells in
            "<mtr>" + cells.enumerated().map { column, cell in
                // In aligned, the cell after each & starts with an empty <mi> so "=" gets binary spacing.
                aligned && !column.isMultiple(of: 2) ? "<mtd><mrow><mi></mi>\(cell)</mrow></mtd>" : "<mtd><mrow>\(cell)</mrow></mtd>"
            }.joined() + "</mtr>"
        }.joined()
        let kind = aligned ? " class=\"aligned\" displaystyle=\"true\"" : environment.name == "cases" ? " class=\"cases\"" : ""
        let mtable = "<mtable\(kind)>\(body)</mtable>"
        let (open, close) = environment.delimiters
        guard !open.isEmpty || !close.isEmpty else { return mtable }
        return "<mrow>\(Self.fence(open, "prefix"))\(mtable)\(Self.fence(close, "postfix"))</mrow>"
    }
}
