import Statistics

/// A sweep's headline numbers with their uncertainty: the convergence rate with Wilson's
/// interval, the median epochs to converge with a bootstrap interval, the quartiles, and the
/// histogram of epochs.
///
/// ```swift
/// let sweep = Sweep(TrainingConfiguration(), seeds: Array(0..<1000))
/// print(sweep.convergenceRate)               // 96.3% (95% CI 94.9–97.3%)
/// print(sweep.medianEpochsInterval!)          // 2588 (95% CI …)
/// print(sweep.epochQuartiles!)                // IQR 2013–3540
/// ```
extension Sweep {
    /// The runs that converged within the budget, out of all runs, with the 95% Wilson interval.
    public var convergenceRate: ProportionInterval { convergenceRate(level: 0.95) }

    /// As ``convergenceRate`` at another confidence level.
    public func convergenceRate(level: Double) -> ProportionInterval {
        ProportionInterval(successes: converged.count, trials: runs.count, level: level)
    }

    /// The median epochs to converge over the runs that converged, with its 95% bootstrap
    /// percentile interval (2000 resamples, seed 0); nil when no run converged.
    public var medianEpochsInterval: BootstrapInterval? { medianEpochsInterval() }

    /// As ``medianEpochsInterval`` with another level, number of resamples or seed.
    public func medianEpochsInterval(
        level: Double = 0.95, resamples: Int = BootstrapInterval.defaultResamples, seed: UInt64 = 0
    ) -> BootstrapInterval? {
        BootstrapInterval(median: converged.map(Double.init), level: level, resamples: resamples, seed: seed)
    }

    /// The quartiles of the epochs to converge (type 7) over the runs that converged.
    public var epochQuartiles: Quartiles? { Quartiles(converged.map(Double.init)) }

    /// The epochs to converge in bins of `binWidth` from 0 (runs that never converged are left out).
    public func epochHistogram(binWidth: Double) -> Histogram {
        Histogram(converged.map(Double.init), binWidth: binWidth, from: 0)
    }

    /// The share of `draws` groups of `size` runs, each drawn at random without replacement
    /// from this sweep (from `seed`), whose median epochs to converge (over the group's
    /// converged runs) is at least `threshold`: how often a sweep of `size` seeds reports a
    /// median that high when this sweep is the population. A group in which no run converged
    /// has no median and counts as below. Nil when the sweep has fewer than `size` runs.
    public func shareOfGroups(
        size: Int, withMedianEpochsAtLeast threshold: Double, draws: Int = 10_000, seed: UInt64 = 0
    ) -> Double? {
        guard size >= 1, size <= runs.count, draws >= 1 else { return nil }
        var rng = SplitMix64(seed: seed)
        var pool = runs.map(\.epochsToConverge)
        var high = 0
        for _ in 0..<draws {
            // A partial Fisher–Yates shuffle: the first `size` entries become the group.
            for k in 0..<size { pool.swapAt(k, k + rng.uniform(below: pool.count - k)) }
            if let m = median(pool[..<size].compactMap { $0.map(Double.init) }), m >= threshold { high += 1 }
        }
        return Double(high) / Double(draws)
    }
}
