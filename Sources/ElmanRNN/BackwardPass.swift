/// Backpropagation through time, the seed's section 2.3, one loop per equation.
///
/// Rows are time steps as in ``ForwardPass``. `dL_da` has a row τ+1 that stays zero, so
/// the recurrence for ∂L/∂h(t) needs no special case at t = τ: there ∂L/∂a(τ+1) = 0 and it
/// reduces to the seed's ∂L/∂h(τ) = Vᵀ ∂L/∂o(τ).
public struct BackwardPass: Sendable {
    /// ∂L/∂o(t): τ+1 entries.
    public var dL_do: [Double]
    /// ∂L/∂h(t): (τ+1)×H.
    public var dL_dh: Matrix
    /// ∂L/∂a(t): (τ+2)×H, row τ+1 zero.
    public var dL_da: Matrix
    /// ∂L/∂U, ∂L/∂W, ∂L/∂b, ∂L/∂V, ∂L/∂c, named `U`, `W`, ... as the parameters they belong to.
    public var gradients: Parameters

    public var τ: Int { dL_do.count - 1 }

    public init(hidden H: Int, τ: Int, inputSize: Int = 2) {
        dL_do = Array(repeating: 0, count: τ + 1)
        dL_dh = Matrix(rows: τ + 1, columns: H)
        dL_da = Matrix(rows: τ + 2, columns: H)
        gradients = Parameters(zerosWithHidden: H, inputSize: inputSize)
    }

    /// Computes every gradient of one sample from a forward pass that has just run on it.
    public mutating func run(
        _ θ: Parameters, forward f: ForwardPass, x: Matrix, y: [Double], outputGradient: OutputGradient
    ) {
        let H = θ.H
        // weave:begin dL_do
        // ∂L/∂o(t) = (ŷ(t) − y(t)) · ŷ(t) · (1 − ŷ(t))   (exact)   or   ŷ(t) − y(t)   (seed)
        for t in 1...τ { dL_do[t] = outputGradient.dL_do(yHat: f.yHat[t], y: y[t]) }
        // weave:end dL_do

        // weave:begin recurrence
        for t in stride(from: τ, through: 1, by: -1) {
            // ∂L/∂h(t) = Wᵀ ∂L/∂a(t+1) + Vᵀ ∂L/∂o(t)
            for j in 0..<H {
                var sum = θ.V[0, j] * dL_do[t]
                for i in 0..<H { sum += θ.W[i, j] * dL_da[t + 1, i] }
                dL_dh[t, j] = sum
            }
            // ∂L/∂a(t) = diag(1 − h(t)²) ∂L/∂h(t)
            for i in 0..<H { dL_da[t, i] = (1 - f.h[t, i] * f.h[t, i]) * dL_dh[t, i] }
        }
        // weave:end recurrence

        gradients.zero()
        // weave:begin parameter-gradients
        for t in 1...τ {
            for i in 0..<H {
                // ∂L/∂U = Σₜ ∂L/∂a(t) x(t)ᵀ
                for k in 0..<θ.inputSize { gradients.U[i, k] += dL_da[t, i] * x[t, k] }
                // ∂L/∂W = Σₜ ∂L/∂a(t) h(t−1)ᵀ
                for j in 0..<H { gradients.W[i, j] += dL_da[t, i] * f.h[t - 1, j] }
                // ∂L/∂b = Σₜ ∂L/∂a(t)
                gradients.b[i] += dL_da[t, i]
                // ∂L/∂V = Σₜ ∂L/∂o(t) h(t)ᵀ
                gradients.V[0, i] += dL_do[t] * f.h[t, i]
            }
            // ∂L/∂c = Σₜ ∂L/∂o(t)
            gradients.c[0] += dL_do[t]
        }
        // weave:end parameter-gradients
    }
}
