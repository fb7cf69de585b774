/// How a change in one hidden state reaches a later one: the Jacobians of a forward pass.
///
/// Since h(s) = tanh(b + W h(s−1) + U x(s)), one step back is
///
///     ∂h(s)/∂h(s−1) = diag(1 − h(s)²) W
///
/// and over a gap of τ − t steps the chain rule multiplies them:
///
///     ∂h(τ)/∂h(t) = diag(1 − h(τ)²) W · diag(1 − h(τ−1)²) W ⋯ diag(1 − h(t+1)²) W.
///
/// BPTT applies the transpose of this product to ∂L/∂h(τ) when it carries a late step's
/// error back to step t, so its norm says how much of that error arrives. The norm is at most
/// the product over the steps of maxᵢ(1 − hᵢ(s)²) · ‖W‖₂: saturated states (1 − h² near 0)
/// make it vanish; with states near 0 it behaves like the powers of W, whose norms grow or
/// shrink like ρ(W)^(τ−t).
///
/// ```swift
/// var forward = ForwardPass(hidden: 16, τ: 8)
/// forward.run(θ, x: sample.x)
/// let jacobians = HiddenJacobians(θ, forward: forward)
/// for t in 1...7 { print(t, jacobians.product(from: t, to: 8).spectralNorm) }
/// ```
public struct HiddenJacobians: Sendable {
    /// W of the network the forward pass ran.
    public let W: Matrix
    /// h(0)...h(τ) of that forward pass, one row per step.
    public let h: Matrix

    public var τ: Int { h.rows - 1 }

    public init(_ θ: Parameters, forward: ForwardPass) {
        precondition(forward.h.columns == θ.H, "the forward pass belongs to another network")
        W = θ.W
        h = forward.h
    }

    /// ∂h(s)/∂h(s−1) = diag(1 − h(s)²) W, for s in 1...τ: row i of W scaled by 1 − h_i(s)².
    public func step(_ s: Int) -> Matrix {
        precondition((1...τ).contains(s), "a step is within 1...τ")
        var J = W
        for i in 0..<W.rows {
            let slope = 1 - h[s, i] * h[s, i]
            for j in 0..<W.columns { J[i, j] *= slope }
        }
        return J
    }

    /// ∂h(later)/∂h(earlier), the product of the steps in between; the identity when the two
    /// are the same step. Needs 0 ≤ earlier ≤ later ≤ τ.
    public func product(from earlier: Int, to later: Int) -> Matrix {
        precondition(0 <= earlier && earlier <= later && later <= τ, "need 0 ≤ earlier ≤ later ≤ τ")
        var J = Matrix.identity(W.rows)
        // Build from the right: J ← step(s) · J for s = earlier+1, ..., later.
        for s in stride(from: earlier + 1, through: later, by: 1) { J = step(s).multiplied(by: J) }
        return J
    }

    /// ‖∂h(later)/∂h(t)‖₂ for t = 1...later−1, in that order: the gain of the road from each
    /// earlier state to `later` (τ by default).
    public func spectralNorms(to later: Int? = nil) -> [Double] {
        let later = later ?? τ
        guard later > 1 else { return [] }
        return (1..<later).map { product(from: $0, to: later).spectralNorm }
    }

    /// The saturation factors 1 − h_i(s)² of step s: each is the slope of tanh at a_i(s), 1
    /// when the unit sits at 0 and near 0 when it is saturated at ±1.
    public func slopes(at s: Int) -> [Double] {
        (0..<h.columns).map { 1 - h[s, $0] * h[s, $0] }
    }
}
