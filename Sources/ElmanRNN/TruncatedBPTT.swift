extension BackwardPass {
    /// Truncated BPTT with window k: ∂L/∂h(t) and ∂L/∂a(t) keep only the errors of the steps
    /// t, t+1, ..., t+k−1, so each output's error travels back at most k − 1 steps through W
    /// (Williams and Peng's BPTT(k), applied to every step's loss).
    ///
    /// Exact BPTT sums, for each step t, the error of every later step τ′ ≥ t carried back
    /// through the Jacobians ∂h(τ′)/∂h(t):
    ///
    ///     ∂L/∂h(t) = Σ_{τ′ ≥ t} (∂h(τ′)/∂h(t))ᵀ Vᵀ ∂L/∂o(τ′)
    ///
    /// and truncation drops the terms with τ′ − t ≥ k. With k = 1 only τ′ = t is left:
    /// ∂L/∂h(t) = Vᵀ ∂L/∂o(t), and ∂L/∂a(t) = diag(1 − h(t)²) Vᵀ ∂L/∂o(t). The exact
    /// recurrence cannot drop those terms (it has already summed them), so each output's error
    /// is carried back on its own: k·τ steps of H² work instead of τ, which for this network's
    /// τ = 8 is at most 8 times the exact cost. In a stream, truncation also bounds memory:
    /// only the last k hidden states are needed.
    ///
    /// Overwrites rows 1...τ of `dL_dh` and `dL_da` (row τ+1 of `dL_da` stays zero); `scratch`
    /// is 2×H.
    static func truncatedRecurrence(
        window k: Int, V: Vec, W: Grid, h: Grid, dL_do: Vec, dL_dh: Grid, dL_da: Grid, scratch: Grid
    ) {
        let τ = dL_do.count - 1, H = V.count
        for t in 1...τ {
            for i in 0..<H { dL_dh[t, i] = 0; dL_da[t, i] = 0 }
        }
        let carried = scratch[row: 0], carriedThroughTanh = scratch[row: 1]
        for output in 1...τ {
            let oldest = max(1, output - k + 1)
            // The error of o(output) at h(output): Vᵀ ∂L/∂o(output).
            carried.set(V, times: dL_do[output])
            for s in stride(from: output, through: oldest, by: -1) {
                for i in 0..<H {
                    dL_dh[s, i] += carried[i]
                    carriedThroughTanh[i] = (1 - h[s, i] * h[s, i]) * carried[i]
                    dL_da[s, i] += carriedThroughTanh[i]
                }
                // One step further back: Wᵀ diag(1 − h(s)²) (…), as W's rows weighted.
                if s > oldest {
                    for j in 0..<H { carried[j] = 0 }
                    carried.add(rowsOf: W, weightedBy: carriedThroughTanh)
                }
            }
        }
    }
}

extension Parameters {
    /// √(Σ θ²) over every entry of U, W, b, V and c.
    public var globalNorm: Double {
        var sum = 0.0
        for x in U.elements { sum += x * x }
        for x in W.elements { sum += x * x }
        for x in b { sum += x * x }
        for x in V.elements { sum += x * x }
        for x in c { sum += x * x }
        return sum.squareRoot()
    }

    /// Gradient clipping by global norm (Pascanu, Mikolov and Bengio, 2013): when the norm
    /// over all entries exceeds `threshold`, scales every entry by threshold / norm, keeping
    /// the direction; otherwise leaves every entry untouched. Returns the norm before.
    @discardableResult
    public mutating func clip(toGlobalNorm threshold: Double) -> Double {
        let norm = globalNorm
        guard norm > threshold else { return norm }
        let scale = threshold / norm
        for k in U.elements.indices { U.elements[k] *= scale }
        for k in W.elements.indices { W.elements[k] *= scale }
        for k in b.indices { b[k] *= scale }
        for k in V.elements.indices { V.elements[k] *= scale }
        for k in c.indices { c[k] *= scale }
        return norm
    }
}
