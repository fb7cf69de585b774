/// Gradient clipping by global norm, ``Parameters/clip(toGlobalNorm:)``, and the SGD step
/// after it, for a lane group: part of ``LaneViews/runBackwardAndDescend(outputGradient:learningRate:truncation:clippingThreshold:)``.
///
/// Whether a lane clips is its own affair, so the reference's `guard norm > threshold` becomes
/// a mask: every lane computes the scaled gradient, and a lane that does not clip keeps its
/// gradient as computed instead, so its step is exactly the unclipped one. The mask is false
/// where the reference's guard fails: a norm at or below the threshold, a norm of 0 (whose scale
/// would be infinite) and a NaN norm.
extension LaneViews {
    /// With ∂L/∂θ in `gradients`: ‖∂L/∂θ‖ summed as the reference sums it (0 + U's entries²,
    /// row-major, then W's, b's, V's and c's: the parameters' layout order); where it exceeds
    /// `threshold`, g ← g · (threshold / ‖∂L/∂θ‖); then θ ← θ − α g for every entry.
    @inline(__always)
    func descendAlongClippedGradients(threshold: Double, learningRate α: Double) {
        let count = layout.parameterCount
        var sumOfSquares = LaneVector()
        for p in 0..<count { sumOfSquares += gradients[p] * gradients[p] }
        // SIMD square root and division are IEEE's correctly rounded ones, as the scalar ones are.
        let norm = sumOfSquares.squareRoot(), limit = LaneVector(repeating: threshold)
        let clips = norm .> limit, scale = limit / norm
        let step = LaneVector(repeating: α)
        for p in 0..<count {
            let g = gradients[p]
            θ[p] -= step * g.replacing(with: g * scale, where: clips)
        }
    }
}
