import Foundation

extension LaneTrainer {
    /// ``Evaluation/exhaustiveAccuracy(_:operandRange:encoding:)`` of every seed's current
    /// weights, on the configuration's operand range and encoding, all lanes at once: each
    /// operand pair runs through ``LaneViews/runForward()`` in every lane.
    ///
    /// `Evaluation` is the reference; the counts are the same, so the accuracies are equal.
    /// Only the decision ŷ(t) ≥ ½ is needed here, and it is taken from o(t) where that is
    /// certain: ŷ = 1 / (1 + e^(−o)). For o ≥ 0, e^(−o) ≤ 1 (exp rounds faithfully, and
    /// e^(−o) ≤ 1 exactly), so 1 + e^(−o) ≤ 2 and ŷ ≥ ½. For o < −10⁻⁶, e^(−o) > 1 + 10⁻⁶ by far
    /// more than its rounding error, so 1 + e^(−o) > 2 and ŷ < ½, again after rounding. In
    /// between (and for NaN) the lane calls ``σ(_:)`` as the reference does.
    public func exhaustiveAccuracies() -> [Double] {
        let width = configuration.width, range = configuration.operandRange, mask = encoding.count - 1
        let table = encoding.table
        var buffer = lanes
        var right = LaneVector.MaskStorage()
        buffer.withLanes(layout) { network in
            for a in 0..<range {
                for b in 0..<range {
                    let sum = (a + b) & mask
                    for t in 1...width {
                        network.x[2 * t] = LaneVector(repeating: Double(table[a][t - 1]))
                        network.x[2 * t + 1] = LaneVector(repeating: Double(table[b][t - 1]))
                    }
                    network.runForward()
                    var wrong = SIMDMask<LaneVector.MaskStorage>()
                    for t in 1...width {
                        let target = table[sum][t - 1] == 1
                        wrong .|= Self.predictsOne(network.o[t]) .^ SIMDMask(repeating: target)
                    }
                    right &+= LaneVector.MaskStorage(repeating: 1).replacing(with: 0, where: wrong)
                }
            }
        }
        return seeds.indices.map { Double(right[$0]) / Double(range * range) }
    }

    /// Whether σ(o) ≥ ½ in each lane (see ``exhaustiveAccuracies()`` for why this is exact).
    @inline(__always)
    static func predictsOne(_ o: LaneVector) -> SIMDMask<LaneVector.MaskStorage> {
        let certain = (o .>= 0) .| (o .< -1e-6)
        if all(certain) { return o .>= 0 }
        var result = o .>= 0
        for lane in 0..<LaneVector.scalarCount where !certain[lane] { result[lane] = σ(o[lane]) >= 0.5 }
        return result
    }
}
