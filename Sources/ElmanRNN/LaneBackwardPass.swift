/// BPTT and the SGD step of ``BackwardPass`` and ``Parameters/descend(along:learningRate:)``
/// for a lane group, after ``LaneViews/runForward()`` and ``LaneViews/runSigmoid()``.
///
/// This is the fast sweep path; ``BackwardPass`` and `descend` are the reference it is held to,
/// bit for bit (`LaneTrainingTests`, `LaneTruncationClippingTests`). Each lane performs the
/// reference's operations in the reference's order:
/// - ∂L/∂h_j(t) starts from V_j ∂L/∂o(t) and adds W[r, j] ∂L/∂a_r(t+1) for r = 0, 1, …, also at
///   t = τ where row τ+1 of ∂L/∂a is zero (the reference adds those zeros too); truncated BPTT
///   has its own recurrence (``LaneViews/runTruncatedRecurrence(window:)``);
/// - every parameter gradient starts from zero (the reference zeroes its accumulators) and adds
///   its terms for t = 1, 2, …, τ;
/// - the step is θ ← θ − (α · g) entry by entry. Without clipping the gradients are not stored:
///   each entry is applied as soon as its sum is complete, which is the same arithmetic, because
///   no gradient depends on a parameter that the step has already changed (the recurrence is
///   finished). Clipping needs the norm of all of them first, so they are stored
///   (``LaneViews/descendAlongClippedGradients(threshold:learningRate:)``).
extension LaneViews {
    /// One sample's ∂L/∂θ, truncated and clipped as ``BackwardPass/run(_:forward:x:y:outputGradient:)``
    /// with the same `truncation` and `clippingThreshold`, then θ ← θ − α ∂L/∂θ.
    /// The configuration is the same in every lane, so these branches are too.
    @inline(__always)
    func runBackwardAndDescend(
        outputGradient: OutputGradient, learningRate α: Double, truncation: Int?, clippingThreshold: Double?
    ) {
        for t in 1...layout.τ { dL_do[t] = outputGradient.dL_do(yHat: yHat[t], y: y[t]) }
        // The reference runs the exact recurrence also when it truncates, and then overwrites
        // every row of ∂L/∂a it produced, so skipping it here changes no bit. As there, k ≥ τ is
        // exact BPTT by the code that runs without truncation.
        if let k = truncation, k < layout.τ {
            runTruncatedRecurrence(window: k)
        } else {
            runExactRecurrence()
        }
        if let threshold = clippingThreshold {
            forEachParameterGradient { parameter, g in gradients[parameter - θ] = g }
            descendAlongClippedGradients(threshold: threshold, learningRate: α)
        } else {
            let step = LaneVector(repeating: α)
            forEachParameterGradient { parameter, g in parameter.pointee -= step * g }
        }
    }

    /// ∂L/∂a(τ)...∂L/∂a(1) from ∂L/∂o, the recurrence of exact BPTT.
    @inline(__always)
    func runExactRecurrence() {
        let H = layout.H, τ = layout.τ
        for t in stride(from: τ, through: 1, by: -1) {
            let next = dL_da + (t &+ 1) &* H, current = dL_da + t &* H, ht = h + t &* H
            // ∂L/∂h(t) = Vᵀ ∂L/∂o(t) + Wᵀ ∂L/∂a(t+1); ∂L/∂a(t) = diag(1 − h(t)²) ∂L/∂h(t).
            // Two entries at a time, so that each ∂L/∂a_r(t+1) is loaded once for both and two
            // chains of additions overlap.
            var j = 0
            while j &+ 2 <= H {
                var dL_dh0 = V[j] * dL_do[t], dL_dh1 = V[j &+ 1] * dL_do[t]
                for r in 0..<H {
                    let d = next[r], row = W + (r &* H &+ j)
                    dL_dh0 += row[0] * d
                    dL_dh1 += row[1] * d
                }
                current[j] = (1 - ht[j] * ht[j]) * dL_dh0
                current[j &+ 1] = (1 - ht[j &+ 1] * ht[j &+ 1]) * dL_dh1
                j &+= 2
            }
            if j < H {
                var dL_dh = V[j] * dL_do[t]
                for r in 0..<H { dL_dh += W[r &* H &+ j] * next[r] }
                current[j] = (1 - ht[j] * ht[j]) * dL_dh
            }
        }
    }

    /// Every parameter gradient, from ∂L/∂a and ∂L/∂o, handed to `use` with a pointer to its
    /// parameter as soon as its sum is complete (U, W and b row by row, then V, then c).
    @inline(__always)
    func forEachParameterGradient(_ use: (_ parameter: UnsafeMutablePointer<LaneVector>, _ gradient: LaneVector) -> Void) {
        let H = layout.H, n = layout.inputSize, τ = layout.τ
        for i in 0..<H {
            // ∂L/∂U = Σₜ ∂L/∂a(t) x(t)ᵀ
            for k in 0..<n {
                var g = LaneVector()
                for t in 1...τ { g += x[t &* n &+ k] * dL_da[t &* H &+ i] }
                use(U + (i &* n &+ k), g)
            }
            // ∂L/∂W = Σₜ ∂L/∂a(t) h(t−1)ᵀ, two entries of row i at a time (each dL_da loaded once)
            var j = 0
            while j &+ 2 <= H {
                var g0 = LaneVector(), g1 = LaneVector()
                for t in 1...τ {
                    let d = dL_da[t &* H &+ i], previous = h + ((t &- 1) &* H &+ j)
                    g0 += previous[0] * d
                    g1 += previous[1] * d
                }
                use(W + (i &* H &+ j), g0)
                use(W + (i &* H &+ j &+ 1), g1)
                j &+= 2
            }
            if j < H {
                var g = LaneVector()
                for t in 1...τ { g += h[(t &- 1) &* H &+ j] * dL_da[t &* H &+ i] }
                use(W + (i &* H &+ j), g)
            }
            // ∂L/∂b = Σₜ ∂L/∂a(t)
            var g = LaneVector()
            for t in 1...τ { g += dL_da[t &* H &+ i] }
            use(b + i, g)
        }
        // ∂L/∂V = Σₜ ∂L/∂o(t) h(t)ᵀ
        for j in 0..<H {
            var g = LaneVector()
            for t in 1...τ { g += h[t &* H &+ j] * dL_do[t] }
            use(V + j, g)
        }
        // ∂L/∂c = Σₜ ∂L/∂o(t)
        var g = LaneVector()
        for t in 1...τ { g += dL_do[t] }
        use(c, g)
    }
}

extension OutputGradient {
    /// ``dL_do(yHat:y:)`` for every lane: the same expression, evaluated elementwise.
    @inline(__always)
    func dL_do(yHat: LaneVector, y: LaneVector) -> LaneVector {
        switch self {
        case .exact: (yHat - y) * yHat * (1 - yHat)
        case .seed: yHat - y
        }
    }
}
