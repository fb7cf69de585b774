import Foundation

/// A figure drawn in characters: a line plot of one or more series, a histogram or a bar chart.
/// It reads the same in a terminal and in a monospaced block on the site, and the same input
/// always draws the same text.
///
/// **Line plots** draw each series as connected lines on a canvas of character cells: the first
/// series in quadrant blocks (2 × 2 dots a cell), later ones in a mark a cell (`o x + * @ %`),
/// so that every series keeps its own look; a cell that two or more series pass through shows
/// `#`, and the legend names every symbol. `canvas: .braille` draws the first series in braille
/// dots (2 × 4 a cell) and the second in blocks, for terminals; `.ascii` uses marks only. The
/// axes lie outside the data area, so a series at the bottom of the range (0, say) stays
/// visible above the x axis. Each axis has ticks at round numbers (steps of 1, 2, 2.5 or
/// 5 × 10ⁿ; four to six when the plot is tall and wide enough), labelled as `NumberLabels`
/// describes. `yScale: .log` puts the ticks at powers of ten.
///
/// Any data can be drawn. Points are joined in the order given; a point with a NaN or infinite
/// coordinate, or (on a log axis) a y at or below 0, is left out and breaks the line there. A
/// point outside a given `yRange` is drawn at its edge. Values up to ±1.8e308 are placed
/// without overflow; a constant series is centred in a range around its value; a series with
/// more x than y values (or the reverse) draws its pairs. The plot says under it, in a `note:`
/// line, what it left out or moved.
///
/// `width` is the whole width in columns, labels included (20 to `maximumWidth`). The default,
/// 64, fits the site's text column on a desktop (about 76 columns); a phone in portrait shows
/// about 37, and a plot scrolls sideways inside its own box there.
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

    /// How the y axis maps values to rows.
    public enum Scale: String, Codable, Sendable { case linear, log }

    /// The characters a line plot draws its first series with (see the type's description).
    /// Blocks are the default because monospaced fonts often have no braille (DejaVu Sans Mono,
    /// one the site names, has none): a browser then takes it from a proportional font, about a
    /// fifth wider, and the columns no longer line up. Terminals draw braille in their cells.
    public enum Canvas: String, Codable, Sendable { case braille, block, ascii }

    /// What a plot draws.
    public enum Chart: Equatable, Sendable {
        case lines([Series])
        case histogram(Histogram)
        case bars([Bar])
    }

    public var title: String
    /// Under the x axis of a line plot; over the labels of a histogram's bins or a bar chart's bars.
    public var xLabel: String
    /// Over the y axis of a line plot; over the values of a histogram or a bar chart.
    public var yLabel: String
    public var chart: Chart
    /// The y axis range of a line plot; nil fits the data, and so does an infinite bound (or,
    /// on a log axis, a bound at or below 0).
    public var yRange: ClosedRange<Double>?
    public var yScale: Scale
    public var canvas: Canvas
    /// Columns of the whole plot, labels included, `minimumWidth` to `maximumWidth`.
    public var width: Int
    /// Rows of a line plot's canvas, 4 to `maximumHeight`.
    public var height: Int

    public static let defaultWidth = 64
    public static let minimumWidth = 20
    public static let maximumWidth = 500
    public static let maximumHeight = 200

    /// A line plot.
    public init(
        title: String, xLabel: String, yLabel: String, series: [Series],
        yRange: ClosedRange<Double>? = nil, yScale: Scale = .linear, canvas: Canvas = .block,
        width: Int = Plot.defaultWidth, height: Int = 17
    ) {
        self.init(title: title, xLabel: xLabel, yLabel: yLabel, chart: .lines(series), yRange: yRange,
                  yScale: yScale, canvas: canvas, width: width, height: height)
    }

    init(title: String, xLabel: String, yLabel: String, chart: Chart, yRange: ClosedRange<Double>? = nil,
         yScale: Scale = .linear, canvas: Canvas = .block, width: Int = Plot.defaultWidth, height: Int = 17) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.chart = chart
        self.yRange = yRange
        self.yScale = yScale
        self.canvas = canvas
        self.width = Self.clampedWidth(width)
        self.height = Self.clampedHeight(height)
    }

    /// A histogram of `values`: one bar per bin with its count, the bins' edges as
    /// `Histogram(values:bins:)` chooses them.
    public static func histogram(title: String, xLabel: String, values: [Double], bins: Histogram.Bins = .automatic,
                                 width: Int = Plot.defaultWidth) -> Plot {
        Plot(title: title, xLabel: xLabel, yLabel: "count", chart: .histogram(Histogram(values: values, bins: bins)), width: width)
    }

    /// A bar chart: one horizontal bar per category, its value printed after it.
    public static func bars(title: String, xLabel: String = "", yLabel: String = "", _ bars: [Bar],
                            width: Int = Plot.defaultWidth) -> Plot {
        Plot(title: title, xLabel: xLabel, yLabel: yLabel, chart: .bars(bars), width: width)
    }

    /// The series of a line plot; empty for a histogram or a bar chart. Setting it makes a line plot.
    public var series: [Series] {
        get { if case .lines(let series) = chart { series } else { [] } }
        set { chart = .lines(newValue) }
    }

    /// Prints the plot (as a record under `weave`, as text elsewhere).
    public func show() { Record.emit(.plot, self, text: text) }

    /// The plot drawn in characters, lines without trailing spaces.
    public var text: String {
        // Width and height may come from a decoded record, so they are clamped here too.
        let width = Self.clampedWidth(width), height = Self.clampedHeight(height)
        let lines: [String]
        switch chart {
        case .lines(let series):
            lines = LineChart(plot: self, series: series, width: width, height: height).lines
        case .histogram(let histogram):
            lines = BarChart(title: title, labelHeader: xLabel, valueHeader: yLabel, bars: histogram.bars,
                             notes: histogram.notes, width: width).lines
        case .bars(let bars):
            lines = BarChart(title: title, labelHeader: xLabel, valueHeader: yLabel, bars: bars, notes: [], width: width).lines
        }
        return lines.map { line in
            var line = line
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    static func clampedWidth(_ width: Int) -> Int { min(max(width, minimumWidth), maximumWidth) }
    static func clampedHeight(_ height: Int) -> Int { min(max(height, 4), maximumHeight) }

    /// `text` broken at spaces into lines of at most `width` columns (a longer word keeps its own line).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            if line.isEmpty || Table.displayWidth(line) + 1 + Table.displayWidth(word) > width {
                if !line.isEmpty { lines.append(line) }
                line = word
            } else {
                line += " " + word
            }
        }
        return lines + [line]
    }
}
