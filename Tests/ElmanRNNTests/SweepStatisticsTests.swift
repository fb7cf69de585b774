@testable import ElmanRNN
import Statistics
import Testing

@Suite struct SweepStatisticsTests {
    private func sweep(_ epochs: [Int?]) -> Sweep {
        var sweep = Sweep(TrainingConfiguration(), seeds: [])
        sweep.runs = epochs.enumerated().map { k, e in
            RunSummary(seed: UInt64(k), epochsToConverge: e, exhaustiveAccuracy: 1, finalLoss: 0,
                       θ: Parameters(zerosWithHidden: 1))
        }
        return sweep
    }

    @Test func rateCountsEveryRunAndTheMedianOnlyConvergedOnes() throws {
        let s = sweep([100, nil, 300, 200, 400])
        #expect(s.convergenceRate == ProportionInterval(successes: 4, trials: 5))
        let median = try #require(s.medianEpochsInterval)
        #expect(median.estimate == 250)
        #expect(median.lower >= 100 && median.upper <= 400)
        #expect(try #require(s.epochQuartiles).lower == 175)
        #expect(s.epochHistogram(binWidth: 200).counts == [1, 3])
    }

    @Test func noConvergedRunHasNoMedian() {
        let s = sweep([nil, nil])
        #expect(s.medianEpochsInterval == nil && s.epochQuartiles == nil)
        #expect(s.convergenceRate.upper < 1 && s.convergenceRate.lower == 0)
    }
}
