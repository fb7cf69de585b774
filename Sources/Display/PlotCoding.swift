/// Plots travel to `weave` as JSON, which has no NaN or infinity: such values are written as
/// the strings "nan", "inf" and "-inf". A decoded plot is held to the same limits as one built
/// in Swift, so no record, however it was made, can make `text` fail.
///
/// The record carries `format`: 2 since plots gained histograms, bar charts, the log scale and
/// the canvas choice, and since `width` counts the whole plot rather than its canvas. A record
/// of another format (format 1 had no `format` key) does not decode, and weave then shows the
/// text the chapter's program drew, as it does for any record it cannot read.
extension Plot: Codable {
    public static let recordFormat = 2

    enum CodingKeys: String, CodingKey {
        case format, chart, title, xLabel, yLabel, series, histogram, bars, yRange, yScale, canvas, width, height
    }

    enum ChartKind: String, Codable { case lines, histogram, bars }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let format = try container.decodeIfPresent(Int.self, forKey: .format) ?? 1
        guard format == Self.recordFormat else {
            throw DecodingError.dataCorruptedError(forKey: .format, in: container,
                                                   debugDescription: "plot record format \(format); this Display reads format \(Self.recordFormat)")
        }
        let chart: Chart = switch try container.decode(ChartKind.self, forKey: .chart) {
        case .lines: .lines(try container.decode([Series].self, forKey: .series))
        case .histogram: .histogram(try container.decode(Histogram.self, forKey: .histogram))
        case .bars: .bars(try container.decode([Bar].self, forKey: .bars))
        }
        let range = try container.decodeIfPresent([PlotValue].self, forKey: .yRange)
        var yRange: ClosedRange<Double>?
        if let range, range.count == 2, range[0].value <= range[1].value { yRange = range[0].value...range[1].value }
        self.init(title: try container.decode(String.self, forKey: .title),
                  xLabel: try container.decode(String.self, forKey: .xLabel),
                  yLabel: try container.decode(String.self, forKey: .yLabel),
                  chart: chart,
                  yRange: yRange,
                  yScale: try container.decode(Scale.self, forKey: .yScale),
                  canvas: try container.decode(Canvas.self, forKey: .canvas),
                  width: try container.decode(Int.self, forKey: .width),
                  height: try container.decode(Int.self, forKey: .height))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.recordFormat, forKey: .format)
        switch chart {
        case .lines(let series):
            try container.encode(ChartKind.lines, forKey: .chart)
            try container.encode(series, forKey: .series)
        case .histogram(let histogram):
            try container.encode(ChartKind.histogram, forKey: .chart)
            try container.encode(histogram, forKey: .histogram)
        case .bars(let bars):
            try container.encode(ChartKind.bars, forKey: .chart)
            try container.encode(bars, forKey: .bars)
        }
        try container.encode(title, forKey: .title)
        try container.encode(xLabel, forKey: .xLabel)
        try container.encode(yLabel, forKey: .yLabel)
        try container.encodeIfPresent(yRange.map { [PlotValue($0.lowerBound), PlotValue($0.upperBound)] }, forKey: .yRange)
        try container.encode(yScale, forKey: .yScale)
        try container.encode(canvas, forKey: .canvas)
        try container.encode(width, forKey: .width)
        try container.encode(height, forKey: .height)
    }
}

extension Plot.Series: Codable {
    enum CodingKeys: String, CodingKey { case name, x, y }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try container.decode(String.self, forKey: .name),
                  x: try container.decode([PlotValue].self, forKey: .x).map(\.value),
                  y: try container.decode([PlotValue].self, forKey: .y).map(\.value))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(x.map(PlotValue.init), forKey: .x)
        try container.encode(y.map(PlotValue.init), forKey: .y)
    }
}

extension Histogram: Codable {
    enum CodingKeys: String, CodingKey { case edges, counts, includesLastEdge, notes }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(edges: try container.decode([PlotValue].self, forKey: .edges).map(\.value),
                  counts: try container.decode([Int].self, forKey: .counts),
                  includesLastEdge: try container.decode(Bool.self, forKey: .includesLastEdge),
                  notes: try container.decode([String].self, forKey: .notes))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(edges.map(PlotValue.init), forKey: .edges)
        try container.encode(counts, forKey: .counts)
        try container.encode(includesLastEdge, forKey: .includesLastEdge)
        try container.encode(notes, forKey: .notes)
    }
}

extension Bar: Codable {
    enum CodingKeys: String, CodingKey { case label, value }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode(String.self, forKey: .label), try container.decode(PlotValue.self, forKey: .value).value)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(label, forKey: .label)
        try container.encode(PlotValue(value), forKey: .value)
    }
}

/// A number in a plot record: a JSON number when finite, else "nan", "inf" or "-inf".
struct PlotValue: Codable {
    var value: Double

    init(_ value: Double) { self.value = value }

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            value = number
        } else {
            let word = try container.decode(String.self)
            switch word {
            case "nan": value = .nan
            case "inf": value = .infinity
            case "-inf": value = -.infinity
            default:
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a number: \(word)")
            }
        }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch value {
        case _ where value.isFinite: try container.encode(value)
        case _ where value.isNaN: try container.encode("nan")
        case _ where value > 0: try container.encode("inf")
        default: try container.encode("-inf")
        }
    }
}
