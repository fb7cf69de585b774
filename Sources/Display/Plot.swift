import Foundation

/// An ASCII line plot of one or more series, like the seed's accuracy figure, that reads
/// the same in a terminal and in a monospaced block on the site.
///
/// Any data can be drawn: points with a NaN or infinite coordinate are left out, values up to
/// ±1.8e308 are placed without overflow, and a series with more x than y values (or the
/// reverse) draws its pairs; the plot says under it what it left out.
public struct Plot: Equatable, Sendable {
    public struct Series: Equatable, Sendable {
        public var name: String
        public var x: [Double]
        public var y: [Double]
        /// Points `(x[i], y[i])`; with unequal counts only the pairs are drawn, and the plot notes it.
        public init(name: String, x: [Double], y: [Double]) {
            self.name = name
            self.x = x
            self.y = y
        }
        /// y against 1, 2, 3, ... (epochs).
        public init(name: String, y: [Double]) {
            self.init(name: name, x: y.indices.map { Double($0 + 1) }, y: y)
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
    /// The y axis range; nil fits the data, and so does an infinite bound.
    public var yRange: ClosedRange<Double>?
    /// Columns of the canvas, 10 to `maximumWidth`.
    public var width: Int
    /// Rows of the canvas, 4 to `maximumHeight`.
    public var height: Int

    public static let maximumWidth = 500
    public static let maximumHeight = 200

    public init(
        title: String, xLabel: String, yLabel: String, series: [Series],
        yRange: ClosedRange<Double>? = nil, width: Int = 64, height: Int = 17
    ) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.yRange = yRange
        self.width = min(max(width, 10), Self.maximumWidth)
        self.height = min(max(height, 4), Self.maximumHeight)
    }

    /// Prints the plot (as a record under `weave`, as text elsewhere).
    public func show() { Record.emit(.plot, self, text: text) }

    public static let glyphs: [Character] = ["*", "o", "+", "x", "#", "@"]

    /// The plot drawn in characters: each column shows the mean of the points that fall in it;
    /// where two series meet in one cell, the later one is drawn.
    public var text: String {
        // Width and height may come from a decoded record, so they are clamped here too.
        let width = min(max(width, 10), Self.maximumWidth), height = min(max(height, 4), Self.maximumHeight)
        var notes: [String] = []
        let points = series.map { one in zip(one.x, one.y).filter { $0.0.isFinite && $0.1.isFinite } }
        for one in series where one.x.count != one.y.count {
            notes.append("note: series \"\(one.name)\" has \(one.x.count) x and \(one.y.count) y values;"
                + " only the first \(min(one.x.count, one.y.count)) pairs are drawn")
        }
        let dropped = zip(series, points).map { min($0.x.count, $0.y.count) - $1.count }.reduce(0, +)
        if dropped > 0 { notes.append("note: \(dropped) point\(dropped == 1 ? "" : "s") with a NaN or infinite value not drawn") }
        if let range = yRange, !range.lowerBound.isFinite || !range.upperBound.isFinite {
            notes.append("note: the y range \(range) is not finite; the data's range is used for its infinite side")
        }
        let xs = points.flatMap { $0.map(\.0) }, ys = points.flatMap { $0.map(\.1) }
        guard let xMin = xs.min(), let xMax = xs.max(), let dataMin = ys.min(), let dataMax = ys.max() else {
            return ([title, "(no data)"] + notes).joined(separator: "\n")
        }
        let yLow = yRange.map(\.lowerBound).flatMap { $0.isFinite ? $0 : nil } ?? dataMin
        let yHigh = max(yRange.map(\.upperBound).flatMap { $0.isFinite ? $0 : nil } ?? dataMax, yLow + 1e-12)
        var canvas = Array(repeating: Array(repeating: Character(" "), count: width), count: height)
        for (s, one) in points.enumerated() {
            let columns = one.map { x, _ in
                xMax > xMin ? Int((Self.ratio(x - xMin, xMax - xMin, x / 2 - xMin / 2, xMax / 2 - xMin / 2) * Double(width - 1)).rounded()) : 0
            }
            var sums = Array(repeating: 0.0, count: width), counts = Array(repeating: 0, count: width)
            for (column, (_, y)) in zip(columns, one) {
                sums[column] += y
                counts[column] += 1
            }
            for column in 0..<width where counts[column] > 0 {
                var mean = sums[column] / Double(counts[column])
                if !mean.isFinite {
                    // The sum overflowed; the sum of the shares cannot.
                    let count = Double(counts[column])
                    mean = zip(columns, one).filter { $0.0 == column }.reduce(0) { $0 + $1.1.1 / count }
                }
                let y = min(max(mean, yLow), yHigh)
                let row = Int((Self.ratio(yHigh - y, yHigh - yLow, yHigh / 2 - y / 2, yHigh / 2 - yLow / 2) * Double(height - 1)).rounded())
                canvas[row][column] = Plot.glyphs[s % Plot.glyphs.count]
            }
        }
        let labels = (0..<height).map { row -> String in
            guard row == 0 || row == height - 1 || row == (height - 1) / 2 else { return "" }
            let span = yHigh - yLow, f = Double(row) / Double(height - 1)
            return Plot.number(span.isFinite ? yHigh - span * Double(row) / Double(height - 1) : yHigh * (1 - f) + yLow * f)
        }
        let margin = labels.map(\.count).max() ?? 0
        func pad(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(n - s.count, 0)) + s }
        var lines = [title, "\(pad("", margin)) \(yLabel)"]
        for row in 0..<height { lines.append("\(pad(labels[row], margin)) |" + String(canvas[row])) }
        lines.append(pad("", margin) + " +" + String(repeating: "-", count: width))
        let left = Plot.number(xMin), right = Plot.number(xMax)
        let gap = max(width - left.count - right.count, 1)
        lines.append(pad("", margin) + "  " + left + String(repeating: " ", count: gap) + right)
        lines.append(pad("", margin) + "  " + pad(xLabel, (width + xLabel.count) / 2))
        if series.count > 1 {
            let legend = series.enumerated().map { "\(Plot.glyphs[$0.offset % Plot.glyphs.count]) \($0.element.name)" }
            lines.append(pad("", margin) + "  " + legend.joined(separator: "   "))
        }
        lines += notes
        return lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
    }

    /// `numerator / denominator` clamped to 0...1; when the differences overflow, the same
    /// ratio from the halved operands, which cannot; 0 when it is undefined (an empty range).
    static func ratio(_ numerator: Double, _ denominator: Double, _ halfNumerator: Double, _ halfDenominator: Double) -> Double {
        var t = numerator / denominator
        if !t.isFinite { t = halfNumerator / halfDenominator }
        return t.isFinite ? min(max(t, 0), 1) : 0
    }

    /// Axis labels: integers plainly, others with up to three decimals, huge values with an exponent.
    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "\(v)" }
        if v == v.rounded(), abs(v) < 1e9 { return String(Int(v)) }
        if abs(v) >= 1e9 { return String(format: "%.4g", v) }
        var s = String(format: "%.3f", v)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
