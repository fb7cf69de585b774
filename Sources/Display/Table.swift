/// A table of text cells that a snippet shows: an HTML table on the site, aligned
/// columns in a terminal.
///
/// A row may have fewer cells than there are columns (the rest are empty) or more: the
/// table then gets as many columns as its widest row, the extra ones with empty headers.
public struct Table: Codable, Equatable, Sendable {
    public var columns: [String]
    public var rows: [[String]]
    public var caption: String?

    public init(columns: [String], rows: [[String]] = [], caption: String? = nil) {
        self.columns = Self.widened(columns, toFit: rows)
        self.rows = rows
        self.caption = caption
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(columns: try container.decode([String].self, forKey: .columns),
                  rows: try container.decode([[String]].self, forKey: .rows),
                  caption: try container.decodeIfPresent(String.self, forKey: .caption))
    }

    public mutating func append(_ row: [String]) {
        rows.append(row)
        columns = Self.widened(columns, toFit: [row])
    }

    /// Prints the table (as a record under `weave`, as text elsewhere).
    public func show() { Record.emit(.table, self, text: text) }

    /// A cell is right-aligned when it looks like a number, so digits line up.
    public static func isNumeric(_ cell: String) -> Bool {
        !cell.isEmpty && cell.allSatisfy { "0123456789+-−.,e%×".contains($0) } && cell.contains(where: \.isNumber)
    }

    /// Columns padded to their widest cell, separated by two spaces, with a rule under the
    /// header. Widths count terminal columns: wide (East Asian, emoji) characters take two.
    public var text: String {
        let columns = Self.widened(columns, toFit: rows)
        let all = [columns] + rows
        let widths = columns.indices.map { j in all.map { j < $0.count ? Self.displayWidth($0[j]) : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            columns.indices.map { j in
                let cell = j < cells.count ? cells[j] : ""
                let pad = String(repeating: " ", count: max(widths[j] - Self.displayWidth(cell), 0))
                return Table.isNumeric(cell) ? pad + cell : cell + pad
            }.joined(separator: "  ")
        }
        var lines = caption.map { [$0] } ?? []
        lines.append(line(columns))
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        lines += rows.map(line)
        return lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
    }

    /// `columns` with empty headers added until every row fits.
    static func widened(_ columns: [String], toFit rows: [[String]]) -> [String] {
        let widest = rows.map(\.count).max() ?? 0
        return columns + Array(repeating: "", count: max(widest - columns.count, 0))
    }

    /// How many terminal columns `text` takes: combining marks and other zero-width
    /// characters none, wide characters two, the rest one.
    static func displayWidth(_ text: String) -> Int {
        text.reduce(0) { total, character in
            guard let first = character.unicodeScalars.first else { return total }
            if character.unicodeScalars.allSatisfy(isZeroWidth) { return total }
            return total + (isWide(first) || character.unicodeScalars.contains { $0.properties.isEmojiPresentation } ? 2 : 1)
        }
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: true
        default: scalar.value == 0x200B
        }
    }

    /// East Asian Wide and Fullwidth ranges.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default: false
        }
    }
}
