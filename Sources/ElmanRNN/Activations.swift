import Foundation

/// The logistic sigmoid σ(z) = 1 / (1 + e^(−z)).
@inlinable
public func σ(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

/// tanh of eight numbers at once, the library's own: the forward pass takes 128 of them per
/// sample, and calling glibc's `tanh` (through `expm1`) for each cost a third of a training step.
///
/// For |z| ≥ 1/16 it is 1 − 2 / (e^(2|z|) + 1) with the sign of z, e^(2|z|) from
/// ``exponential(_:)``; from |z| = 20 on that is 1 to the last bit, so larger |z| are clamped
/// to keep the exponential finite. Below 1/16, where that form would cancel, it is tanh's
/// Taylor series to z¹¹ (the next term is under 10⁻¹⁷ z). It agrees with Foundation's `tanh` to
/// within 1e-14 relative error (tested).
@inline(__always)
func tanh(_ z: SIMD8<Double>) -> SIMD8<Double> {
    // |z| and the sign of z as bits: tanh is odd, so the sign goes back on at the end.
    let bits = unsafeBitCast(z, to: SIMD8<UInt64>.self)
    let sign = bits & (1 << 63)
    let magnitude = unsafeBitCast(bits & ~(1 << 63), to: SIMD8<Double>.self)
    let e = exponential(2 * magnitude.replacing(with: 20, where: magnitude .> 20))
    let large = unsafeBitCast(unsafeBitCast(1 - 2 / (e + 1), to: SIMD8<UInt64>.self) | sign, to: SIMD8<Double>.self)
    // The series for every lane, kept where |z| < 1/16: cheaper than testing whether any lane
    // needs it (`any` on a mask is a call into the standard library, not an instruction).
    let isSmall = magnitude .< 0.0625
    let z² = z * z
    var series = SIMD8<Double>(repeating: -1382.0 / 155925)
    series = series * z² + 62.0 / 2835
    series = series * z² - 17.0 / 315
    series = series * z² + 2.0 / 15
    series = series * z² - 1.0 / 3
    return large.replacing(with: z * (1 + z² * series), where: isSmall)
}

extension Vec {
    /// y ← tanh(v), entry by entry, eight at a time; the remainder goes through the same code.
    @inline(__always)
    func set(tanhOf v: Vec) {
        assert(v.count == count)
        var j = 0
        while j &+ 8 <= count {
            store(tanh(load(v.base + j) as SIMD8<Double>), base + j)
            j &+= 8
        }
        if j < count {
            var rest = SIMD8<Double>()
            for k in j..<count { rest[k &- j] = v.base[k] }
            let y = tanh(rest)
            for k in j..<count { base[k] = y[k &- j] }
        }
    }
}
