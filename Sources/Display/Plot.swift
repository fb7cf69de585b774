import Foundation

/// An ASCII line plot of one or more series, like the seed's accuracy figure, that reads
/// the same in a terminal and in a monospaced block on the site.
public struct Plot: Codable, Equatable, Sendable {
    public struct Series: Codable, Equatable, Sendable {
        public var name: String
        public var x: [Double]
        public var y: [Double]
        public init(name: String, x: [Double], y: [Double]) {
            precondition(x.count == y.count, "a series needs as many x as y values")
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
    /// The y axis range; nil fits the data.
    public var yRange: ClosedRange<Double>?
    public var width: Int
    public var height: Int

    public init(
        title: String, xLabel: String, yLabel: String, series: [Series],
        yRange: ClosedRange<Double>? = nil, width: Int = 64, height: Int = 17
    ) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.yRange = yRange
        self.width = max(width, 10)
        self.height = max(height, 4)
    }

    /// Prints the plot (as a record under `weave`, as text elsewhere).
    public func show() { Record.emit(.plot, self, text: text) }

    public static let glyphs: [Character] = ["*", "o", "+", "x", "#", "@"]

    /// The plot drawn in characters: each column shows the mean of the points that fall in it;
    /// where two series meet in one cell, the later one is drawn.
    public var text: String {
        let xs = series.flatMap(\.x), ys = series.flatMap(\.y)
        guard let xMin = xs.min(), let xMax = xs.max(), let dataMin = ys.min(), let dataMax = ys.max() else {
            return "\(title)\n(no data)"
        }
        let yLow = yRange?.lowerBound ?? dataMin
        let yHigh = max(yRange?.upperBound ?? dataMax, yLow + 1e-12)
        var canvas = Array(repeating: Array(repeating: Character(" "), count: width), count: height)
        for (s, one) in series.enumerated() {
            var sums = Array(repeating: 0.0, count: width), counts = Array(repeating: 0, count: width)
            for (x, y) in zip(one.x, one.y) {
                let column = xMax > xMin ? Int(((x - xMin) / (xMax - xMin) * Double(width - 1)).rounded()) : 0
                sums[column] += y
                counts[column] += 1
            }
            for column in 0..<width where counts[column] > 0 {
                let y = min(max(sums[column] / Double(counts[column]), yLow), yHigh)
                let row = Int(((yHigh - y) / (yHigh - yLow) * Double(height - 1)).rounded())
                canvas[row][column] = Plot.glyphs[s % Plot.glyphs.count]
            }
        }
        let labels = (0..<height).map { row -> String in
            guard row == 0 || row == height - 1 || row == (height - 1) / 2 else { return "" }
            return Plot.number(yHigh - (yHigh - yLow) * Double(row) / Double(height - 1))
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
        return lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
    }

    /// Axis labels: integers plainly, others with up to three decimals.
    static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e9 { return String(Int(v)) }
        var s = String(format: "%.3f", v)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }
}
