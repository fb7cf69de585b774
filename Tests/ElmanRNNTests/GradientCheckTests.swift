import ElmanRNN
import Testing

/// Central finite differences against BPTT for every entry of U, W, b, V and c.
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
            let worst = maxRelativeError(θ, a: a, b: b, variant: variant)
            #expect(worst < 1e-6, "\(variant) (\(a), \(b)): worst relative error \(worst)")
        }
    }

    @Test func theSeedsGradientIsNotTheSquaredErrorGradient() {
        let θ = Parameters(hidden: 6, seed: 1)
        let analytic = gradients(θ, a: 85, b: 42, variant: .seed)
        let numeric = numericGradients(θ, a: 85, b: 42, loss: squaredErrorLoss)
        #expect(relativeError(numeric.c[0], analytic.c[0]) > 0.1)
    }
}

func gradients(_ θ: Parameters, a: Int, b: Int, variant: OutputGradient) -> Parameters {
    let sample = Sample(a: a, b: b, encoding: BitEncoding())
    var forward = ForwardPass(hidden: θ.H, τ: 8)
    forward.run(θ, x: sample.x)
    var backward = BackwardPass(hidden: θ.H, τ: 8)
    backward.run(θ, forward: forward, x: sample.x, y: sample.y, outputGradient: variant)
    return backward.gradients
}

/// (L(θ + ε) − L(θ − ε)) / 2ε for every entry, one entry at a time.
func numericGradients(
    _ θ: Parameters, a: Int, b: Int, loss: ([Double], [Double]) -> Double, ε: Double = 1e-5
) -> Parameters {
    let sample = Sample(a: a, b: b, encoding: BitEncoding())
    func L(_ p: Parameters) -> Double {
        var forward = ForwardPass(hidden: p.H, τ: 8)
        forward.run(p, x: sample.x)
        return loss(forward.yHat, sample.y)
    }
    var g = Parameters(zerosWithHidden: θ.H)
    func each(_ field: WritableKeyPath<Parameters, [Double]>) {
        for k in θ[keyPath: field].indices {
            var plus = θ, minus = θ
            plus[keyPath: field][k] += ε
            minus[keyPath: field][k] -= ε
            g[keyPath: field][k] = (L(plus) - L(minus)) / (2 * ε)
        }
    }
    each(\.U.elements); each(\.W.elements); each(\.b); each(\.V.elements); each(\.c)
    return g
}

/// |n − a| / max(|n|, |a|), with a floor of 1e-4 on the denominator: below that the
/// finite difference's own rounding error (~1e-11) dominates, so the check is absolute there.
func relativeError(_ n: Double, _ a: Double) -> Double { abs(n - a) / max(abs(n), abs(a), 1e-4) }

func maxRelativeError(_ θ: Parameters, a: Int, b: Int, variant: OutputGradient) -> Double {
    let analytic = gradients(θ, a: a, b: b, variant: variant)
    let numeric = numericGradients(θ, a: a, b: b, loss: variant.loss)
    return zip(numeric.allEntries, analytic.allEntries).map(relativeError).max() ?? 0
}
