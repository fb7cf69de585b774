/// Truncated BPTT, ``BackwardPass/truncatedRecurrence(window:V:W:h:dL_do:dL_dh:dL_da:scratch:)``,
/// for a lane group: part of ``LaneViews/runBackwardAndDescend(outputGradient:learningRate:truncation:clippingThreshold:)``.
///
/// The reference is matched operation for operation, so every lane's ∂L/∂a is its bits:
/// - each output's error is carried back on its own, outputs in the order 1, 2, …, τ, so each
///   ∂L/∂a_i(s) receives its terms in the reference's order (the output that is s itself first);
/// - ∂L/∂a starts from zero and every term is added to it, and the error carried one step back
///   starts from zero and adds W[r, j] (…)_r for r = 0, 1, …, as the reference's
///   `add(rowsOf:weightedBy:)` does: 0 + x is not always x (it turns −0 into +0);
/// - ∂L/∂h is not kept: the reference accumulates it too, but no gradient reads it.
extension LaneViews {
    /// Overwrites rows 1...τ of ∂L/∂a with the truncated recurrence of window `k` (1 ≤ k < τ);
    /// row τ+1 stays zero.
    @inline(__always)
    func runTruncatedRecurrence(window k: Int) {
        let H = layout.H, τ = layout.τ
        for t in 1...τ {
            for i in 0..<H { dL_da[t &* H &+ i] = LaneVector() }
        }
        for output in 1...τ {
            let oldest = max(1, output &- k &+ 1)
            // The error of o(output) at h(output): Vᵀ ∂L/∂o(output).
            for i in 0..<H { carried[i] = V[i] * dL_do[output] }
            for s in stride(from: output, through: oldest, by: -1) {
                let hs = h + s &* H, dL_das = dL_da + s &* H
                for i in 0..<H {
                    let throughTanh = (1 - hs[i] * hs[i]) * carried[i]
                    carriedThroughTanh[i] = throughTanh
                    dL_das[i] += throughTanh
                }
                if s > oldest { carryOneStepBack() }
            }
        }
    }

    /// carried ← Wᵀ carriedThroughTanh: from zero, W's rows weighted and added in order, two
    /// entries at a time so that each weight is loaded once for both.
    @inline(__always)
    private func carryOneStepBack() {
        let H = layout.H
        var j = 0
        while j &+ 2 <= H {
            var carried0 = LaneVector(), carried1 = LaneVector()
            for r in 0..<H {
                let d = carriedThroughTanh[r], row = W + (r &* H &+ j)
                carried0 += row[0] * d
                carried1 += row[1] * d
            }
            carried[j] = carried0
            carried[j &+ 1] = carried1
            j &+= 2
        }
        if j < H {
            var carriedj = LaneVector()
            for r in 0..<H { carriedj += W[r &* H &+ j] * carriedThroughTanh[r] }
            carried[j] = carriedj
        }
    }
}
