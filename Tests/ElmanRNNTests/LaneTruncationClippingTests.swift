import ElmanRNN
import Testing

/// Truncated BPTT and gradient clipping on the lane-parallel sweep path, against the reference:
/// every lane of a ``LaneTrainer`` must give, bit for bit, what ``Trainer`` gives for that seed
/// alone. Bit patterns are compared, so that −0 and +0 differ and a NaN equals itself.
@Suite struct LaneTruncationClippingTests {
    /// How often a case's threshold clips, over every seed's steps in the reference run.
    enum Clipping: Sendable { case never, sometimes, often }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let configuration: TrainingConfiguration
        let seeds: [UInt64]
        /// Nil when the case does not clip.
        var clipping: Clipping? = nil
        /// Whether some seeds are to converge, so that epochs to converge are compared as numbers.
        var someConverge = false
        var testDescription: String { name }
    }

    static func configuration(
        truncation: Int? = nil, clipping: Double? = nil, gradient: OutputGradient = .exact,
        learningRate: Double = 0.1, epochs: Int = 400, hidden: Int = 16, width: Int = 8, range: Int = 128,
        window: Int = 100
    ) -> TrainingConfiguration {
        var c = TrainingConfiguration(
            hidden: hidden, learningRate: learningRate, epochs: epochs, outputGradient: gradient,
            operandRange: range, truncation: truncation, gradientClipping: clipping)
        c.width = width
        c.window = window
        return c
    }

    static let fullGroup = Array(UInt64(0)..<8)
    static let partialGroup: [UInt64] = [5, 17, 1_000_003]

    /// The course's network (H = 16, τ = 8) in one case of each kind, and H = 8 elsewhere, which
    /// runs the same code in a quarter of the time.
    static let truncationCases: [Case] = [1, 2, 4, 7].flatMap { (k: Int) in [
        Case(name: "k = \(k), exact gradient, α = 0.1, H = 16, a full group",
             configuration: configuration(truncation: k), seeds: fullGroup),
        Case(name: "k = \(k), seed gradient, α = 0.3, H = 8, three seeds",
             configuration: configuration(truncation: k, gradient: .seed, learningRate: 0.3, hidden: 8),
             seeds: partialGroup),
    ] } + [
        Case(name: "k = 2 of τ = 6, odd hidden size",
             configuration: configuration(truncation: 2, hidden: 5, width: 6, range: 32, window: 20),
             seeds: [3, 7, 9, 21, 22]),
        Case(name: "k = 8 = τ is exact BPTT",
             configuration: configuration(truncation: 8, hidden: 8), seeds: partialGroup),
    ]

    /// Thresholds for each output gradient (the seed's is about ten times larger) that clip on
    /// most steps, on a few, and on none (`thresholdsClipAsNamed` checks that they do).
    static let thresholds: [(OutputGradient, Clipping, Double)] = [
        (.exact, .often, 0.5), (.exact, .sometimes, 2), (.exact, .never, 1e9),
        (.seed, .often, 4), (.seed, .sometimes, 15), (.seed, .never, 1e9),
    ]

    static let clippingCases: [Case] = thresholds.map { gradient, clipping, threshold in
        Case(name: "clip at \(threshold) (\(clipping)), \(gradient) gradient, α = 0.3, H = 8, "
                + (gradient == .exact ? "a full group" : "three seeds"),
             configuration: configuration(clipping: threshold, gradient: gradient, learningRate: 0.3, hidden: 8),
             seeds: gradient == .exact ? fullGroup : partialGroup, clipping: clipping)
    } + [
        Case(name: "clip at 2 (sometimes), exact gradient, α = 0.3, H = 16, a full group",
             configuration: configuration(clipping: 2, learningRate: 0.3), seeds: fullGroup,
             clipping: .sometimes),
        Case(name: "clip at 2 (sometimes), exact gradient, α = 0.1, H = 8, a full group",
             configuration: configuration(clipping: 2, hidden: 8), seeds: fullGroup, clipping: .sometimes),
    ]

    static let combinedCases: [Case] = [
        Case(name: "k = 2 and clip at 2, α = 0.3, long enough for some seeds to converge",
             configuration: configuration(truncation: 2, clipping: 2, learningRate: 0.3, epochs: 900, hidden: 8,
                                          width: 6, range: 32, window: 20),
             seeds: fullGroup, someConverge: true),
        Case(name: "k = 4 and clip at 4, seed gradient, odd hidden size",
             configuration: configuration(truncation: 4, clipping: 4, gradient: .seed, learningRate: 0.3,
                                          hidden: 5, width: 6, range: 32, window: 20),
             seeds: [3, 7, 9, 21, 22]),
        Case(name: "k = 1 and clip at 0.1, one seed, hidden 1, width 2",
             configuration: configuration(truncation: 1, clipping: 0.1, epochs: 500, hidden: 1, width: 2, range: 4,
                                          window: 3),
             seeds: [42]),
    ]

    @Test(arguments: truncationCases + clippingCases + combinedCases)
    func everyLaneEqualsTrainerAlone(_ c: Case) {
        #expect(LaneTrainer.supports(c.configuration))
        var lanes = LaneTrainer(c.configuration, seeds: c.seeds)
        let histories = lanes.train()
        #expect(histories.count == c.seeds.count)
        if c.someConverge { #expect(histories.contains { $0.epochsToConverge != nil }) }
        for (k, seed) in c.seeds.enumerated() {
            var one = c.configuration
            one.seed = seed
            var trainer = Trainer(one)
            let reference = trainer.train()
            let lane = histories[k]
            let loss = lane.loss.map(\.bitPattern), referenceLoss = reference.loss.map(\.bitPattern)
            // Compared as Bools, so that a failure names the first differing epoch, not two whole histories.
            let firstDifference = zip(lane.loss, reference.loss).enumerated()
                .first { $0.element.0.bitPattern != $0.element.1.bitPattern }
                .map { "epoch \($0.offset + 1): \($0.element.0) in the lane, \($0.element.1) alone" } ?? "none"
            let sameLoss = loss == referenceLoss
            let sameAllBitsRight = lane.allBitsRight == reference.allBitsRight
            let sameWindowAccuracy = lane.windowAccuracy.map(\.bitPattern) == reference.windowAccuracy.map(\.bitPattern)
            #expect(sameLoss, "seed \(seed): loss, first difference at \(firstDifference)")
            #expect(sameAllBitsRight, "seed \(seed): allBitsRight")
            #expect(sameWindowAccuracy, "seed \(seed): windowAccuracy")
            #expect(lane.epochsToConverge == reference.epochsToConverge, "seed \(seed): epochsToConverge")
            let sameθ = lanes.θ(k).allEntries.map(\.bitPattern) == trainer.θ.allEntries.map(\.bitPattern)
            #expect(sameθ, "seed \(seed): final θ")
        }
    }

    /// The clipping cases do what their names say in the reference: a threshold that clips
    /// often does so on most steps, one that never clips on none, and one that clips sometimes
    /// on some steps, and on some epochs in some lanes of a group but not in others, so the
    /// per-lane choice is exercised.
    @Test(arguments: clippingCases)
    func thresholdsClipAsNamed(_ c: Case) throws {
        let threshold = try #require(c.configuration.gradientClipping)
        let clipped: [[Bool]] = c.seeds.map { seed in
            var one = c.configuration
            one.seed = seed
            var trainer = Trainer(one)
            return (0..<one.epochs).map { _ in
                trainer.step()
                return trainer.backward.unclippedNorm.map { $0 > threshold } ?? false
            }
        }
        let steps = c.seeds.count * c.configuration.epochs
        let fraction = Double(clipped.joined().filter { $0 }.count) / Double(steps)
        let mixedEpochs = (0..<c.configuration.epochs).filter { epoch in
            Set(clipped.map { $0[epoch] }).count == 2
        }.count
        switch try #require(c.clipping) {
        case .never: #expect(fraction == 0)
        case .often: #expect(fraction > 0.5, "clipped on \(fraction) of the steps")
        case .sometimes:
            #expect(fraction > 0.01 && fraction < 0.5, "clipped on \(fraction) of the steps")
            #expect(mixedEpochs > 0, "no epoch on which some lanes clip and others do not")
        }
    }

    /// Truncation and clipping run on the lanes; the values `Trainer` refuses do not.
    @Test func supportsTheWindowsAndThresholdsTrainerAccepts() {
        for k in [1, 2, 7, 8, 100] { #expect(LaneTrainer.supports(Self.configuration(truncation: k))) }
        for threshold in [1e-9, 1, .infinity] {
            #expect(LaneTrainer.supports(Self.configuration(clipping: threshold)))
        }
        #expect(LaneTrainer.supports(Self.configuration(truncation: 2, clipping: 1)))
        for k in [0, -1] { #expect(!LaneTrainer.supports(Self.configuration(truncation: k))) }
        for threshold in [0, -1, .nan] { #expect(!LaneTrainer.supports(Self.configuration(clipping: threshold))) }
    }

    /// A sweep of a truncated, clipped configuration (now on the lanes) gives the per-seed runs.
    @Test func sweepEqualsPerSeedRuns() {
        let configuration = Self.configuration(
            truncation: 2, clipping: 0.5, learningRate: 0.3, epochs: 1_000, hidden: 6, width: 5, range: 16,
            window: 20)
        let seeds = Array(UInt64(0)..<10)
        let sweep = Sweep(configuration, seeds: seeds)
        #expect(sweep.runs.count == seeds.count)
        for (run, seed) in zip(sweep.runs, seeds) {
            var one = configuration
            one.seed = seed
            let same = run == RunSummary(training: one)
            #expect(same, "seed \(seed): the sweep's summary differs from training it alone")
        }
    }
}
