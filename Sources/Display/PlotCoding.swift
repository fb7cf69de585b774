/// Plots travel to `weave` as JSON, which has no NaN or infinity: such values are written as
/// the strings "nan", "inf" and "-inf". A decoded plot is held to the same limits as one built
/// in Swift, so no record, however it was made, can make `text` fail.
extension Plot: Codable {
    enum CodingKeys: String, CodingKey { case title, xLabel, yLabel, series, yRange, width, height }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let range = try container.decodeIfPresent([PlotValue].self, forKey: .yRange)
        var yRange: ClosedRange<Double>?
        if let range, range.count == 2, range[0].value <= range[1].value { yRange = range[0].value...range[1].value }
        self.init(title: try container.decode(String.self, forKey: .title),
                  xLabel: try container.decode(String.self, forKey: .xLabel),
                  yLabel: try container.decode(String.self, forKey: .yLabel),
                  series: try container.decode([Series].self, forKey: .series),
                  yRange: yRange,
                  width: try container.decode(Int.self, forKey: .width),
                  height: try container.decode(Int.self, forKey: .height))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(title, forKey: .title)
        try container.encode(xLabel, forKey: .xLabel)
        try container.encode(yLabel, forKey: .yLabel)
        try container.encode(series, forKey: .series)
        try container.encodeIfPresent(yRange.map { [PlotValue($0.lowerBound), PlotValue($0.upperBound)] }, forKey: .yRange)
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
