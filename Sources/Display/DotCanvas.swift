/// The characters one series is drawn with, and how many dots each character cell holds.
enum Pen: Equatable {
    /// Braille patterns U+2800–U+28FF: 2 × 4 dots a cell.
    case braille
    /// Quadrant blocks (▘▝▖▗▀▄▌▐▚▞▙▛▜▟█): 2 × 2 dots a cell.
    case quadrant
    /// One character a cell.
    case mark(Character)

    var dotsAcross: Int { if case .mark = self { 1 } else { 2 } }
    var dotsDown: Int {
        switch self {
        case .braille: 4
        case .quadrant: 2
        case .mark: 1
        }
    }

    /// The character of a cell whose dots are `bits` (bit `row * dotsAcross + column`, rows from the top).
    func glyph(_ bits: UInt8) -> Character {
        switch self {
        case .braille: Self.brailleGlyphs[Int(bits)]
        case .quadrant: Self.quadrantGlyphs[Int(bits & 0x0F)]
        case .mark(let character): character
        }
    }

    static let quadrantGlyphs = Array(" ▘▝▀▖▌▞▛▗▚▐▜▄▙▟█")

    static let brailleGlyphs: [Character] = (0...255).map { bits in
        // Braille numbers its dots down the left column (1, 2, 3, then 7) and then the right (4, 5, 6, 8).
        let weights: [UInt32] = [0x01, 0x08, 0x02, 0x10, 0x04, 0x20, 0x40, 0x80]
        let code = (0..<8).reduce(UInt32(0x2800)) { bits & (1 << $1) != 0 ? $0 + weights[$1] : $0 }
        return Character(Unicode.Scalar(code) ?? " ")
    }

    /// The character the legend shows for this pen.
    var sample: Character {
        switch self {
        case .braille: "⣿"
        case .quadrant: "█"
        case .mark(let character): character
        }
    }
}

/// One series' dots on a grid of character cells, at its pen's resolution.
struct DotCanvas {
    let columns: Int
    let rows: Int
    let pen: Pen
    /// Dots across and down a cell: the pen's, kept at hand for the line's inner loop.
    let across: Int, down: Int
    /// Each cell's dots, row by row from the top, as `Pen.glyph` reads them.
    private(set) var cells: [UInt8]

    init(columns: Int, rows: Int, pen: Pen) {
        self.columns = columns
        self.rows = rows
        self.pen = pen
        across = pen.dotsAcross
        down = pen.dotsDown
        cells = Array(repeating: 0, count: columns * rows)
    }

    var dotColumns: Int { columns * across }
    var dotRows: Int { rows * down }

    /// The dot at fractions `x` (0 left, 1 right) and `y` (0 bottom, 1 top) of the canvas. Each
    /// cell spans an equal share, so every pen puts a point in the same character cell.
    func dot(x: Double, y: Double) -> (column: Int, row: Int) {
        let column = min(Int(x * Double(dotColumns)), dotColumns - 1)
        let fromBottom = min(Int(y * Double(dotRows)), dotRows - 1)
        return (column, dotRows - 1 - fromBottom)
    }

    mutating func set(_ dot: (column: Int, row: Int)) {
        guard dot.column >= 0, dot.column < columns * across, dot.row >= 0, dot.row < rows * down else { return }
        let cell = (dot.row / down) * columns + dot.column / across
        let bit = (dot.row % down) * across + dot.column % across
        cells[cell] |= 1 << bit
    }

    /// A straight run of dots from `a` to `b`, both included (Bresenham).
    mutating func line(from a: (column: Int, row: Int), to b: (column: Int, row: Int)) {
        let dx = abs(b.column - a.column), dy = -abs(b.row - a.row)
        let stepX = a.column < b.column ? 1 : -1, stepY = a.row < b.row ? 1 : -1
        var error = dx + dy, column = a.column, row = a.row
        while true {
            set((column, row))
            if column == b.column && row == b.row { return }
            let doubled = 2 * error
            if doubled >= dy { error += dy; column += stepX }
            if doubled <= dx { error += dx; row += stepY }
        }
    }
}
