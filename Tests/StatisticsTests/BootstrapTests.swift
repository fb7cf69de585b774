import Statistics
import Testing

@Suite struct BootstrapTests {
    private static let sample: [Double] = (0..<200).map { Double(($0 * 7919) % 1000) }

    @Test func sameSeedSameIntervalOtherSeedAnother() throws {
        let a = try #require(BootstrapInterval(median: Self.sample, seed: 3))
        let b = try #require(BootstrapInterval(median: Self.sample, seed: 3))
        let c = try #require(BootstrapInterval(median: Self.sample, seed: 4))
        #expect(a == b)
        #expect(a.lower != c.lower || a.upper != c.upper)
        #expect(a.resamples == BootstrapInterval.defaultResamples)
    }

    @Test func intervalHoldsTheEstimateAndSitsWithinTheData() throws {
        let interval = try #require(BootstrapInterval(median: Self.sample))
        #expect(interval.estimate == median(Self.sample))
        #expect(interval.lower <= interval.estimate && interval.estimate <= interval.upper)
        #expect(interval.lower >= Self.sample.min()! && interval.upper <= Self.sample.max()!)
        #expect(interval.upper > interval.lower)
    }

    /// The values 0…999 permuted: the sample median's standard error is about
    /// 1.2533 · σ/√n = 1.2533 · 288.7/√200 ≈ 25.6, so the 95% interval is about ±50 wide
    /// around 499.5: its half-width must be between 25 and 100.
    @Test func widthMatchesTheMediansStandardError() throws {
        let interval = try #require(BootstrapInterval(median: Self.sample))
        let halfWidth = (interval.upper - interval.lower) / 2
        #expect(halfWidth > 25 && halfWidth < 100)
    }

    /// The mean of 200 values with σ = 288.7 has a nearly normal bootstrap distribution with
    /// standard deviation σ/√200 = 20.4: the 95% percentile interval is the estimate ± 1.96 · 20.4
    /// = ± 40.0, symmetric to within the resampling noise (about 1 of 80).
    @Test func percentileIntervalOfAMeanIsTheNormalOne() throws {
        let mean = { (values: [Double]) in values.reduce(0, +) / Double(values.count) }
        let interval = try #require(BootstrapInterval(Self.sample, statistic: mean, resamples: 4000, seed: 1))
        let below = interval.estimate - interval.lower, above = interval.upper - interval.estimate
        #expect(abs(above - below) < 0.04 * (above + below))
        #expect(abs((above + below) / 2 - 40.0) < 4)
    }

    @Test func aConstantSampleHasAPointInterval() throws {
        let interval = try #require(BootstrapInterval(median: [7, 7, 7]))
        #expect(interval.lower == 7 && interval.upper == 7)
        #expect(BootstrapInterval(median: []) == nil)
        #expect(interval.description == "7 (95% CI 7–7)")
    }

    /// Coverage sanity: the median of 101 values drawn uniformly from 0..<1 is covered by
    /// the percentile interval of most samples (the bootstrap is approximate; 85–99%).
    @Test func coversTheTrueMedianMostOfTheTime() throws {
        var rng = SplitMix64(seed: 99)
        func uniform() -> Double { Double(rng.next() >> 11) * 0x1p-53 }
        var covered = 0
        let samples = 100
        for k in 0..<samples {
            let values = (0..<101).map { _ in uniform() }
            let interval = try #require(BootstrapInterval(median: values, resamples: 400, seed: UInt64(k)))
            if interval.lower <= 0.5 && 0.5 <= interval.upper { covered += 1 }
        }
        #expect(covered >= 85 && covered <= 99)
    }
}
