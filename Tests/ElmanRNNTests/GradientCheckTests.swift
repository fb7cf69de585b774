import ElmanRNN
import Testing

/// Central finite differences against BPTT for every entry of U, W, b, V and c, and for the
/// intermediate gradients ∂L/∂o(t), ∂L/∂h(t) and ∂L/∂a(t).
///
/// The exact variant is checked against the squared-error loss the seed states. The seed's
/// variant, ∂L/∂o = ŷ − y, is checked against binary cross-entropy: it is that loss's
/// exact gradient (σ'(o) = ŷ(1 − ŷ) cancels), and it is *not* the squared-error gradient,
/// which the last test shows.
@Suite struct GradientCheckTests {
    static let pairs = [(0, 0), (127, 1), (85, 42), (200, 100), (255, 255)]

    @Test(arguments: OutputGradient.allCases, [UInt64(1), 2, 3])
    func bpttAgreesWithFiniteDifferences(variant: OutputGradient, seed: UInt64) {
        let θ = Parameters(hidden: 6, seed: seed)
        for (a, b) in Self.pairs {
            let sample = Sample(a: a, b: b, encoding: BitEncoding())
            let analytic = GradientCheck.bptt(θ, sample: sample, outputGradient: variant).gradients
            let numeric = GradientCheck.parameterGradients(θ, sample: sample, outputGradient: variant)
            let worst = zip(numeric.allEntries, analytic.allEntries).map(GradientCheck.relativeError).max() ?? 0
            #expect(worst < 1e-6, "\(variant) (\(a), \(b)): worst relative error \(worst)")
        }
    }

    @Test(arguments: OutputGradient.allCases)
    func intermediateGradientsAgreeWithFiniteDifferences(variant: OutputGradient) {
        let θ = Parameters(hidden: 5, seed: 11)
        let sample = Sample(a: 93, b: 58, encoding: BitEncoding())
        let backward = GradientCheck.bptt(θ, sample: sample, outputGradient: variant)
        var worst = 0.0
        for t in 1...8 {
            let dO = GradientCheck.derivative(θ, sample: sample, outputGradient: variant) { .output(t: t, ε: $0) }
            worst = max(worst, GradientCheck.relativeError(dO, backward.dL_do[t]))
            for i in 0..<5 {
                let dH = GradientCheck.derivative(θ, sample: sample, outputGradient: variant) { .hidden(t: t, i: i, ε: $0) }
                let dA = GradientCheck.derivative(θ, sample: sample, outputGradient: variant) { .preActivation(t: t, i: i, ε: $0) }
                worst = max(worst, GradientCheck.relativeError(dH, backward.dL_dh[t, i]),
                            GradientCheck.relativeError(dA, backward.dL_da[t, i]))
            }
        }
        #expect(worst < 1e-6, "worst relative error \(worst)")
    }

    @Test func theSeedsGradientIsNotTheSquaredErrorGradient() {
        let θ = Parameters(hidden: 6, seed: 1)
        let sample = Sample(a: 85, b: 42, encoding: BitEncoding())
        let analytic = GradientCheck.bptt(θ, sample: sample, outputGradient: .seed).gradients
        let numeric = GradientCheck.parameterGradients(θ, sample: sample, outputGradient: .exact)
        #expect(GradientCheck.relativeError(numeric.c[0], analytic.c[0]) > 0.1)
    }
}
