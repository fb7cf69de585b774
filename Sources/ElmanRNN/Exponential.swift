/// e^x for eight numbers at once, for ``tanh(_:)``: libm has no vector `exp` that Swift can
/// call portably, and a scalar call per entry kept the forward pass from using the vector unit.
///
/// The textbook method (as in fdlibm): x = k ln 2 + r with k an integer and |r| ≤ ½ ln 2, so
/// e^x = 2^k e^r; e^r from its Taylor series to r¹³ (truncation error below 5·10⁻¹⁸), 2^k built
/// from its bits. ln 2 is split in two parts so that k · ln2High is exact. Valid for
/// |x| ≤ 700 (the caller needs 0 ≤ x ≤ 40); within 1e-15 relative of Foundation's `exp` (tested).
@inline(__always)
func exponential(_ x: SIMD8<Double>) -> SIMD8<Double> {
    typealias V = SIMD8<Double>
    let log2e = 1.4426950408889634
    let ln2High = 6.93147180369123816490e-01
    let ln2Low = 1.90821492927058770002e-10
    // Adding 1.5 · 2⁵² rounds to an integer, which then sits in the low bits of the sum.
    let shifter = V(repeating: 6755399441055744.0)
    let shifted = x * log2e + shifter
    let k = shifted - shifter
    let r = (x - k * ln2High) - k * ln2Low
    // e^r = 1 + r + r²/2! + … + r¹³/13!, grouped as pairs in r², then pairs in r⁴ (Estrin's
    // scheme): the same terms as Horner's rule, with a dependency chain a third as long.
    let r² = r * r, r⁴ = r² * r²
    let q0 = r + 1, q1 = r * (1.0 / 6) + 1.0 / 2
    let q2 = r * (1.0 / 120) + 1.0 / 24, q3 = r * (1.0 / 5_040) + 1.0 / 720
    let q4 = r * (1.0 / 362_880) + 1.0 / 40_320, q5 = r * (1.0 / 39_916_800) + 1.0 / 3_628_800
    let q6 = r * (1.0 / 6_227_020_800) + 1.0 / 479_001_600
    let s0 = q1 * r² + q0, s1 = q3 * r² + q2, s2 = q5 * r² + q4
    let p = ((q6 * r⁴ + s2) * r⁴ + s1) * r⁴ + s0
    let kBits = unsafeBitCast(shifted, to: SIMD8<Int64>.self) &- unsafeBitCast(shifter, to: SIMD8<Int64>.self)
    let twoToTheK = unsafeBitCast((kBits &+ 1023) &<< 52, to: V.self)
    return p * twoToTheK
}
