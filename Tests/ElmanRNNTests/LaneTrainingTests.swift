import ElmanRNN
import Testing

/// The lane-parallel sweep path against its reference: every lane of a ``LaneTrainer`` must
/// give, bit for bit, what ``Trainer`` gives for that seed alone.
@Suite struct LaneTrainingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let configuration: TrainingConfiguration
        let seeds: [UInt64]
        var testDescription: String { name }
    }

    static func configuration(
        hidden: Int = 16, epochs: Int, gradient: OutputGradient = .exact, order: BitOrder = .little,
        range: Int = 128, width: Int = 8, learningRate: Double = 0.1, window: Int = 100
    ) -> TrainingConfiguration {
        var c = TrainingConfiguration(
            hidden: hidden, learningRate: learningRate, epochs: epochs, outputGradient: gradient, order: order,
            operandRange: range)
        c.width = width
        c.window = window
        return c
    }

    static let cases: [Case] = [
        Case(name: "the seed's configuration, a full group", configuration: configuration(epochs: 3_000),
             seeds: Array(0..<8)),
        Case(name: "three seeds (not a multiple of the lane width)", configuration: configuration(epochs: 2_000),
             seeds: [11, 4, 1_000_003]),
        Case(name: "odd hidden size, seed gradient, width 6", configuration:
                configuration(hidden: 5, epochs: 2_000, gradient: .seed, range: 32, width: 6, window: 20),
             seeds: [3, 7, 9, 21, 22]),
        Case(name: "big-endian, overflowing sums, width 5, α = 0.3", configuration:
                configuration(hidden: 7, epochs: 2_000, order: .big, range: 32, width: 5, learningRate: 0.3,
                              window: 10),
             seeds: Array(100..<108)),
        Case(name: "one seed, hidden 1, width 1", configuration:
                configuration(hidden: 1, epochs: 500, range: 2, width: 1, window: 3), seeds: [42]),
    ]

    @Test(arguments: cases)
    func everyLaneEqualsTrainerAlone(_ c: Case) {
        #expect(LaneTrainer.supports(c.configuration))
        var lanes = LaneTrainer(c.configuration, seeds: c.seeds)
        let histories = lanes.train()
        #expect(histories.count == c.seeds.count)
        for (k, seed) in c.seeds.enumerated() {
            var one = c.configuration
            one.seed = seed
            var trainer = Trainer(one)
            let reference = trainer.train()
            let lane = histories[k]
            // Compared as Bools, so that a failure names the first differing epoch, not two whole histories.
            let firstDifference = zip(lane.loss, reference.loss).enumerated()
                .first { $0.element.0 != $0.element.1 }
                .map { "epoch \($0.offset + 1): \($0.element.0) in the lane, \($0.element.1) alone" } ?? "none"
            let sameLoss = lane.loss == reference.loss
            let sameAllBitsRight = lane.allBitsRight == reference.allBitsRight
            let sameWindowAccuracy = lane.windowAccuracy == reference.windowAccuracy
            #expect(sameLoss, "seed \(seed): loss, first difference at \(firstDifference)")
            #expect(sameAllBitsRight, "seed \(seed): allBitsRight")
            #expect(sameWindowAccuracy, "seed \(seed): windowAccuracy")
            #expect(lane.epochsToConverge == reference.epochsToConverge, "seed \(seed): epochsToConverge")
            let sameθ = lanes.θ(k) == trainer.θ
            #expect(sameθ, "seed \(seed): final θ")
        }
    }

    /// The lane evaluation walks the pairs by their beginnings, in either bit order: operand
    /// ranges that are and are not powers of two, sums that overflow, and the seed's own.
    static let evaluationCases = cases.filter { $0.configuration.operandRange <= 32 } + [
        Case(name: "the seed's configuration, trained part way", configuration: configuration(epochs: 2_500),
             seeds: Array(0..<8)),
        Case(name: "a range that is no power of two", configuration:
                configuration(hidden: 6, epochs: 1_500, range: 21, width: 6, window: 20), seeds: [1, 2, 3]),
        Case(name: "big-endian, a range that is no power of two", configuration:
                configuration(hidden: 6, epochs: 1_000, order: .big, range: 21, width: 6, window: 20), seeds: [4, 5]),
        Case(name: "little-endian, overflowing sums", configuration:
                configuration(hidden: 7, epochs: 1_500, range: 32, width: 5, window: 10), seeds: Array(200..<208)),
    ]

    /// The lane evaluation decides ŷ ≥ ½ from o where that is certain; the counts must match.
    @Test(arguments: evaluationCases)
    func exhaustiveAccuraciesEqualEvaluation(_ c: Case) {
        var lanes = LaneTrainer(c.configuration, seeds: c.seeds)
        _ = lanes.train()
        let accuracies = lanes.exhaustiveAccuracies()
        for k in c.seeds.indices {
            #expect(accuracies[k] == Evaluation.exhaustiveAccuracy(
                lanes.θ(k), operandRange: c.configuration.operandRange, encoding: lanes.encoding))
        }
    }

    @Test func sweepEqualsPerSeedRuns() {
        // Ten seeds: a full group and a partial one, spread over the cores.
        let configuration = Self.configuration(hidden: 6, epochs: 1_500, range: 16, width: 5, window: 20)
        let seeds = Array(UInt64(0)..<10)
        let sweep = Sweep(configuration, seeds: seeds)
        let perSeed = seeds.map { seed in
            var one = configuration
            one.seed = seed
            return RunSummary(training: one)
        }
        for (run, reference) in zip(sweep.runs, perSeed) {
            let same = run == reference
            #expect(same, "seed \(reference.seed): the sweep's summary differs from training it alone")
        }
        #expect(sweep.runs.count == perSeed.count)
    }

    @Test func supportsOnlyWhatItImplements() {
        #expect(LaneTrainer.supports(TrainingConfiguration()))
        var noHidden = TrainingConfiguration()
        noHidden.hidden = 0
        var noWindow = TrainingConfiguration()
        noWindow.window = 0
        var rangeTooWide = TrainingConfiguration()
        rangeTooWide.operandRange = 512
        for unsupported in [noHidden, noWindow, rangeTooWide] { #expect(!LaneTrainer.supports(unsupported)) }
    }
}
