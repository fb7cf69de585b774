import ElmanRNN
import Testing

@Suite struct TruncationTests {
    let θ = Parameters(hidden: 16, seed: 0)
    let sample = Sample(a: 107, b: 46, encoding: BitEncoding())

    private func backward(truncation: Int?, _ variant: OutputGradient = .exact) -> BackwardPass {
        var forward = ForwardPass(hidden: 16, τ: 8)
        forward.run(θ, x: sample.x)
        var backward = BackwardPass(hidden: 16, τ: 8, truncation: truncation)
        backward.run(θ, forward: forward, x: sample.x, y: sample.y, outputGradient: variant)
        return backward
    }

    /// k ≥ τ is exact BPTT, bit for bit, for both output gradients.
    @Test(arguments: [8, 9, 100])
    func aWindowOfTauIsExactBPTT(k: Int) {
        for variant in OutputGradient.allCases {
            let exact = backward(truncation: nil, variant), truncated = backward(truncation: k, variant)
            #expect(truncated.gradients == exact.gradients)
            #expect(truncated.dL_dh == exact.dL_dh && truncated.dL_da == exact.dL_da)
        }
    }

    /// k = 1, derived by hand: no road through W is left, so
    /// ∂L/∂a(t) = diag(1 − h(t)²) Vᵀ ∂L/∂o(t), ∂L/∂W = Σₜ ∂L/∂a(t) h(t−1)ᵀ, ∂L/∂U = Σₜ ∂L/∂a(t) x(t)ᵀ,
    /// ∂L/∂b = Σₜ ∂L/∂a(t), and ∂L/∂V, ∂L/∂c as in exact BPTT.
    @Test func aWindowOfOneKeepsOnlyTheRoadThroughV() {
        var forward = ForwardPass(hidden: 16, τ: 8)
        forward.run(θ, x: sample.x)
        let truncated = backward(truncation: 1)
        var dL_da = Matrix(rows: 9, columns: 16)
        var expected = Parameters(zerosWithHidden: 16)
        for t in 1...8 {
            let dL_do = OutputGradient.exact.dL_do(yHat: forward.yHat[t], y: sample.y[t])
            for i in 0..<16 {
                let h = forward.h[t, i]
                dL_da[t, i] = (1 - h * h) * (θ.V[0, i] * dL_do)
                for k in 0..<2 { expected.U[i, k] += dL_da[t, i] * sample.x[t, k] }
                for j in 0..<16 { expected.W[i, j] += dL_da[t, i] * forward.h[t - 1, j] }
                expected.b[i] += dL_da[t, i]
                expected.V[0, i] += dL_do * h
            }
            expected.c[0] += dL_do
        }
        for t in 1...8 {
            for i in 0..<16 { #expect(truncated.dL_da[t, i] == dL_da[t, i]) }
        }
        let worst = zip(truncated.gradients.allEntries, expected.allEntries).map { abs($0 - $1) }.max()!
        #expect(worst < 1e-15)
        #expect(truncated.gradients.V == backward(truncation: nil).gradients.V)
        #expect(truncated.gradients.W != backward(truncation: nil).gradients.W)
    }

    /// Every window k against its definition: ∂L/∂h(t) = Σ_{τ′ = t}^{t+k−1} (∂h(τ′)/∂h(t))ᵀ Vᵀ ∂L/∂o(τ′).
    @Test(arguments: 1...7)
    func everyWindowMatchesTheTruncatedSum(k: Int) {
        var forward = ForwardPass(hidden: 16, τ: 8)
        forward.run(θ, x: sample.x)
        let jacobians = HiddenJacobians(θ, forward: forward)
        let truncated = backward(truncation: k)
        var worst = 0.0
        for t in 1...8 {
            var sum = Array(repeating: 0.0, count: 16)
            for later in t...min(t + k - 1, 8) {
                let J = jacobians.product(from: t, to: later)
                for j in 0..<16 {
                    for i in 0..<16 { sum[j] += J[i, j] * θ.V[0, i] * truncated.dL_do[later] }
                }
            }
            for j in 0..<16 { worst = max(worst, abs(sum[j] - truncated.dL_dh[t, j])) }
        }
        #expect(worst < 1e-14)
        // Only the last step's error reaches back all the way, so k < τ changes ∂L/∂h(1).
        #expect(truncated.dL_dh.row(1) != backward(truncation: nil).dL_dh.row(1))
    }

    @Test func theTrainerPassesTheWindowOn() {
        var exact = Trainer(TrainingConfiguration(epochs: 200))
        var windowOfTau = Trainer(TrainingConfiguration(epochs: 200, truncation: 8))
        var windowOfTwo = Trainer(TrainingConfiguration(epochs: 200, truncation: 2))
        _ = exact.train(); _ = windowOfTau.train(); _ = windowOfTwo.train()
        #expect(windowOfTau.θ == exact.θ)
        #expect(windowOfTwo.θ != exact.θ)
        #expect(windowOfTwo.backward.truncation == 2)
    }
}
