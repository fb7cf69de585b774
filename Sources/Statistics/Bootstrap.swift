/// A statistic of a sample with a bootstrap percentile interval.
///
/// The sample is resampled with replacement `resamples` times (default 2000); the statistic
/// of each resample is computed, and the interval runs between the (1 − level)/2 and
/// (1 + level)/2 type-7 quantiles of those values. The resampling is drawn from `seed` with
/// SplitMix64, so the same data and seed give the same interval on every platform.
///
/// ```swift
/// let typical = BootstrapInterval(median: epochs)
/// print(typical)   // 2588 (95% CI 2541–2637)
/// ```
public struct BootstrapInterval: Sendable, Equatable, CustomStringConvertible {
    /// The statistic of the sample itself.
    public let estimate: Double
    public let lower: Double
    public let upper: Double
    public let level: Double
    public let resamples: Int
    public let seed: UInt64

    /// The default number of resamples. Measured on skewed samples like the course's epochs to
    /// converge (20, 200 and 2000 values), the interval's ends move by less than a tenth of its
    /// width from one resampling seed to another.
    public static let defaultResamples = 2000

    /// The percentile interval of `statistic` over `values`; nil when `values` is empty.
    public init?(
        _ values: [Double], statistic: ([Double]) -> Double, level: Double = 0.95,
        resamples: Int = BootstrapInterval.defaultResamples, seed: UInt64 = 0
    ) {
        precondition(level > 0 && level < 1, "the level is a probability strictly between 0 and 1")
        precondition(resamples >= 1, "need at least one resample")
        guard !values.isEmpty else { return nil }
        var rng = SplitMix64(seed: seed)
        var resample = values
        var statistics: [Double] = []
        statistics.reserveCapacity(resamples)
        for _ in 0..<resamples {
            for k in resample.indices { resample[k] = values[rng.uniform(below: values.count)] }
            statistics.append(statistic(resample))
        }
        statistics.sort()
        estimate = statistic(values)
        lower = quantile(sorted: statistics, (1 - level) / 2) ?? estimate
        upper = quantile(sorted: statistics, (1 + level) / 2) ?? estimate
        self.level = level
        self.resamples = resamples
        self.seed = seed
    }

    /// The median of `values` with its bootstrap interval; nil when `values` is empty.
    public init?(
        median values: [Double], level: Double = 0.95,
        resamples: Int = BootstrapInterval.defaultResamples, seed: UInt64 = 0
    ) {
        self.init(values, statistic: { median($0) ?? .nan }, level: level, resamples: resamples, seed: seed)
    }

    /// "2588 (95% CI 2541–2637)", rounded to whole numbers.
    public var description: String { formatted(decimals: 0) }

    /// As `description`, with the given number of decimals.
    public func formatted(decimals: Int) -> String {
        "\(fixed(estimate, decimals)) (\(percent(level, 0))% CI \(fixed(lower, decimals))–\(fixed(upper, decimals)))"
    }
}
