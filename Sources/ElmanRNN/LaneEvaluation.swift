import Foundation

extension LaneTrainer {
    /// ``Evaluation/exhaustiveAccuracy(_:operandRange:encoding:)`` of every seed's current
    /// weights, on the configuration's operand range and encoding, all lanes at once: each
    /// operand pair runs through the lane forward pass in every lane.
    ///
    /// `Evaluation` is the reference; the counts are the same, so the accuracies are equal.
    /// Only the decision ŷ(t) ≥ ½ is needed here, and it is taken from o(t) where that is
    /// certain: ŷ = 1 / (1 + e^(−o)). For o ≥ 0, e^(−o) ≤ 1 (exp rounds faithfully, and
    /// e^(−o) ≤ 1 exactly), so 1 + e^(−o) ≤ 2 and ŷ ≥ ½. For o < −10⁻⁶, e^(−o) > 1 + 10⁻⁶ by far
    /// more than its rounding error, so 1 + e^(−o) > 2 and ŷ < ½, again after rounding. In
    /// between (and for NaN) the lane calls ``σ(_:)`` as the reference does.
    ///
    /// The pairs are walked as a tree of their beginnings: h(t) and o(t) depend only on the
    /// inputs x(1)…x(t), so pairs that share those share the steps up to t, and each step runs
    /// once per beginning instead of once per pair (38,228 steps instead of 131,072 for 8-bit
    /// operands below 128, least significant bit first). Each step is the same arithmetic on
    /// the same inputs, so the counts are those of the pair-by-pair loop (`LaneTrainingTests`).
    public func exhaustiveAccuracies() -> [Double] {
        let range = configuration.operandRange
        var buffer = lanes
        var right = LaneVector.MaskStorage()
        buffer.withLanes(layout) { network in
            right = Self.countRightByBeginnings(network, encoding: encoding, range: range)
        }
        return seeds.indices.map { Double(right[$0]) / Double(range * range) }
    }

    /// Per lane, the pairs below `range` whose every sum bit is right: a depth-first walk over
    /// the operands' bits in the order the encoding feeds them, in which step t writes only
    /// slot t of h and o, so slot t − 1 still holds the beginning being extended. Most
    /// significant bit first, a sum bit depends on bits that come later, so the decisions are
    /// kept and compared with the sum at the end of each pair.
    static func countRightByBeginnings(_ network: LaneViews, encoding: BitEncoding, range: Int) -> LaneVector.MaskStorage {
        let width = encoding.width, mask = encoding.count - 1
        /// The bit of the operands (and of the sum) that step t reads, as `encoding.table` has it.
        func position(_ t: Int) -> Int { encoding.order == .little ? t - 1 : width - t }
        var right = LaneVector.MaskStorage()
        var predictions = Array(repeating: SIMDMask<LaneVector.MaskStorage>(), count: width + 1)
        func extend(_ t: Int, _ aSoFar: Int, _ bSoFar: Int) {
            let bit = 1 << position(t)
            for bitA in 0...1 {
                // Bits not yet chosen are zero, so the operand is at least this: a beginning
                // already at or past the range stays there, in either order.
                let a = aSoFar | (bitA * bit)
                if a >= range { continue }
                for bitB in 0...1 {
                    let b = bSoFar | (bitB * bit)
                    if b >= range { continue }
                    network.x[2 * t] = LaneVector(repeating: Double(bitA))
                    network.x[2 * t + 1] = LaneVector(repeating: Double(bitB))
                    network.runStep(t)
                    predictions[t] = predictsOne(network.o[t])
                    if t < width {
                        extend(t + 1, a, b)
                        continue
                    }
                    let sum = (a + b) & mask
                    var wrong = SIMDMask<LaneVector.MaskStorage>()
                    for s in 1...width { wrong .|= predictions[s] .^ SIMDMask(repeating: sum & (1 << position(s)) != 0) }
                    right &+= LaneVector.MaskStorage(repeating: 1).replacing(with: 0, where: wrong)
                }
            }
        }
        extend(1, 0, 0)
        return right
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
