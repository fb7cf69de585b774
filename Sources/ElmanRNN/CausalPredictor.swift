/// The best any reader that goes left to right can do: the Bayes-optimal causal predictor of
/// the sum bits, computed exhaustively.
///
/// At step t it has seen the first t input pairs x(1)…x(t) and nothing after. Operands are
/// uniform below `operandRange`, so every pair (a, b) is equally likely; among the pairs whose
/// first t inputs are the ones seen (the pairs *consistent with the prefix*), it predicts the
/// value that sum bit t takes in the majority. No function of x(1)…x(t) is right more often,
/// so no network, however trained, that reads the bits in this order and answers at once can
/// beat its accuracy at any step. Ties (never met on the course's tasks) are predicted 0.
///
/// In the seed's order (least significant bit first) the prefix fixes every sum bit, so the
/// predictor is always right; most significant bit first it must guess the carry that the
/// bits still to come will bring.
///
/// ```swift
/// let best = CausalPredictor(encoding: BitEncoding(order: .big))
/// print(best.stepAccuracies[4], best.sumAccuracy)   // 0.5625 at step 5, 0.1335 of sums
/// ```
public struct CausalPredictor: Sendable {
    public let encoding: BitEncoding
    public let operandRange: Int
    /// `stepAccuracies[t − 1]`: the fraction of pairs whose sum bit t it predicts right.
    public let stepAccuracies: [Double]
    /// The fraction of pairs whose every sum bit it predicts right.
    public let sumAccuracy: Double
    /// `stepLosses[t − 1]`: the expected loss ½ (y(t) − ŷ)² at step t of the best output under
    /// that loss, ŷ = q, the fraction of the consistent pairs whose sum bit t is 1; it is
    /// ½ q (1 − q) averaged over the pairs. An output of ½ costs 0.125 whatever the bit.
    public let stepLosses: [Double]
    /// `majority[t − 1][prefix]`: the predicted bit t for the pairs with that prefix key.
    private let majority: [[Int: Int]]

    /// Computes the predictor over every pair below `operandRange` (at most 2^10, so at most
    /// 2^20 pairs are counted).
    public init(encoding: BitEncoding = BitEncoding(), operandRange: Int = 128) {
        precondition((1...min(encoding.count, 1 << 10)).contains(operandRange),
                     "operands must be below 2^width and 2^10")
        self.encoding = encoding
        self.operandRange = operandRange
        let width = encoding.width, pairs = operandRange * operandRange

        // weave:begin majority
        // For each step, the pairs consistent with each prefix: how many, and how many of them
        // have sum bit t = 1.
        var counts = Array(repeating: [Int: (ones: Int, total: Int)](), count: width)
        for a in 0..<operandRange {
            for b in 0..<operandRange {
                let sumBits = encoding.table[(a + b) & (encoding.count - 1)]
                for t in 1...width {
                    let key = Self.prefixKey(a, b, steps: t, encoding)
                    counts[t - 1][key, default: (0, 0)].ones += sumBits[t - 1]
                    counts[t - 1][key, default: (0, 0)].total += 1
                }
            }
        }
        majority = counts.map { step in step.mapValues { 2 * $0.ones > $0.total ? 1 : 0 } }
        // weave:end majority
        stepLosses = counts.map { step in
            step.values.reduce(0.0) { loss, prefix in
                let q = Double(prefix.ones) / Double(prefix.total)
                return loss + 0.5 * q * (1 - q) * Double(prefix.total)
            } / Double(pairs)
        }

        var rightAtStep = Array(repeating: 0, count: width), rightSums = 0
        for a in 0..<operandRange {
            for b in 0..<operandRange {
                let sumBits = encoding.table[(a + b) & (encoding.count - 1)]
                var allRight = true
                for t in 1...width {
                    let predicted = majority[t - 1][Self.prefixKey(a, b, steps: t, encoding)]
                    if predicted == sumBits[t - 1] { rightAtStep[t - 1] += 1 } else { allRight = false }
                }
                if allRight { rightSums += 1 }
            }
        }
        stepAccuracies = rightAtStep.map { Double($0) / Double(pairs) }
        sumAccuracy = Double(rightSums) / Double(pairs)
    }

    /// The bit it predicts at step t (1…width) for the pair (a, b); it looks only at the
    /// first t inputs of the pair.
    public func predictedBit(step t: Int, a: Int, b: Int) -> Int {
        precondition((1...encoding.width).contains(t), "steps run 1...\(encoding.width)")
        precondition((0..<operandRange).contains(a) && (0..<operandRange).contains(b),
                     "operands must be below \(operandRange)")
        return majority[t - 1][Self.prefixKey(a, b, steps: t, encoding)] ?? 0
    }

    /// The first `steps` bits of a, then those of b, packed into one number: two pairs have
    /// the same key exactly when x(1)…x(steps) are the same.
    static func prefixKey(_ a: Int, _ b: Int, steps: Int, _ encoding: BitEncoding) -> Int {
        var key = 0
        for k in 0..<steps { key = key << 2 | encoding.table[a][k] << 1 | encoding.table[b][k] }
        return key
    }
}
