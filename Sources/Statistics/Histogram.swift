/// Counts of values in consecutive bins.
///
/// Bin k holds the values x with edges[k] ≤ x < edges[k+1], except that the last bin also
/// holds x = its upper edge, so a sample's maximum is counted when the edges end there.
/// Values outside the edges, and NaN, are counted in `below`, `above` and `unordered` rather
/// than dropped silently.
///
/// ```swift
/// let bins = Histogram(epochs, binWidth: 500, from: 0)
/// for (range, count) in zip(bins.ranges, bins.counts) { … }
/// ```
public struct Histogram: Sendable, Equatable {
    /// The bin edges, strictly increasing: one more than the number of bins.
    public let edges: [Double]
    /// counts[k] is the number of values in bin k.
    public let counts: [Int]
    /// Values below the first edge, and above the last.
    public let below: Int
    public let above: Int
    /// NaN values, which belong to no bin.
    public let unordered: Int

    /// Counts `values` in the bins between `edges` (at least two, strictly increasing).
    public init(_ values: [Double], edges: [Double]) {
        precondition(edges.count >= 2, "a histogram needs at least two edges")
        precondition(zip(edges, edges.dropFirst()).allSatisfy { $0 < $1 }, "edges must increase strictly")
        var counts = Array(repeating: 0, count: edges.count - 1)
        var below = 0, above = 0, unordered = 0
        let last = edges[edges.count - 1]
        for x in values {
            if x.isNaN {
                unordered += 1
            } else if x < edges[0] {
                below += 1
            } else if x > last {
                above += 1
            } else if x == last {
                counts[counts.count - 1] += 1
            } else {
                // Binary search for the bin: edges[low] ≤ x < edges[high], high = low + 1.
                var low = 0, high = edges.count - 1
                while high - low > 1 {
                    let middle = (low + high) / 2
                    if edges[middle] <= x { low = middle } else { high = middle }
                }
                counts[low] += 1
            }
        }
        self.edges = edges
        self.counts = counts
        (self.below, self.above, self.unordered) = (below, above, unordered)
    }

    /// Bins of `binWidth` starting at `start`, as many as it takes to reach the largest value
    /// (at least one); so nothing is above. Values below `start` are counted in `below`.
    public init(_ values: [Double], binWidth: Double, from start: Double) {
        precondition(binWidth > 0 && binWidth.isFinite && start.isFinite, "need a positive, finite bin width")
        let top = values.filter { !$0.isNaN }.max() ?? start
        var binCount = max(1, Int(((top - start) / binWidth).rounded(.down)) + 1)
        // The top value sits on the last bin's upper edge only if it is an exact multiple; one
        // bin fewer then suffices, since the last bin is closed.
        if binCount > 1, start + Double(binCount - 1) * binWidth == top { binCount -= 1 }
        self.init(values, edges: (0...binCount).map { start + Double($0) * binWidth })
    }

    /// `binCount` equal bins from the smallest value to the largest (a single value gets a
    /// bin of width one centred on it).
    public init(_ values: [Double], binCount: Int) {
        precondition(binCount >= 1, "need at least one bin")
        let finite = values.filter { $0.isFinite }
        let low = finite.min() ?? 0, high = finite.max() ?? 1
        let (start, width) = high > low ? (low, (high - low) / Double(binCount)) : (low - 0.5, 1 / Double(binCount))
        var edges = (0...binCount).map { start + Double($0) * width }
        // The last edge is the maximum exactly, so rounding in start + n·width cannot leave it out.
        if high > low { edges[binCount] = high }
        self.init(values, edges: edges)
    }

    /// The bins as ranges, lower edge to upper edge.
    public var ranges: [ClosedRange<Double>] { zip(edges, edges.dropFirst()).map { $0...$1 } }

    /// All values counted, inside the edges or not.
    public var total: Int { counts.reduce(0, +) + below + above + unordered }
}
