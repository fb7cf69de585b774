/// Accuracy of trained weights on pairs the network may never have seen.
public enum Evaluation {
    /// The fraction of all pairs (a, b) in 0..<operandRange whose every sum bit is right.
    public static func exhaustiveAccuracy(
        _ θ: Parameters, operandRange: Int = 128, encoding: BitEncoding = BitEncoding()
    ) -> Double {
        var sample = Sample(encoding: encoding)
        var forward = ForwardPass(hidden: θ.H, τ: encoding.width)
        var right = 0
        for a in 0..<operandRange {
            for b in 0..<operandRange {
                sample.set(a: a, b: b, encoding: encoding)
                forward.run(θ, x: sample.x)
                if forward.allBitsRight(sample.y) { right += 1 }
            }
        }
        return Double(right) / Double(operandRange * operandRange)
    }

    /// Accuracy at another width with the same weights: the network is unrolled for
    /// `width` steps. Operands are below 2^(width−1), so sums fit. Up to 2^16 pairs are
    /// tried exhaustively; beyond that `samples` random pairs drawn from `seed`.
    public static func accuracy(
        _ θ: Parameters, width: Int, order: BitOrder = .little, samples: Int = 20_000, seed: UInt64 = 1
    ) -> Double {
        let encoding = BitEncoding(width: width, order: order)
        let range = 1 << (width - 1)
        if range * range <= 1 << 16 {
            return exhaustiveAccuracy(θ, operandRange: range, encoding: encoding)
        }
        var rng = SplitMix64(seed: seed)
        var sample = Sample(encoding: encoding)
        var forward = ForwardPass(hidden: θ.H, τ: width)
        var right = 0
        for _ in 0..<samples {
            sample.set(a: rng.uniform(below: range), b: rng.uniform(below: range), encoding: encoding)
            forward.run(θ, x: sample.x)
            if forward.allBitsRight(sample.y) { right += 1 }
        }
        return Double(right) / Double(samples)
    }
}
