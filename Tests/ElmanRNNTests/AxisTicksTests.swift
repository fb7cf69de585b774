@testable import Display
import Testing

/// Tick choice and tick labels, table-driven.
@Suite struct AxisTicksTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var low: Double, high: Double
        var range: ClosedRange<Double>
        var labels: [String]
        var testDescription: String { "\(low)...\(high)" }
    }

    /// Fitted to the data (the range widens to the ticks around it), at most six ticks, over 50 cells.
    @Test(arguments: [
        Case(low: 0, high: 1, range: 0...1, labels: ["0.00", "0.25", "0.50", "0.75", "1.00"]),
        Case(low: 0, high: 10_000, range: 0...10_000, labels: ["0", "2500", "5000", "7500", "10000"]),
        Case(low: 1, high: 10_000, range: 0...10_000, labels: ["0", "2500", "5000", "7500", "10000"]),
        Case(low: 0.013, high: 0.27, range: 0...0.30000000000000004, labels: ["0.0", "0.1", "0.2", "0.3"]),
        Case(low: -3, high: 7, range: -5...10, labels: ["-5", "0", "5", "10"]),
        Case(low: 0, high: 7, range: 0...8, labels: ["0", "2", "4", "6", "8"]),
        Case(low: 0, high: 300_000, range: 0...300_000, labels: ["0", "100k", "200k", "300k"]),
        Case(low: 0, high: 1e-7, range: 0...1e-7, labels: ["0", "2.5e-8", "5.0e-8", "7.5e-8", "1.0e-7"]),
        Case(low: 1e9, high: 1e9 + 5, range: 1e9...(1e9 + 5),
             labels: ["1000000000", "1000000001", "1000000002", "1000000003", "1000000004", "1000000005"]),
        Case(low: -1.7e308, high: 1.7e308, range: -1.7e308...1.7e308, labels: ["-1e308", "0", "1e308"]),
    ])
    func linearTicks(_ example: Case) {
        let axis = AxisTicks.choose(AxisTicks.linear(low: example.low, high: example.high, loose: true, maximumCount: 6), cells: 50) { _ in true }
        #expect(axis.labels == example.labels)
        #expect(axis.low == example.range.lowerBound && axis.high == example.range.upperBound)
    }

    /// A range the caller gave is kept; the ticks fall inside it.
    @Test func aGivenRangeIsKept() {
        let axis = AxisTicks.choose(AxisTicks.linear(low: 0.1, high: 0.95, loose: false, maximumCount: 6), cells: 13) { _ in true }
        #expect(axis.low == 0.1 && axis.high == 0.95)
        #expect(axis.labels == ["0.2", "0.4", "0.6", "0.8"])
    }

    /// Log ranges, as base-10 logarithms of the data's ends.
    @Test(arguments: [
        (0.0, 1.0, ["1", "2", "5", "10"]),
        (0, 2, ["1", "3", "10", "30", "100"]),
        (-3, 0, ["0.001", "0.01", "0.1", "1"]),
        (-0.6, 2.4, ["0.1", "1", "10", "100", "1000"]),
        (0.3, 0.6, ["1", "2", "5", "10"]),
        (-12, 12, ["1e-10", "1e-5", "1e0", "1e5", "1e10"]),
    ])
    func logTicks(low: Double, high: Double, labels: [String]) {
        let axis = AxisTicks.choose(AxisTicks.logarithmic(low: low, high: high, loose: true, maximumCount: 6),
                                    cells: 50, evenSpacing: false) { _ in true }
        #expect(axis.labels == labels)
    }

    /// The default plot height and width give four to six labelled ticks on each axis.
    @Test(arguments: [(0.0, 1.0), (0, 10_000), (0.001, 0.25), (-40, 40), (3, 3.5)])
    func aDefaultPlotHasFourToSixTicksOnEachAxis(low: Double, high: Double) {
        let plot = Plot(title: "t", xLabel: "x", yLabel: "y", series: [.init(name: "s", x: [low, high], y: [low, high])])
        let lines = plot.text.split(separator: "\n").map(String.init)
        let yTicks = lines.filter { $0.contains("┤") }.count
        let xTicks = lines.first { $0.contains("└") }?.filter { $0 == "┬" }.count ?? 0
        #expect((4...6).contains(yTicks) && (4...6).contains(xTicks), "\(yTicks) y ticks, \(xTicks) x ticks")
    }

    @Test(arguments: [
        ([0, 0.25, 0.5, 0.75, 1], 1e-9, ["0.00", "0.25", "0.50", "0.75", "1.00"]),
        ([0, 2500, 5000], 1e-9, ["0", "2500", "5000"]),
        ([0, 250_000, 500_000], 1e-9, ["0", "250k", "500k"]),
        ([0, 2.5e6, 5e6], 1e-9, ["0", "2.5M", "5.0M"]),
        ([0, 1e-7, 2e-7], 1e-9, ["0", "1e-7", "2e-7"]),
        ([1.5e308, -5e307], 1e-9, ["1.5e308", "-5.0e307"]),
        ([-0.0001, 1], 1e-3, ["0", "1"]),
        ([16, 20, 0, 0.3], 1e-4, ["16.0", "20.0", "0.0", "0.3"]),
        ([.nan, .infinity, -.infinity, 1], 1e-9, ["nan", "inf", "-inf", "1"]),
    ] as [([Double], Double, [String])])
    func labelsShareOneNotation(values: [Double], tolerance: Double, labels: [String]) {
        #expect(NumberLabels.labels(values, relativeTolerance: tolerance) == labels)
    }
}
