import Foundation

/// A rate k/n with a confidence interval for the true probability behind it.
///
/// The interval is Wilson's score interval: the set of p for which a two-sided score test at
/// the given level does not reject. It is used rather than the Wald interval p̂ ± z√(p̂(1−p̂)/n),
/// which collapses to a single point at 0/n and n/n (a course that reports "20/20 converged"
/// needs exactly that case), and rather than the Clopper–Pearson "exact" interval, which is
/// conservative (its coverage is above the nominal level, often well above for small n).
/// Wilson's coverage stays close to the nominal level for every n and p, and its bounds are
/// always within [0, 1].
///
/// ```swift
/// let rate = ProportionInterval(successes: 963, trials: 1000)
/// print(rate)   // 96.3% (95% CI 94.9–97.3%)
/// ```
public struct ProportionInterval: Sendable, Equatable, CustomStringConvertible {
    public let successes: Int
    public let trials: Int
    /// The confidence level, for example 0.95.
    public let level: Double
    /// The lower and upper bounds, within [0, 1].
    public let lower: Double
    public let upper: Double

    /// The observed rate k/n (NaN when there are no trials).
    public var estimate: Double { trials > 0 ? Double(successes) / Double(trials) : .nan }

    /// Wilson's score interval for `successes` out of `trials` at `level` (0 < level < 1).
    /// With no trials the interval is all of [0, 1].
    public init(successes: Int, trials: Int, level: Double = 0.95) {
        precondition(trials >= 0 && (0...trials).contains(successes), "need 0 ≤ successes ≤ trials")
        precondition(level > 0 && level < 1, "the level is a probability strictly between 0 and 1")
        self.successes = successes
        self.trials = trials
        self.level = level
        guard trials > 0 else { (lower, upper) = (0, 1); return }
        // (p̂ + z²/2n ± z √(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)
        let n = Double(trials), p = Double(successes) / n
        let z = normalQuantile(1 - (1 - level) / 2), z² = z * z
        let centre = p + z² / (2 * n)
        let spread = z * (p * (1 - p) / n + z² / (4 * n * n)).squareRoot()
        let scale = 1 + z² / n
        // At k = 0 and k = n the formula gives exactly 0 and 1 in exact arithmetic; rounding
        // must not push them out of [0, 1].
        lower = successes == 0 ? 0 : max(0, (centre - spread) / scale)
        upper = successes == trials ? 1 : min(1, (centre + spread) / scale)
    }

    /// "96.3% (95% CI 95.0–97.3%)", one decimal.
    public var description: String { formatted(decimals: 1) }

    /// As `description`, with the given number of decimals on each percentage.
    public func formatted(decimals: Int) -> String {
        "\(percent(estimate, decimals))% (\(percent(level, 0))% CI "
            + "\(percent(lower, decimals))–\(percent(upper, decimals))%)"
    }
}

/// `value` × 100 with `decimals` decimals.
func percent(_ value: Double, _ decimals: Int) -> String { fixed(value * 100, decimals) }

/// `value` with `decimals` decimals.
func fixed(_ value: Double, _ decimals: Int) -> String { String(format: "%.*f", decimals, value) }
