import Foundation

/// Counts of values in bins. Bin `i` holds the values from `edges[i]` up to, not including,
/// `edges[i + 1]`; the last bin includes its upper edge when `includesLastEdge` (given edges,
/// so that a value on the last edge is counted, as numpy does). Round edges chosen here end
/// above the largest value, so every bin is half-open.
///
/// Only finite values are counted, and only those inside the edges; `notes` says how many
/// were not. All values equal make one bin `[v, v]`; no finite value makes no bin.
public struct Histogram: Equatable, Sendable {
    /// How the bins are chosen.
    public enum Bins: Equatable, Sendable {
        /// About as many bins as Sturges' rule asks (1 + log₂ n, so 11 for 1000 values).
        case automatic
        /// About this many bins (1 to 200).
        case count(Int)
        /// These edges: sorted, with NaN, infinite and repeated ones dropped (and noted).
        case edges([Double])
    }

    public var edges: [Double]
    public var counts: [Int]
    /// Whether the last bin holds the values equal to the last edge.
    public var includesLastEdge: Bool
    /// What was not counted, or how the given edges were changed, as `note:` lines.
    public var notes: [String]

    public init(edges: [Double], counts: [Int], includesLastEdge: Bool, notes: [String] = []) {
        self.edges = edges
        self.counts = counts
        self.includesLastEdge = includesLastEdge
        self.notes = notes
    }

    public init(values: [Double], bins: Bins = .automatic) {
        let finite = values.filter(\.isFinite)
        var notes: [String] = []
        let skipped = values.count - finite.count
        if skipped > 0 { notes.append("note: \(Self.values(skipped)) NaN or infinite, not counted") }
        let sturges = Int(log2(Double(max(finite.count, 1))).rounded(.up)) + 1
        var edges: [Double] = [], edgesWereGiven = false
        switch bins {
        case .automatic:
            edges = Self.roundEdges(finite, bins: sturges)
        case .count(let count):
            edges = Self.roundEdges(finite, bins: count)
        case .edges(let given):
            edges = Array(Set(given.filter(\.isFinite))).sorted()
            if edges != given { notes.append("note: the given edges were sorted, and NaN, infinite or repeated ones dropped") }
            if edges.count < 2 {
                notes.append("note: fewer than two usable edges were given; the bins are chosen automatically")
                edges = Self.roundEdges(finite, bins: sturges)
            } else {
                edgesWereGiven = true
            }
        }
        // Given edges include the last one, as numpy's do. Round edges end above the largest
        // value, or at it when one step more would overflow, and include it only then.
        let includesLastEdge = edgesWereGiven || edges.count < 2 || (edges.last.map(finite.contains) ?? true)
        var counts = Array(repeating: 0, count: max(edges.count - 1, edges.isEmpty ? 0 : 1))
        var outside = 0
        for value in finite {
            if let bin = Self.bin(of: value, edges: edges, includingLast: includesLastEdge) { counts[bin] += 1 } else { outside += 1 }
        }
        if outside > 0, let first = edges.first, let last = edges.last {
            let ends = NumberLabels.labels([first, last])
            notes.append("note: \(Self.values(outside)) outside [\(ends[0]), \(ends[1])], not counted")
        }
        self.init(edges: edges, counts: counts, includesLastEdge: includesLastEdge, notes: notes)
    }

    /// One bar per bin, labelled `[low, high)` (the last `[low, high]`), the numbers aligned.
    var bars: [Bar] {
        let bins = edges.count == 1 ? min(counts.count, 1) : min(counts.count, max(edges.count - 1, 0))
        guard bins > 0 else { return [] }
        let labels = NumberLabels.labels(edges)
        let lows = (0..<bins).map { labels[$0] }, highs = (0..<bins).map { labels[min($0 + 1, labels.count - 1)] }
        let lowWidth = lows.map(Table.displayWidth).max() ?? 0, highWidth = highs.map(Table.displayWidth).max() ?? 0
        return (0..<bins).map { i in
            let close = i == bins - 1 && includesLastEdge ? "]" : ")"
            return Bar("[" + LineChart.padded(lows[i], lowWidth) + ", " + LineChart.padded(highs[i], highWidth) + close,
                       Double(counts[i]))
        }
    }

    /// Edges at multiples of a round step (1, 2, 2.5 or 5 × 10ⁿ; a whole number when every value
    /// is one) for the number of bins nearest `bins`, from at or below the smallest value to
    /// above the largest.
    static func roundEdges(_ values: [Double], bins: Int) -> [Double] {
        guard let low = values.min(), let high = values.max() else { return [] }
        guard low < high else { return [low] }
        let bins = min(max(bins, 1), 200)
        let whole = values.allSatisfy { $0 == $0.rounded() }
        let candidates = AxisTicks.linear(low: low, high: high, loose: true, maximumCount: 2 * bins + 2).compactMap { axis -> [Double]? in
            guard axis.ticks.count >= 2 else { return nil }
            let step = axis.ticks[1] - axis.ticks[0]
            if whole, step < 1 || step != step.rounded() { return nil }
            // A tick beyond ±1.8e308 does not exist: the range's own end stands in for it.
            var edges = (axis.ticks[0] > low ? [low] : []) + axis.ticks
            if let last = edges.last, last <= high { edges.append(last + step <= .greatestFiniteMagnitude ? last + step : high) }
            return Array(Set(edges)).sorted()
        }
        return candidates.min { abs($0.count - 1 - bins) < abs($1.count - 1 - bins) } ?? [low, high]
    }

    /// The bin `value` falls in, by binary search; nil outside the edges.
    static func bin(of value: Double, edges: [Double], includingLast: Bool) -> Int? {
        guard let first = edges.first, let last = edges.last, value >= first, value < last || (includingLast && value == last) else {
            return nil
        }
        if edges.count == 1 { return 0 }
        var low = 0, high = edges.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if edges[middle] <= value { low = middle } else { high = middle }
        }
        return low
    }

    static func values(_ count: Int) -> String { count == 1 ? "1 value" : "\(count) values" }
}
