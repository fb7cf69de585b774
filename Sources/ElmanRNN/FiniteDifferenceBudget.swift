import Foundation

/// The predicted error of a central finite difference (f(x+ε) − f(x−ε)) / 2ε against f′(x).
///
/// Two terms, which pull ε in opposite directions:
/// - truncation: the Taylor series leaves ε²/6 · f‴(x) (plus higher orders), so the error
///   shrinks with ε². f‴ is estimated from f itself, with a wider step h:
///   (f(x+2h) − 2f(x+h) + 2f(x−h) − f(x−2h)) / 2h³.
/// - rounding: each computed f carries a relative error of about the unit roundoff
///   u = 2⁻⁵³ ≈ 1.1·10⁻¹⁶, and x ± ε is itself rounded, so the difference quotient carries
///   about u · (|f(x)| + |x f′(x)|) / ε, which grows as ε shrinks.
///
/// The rounding term is an order of magnitude, not a bound: the loss's own computation adds a
/// few u more. The truncation term is the leading one of the series, so for ε ≪ h it is the
/// error itself to within a few per cent.
///
/// ```swift
/// let budget = GradientCheck.errorBudget(θ, sample: sample, outputGradient: .exact, entry: \.W[1, 2])
/// print(budget.truncation, budget.rounding, budget.optimalStep)
/// ```
public struct FiniteDifferenceBudget: Sendable, Equatable {
    /// The step of the central difference.
    public let ε: Double
    /// |f(x)|, |x| and the central difference's f′(x) at step ε.
    public let value: Double
    public let position: Double
    public let derivative: Double
    /// The estimate of f‴(x).
    public let thirdDerivative: Double

    /// The unit roundoff of `Double`, 2⁻⁵³.
    public static let unitRoundoff = Double.ulpOfOne / 2

    /// ε² |f‴(x)| / 6.
    public var truncation: Double { ε * ε * abs(thirdDerivative) / 6 }

    /// u (|f(x)| + |x f′(x)|) / ε.
    public var rounding: Double { Self.unitRoundoff * (value + abs(position * derivative)) / ε }

    /// The two together: the error to expect from the central difference at this ε.
    public var predicted: Double { truncation + rounding }

    /// The ε at which the two terms balance, minimising their sum: (3 u (|f| + |x f′|) / |f‴|)^⅓.
    public var optimalStep: Double {
        let r = Self.unitRoundoff * (value + abs(position * derivative))
        guard thirdDerivative != 0 else { return .infinity }
        return cbrt(3 * r / abs(thirdDerivative))
    }

    /// The budget of differentiating `f` at `x` with step ε; f‴ is estimated with step h.
    public init(_ f: (Double) -> Double, at x: Double, ε: Double = 1e-5, thirdDerivativeStep h: Double = 1e-2) {
        precondition(ε > 0 && h > 0, "steps are positive")
        self.ε = ε
        position = x
        value = abs(f(x))
        derivative = (f(x + ε) - f(x - ε)) / (2 * ε)
        thirdDerivative = (f(x + 2 * h) - 2 * f(x + h) + 2 * f(x - h) - f(x - 2 * h)) / (2 * h * h * h)
    }
}

extension GradientCheck {
    /// The error budget of the finite-difference check of one parameter entry, for example
    /// `\.W[1, 2]`, `\.b[0]` or `\.c[0]`, against the loss `outputGradient` is exact for.
    public static func errorBudget(
        _ θ: Parameters, sample: Sample, outputGradient: OutputGradient,
        entry: WritableKeyPath<Parameters, Double>, ε: Double = 1e-5, thirdDerivativeStep h: Double = 1e-2
    ) -> FiniteDifferenceBudget {
        FiniteDifferenceBudget({ value in
            var nudged = θ
            nudged[keyPath: entry] = value
            return referenceLoss(nudged, sample: sample, outputGradient: outputGradient)
        }, at: θ[keyPath: entry], ε: ε, thirdDerivativeStep: h)
    }
}
