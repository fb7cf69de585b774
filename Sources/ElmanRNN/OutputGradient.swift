/// Which ∂L/∂o(t) starts the backward pass.
///
/// The seed states the squared-error loss L = Σ ½(y − ŷ)² but writes ∂L/∂o = ŷ − y.
/// Through ŷ = σ(o), the chain rule gives (ŷ − y) · σ'(o) = (ŷ − y) · ŷ · (1 − ŷ) for that
/// loss; `ŷ − y` alone is the exact gradient of binary cross-entropy instead, because
/// σ' = ŷ(1 − ŷ) cancels against the 1/(ŷ(1 − ŷ)) of the log loss. Both are kept so the
/// course can train each and compare: the seed's formula is what its results came from.
public enum OutputGradient: String, CaseIterable, Sendable {
    /// (ŷ − y) · ŷ · (1 − ŷ): the exact gradient of the stated squared-error loss.
    case exact
    /// ŷ − y as the seed writes it: the exact gradient of ``crossEntropyLoss(yHat:y:)``.
    case seed

    /// ∂L/∂o(t) for one step.
    @inlinable
    public func dL_do(yHat: Double, y: Double) -> Double {
        // weave:begin output-gradient
        switch self {
        case .exact: (yHat - y) * yHat * (1 - yHat)
        case .seed: yHat - y
        }
        // weave:end output-gradient
    }

    /// The loss this gradient is exact for.
    public func loss(yHat: [Double], y: [Double]) -> Double {
        switch self {
        case .exact: squaredErrorLoss(yHat: yHat, y: y)
        case .seed: crossEntropyLoss(yHat: yHat, y: y)
        }
    }
}
