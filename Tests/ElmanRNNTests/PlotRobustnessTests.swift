import Display
import ElmanRNN
import Foundation
import Testing

/// `Plot.text` and `Table.text` draw any input, and weave renders any record, without a trap.
@Suite struct PlotRobustnessTests {
    /// Random plots from the library's seeded generator, so a failing case reproduces.
    struct Generator: RandomNumberGenerator {
        var source: SplitMix64
        init(seed: UInt64) { source = SplitMix64(seed: seed) }
        mutating func next() -> UInt64 { source.next() }

        static let extremes: [Double] = [.nan, .infinity, -.infinity, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
                                         1.7e308, -1.7e308, .leastNonzeroMagnitude, -.leastNormalMagnitude, 0, -0.0, 1, 1e-12, 1e9]

        mutating func value() -> Double {
            switch Int.random(in: 0..<4, using: &self) {
            case 0: Self.extremes.randomElement(using: &self)!
            case 1: Double(bitPattern: next())
            case 2: Double.random(in: -1e6...1e6, using: &self)
            default: Double(Int.random(in: -3...3, using: &self))
            }
        }

        mutating func values() -> [Double] { (0..<Int.random(in: 0...40, using: &self)).map { _ in value() } }

        mutating func size() -> Int { [Int.min, -1, 0, 1, 10, 64, 501, 100_000, Int.max].randomElement(using: &self)! }

        mutating func plot() -> Plot {
            let series = (0..<Int.random(in: 0...4, using: &self)).map { k in
                Plot.Series(name: "s\(k)", x: values(), y: values())
            }
            var range: ClosedRange<Double>?
            let a = value(), b = value()
            if !a.isNaN, !b.isNaN, Bool.random(using: &self) { range = min(a, b)...max(a, b) }
            return Plot(title: "t", xLabel: "x", yLabel: "y", series: series, yRange: range, width: size(), height: size())
        }
    }

    @Test func textNeverTrapsAndEveryPlotSurvivesItsRecord() throws {
        var generator = Generator(seed: 42)
        for _ in 0..<400 {
            let plot = generator.plot()
            let text = plot.text
            #expect(text.hasPrefix("t"))
            #expect(text.split(separator: "\n").allSatisfy { $0.count <= 1_000 })
            let data = try JSONEncoder().encode(plot)
            let decoded = try JSONDecoder().decode(Plot.self, from: data)
            #expect(decoded.text == text)
        }
    }

    @Test func aDecodedRecordIsHeldToTheLimitsOfABuiltPlot() throws {
        let json = #"{"format":2,"chart":"lines","yScale":"linear","canvas":"braille","title":"t","xLabel":"x","yLabel":"y","width":-9223372036854775808,"height":9223372036854775807,"series":[{"name":"s","x":[1,2,"nan"],"y":[1,"-inf",3,4]}],"yRange":[2,1]}"#
        let plot = try JSONDecoder().decode(Plot.self, from: Data(json.utf8))
        #expect(plot.width == 20)
        #expect(plot.height == 200)
        #expect(plot.yRange == nil)
        #expect(plot.text.contains("note: series \"s\" has 3 x and 4 y values; only the first 3 pairs are drawn"))
    }

    @Test func nanAndInfinitePointsAreLeftOutAndSaid() {
        let plot = Plot(title: "t", xLabel: "x", yLabel: "y", series: [.init(name: "s", y: [0, .nan, 1, .infinity])], canvas: .ascii)
        let text = plot.text
        #expect(text.contains("note: 2 points with a NaN or infinite value not drawn"))
        #expect(text.filter { $0 == "*" }.count == 2)
    }

    @Test func valuesNearTheLargestDoubleArePlacedAtTheEdges() {
        let plot = Plot(title: "t", xLabel: "x", yLabel: "y",
                        series: [.init(name: "s", x: [-1.7e308, 1.7e308], y: [-1.7e308, 1.7e308])], canvas: .ascii, width: 20, height: 5)
        let rows = plot.text.split(separator: "\n").map(String.init)
        #expect(rows[2].hasSuffix("*") && rows[2].count == 20)
        #expect(rows[6].contains("┤*") || rows[6].contains("│*"))
    }

    /// One x value is widened into a range around it (±10%), so the points stand in the middle.
    @Test func aSinglePointAndEqualXsDrawInTheMiddleColumn() {
        for series in [Plot.Series(name: "s", x: [5], y: [3]), Plot.Series(name: "s", x: [5, 5, 5], y: [1, 2, 3])] {
            let rows = Plot(title: "t", xLabel: "x", yLabel: "y", series: [series], canvas: .ascii, width: 40, height: 5)
                .text.split(separator: "\n").map(String.init)
            let axis = rows.first { $0.contains("└") } ?? ""
            let columns = axis.drop { $0 != "└" }.count - 1
            let marked = rows.compactMap { row -> Int? in
                guard let edge = row.firstIndex(where: { "┤│".contains($0) }), let star = row.firstIndex(of: "*") else { return nil }
                return row.distance(from: edge, to: star) - 1
            }
            #expect(!marked.isEmpty && marked.allSatisfy { abs(Double($0) / Double(columns) - 0.5) < 0.05 })
        }
    }

    @Test func seriesOfDifferentLengthsDrawTheirPairsAndSaySo() {
        let plot = Plot(title: "t", xLabel: "x", yLabel: "y", series: [Plot.Series(name: "s", x: [1, 2, 3], y: [1, 2])])
        #expect(plot.text.hasSuffix("note: series \"s\" has 3 x and 2 y values; only the first 2 pairs are drawn"))
    }

    @Test func widthAndHeightAreClamped() {
        let huge = Plot(title: "t", xLabel: "x", yLabel: "y", series: [.init(name: "s", y: [1, 2])], width: .max, height: .max)
        #expect(huge.width == 500 && huge.height == 200)
        let tiny = Plot(title: "t", xLabel: "x", yLabel: "y", series: [.init(name: "s", y: [1, 2])], width: .min, height: -1)
        #expect(tiny.width == 20 && tiny.height == 4)
        #expect(tiny.text.split(separator: "\n").count == 2 + 4 + 3)
    }

    @Test func aTableWithMoreCellsThanColumnsShowsEveryCell() {
        let table = Table(columns: ["a"], rows: [["1", "extra", "more"], []])
        #expect(table.columns == ["a", "", ""])
        #expect(table.text.contains("1  extra  more"))
        let decoded = try? JSONDecoder().decode(Table.self, from: Data(#"{"columns":[],"rows":[["x","y"]]}"#.utf8))
        #expect(decoded?.columns == ["", ""])
    }

    @Test func aTableWithNoColumnsOrEmptyCellsDraws() {
        #expect(Table(columns: []).text == "\n")
        #expect(Table(columns: ["", ""], rows: [["", ""]]).text == "\n\n")
    }

    @Test func wideCharactersTakeTwoColumns() {
        let table = Table(columns: ["name", "n"], rows: [["日本", "1"], ["e\u{301}", "2"], ["🙂", "3"]])
        #expect(table.text == """
            name  n
            ----  -
            日本  1
            e\u{301}     2
            🙂    3
            """)
    }
}
