import Foundation

/// Lays out a line plot: title, y label, rows of the canvas with the y ticks on their left, the
/// x axis with its ticks and labels, the x label, the legend and the notes.
struct LineChart {
    let plot: Plot
    let series: [Plot.Series]
    let width: Int
    let height: Int

    /// Where the series are drawn, in axis coordinates; nil between two points that are not joined.
    typealias Path = [(x: Double, y: Double)?]

    static let overlapMark: Character = "#"

    /// The pens of the series, in order; they repeat after the last.
    static func pens(_ canvas: Plot.Canvas) -> [Pen] {
        let marks = "ox+*@%".map(Pen.mark)
        return switch canvas {
        case .braille: [.braille, .quadrant] + marks
        // Not braille: the site's monospaced fonts lack it (see `Plot.Canvas`).
        case .block: [.quadrant] + marks
        case .ascii: "*ox+@%".map(Pen.mark)
        }
    }

    var lines: [String] {
        var notes: [String] = []
        let paths = self.paths(notes: &notes)
        let xs = paths.flatMap { $0.compactMap { $0?.x } }, ys = paths.flatMap { $0.compactMap { $0?.y } }
        guard let xMin = xs.min(), let xMax = xs.max(), let dataLow = ys.min(), let dataHigh = ys.max() else {
            return Plot.wrap(plot.title, width: width) + ["(no data)"] + notes
        }
        let bounds = yBounds(dataLow: dataLow, dataHigh: dataHigh, notes: &notes)
        let yAxis = self.yAxis(low: bounds.low, high: bounds.high, loose: bounds.fitted)
        let labelWidth = yAxis.labels.map(Table.displayWidth).max() ?? 0
        let columns = max(width - labelWidth - 2, 8)
        let (xLow, xHigh) = Self.widened(xMin, xMax)
        let xAxis = self.xAxis(low: xLow, high: xHigh, columns: columns, labelWidth: labelWidth)

        let pens = Self.pens(plot.canvas)
        var outside = 0
        let canvases = paths.enumerated().map { index, path in
            var canvas = DotCanvas(columns: columns, rows: height, pen: pens[index % pens.count])
            var previous: (column: Int, row: Int)?
            for point in path {
                guard let point else { previous = nil; continue }
                if point.y < yAxis.low || point.y > yAxis.high { outside += 1 }
                let dot = canvas.dot(x: xAxis.fraction(point.x), y: yAxis.fraction(point.y))
                if let previous { canvas.line(from: previous, to: dot) } else { canvas.set(dot) }
                previous = dot
            }
            return canvas
        }
        if outside > 0 { notes.append("note: \(Self.points(outside)) outside the y range drawn at its edge") }

        var rows: [String] = []
        let tickRows = Dictionary(zip(yAxis.ticks.map { height - 1 - yAxis.cell($0, cells: height) }, yAxis.labels),
                                  uniquingKeysWith: { first, _ in first })
        // Which series inked each cell: -1 none, -2 two or more.
        var owners = [Int](repeating: -1, count: columns * height)
        for (index, canvas) in canvases.enumerated() {
            for cell in canvas.cells.indices where canvas.cells[cell] != 0 { owners[cell] = owners[cell] == -1 ? index : -2 }
        }
        let shared = owners.contains(-2)
        for row in 0..<height {
            // Up to the last inked cell: trailing spaces would only be trimmed again.
            let end = (row * columns..<(row + 1) * columns).last { owners[$0] != -1 }.map { $0 + 1 } ?? row * columns
            let cells = (row * columns..<end).map { cell -> Character in
                switch owners[cell] {
                case -1: " "
                case -2: Self.overlapMark
                case let index: canvases[index].pen.glyph(canvases[index].cells[cell])
                }
            }
            let label = tickRows[row] ?? ""
            rows.append(Self.padded(label, labelWidth) + (tickRows[row] == nil ? " │" : " ┤") + String(cells))
        }

        var lines = Plot.wrap(plot.title, width: width)
        if !plot.yLabel.isEmpty { lines.append(plot.yLabel) }
        lines += rows
        let tickColumns = Set(xAxis.ticks.map { xAxis.cell($0, cells: columns) })
        lines.append(String(repeating: " ", count: labelWidth + 1) + "└"
            + String((0..<columns).map { tickColumns.contains($0) ? "┬" : "─" }))
        lines.append(Self.tickLabelLine(xAxis, columns: columns, offset: labelWidth + 2, width: width))
        if !plot.xLabel.isEmpty {
            let centre = labelWidth + 2 + max(columns - Table.displayWidth(plot.xLabel), 0) / 2
            lines.append(String(repeating: " ", count: centre) + plot.xLabel)
        }
        if series.count > 1 { lines += legend(pens: pens, shared: shared) }
        return lines + notes
    }

    /// Each series' drawable points, in order, with the notes on what was left out.
    func paths(notes: inout [String]) -> [Path] {
        var nonFinite = 0, nonPositive = 0
        for one in series where one.x.count != one.y.count {
            notes.append("note: series \"\(one.name)\" has \(one.x.count) x and \(one.y.count) y values;"
                + " only the first \(min(one.x.count, one.y.count)) pairs are drawn")
        }
        let paths = series.map { one in
            zip(one.x, one.y).map { x, y -> (x: Double, y: Double)? in
                guard x.isFinite, y.isFinite else { nonFinite += 1; return nil }
                guard plot.yScale == .linear else {
                    guard y > 0 else { nonPositive += 1; return nil }
                    return (x, log10(y))
                }
                return (x, y)
            }
        }
        if nonFinite > 0 { notes.append("note: \(Self.points(nonFinite)) with a NaN or infinite value not drawn") }
        if nonPositive > 0 { notes.append("note: \(Self.points(nonPositive)) with y ≤ 0 not drawn on the log scale") }
        return paths
    }

    /// The y range in axis coordinates, and whether it was fitted to the data (and may widen to its ticks).
    func yBounds(dataLow: Double, dataHigh: Double, notes: inout [String]) -> (low: Double, high: Double, fitted: Bool) {
        let log = plot.yScale == .log
        guard let range = plot.yRange else {
            let (low, high) = Self.widened(dataLow, dataHigh, log: log)
            return (low, high, true)
        }
        if !range.lowerBound.isFinite || !range.upperBound.isFinite {
            notes.append("note: the y range \(range) is not finite; the data's range is used for its infinite side")
        }
        var given = [range.lowerBound, range.upperBound].map { $0.isFinite ? $0 : nil }
        if log {
            if given.contains(where: { ($0 ?? 1) <= 0 }) {
                notes.append("note: the y range \(range) reaches 0 or below; the log scale uses the data's range on that side")
            }
            given = given.map { $0.flatMap { $0 > 0 ? log10($0) : nil } }
        }
        var low = given[0] ?? dataLow, high = given[1] ?? dataHigh
        if high <= low {
            // Keep the bound that was given, and make room on the other side.
            if given[0] != nil, given[1] == nil {
                high = Self.widened(low, low, log: log).1
            } else if given[0] == nil, given[1] != nil {
                low = Self.widened(high, high, log: log).0
            } else {
                (low, high) = Self.widened(low, low, log: log)
            }
        }
        return (low, high, given[0] == nil && given[1] == nil)
    }

    func yAxis(low: Double, high: Double, loose: Bool) -> Axis {
        let maximum = max(2, min(6, (height + 1) / 2))
        let candidates = plot.yScale == .log
            ? AxisTicks.logarithmic(low: low, high: high, loose: loose, maximumCount: maximum)
            : AxisTicks.linear(low: low, high: high, loose: loose, maximumCount: maximum)
        return AxisTicks.choose(candidates, cells: height, evenSpacing: plot.yScale == .linear) { axis in
            let rows = axis.ticks.map { axis.cell($0, cells: height) }
            return Set(rows).count == rows.count
        }
    }

    func xAxis(low: Double, high: Double, columns: Int, labelWidth: Int) -> Axis {
        AxisTicks.choose(AxisTicks.linear(low: low, high: high, loose: true, maximumCount: 6), cells: columns) { axis in
            let placed = Self.placed(axis, columns: columns, offset: labelWidth + 2, width: width)
            return zip(placed.dropFirst(), placed).allSatisfy { next, previous in
                next.start >= previous.start + Table.displayWidth(previous.label) + 2
            }
        }
    }

    /// A range around a constant value, so it is drawn in the middle: ±10% of it (a decade each
    /// way on a log axis), or ±1 around 0.
    static func widened(_ low: Double, _ high: Double, log: Bool = false) -> (Double, Double) {
        guard low >= high else { return (low, high) }
        let delta = log ? 1 : low == 0 ? 1 : abs(low) / 10
        return (low - delta, low + delta)
    }

    /// Each tick label's first column on the line, centred under its tick and kept within the width.
    static func placed(_ axis: Axis, columns: Int, offset: Int, width: Int) -> [(start: Int, label: String)] {
        zip(axis.ticks, axis.labels).map { tick, label in
            let length = Table.displayWidth(label)
            let centre = offset + axis.cell(tick, cells: columns)
            return (max(0, min(centre - (length - 1) / 2, max(width, offset + columns) - length)), label)
        }
    }

    static func tickLabelLine(_ axis: Axis, columns: Int, offset: Int, width: Int) -> String {
        var line = ""
        for (start, label) in placed(axis, columns: columns, offset: offset, width: width) {
            line += String(repeating: " ", count: max(start - Table.displayWidth(line), line.isEmpty ? 0 : 1)) + label
        }
        return line
    }

    /// Every series' symbol and name, as many to a line as fit, then the mark of shared cells.
    func legend(pens: [Pen], shared: Bool) -> [String] {
        var entries = series.indices.map { "\(pens[$0 % pens.count].sample) \(series[$0].name)" }
        if shared { entries.append("\(Self.overlapMark) two or more") }
        var lines: [String] = [], line = ""
        for entry in entries {
            if !line.isEmpty, Table.displayWidth(line) + 3 + Table.displayWidth(entry) > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : "   ") + entry
        }
        return lines + [line]
    }

    static func points(_ count: Int) -> String { "\(count) point\(count == 1 ? "" : "s")" }

    static func padded(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(width - Table.displayWidth(text), 0)) + text
    }
}
