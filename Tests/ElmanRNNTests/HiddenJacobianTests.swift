import ElmanRNN
import Foundation
import Testing

@Suite struct HiddenJacobianTests {
    let θ = Parameters(hidden: 16, seed: 0)
    let sample = Sample(a: 107, b: 46, encoding: BitEncoding())

    private var jacobians: HiddenJacobians {
        var forward = ForwardPass(hidden: 16, τ: 8)
        forward.run(θ, x: sample.x)
        return HiddenJacobians(θ, forward: forward)
    }

    /// h(later) from h(start) = `h`, with the recurrence written out.
    private func run(from start: Int, to later: Int, h initial: [Double]) -> [Double] {
        var h = initial
        for s in (start + 1)...later {
            h = (0..<16).map { i in
                var a = θ.b[i]
                for k in 0..<2 { a += θ.U[i, k] * sample.x[s, k] }
                for j in 0..<16 { a += θ.W[i, j] * h[j] }
                return Foundation.tanh(a)
            }
        }
        return h
    }

    /// Column j of ∂h(8)/∂h(t) against (h(8)(h(t) + εe_j) − h(8)(h(t) − εe_j)) / 2ε.
    @Test(arguments: [1, 4, 7])
    func productMatchesFiniteDifferences(t: Int) {
        let J = jacobians.product(from: t, to: 8)
        let h = jacobians.h.row(t)
        let ε = 1e-6
        var worst = 0.0
        for j in 0..<16 {
            var plus = h, minus = h
            plus[j] += ε
            minus[j] -= ε
            let (up, down) = (run(from: t, to: 8, h: plus), run(from: t, to: 8, h: minus))
            for i in 0..<16 { worst = max(worst, abs((up[i] - down[i]) / (2 * ε) - J[i, j])) }
        }
        #expect(worst < 1e-8)
    }

    @Test func emptyProductIsTheIdentityAndOneStepIsTheStep() {
        #expect(jacobians.product(from: 5, to: 5) == Matrix.identity(16))
        #expect(jacobians.product(from: 4, to: 5) == jacobians.step(5))
        let slopes = jacobians.slopes(at: 3)
        #expect(jacobians.step(3)[2, 7] == slopes[2] * θ.W[2, 7])
        #expect(jacobians.spectralNorms().count == 7)
    }

    /// BPTT's ∂L/∂h(t) is the sum over later outputs τ′ of (∂h(τ′)/∂h(t))ᵀ Vᵀ ∂L/∂o(τ′).
    @Test func bpttIsTheSumOfTransposedProducts() {
        let bptt = GradientCheck.bptt(θ, sample: sample, outputGradient: .exact)
        var worst = 0.0
        for t in 1...8 {
            var sum = Array(repeating: 0.0, count: 16)
            for later in t...8 {
                let J = jacobians.product(from: t, to: later)
                for j in 0..<16 {
                    for i in 0..<16 { sum[j] += J[i, j] * θ.V[0, i] * bptt.dL_do[later] }
                }
            }
            for j in 0..<16 { worst = max(worst, abs(sum[j] - bptt.dL_dh[t, j])) }
        }
        #expect(worst < 1e-14)
    }
}
