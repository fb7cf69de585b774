import ElmanRNN
import Foundation
import Testing

@Suite struct FiniteDifferenceBudgetTests {
    /// sin at 1: f‴ = −cos 1; at ε = 10⁻³ truncation dominates and the central difference is
    /// off by ε² cos(1) / 6 to within a per cent.
    @Test func truncationIsTheErrorAtLargeSteps() {
        let budget = FiniteDifferenceBudget(sin, at: 1, ε: 1e-3)
        #expect(abs(budget.thirdDerivative + cos(1)) < 1e-4)
        let actual = abs(budget.derivative - cos(1))
        #expect(abs(budget.truncation - 1e-6 * cos(1) / 6) < 1e-10)
        #expect(abs(actual - budget.truncation) < 0.01 * budget.truncation)
        #expect(budget.rounding < budget.truncation / 1000)
    }

    /// exp at 0 with ε = 10⁻¹⁰: rounding dominates; the error is no more than ten times the
    /// predicted u (|f| + |x f′|) / ε ≈ 1.1·10⁻⁶, and the best step is (3u)^⅓ ≈ 6.9·10⁻⁶.
    @Test func roundingIsTheErrorAtSmallSteps() {
        let budget = FiniteDifferenceBudget(exp, at: 0, ε: 1e-10)
        #expect(abs(budget.rounding - 0x1p-53 / 1e-10) < 1e-12)
        #expect(budget.truncation < budget.rounding / 1000)
        #expect(abs(budget.derivative - 1) <= 10 * budget.rounding)
        #expect(abs(budget.optimalStep - cbrt(3 * 0x1p-53)) < 1e-9)
    }

    /// On the course's network (seed 0, 107 + 46) at ε = 10⁻⁵, the W entry with the worst
    /// finite-difference error has that error predicted by the truncation term, within 3×,
    /// and it is far above 10⁻¹⁰.
    @Test func predictsTheCoursesWorstError() {
        let θ = Parameters(hidden: 16, seed: 0)
        let sample = Sample(a: 107, b: 46, encoding: BitEncoding())
        let comparison = GradientComparison(θ, sample: sample, outputGradient: .exact)
        let errors = zip(comparison.numeric.W.elements, comparison.analytic.W.elements).map { abs($0 - $1) }
        let worst = errors.indices.max { errors[$0] < errors[$1] }!
        let budget = GradientCheck.errorBudget(
            θ, sample: sample, outputGradient: .exact, entry: \.W[worst / 16, worst % 16])
        #expect(errors[worst] > 1e-9)
        #expect(budget.predicted > errors[worst] / 3 && budget.predicted < errors[worst] * 3)
        #expect(budget.truncation > 10 * budget.rounding)
    }
}
