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
}
