/// The forward pass of ``ForwardPass`` for a lane group: lane l runs network l on its own x(t).
///
/// This is the fast sweep path; ``ForwardPass`` is the reference it is held to, bit for bit
/// (`LaneTrainingTests`). Each lane performs the reference's operations in the reference's
/// order: a_i(t) starts from b_i, then adds W[i, j] h_j(t−1) for j = 0, 1, … and U[i, k] x_k(t)
/// for k = 0, 1 (the order in which `add(rowsOf:weightedBy:)` adds the rows of Wᵀ and Uᵀ);
/// o(t) starts from c and adds V_j h_j(t) for j = 0, 1, …; `tanh` is elementwise.
extension LaneViews {
    /// h(1)...h(τ) and o(1)...o(τ) from x(1)...x(τ); h(0) must be zero.
    @inline(__always)
    func runForward() {
        for t in 1...layout.τ { runStep(t) }
    }

    /// h(t) and o(t) from h(t−1) and x(t), one step of ``runForward()``; the exhaustive
    /// evaluation also calls it alone, to share the steps of pairs with a common beginning.
    @inline(__always)
    func runStep(_ t: Int) {
        let H = layout.H, n = layout.inputSize
        let previous = h + (t &- 1) &* H, current = h + t &* H, xt = x + t &* n
        // Two hidden units at a time, so that each h_j(t−1) is loaded once for both.
        var i = 0
        while i &+ 2 <= H {
            let W0 = W + i &* H, W1 = W0 + H
            var a0 = b[i], a1 = b[i &+ 1]
            for j in 0..<H {
                let hj = previous[j]
                a0 += W0[j] * hj
                a1 += W1[j] * hj
            }
            let U0 = U + i &* n, U1 = U0 + n
            for k in 0..<n {
                a0 += U0[k] * xt[k]
                a1 += U1[k] * xt[k]
            }
            current[i] = tanh(a0)
            current[i &+ 1] = tanh(a1)
            i &+= 2
        }
        if i < H {
            let Wi = W + i &* H, Ui = U + i &* n
            var a = b[i]
            for j in 0..<H { a += Wi[j] * previous[j] }
            for k in 0..<n { a += Ui[k] * xt[k] }
            current[i] = tanh(a)
        }
        var sum = c[0]
        for j in 0..<H { sum += V[j] * current[j] }
        o[t] = sum
    }

    /// ŷ(t) = σ(o(t)) for t = 1...τ, one lane at a time through Foundation's `exp`, as the
    /// reference does (a vector `exp` would round differently).
    @inline(__always)
    func runSigmoid() {
        for t in 1...layout.τ {
            let ot = o[t]
            var yt = LaneVector()
            for lane in 0..<LaneVector.scalarCount { yt[lane] = σ(ot[lane]) }
            yHat[t] = yt
        }
    }
}
