@testable import Display
import Foundation
import Testing

/// Histograms (bins, counts, notes), bar charts, and the plot record that carries them.
@Suite struct HistogramTests {
    @Test func wholeNumbersGetWholeBinsThatEndAboveTheLargest() {
        let plot = Plot.histogram(title: "h", xLabel: "v", values: [1, 2, 2, 3, 3, 3, 4, 4, 4, 4], width: 30)
        #expect(plot.text == """
            h
            v       count
            [1, 2) ┤█████ 1
            [2, 3) ┤██████████ 2
            [3, 4) ┤███████████████ 3
            [4, 5) ┤████████████████████ 4
            """)
    }

    @Test func givenEdgesIncludeTheLastAndNoteWhatWasNotCounted() {
        let plot = Plot.histogram(title: "h", xLabel: "v", values: [0.5, 1, 7, .nan, 12, 10], bins: .edges([0, 5, 10]), width: 30)
        #expect(plot.text == """
            h
            v        count
            [0,  5) ┤███████████████████ 2
            [5, 10] ┤███████████████████ 2
            note: 1 value NaN or infinite, not counted
            note: 1 value outside [0, 10], not counted
            """)
    }

    struct Binning: Sendable, CustomTestStringConvertible {
        var values: [Double]
        var bins: Histogram.Bins
        var edges: [Double]
        var counts: [Int]
        var testDescription: String { "\(values.count) values, \(bins)" }
    }

    @Test(arguments: [
        // Sturges: 1 + ⌈log₂ 1000⌉ = 11 bins; a step of 500 gives 10, the nearest.
        Binning(values: (0..<1000).map { 2000 + Double($0 * 5) }, bins: .automatic,
                edges: stride(from: 2000.0, through: 7000, by: 500).map { $0 }, counts: Array(repeating: 100, count: 10)),
        Binning(values: [0.1, 0.2, 0.35, 0.9], bins: .count(4), edges: [0, 0.25, 0.5, 0.75, 1], counts: [2, 1, 0, 1]),
        Binning(values: [5, 5, 5], bins: .automatic, edges: [5], counts: [3]),
        Binning(values: [], bins: .automatic, edges: [], counts: []),
        Binning(values: [.nan, .infinity], bins: .automatic, edges: [], counts: []),
        Binning(values: [1, 2, 3], bins: .edges([3, .nan, 0, 3]), edges: [0, 3], counts: [3]),
        Binning(values: [1, 2, 3], bins: .edges([1]), edges: [1, 2, 3, 4], counts: [1, 1, 1]),
    ])
    func binning(_ example: Binning) {
        let histogram = Histogram(values: example.values, bins: example.bins)
        #expect(histogram.edges == example.edges)
        #expect(histogram.counts == example.counts)
    }

    @Test func valuesNearTheLargestDoubleAreCounted() {
        let histogram = Histogram(values: [-1.7e308, 0, 1.7e308])
        #expect(histogram.counts.reduce(0, +) == 3)
        #expect(histogram.edges.allSatisfy { $0.isFinite })
        #expect(!Plot.histogram(title: "h", xLabel: "v", values: [-1.7e308, 1.7e308]).text.isEmpty)
    }

    @Test func noDataSaysSo() {
        #expect(Plot.histogram(title: "h", xLabel: "v", values: [.nan]).text == "h\n(no data)\nnote: 1 value NaN or infinite, not counted")
        #expect(Plot.bars(title: "b", []).text == "b\n(no data)")
    }

    /// A bar is as long as its share of the largest value, in eighths; one that is not 0 gets at
    /// least an eighth; a negative one draws its magnitude in ░; NaN draws none and is noted.
    @Test func barsWithTheirValues() {
        let plot = Plot.bars(title: "b", xLabel: "run", yLabel: "epochs",
                             [Bar("a", 100), Bar("bb", 50), Bar("c", 0), Bar("d", 0.3), Bar("e", -25), Bar("f", .nan)], width: 30)
        #expect(plot.text == """
            b
            run  epochs
            a   ┤███████████████████ 100.0
            bb  ┤█████████▌ 50.0
            c   ┤ 0.0
            d   ┤▏ 0.3
            e   ┤░░░░░ -25.0
            f   ┤ nan
            note: 1 bar with a NaN or infinite value not drawn
            """)
    }

    @Test func longLabelsAreCutToHalfTheWidth() {
        let text = Plot.bars(title: "b", [Bar(String(repeating: "x", count: 40), 1)], width: 30).text
        #expect(text.contains(String(repeating: "x", count: 14) + "… ┤"))
    }

    /// Every kind of plot survives its record, and the record says its format.
    @Test func everyChartSurvivesItsRecord() throws {
        let plots = [
            Plot(title: "l", xLabel: "x", yLabel: "y", series: [.init(name: "s", y: [1, .nan, 3])], yRange: 0...10,
                 yScale: .log, canvas: .block, width: 40, height: 6),
            Plot.histogram(title: "h", xLabel: "v", values: [1, 2, 2, .infinity], bins: .edges([0, 1, 2])),
            Plot.bars(title: "b", [Bar("a", 1), Bar("b", .nan)]),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for plot in plots {
            let json = try encoder.encode(plot)
            #expect(String(decoding: json, as: UTF8.self).contains(#""format":2"#))
            let decoded = try JSONDecoder().decode(Plot.self, from: json)
            // Compared through JSON: a NaN in the data is not equal to itself.
            #expect(try encoder.encode(decoded) == json)
            #expect(decoded.text == plot.text)
        }
    }

    /// A record of format 1 (which had no `format` key) or of a later format does not decode,
    /// so weave shows the text the program drew.
    @Test(arguments: [
        #"{"title":"t","xLabel":"x","yLabel":"y","width":64,"height":17,"series":[]}"#,
        #"{"format":3,"chart":"lines","title":"t","xLabel":"x","yLabel":"y","width":64,"height":17,"series":[],"yScale":"linear","canvas":"braille"}"#,
    ])
    func otherFormatsDoNotDecode(json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Plot.self, from: Data(json.utf8)) }
    }

    /// Random values, extremes among them, in any binning and at any width: no trap, every
    /// finite value counted or said to be outside, and every plot survives its record.
    @Test func anyValuesDrawWithoutATrap() throws {
        var generator = PlotRobustnessTests.Generator(seed: 7)
        for _ in 0..<300 {
            let values = generator.values()
            let choices: [Histogram.Bins] = [.automatic, .count(generator.size()), .edges(generator.values())]
            let bins = choices[Int.random(in: 0..<3, using: &generator)]
            let histogram = Histogram(values: values, bins: bins)
            let finite = values.filter { $0.isFinite }
            let outside = finite.filter { value in Histogram.bin(of: value, edges: histogram.edges, includingLast: histogram.includesLastEdge) == nil }
            #expect(histogram.counts.reduce(0, +) + outside.count == finite.count)
            #expect(outside.isEmpty || histogram.notes.contains { $0.contains("outside") })
            let plots = [Plot.histogram(title: "h", xLabel: "v", values: values, bins: bins, width: generator.size()),
                         Plot.bars(title: "b", values.enumerated().map { Bar("bar \($0.offset)", $0.element) }, width: generator.size())]
            for plot in plots {
                #expect(plot.text.hasPrefix(plot.title))
                let decoded = try JSONDecoder().decode(Plot.self, from: try JSONEncoder().encode(plot))
                #expect(decoded.text == plot.text)
            }
        }
    }

    /// A forged histogram record (counts and edges that disagree) draws without a trap.
    @Test func aForgedHistogramRecordDraws() throws {
        let json = #"{"format":2,"chart":"histogram","title":"t","xLabel":"x","yLabel":"y","width":30,"height":4,"yScale":"linear","canvas":"ascii","histogram":{"edges":[0,"nan"],"counts":[-5,9223372036854775807,3],"includesLastEdge":true,"notes":[]}}"#
        let plot = try JSONDecoder().decode(Plot.self, from: Data(json.utf8))
        #expect(plot.text.hasPrefix("t\nx"))
    }
}
