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
    /// Truncated BPTT: each step's error is carried back at most this many steps (its own
    /// included), so k = 1 keeps only the road through V. Nil, or any k ≥ τ, is exact BPTT,
    /// computed by the same code as without the option. See ``truncatedRecurrence(window:V:W:h:dL_do:dL_dh:dL_da:scratch:)``.
    public var truncation: Int?
    /// Gradient clipping by global norm: when ‖∂L/∂θ‖ over all entries (321 at H = 16) exceeds this
    /// threshold, every gradient is scaled by threshold/‖∂L/∂θ‖. Nil: no clipping, and the
    /// gradients are left exactly as computed. See ``Parameters/clip(toGlobalNorm:)``.
    public var clippingThreshold: Double?
    /// The global norm ‖∂L/∂θ‖ before clipping, for the last `run`; nil when clipping is off.
    public private(set) var unclippedNorm: Double?
    /// Two rows of H for the truncated recurrence, so it allocates nothing either.
    var truncationScratch: Matrix

    public var τ: Int { dL_do.count - 1 }

    public init(hidden H: Int, τ: Int, inputSize: Int = 2, truncation: Int? = nil, clippingThreshold: Double? = nil) {
        precondition(truncation.map { $0 >= 1 } ?? true, "a truncation window is at least one step")
        precondition(clippingThreshold.map { $0 > 0 } ?? true, "a clipping threshold is positive")
        dL_do = Array(repeating: 0, count: τ + 1)
        dL_dh = Matrix(rows: τ + 1, columns: H)
        dL_da = Matrix(rows: τ + 2, columns: H)
        gradients = Parameters(zerosWithHidden: H, inputSize: inputSize)
        self.truncation = truncation
        self.clippingThreshold = clippingThreshold
        truncationScratch = Matrix(rows: 2, columns: H)
    }

    /// Computes every gradient of one sample from a forward pass that has just run on it,
    /// truncated and clipped as `truncation` and `clippingThreshold` say.
    public mutating func run(
        _ θ: Parameters, forward f: ForwardPass, x: Matrix, y: [Double], outputGradient: OutputGradient
    ) {
        let H = θ.H, τ = self.τ, truncation = self.truncation
        precondition(f.τ == τ && dL_dh.columns == H && x.rows == τ + 1 && y.count == τ + 1, "shapes do not match")
        gradients.zero()
        θ.withViews { θ in f.h.withReadGrid { h in f.yHat.withReadVec { yHat in x.withReadGrid { x in
        withViews { dL_do, dL_dh, dL_da, g, scratch in
            // weave:begin dL_do
            // ∂L/∂o(t) = (ŷ(t) − y(t)) · ŷ(t) · (1 − ŷ(t))   (exact)   or   ŷ(t) − y(t)   (seed)
            for t in 1...τ { dL_do[t] = outputGradient.dL_do(yHat: yHat[t], y: y[t]) }
            // weave:end dL_do

            // weave:begin recurrence
            for t in stride(from: τ, through: 1, by: -1) {
                // ∂L/∂h(t) = Vᵀ ∂L/∂o(t) + Wᵀ ∂L/∂a(t+1), with Wᵀ v as W's rows weighted by v
                dL_dh[row: t].set(θ.V[row: 0], times: dL_do[t])
                dL_dh[row: t].add(rowsOf: θ.W, weightedBy: dL_da[row: t + 1])
                // ∂L/∂a(t) = diag(1 − h(t)²) ∂L/∂h(t)
                for i in 0..<H { dL_da[t, i] = (1 - h[t, i] * h[t, i]) * dL_dh[t, i] }
            }
            // weave:end recurrence
            if let k = truncation, k < τ {
                Self.truncatedRecurrence(
                    window: k, V: θ.V[row: 0], W: θ.W, h: h, dL_do: dL_do, dL_dh: dL_dh, dL_da: dL_da, scratch: scratch)
            }

            // weave:begin parameter-gradients
            // Row i of ∂L/∂U and ∂L/∂W sums over t with the weights ∂L/∂a_i(1), …, ∂L/∂a_i(τ).
            for i in 0..<H {
                let dL_da_i = dL_da[column: i, rows: 1...τ]
                // ∂L/∂U = Σₜ ∂L/∂a(t) x(t)ᵀ
                g.U[row: i].add(rowsOf: x[rows: 1...τ], weightedBy: dL_da_i)
                // ∂L/∂W = Σₜ ∂L/∂a(t) h(t−1)ᵀ
                g.W[row: i].add(rowsOf: h[rows: 0...τ - 1], weightedBy: dL_da_i)
                // ∂L/∂b = Σₜ ∂L/∂a(t)
                for t in 1...τ { g.b[i] += dL_da[t, i] }
            }
            // ∂L/∂V = Σₜ ∂L/∂o(t) h(t)ᵀ
            g.V[row: 0].add(rowsOf: h[rows: 1...τ], weightedBy: dL_do[1...τ])
            // ∂L/∂c = Σₜ ∂L/∂o(t)
            for t in 1...τ { g.c[0] += dL_do[t] }
            // weave:end parameter-gradients
        } } } } }
        if let threshold = clippingThreshold {
            unclippedNorm = gradients.clip(toGlobalNorm: threshold)
        } else {
            unclippedNorm = nil
        }
    }

    private mutating func withViews(_ body: (Vec, Grid, Grid, ParameterViews, Grid) -> Void) {
        dL_do.withVec { dL_do in dL_dh.withGrid { dL_dh in dL_da.withGrid { dL_da in
            gradients.withMutableViews { g in truncationScratch.withGrid { scratch in body(dL_do, dL_dh, dL_da, g, scratch) } }
        } } }
    }
}
