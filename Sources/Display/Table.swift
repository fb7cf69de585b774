/// A table of text cells that a snippet shows: an HTML table on the site, aligned
/// columns in a terminal.
public struct Table: Codable, Equatable, Sendable {
    public var columns: [String]
    public var rows: [[String]]
    public var caption: String?

    public init(columns: [String], rows: [[String]] = [], caption: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.caption = caption
    }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// Prints the table (as a record under `weave`, as text elsewhere).
    public func show() { Record.emit(.table, self, text: text) }

    /// A cell is right-aligned when it looks like a number, so digits line up.
    public static func isNumeric(_ cell: String) -> Bool {
        !cell.isEmpty && cell.allSatisfy { "0123456789+-−.,e%×".contains($0) } && cell.contains(where: \.isNumber)
    }

    /// Columns padded to their widest cell, separated by two spaces, with a rule under the header.
    public var text: String {
        let all = [columns] + rows
        let widths = columns.indices.map { j in all.map { j < $0.count ? $0[j].count : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            columns.indices.map { j in
                let cell = j < cells.count ? cells[j] : ""
                let pad = String(repeating: " ", count: widths[j] - cell.count)
                return Table.isNumeric(cell) ? pad + cell : cell + pad
            }.joined(separator: "  ")
        }
        var lines = caption.map { [$0] } ?? []
        lines.append(line(columns))
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        lines += rows.map(line)
        return lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
    }
}
