import Foundation

/// Numerical checks of BPTT by central finite differences, (L(θ + ε) − L(θ − ε)) / 2ε.
///
/// The losses here come from ``referenceLoss(_:sample:outputGradient:nudge:)``, a plain
/// forward pass written separately from ``ForwardPass`` that can also nudge one
/// pre-activation a_i(t) or one hidden value h_i(t), so the intermediate gradients
/// ∂L/∂a(t) and ∂L/∂h(t) can be checked too, not only the parameters'.
public enum GradientCheck {
    /// Where a nudge of size ε is added during the reference forward pass.
    public enum Nudge: Sendable {
        /// a_i(t) += ε before the tanh.
        case preActivation(t: Int, i: Int, ε: Double)
        /// h_i(t) += ε after the tanh (so it reaches o(t) and a(t+1)).
        case hidden(t: Int, i: Int, ε: Double)
        /// o(t) += ε before the sigmoid.
        case output(t: Int, ε: Double)
    }

    /// The loss that `outputGradient` is exact for (squared error or cross-entropy), from a
    /// straightforward forward pass.
    public static func referenceLoss(
        _ θ: Parameters, sample: Sample, outputGradient: OutputGradient, nudge: Nudge? = nil
    ) -> Double {
        let H = θ.H
        var hPrevious = Array(repeating: 0.0, count: H)
        var yHat = Array(repeating: 0.0, count: sample.τ + 1)
        for t in 1...sample.τ {
            var h = Array(repeating: 0.0, count: H)
            for i in 0..<H {
                var a = θ.b[i]
                for k in 0..<θ.inputSize { a += θ.U[i, k] * sample.x[t, k] }
                for j in 0..<H { a += θ.W[i, j] * hPrevious[j] }
                if case .preActivation(t, i, let ε)? = nudge { a += ε }
                h[i] = Foundation.tanh(a)
                if case .hidden(t, i, let ε)? = nudge { h[i] += ε }
            }
            var o = θ.c[0]
            for j in 0..<H { o += θ.V[0, j] * h[j] }
            if case .output(t, let ε)? = nudge { o += ε }
            yHat[t] = σ(o)
            hPrevious = h
        }
        return outputGradient.loss(yHat: yHat, y: sample.y)
    }

    /// ∂L/∂θ for every entry of U, W, b, V and c, one entry at a time.
    public static func parameterGradients(
        _ θ: Parameters, sample: Sample, outputGradient: OutputGradient, ε: Double = 1e-5
    ) -> Parameters {
        func L(_ p: Parameters) -> Double { referenceLoss(p, sample: sample, outputGradient: outputGradient) }
        var g = Parameters(zerosWithHidden: θ.H, inputSize: θ.inputSize)
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

    /// The derivative of the loss along one nudge: (L(+ε) − L(−ε)) / 2ε.
    public static func derivative(
        _ θ: Parameters, sample: Sample, outputGradient: OutputGradient, nudge: (Double) -> Nudge, ε: Double = 1e-5
    ) -> Double {
        let plus = referenceLoss(θ, sample: sample, outputGradient: outputGradient, nudge: nudge(ε))
        let minus = referenceLoss(θ, sample: sample, outputGradient: outputGradient, nudge: nudge(-ε))
        return (plus - minus) / (2 * ε)
    }

    /// |n − a| / max(|n|, |a|), with a floor of 1e-4 on the denominator: below it the finite
    /// difference's own rounding error (about 1e-11) dominates, so the check becomes absolute.
    public static func relativeError(_ numeric: Double, _ analytic: Double) -> Double {
        abs(numeric - analytic) / max(abs(numeric), abs(analytic), 1e-4)
    }

    /// BPTT's gradients of one sample, from the library's forward and backward passes.
    public static func bptt(_ θ: Parameters, sample: Sample, outputGradient: OutputGradient) -> BackwardPass {
        var forward = ForwardPass(hidden: θ.H, τ: sample.τ)
        forward.run(θ, x: sample.x)
        var backward = BackwardPass(hidden: θ.H, τ: sample.τ, inputSize: θ.inputSize)
        backward.run(θ, forward: forward, x: sample.x, y: sample.y, outputGradient: outputGradient)
        return backward
    }
}
