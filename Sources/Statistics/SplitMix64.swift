/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny, fast generator whose output depends
/// only on its seed, so the same seed gives the same weights and samples on every platform
/// (Swift's `SystemRandomNumberGenerator` is not seedable, and Foundation's differs by OS).
/// It lives here, in the module with no dependencies, so that the bootstrap's resampling and
/// ElmanRNN's weights and samples (ElmanRNN re-exports this module) share one generator.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in the open interval (-1, 1), as the seed initialises its weights.
    ///
    /// The top 53 bits give a multiple of 2⁻⁵³; adding one half keeps both ends out.
    public mutating func uniformMinusOneToOne() -> Double {
        let unit = (Double(next() >> 11) + 0.5) * 0x1p-53
        return 2 * unit - 1
    }

    /// Uniform integer in `0..<bound`. `bound` is a power of two here (operand ranges),
    /// where taking the low bits has no bias; other bounds use rejection sampling.
    public mutating func uniform(below bound: Int) -> Int {
        precondition(bound > 0)
        let b = UInt64(bound)
        if b & (b - 1) == 0 { return Int(next() & (b - 1)) }
        let limit = UInt64.max - UInt64.max % b
        var r = next()
        while r >= limit { r = next() }
        return Int(r % b)
    }
}
