@testable import Display
import Foundation
import Testing

/// Line plots drawn on the braille, block and ASCII canvases: exact small renders, and the
/// properties a reader relies on (connected lines, overlap marked, a series at 0 visible).
@Suite struct PlotCanvasTests {
    func rows(_ plot: Plot) -> [String] { plot.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    @Test func aRisingLineInBraille() {
        let plot = Plot(title: "rising", xLabel: "x", yLabel: "y", series: [.init(name: "s", y: [0, 0.5, 1])],
                        yRange: 0...1, canvas: .braille, width: 20, height: 4)
        #expect(plot.text == """
            rising
            y
            1 ┤            ⢀⣀⠤⠒⠉
              │        ⣀⡠⠔⠊⠁
              │    ⣀⠤⠒⠉
            0 ┤⣀⠤⠒⠉
              └┬───────┬───────┬
               1       2       3
                       x
            """)
    }

    @Test func aRisingLineInBlocks() {
        let plot = Plot(title: "block", xLabel: "x", yLabel: "y", series: [.init(name: "s", y: [0, 0.5, 1])],
                        yRange: 0...1, canvas: .block, width: 20, height: 4)
        #expect(plot.text == """
            block
            y
            1 ┤            ▗▄▄▞▀
              │       ▗▄▄▀▀▘
              │   ▗▄▞▀▘
            0 ┤▄▞▀▘
              └┬───────┬───────┬
               1       2       3
                       x
            """)
    }

    /// Two series in two character sets; the cells both pass through show `#`, and the legend says so.
    @Test func crossingSeriesKeepTheirOwnLookAndShareCellsMarked() {
        let plot = Plot(title: "cross", xLabel: "x", yLabel: "y",
                        series: [.init(name: "a", y: [0, 1, 2, 3]), .init(name: "b", y: [3, 2, 1, 0])],
                        canvas: .braille, width: 24, height: 4)
        #expect(plot.text == """
            cross
            y
            5 ┤
              │▄▄▄▖             ⢀⣀⡠⠤
              │   ▝▀▀▀▀#####⠒⠒⠊⠉⠁
            0 ┤⣀⡠⠤⠔⠒⠒⠉⠉⠁   ▝▀▀▀▀▚▄▄▄
              └┬──────┬──────┬─────┬
               1      2      3     4
                         x
            ⣿ a   █ b
            # two or more
            """)
    }

    /// The default canvas: blocks for the first series, marks for the second.
    @Test func crossingSeriesOnTheDefaultCanvas() {
        let plot = Plot(title: "cross", xLabel: "x", yLabel: "y",
                        series: [.init(name: "a", y: [0, 1, 2, 3]), .init(name: "b", y: [3, 2, 1, 0])], width: 24, height: 5)
        #expect(plot.text == """
            cross
            y
            4 ┤
              │oooo            ▄▄▄▀▀
            2 ┤    oooooo#▄▄▀▀▀
              │     ▗▄▄▞▀▘oooooo
            0 ┤▄▄▀▀▀▘           oooo
              └┬──────┬──────┬─────┬
               1      2      3     4
                         x
            █ a   o b
            # two or more
            """)
    }

    /// Two series with the same points, drawn at the same resolution, share every cell: each
    /// shows `#`, none a series' own mark.
    @Test func identicalSeriesShowOnlyTheOverlapMark() {
        let one = Plot.Series(name: "a", y: [0, 3, 1, 4]), two = Plot.Series(name: "b", y: [0, 3, 1, 4])
        let lines = rows(Plot(title: "same", xLabel: "x", yLabel: "y", series: [one, two], canvas: .ascii, width: 30, height: 6))
        let canvas = lines.filter { $0.contains("┤") || $0.contains("│") }.map { $0.drop { !"┤│".contains($0) }.dropFirst() }
        #expect(canvas.joined().allSatisfy { $0 == "#" || $0 == " " } && canvas.joined().contains("#"))
        #expect(lines.last == "* a   o b   # two or more")
    }

    @Test func seriesThatNeverShareACellHaveNoOverlapEntry() {
        let plot = Plot(title: "apart", xLabel: "x", yLabel: "y",
                        series: [.init(name: "low", y: [0, 0, 0]), .init(name: "high", y: [10, 10, 10])], width: 30, height: 8)
        #expect(!plot.text.contains("#"))
        #expect(plot.text.hasSuffix("█ low   o high"))
    }

    @Test func theThirdSeriesOnDrawsInMarksAndTheLegendWraps() {
        let series = (0..<4).map { k in Plot.Series(name: "series number \(k)", y: [Double(k * 10), Double(k * 10)]) }
        let text = Plot(title: "four", xLabel: "x", yLabel: "y", series: series, width: 40, height: 12).text
        #expect(text.contains("ooo") && text.contains("xxx") && text.contains("+++"))
        #expect(text.hasSuffix("█ series number 0   o series number 1\nx series number 2   + series number 3"))
    }

    /// With the y range starting at 0, a series at 0 lies on the canvas's bottom row, above the
    /// axis line, in every canvas.
    @Test(arguments: [(Plot.Canvas.braille, Character("⣀")), (.block, "▄"), (.ascii, "*")])
    func aSeriesAtZeroStaysVisibleAboveTheAxis(canvas: Plot.Canvas, glyph: Character) {
        let lines = rows(Plot(title: "zero", xLabel: "x", yLabel: "y", series: [.init(name: "z", y: [0, 0, 0, 0])],
                              yRange: 0...1, canvas: canvas, width: 30, height: 6))
        let axis = lines.firstIndex { $0.contains("└") } ?? 0
        let bottom = lines[axis - 1]
        #expect(bottom.hasPrefix("0.0 ┤"))
        #expect(bottom.dropFirst(5).allSatisfy { $0 == glyph } && bottom.count == 30)
        #expect(lines[axis].allSatisfy { " └─┬".contains($0) })
    }

    @Test func aLogAxisHasATickAtEachPowerOfTen() {
        let plot = Plot(title: "log", xLabel: "x", yLabel: "y", series: [.init(name: "p", y: [1, 10, 100, 1000])],
                        yScale: .log, canvas: .braille, width: 24, height: 7)
        #expect(plot.text == """
            log
            y
            1000 ┤               ⢀⠤⠊
                 │             ⣀⠔⠁
             100 ┤          ⢀⠤⠊
                 │        ⡠⠒⠁
              10 ┤     ⣀⠔⠉
                 │  ⢀⠤⠊
               1 ┤⡠⠒⠁
                 └┬─────┬─────┬────┬
                  1     2     3    4
                          x
            """)
    }

    @Test func aLogAxisLeavesOutValuesAtOrBelowZeroAndSaysSo() {
        let text = Plot(title: "log", xLabel: "x", yLabel: "y", series: [.init(name: "p", y: [0, -1, 1, 10, 100])],
                        yScale: .log, canvas: .ascii, width: 24, height: 6).text
        #expect(text.hasSuffix("note: 2 points with y ≤ 0 not drawn on the log scale"))
        let ranged = Plot(title: "log", xLabel: "x", yLabel: "y", series: [.init(name: "p", y: [1, 10])],
                          yRange: 0...100, yScale: .log, width: 24, height: 6).text
        #expect(ranged.contains("note: the y range 0.0...100.0 reaches 0 or below; the log scale uses the data's range on that side"))
        #expect(ranged.contains("100 ┤"))
    }

    /// A NaN breaks the line: the points on either side are not joined.
    @Test func aNaNBreaksTheLine() {
        let plot = Plot(title: "gap", xLabel: "x", yLabel: "y", series: [.init(name: "s", y: [0, 1, .nan, 1, 0])],
                        yRange: 0...1, canvas: .ascii, width: 24, height: 4)
        #expect(plot.text == """
            gap
            y
            1 ┤     *         *
              │   **           **
              │ **               **
            0 ┤*                   *
              └┬────┬────┬────┬────┬
               1    2    3    4    5
                         x
            note: 1 point with a NaN or infinite value not drawn
            """)
    }

    /// Consecutive points are joined, so a series of fewer points than columns, jumping between
    /// 0 and 100, leaves no empty column between its first point and its last.
    @Test func linesAreConnectedAcrossEveryColumn() {
        let y = (0..<12).map { $0 % 2 == 0 ? 0.0 : 100 }
        for canvas in [Plot.Canvas.braille, .block, .ascii] {
            let lines = rows(Plot(title: "jumps", xLabel: "x", yLabel: "y", series: [.init(name: "s", y: y)],
                                  canvas: canvas, width: 50, height: 10))
            // The canvas: what follows the y axis on each of its rows.
            let canvasRows = lines.filter { $0.contains("┤") || $0.contains("│") }.map { Array($0.drop { !"┤│".contains($0) }.dropFirst()) }
            let inked = Set(canvasRows.flatMap { row in row.indices.filter { row[$0] != " " } })
            let first = inked.min() ?? 0, last = inked.max() ?? 0
            #expect(last - first > 30)
            #expect(Set(first...last) == inked, "the \(canvas) canvas has empty columns")
        }
    }

    /// Across the widest range, whose span overflows, 0 is in the middle and ±1e308 are labelled.
    @Test func aPointAtZeroInTheWidestRangeIsDrawnInTheMiddle() {
        let lines = rows(Plot(title: "wide", xLabel: "x", yLabel: "y", series: [.init(name: "s", x: [-1.7e308, 0, 1.7e308], y: [-1.7e308, 0, 1.7e308])],
                              canvas: .ascii, width: 40, height: 9))
        let middle = lines.first { $0.hasPrefix("     0 ┤") }.map { Array($0.drop { $0 != "┤" }.dropFirst()) } ?? []
        #expect(middle.firstIndex(of: "*").map { abs($0 - 16) <= 2 } == true)
        #expect(lines.contains { $0.hasPrefix(" 1e308 ┤") } && lines.contains { $0.hasPrefix("-1e308 ┤") })
    }

    @Test func pointsOutsideAGivenRangeAreDrawnAtItsEdgeAndNoted() {
        let text = Plot(title: "clip", xLabel: "x", yLabel: "y", series: [.init(name: "s", y: [0.5, 2, -1])],
                        yRange: 0...1, canvas: .ascii, width: 24, height: 4).text
        #expect(text.hasSuffix("note: 2 points outside the y range drawn at its edge"))
    }

    /// The chapters' plots, at the default width, fit in 64 columns; a narrower width is kept.
    @Test(arguments: [Plot.defaultWidth, 40])
    func everyLineFitsTheWidth(width: Int) {
        let epochs = (0..<10_000).map { 1 / (1 + exp(-Double($0 - 3000) / 200)) }
        let plot = Plot(title: "Training accuracy, seed 0, by output gradient and learning rate", xLabel: "epoch",
                        yLabel: "accuracy", series: [.init(name: "exact, α = 0.1", y: epochs), .init(name: "ŷ − y, α = 0.03", y: epochs.reversed())],
                        yRange: 0...1, width: width, height: 13)
        let histogram = Plot.histogram(title: "epochs to converge", xLabel: "epochs", values: epochs.map { $0 * 10_000 }, width: width)
        for text in [plot.text, histogram.text] {
            #expect(text.split(separator: "\n").allSatisfy { Table.displayWidth(String($0)) <= width })
        }
    }
}
