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
    ///
    /// Least significant bit first, the pairs are walked as a tree of their beginnings: h(t),
    /// o(t) and the sum's bit t depend only on the operands' bits 1…t, so pairs that share
    /// those share the steps up to t, and each step runs once per beginning instead of once per
    /// pair (38,228 steps instead of 131,072 for 8-bit operands below 128). Each step is the
    /// same arithmetic on the same inputs, so the counts are those of the pair-by-pair loop
    /// (`LaneTrainingTests`); most significant bit first, bit t of the sum depends on later
    /// bits, and the loop runs pair by pair.
    public func exhaustiveAccuracies() -> [Double] {
        let width = configuration.width, range = configuration.operandRange, mask = encoding.count - 1
        var buffer = lanes
        var right = LaneVector.MaskStorage()
        buffer.withLanes(layout) { network in
            if encoding.order == .little {
                right = Self.countRightByBeginnings(network, width: width, range: range, mask: mask)
            } else {
                right = Self.countRightPairByPair(network, encoding: encoding, width: width, range: range, mask: mask)
            }
        }
        return seeds.indices.map { Double(right[$0]) / Double(range * range) }
    }

    /// Per lane, the pairs below `range` whose every sum bit is right, least significant bit
    /// first: a depth-first walk in which step t writes only slot t of h and o, so slot t − 1
    /// still holds the beginning being extended.
    static func countRightByBeginnings(_ network: LaneViews, width: Int, range: Int, mask: Int) -> LaneVector.MaskStorage {
        var right = LaneVector.MaskStorage()
        func extend(_ t: Int, _ aLow: Int, _ bLow: Int, _ wrong: SIMDMask<LaneVector.MaskStorage>) {
            let bit = 1 << (t - 1)
            for bitA in 0...1 {
                // Bits not yet set are zero, so a beginning already at or past the range stays there.
                let a = aLow | (bitA * bit)
                if a >= range { continue }
                for bitB in 0...1 {
                    let b = bLow | (bitB * bit)
                    if b >= range { continue }
                    network.x[2 * t] = LaneVector(repeating: Double(bitA))
                    network.x[2 * t + 1] = LaneVector(repeating: Double(bitB))
                    network.runStep(t)
                    let target = ((a + b) & mask) & bit != 0
                    let stillWrong = wrong .| (predictsOne(network.o[t]) .^ SIMDMask(repeating: target))
                    if t == width {
                        right &+= LaneVector.MaskStorage(repeating: 1).replacing(with: 0, where: stillWrong)
                    } else {
                        extend(t + 1, a, b, stillWrong)
                    }
                }
            }
        }
        extend(1, 0, 0, SIMDMask())
        return right
    }

    /// Per lane, the pairs below `range` whose every sum bit is right, each pair run alone.
    static func countRightPairByPair(
        _ network: LaneViews, encoding: BitEncoding, width: Int, range: Int, mask: Int
    ) -> LaneVector.MaskStorage {
        let table = encoding.table
        var right = LaneVector.MaskStorage()
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
