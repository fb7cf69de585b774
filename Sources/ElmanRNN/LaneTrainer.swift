/// Trains up to ``laneCount`` seeds of one configuration at once, one network per SIMD lane:
/// the fast path of ``Sweep``.
///
/// One network is a chain of dependent steps, so its speed is bounded by latency; different
/// seeds are independent, so they can share every vector instruction. ``Trainer`` is the
/// reference this is held to: every lane gives exactly, bit for bit, the history and weights
/// that `Trainer` gives for that seed alone (`LaneTrainingTests`), because each lane performs
/// the same floating-point operations in the same order (see ``LaneViews/runForward()`` and
/// ``LaneViews/runBackwardAndDescend(outputGradient:learningRate:truncation:clippingThreshold:)``). Each lane draws its
/// weights and then its samples from its own ``SplitMix64``, so lanes see different operands.
/// Lanes that have converged keep training, as `Trainer` trains all `configuration.epochs`.
///
/// Only the configurations of ``supports(_:)`` run here; ``Sweep`` trains any other with
/// `Trainer`, one seed at a time.
public struct LaneTrainer: Sendable {
    /// The number of networks trained together.
    public static let laneCount = LaneVector.scalarCount

    /// The configuration every lane trains; its `seed` is ignored for ``seeds``.
    public let configuration: TrainingConfiguration
    public let seeds: [UInt64]
    public let encoding: BitEncoding
    public private(set) var epoch = 0
    let layout: LaneLayout
    /// Every lane's parameters and work buffers, in `layout`.
    private(set) var lanes: [LaneVector]
    /// Lanes past `seeds.count` train a copy of the last seed, and are never reported.
    private var generators: [SplitMix64]
    private var moving: [MovingAccuracy]
    /// Bit t−1 of n is `bits[n * width + t − 1]`, as a `Double` (the encoding's table, flat).
    private let bits: [Double]

    /// Whether this trainer gives `Trainer`'s results for `configuration`.
    ///
    /// The lane code implements the fields listed here and nothing else; every other field of
    /// `TrainingConfiguration` must keep its default value. That is checked by comparing the
    /// configuration with a default one into which only the implemented fields are copied, so a
    /// field added to `TrainingConfiguration` later is unsupported (at any non-default value)
    /// until it is implemented here and added to this list.
    public static func supports(_ configuration: TrainingConfiguration) -> Bool {
        var implemented = TrainingConfiguration()
        implemented.hidden = configuration.hidden
        implemented.learningRate = configuration.learningRate
        implemented.epochs = configuration.epochs
        implemented.seed = configuration.seed
        implemented.outputGradient = configuration.outputGradient
        implemented.order = configuration.order
        implemented.operandRange = configuration.operandRange
        implemented.width = configuration.width
        implemented.window = configuration.window
        implemented.truncation = configuration.truncation
        implemented.gradientClipping = configuration.gradientClipping
        return implemented == configuration
            && configuration.hidden >= 1 && configuration.epochs >= 0 && configuration.window >= 1
            && (1...16).contains(configuration.width)
            && (1...(1 << configuration.width)).contains(configuration.operandRange)
            && (configuration.truncation.map { $0 >= 1 } ?? true)
            && (configuration.gradientClipping.map { $0 > 0 } ?? true)
    }

    /// The weights of every lane are drawn from its seed, as `Trainer` draws them.
    /// - Precondition: `supports(configuration)` and 1 ≤ `seeds.count` ≤ ``laneCount``.
    public init(_ configuration: TrainingConfiguration, seeds: [UInt64]) {
        precondition(Self.supports(configuration), "LaneTrainer does not support this configuration; use Trainer")
        precondition((1...Self.laneCount).contains(seeds.count), "a lane group holds 1...\(Self.laneCount) seeds")
        self.configuration = configuration
        self.seeds = seeds
        encoding = BitEncoding(width: configuration.width, order: configuration.order)
        layout = LaneLayout(H: configuration.hidden, inputSize: 2, τ: configuration.width)
        lanes = Array(repeating: LaneVector(), count: layout.count)
        generators = []
        for lane in 0..<Self.laneCount {
            var rng = SplitMix64(seed: seeds[min(lane, seeds.count - 1)])
            layout.store(Parameters(hidden: configuration.hidden, using: &rng), into: &lanes, lane: lane)
            generators.append(rng)
        }
        moving = Array(repeating: MovingAccuracy(window: configuration.window), count: seeds.count)
        bits = encoding.table.flatMap { $0.map(Double.init) }
    }

    /// The current weights of seed k's network.
    public func θ(_ k: Int) -> Parameters {
        precondition(seeds.indices.contains(k))
        return layout.parameters(from: lanes, lane: k)
    }

    /// The current weights of every seed's network, in the order of ``seeds``.
    public var parameters: [Parameters] { seeds.indices.map(θ) }

    /// One epoch in every lane: draw a pair, run forward, backpropagate, update, as
    /// `Trainer.step()`. Returns each lane's loss (before the update) and whether all its bits
    /// were right; lanes past `seeds.count` are to be ignored.
    mutating func step() -> (loss: LaneVector, allBitsRight: SIMDMask<LaneVector.MaskStorage>) {
        let width = configuration.width, range = configuration.operandRange, mask = encoding.count - 1
        let configuration = self.configuration
        return bits.withUnsafeBufferPointer { bits in
            generators.withUnsafeMutableBufferPointer { generators in
                lanes.withLanes(layout) { network in
                    for lane in 0..<Self.laneCount {
                        let a = generators[lane].uniform(below: range)
                        let b = generators[lane].uniform(below: range)
                        let sum = (a + b) & mask
                        for t in 1...width {
                            network.x[2 &* t][lane] = bits[a &* width &+ t &- 1]
                            network.x[2 &* t &+ 1][lane] = bits[b &* width &+ t &- 1]
                            network.y[t][lane] = bits[sum &* width &+ t &- 1]
                        }
                    }
                    network.runForward()
                    network.runSigmoid()
                    // L = Σₜ ½ (y(t) − ŷ(t))², as `squaredErrorLoss`; all bits right as `allBitsRight`.
                    var loss = LaneVector(), wrong = SIMDMask<LaneVector.MaskStorage>()
                    for t in 1...width {
                        let y = network.y[t], yHat = network.yHat[t]
                        loss += 0.5 * (y - yHat) * (y - yHat)
                        wrong .|= (yHat .>= 0.5) .^ (y .>= 0.5)
                    }
                    network.runBackwardAndDescend(
                        outputGradient: configuration.outputGradient, learningRate: configuration.learningRate,
                        truncation: configuration.truncation, clippingThreshold: configuration.gradientClipping)
                    return (loss, .!wrong)
                }
            }
        }
    }

    /// Trains for `configuration.epochs` epochs and returns each seed's history, as
    /// `Trainer.train()` records it.
    public mutating func train() -> [TrainingHistory] { train(afterEpoch: { _, _ in }) }

    /// As ``train()``, calling `afterEpoch` after every epoch's update with the trainer and the
    /// seeds (indices into ``seeds``) whose window became perfect for the first time in that
    /// epoch: where a sweep copies a network at its convergence epoch or evaluates checkpoints.
    public mutating func train(afterEpoch: (_ trainer: LaneTrainer, _ convergedNow: [Int]) -> Void) -> [TrainingHistory] {
        var histories = Array(repeating: TrainingHistory(), count: seeds.count)
        for k in seeds.indices { histories[k].reserve(configuration.epochs) }
        for _ in 0..<configuration.epochs {
            let (loss, right) = step()
            epoch += 1
            var convergedNow: [Int] = []
            for k in seeds.indices {
                moving[k].record(right[k])
                histories[k].loss.append(loss[k])
                histories[k].allBitsRight.append(right[k])
                histories[k].windowAccuracy.append(moving[k].accuracy)
                if histories[k].epochsToConverge == nil, moving[k].isPerfect {
                    histories[k].epochsToConverge = epoch
                    convergedNow.append(k)
                }
            }
            afterEpoch(self, convergedNow)
        }
        return histories
    }

    /// Sets seed k's network to `parameters[k]`, e.g. to evaluate weights copied out during
    /// training with ``exhaustiveAccuracies()``; lanes past `seeds.count` are left as they are.
    /// - Precondition: one `Parameters` per seed, of this trainer's shape.
    public mutating func load(_ parameters: [Parameters]) {
        precondition(parameters.count == seeds.count, "one set of weights per seed")
        for (k, θ) in parameters.enumerated() { layout.store(θ, into: &lanes, lane: k) }
    }
}

extension RunSummary {
    /// ``init(training:)`` for each of `seeds` (at most ``LaneTrainer/laneCount``), trained
    /// together by ``LaneTrainer``: the same summaries, bit for bit.
    /// - Precondition: `LaneTrainer.supports(configuration)`.
    public static func lanes(training configuration: TrainingConfiguration, seeds: [UInt64]) -> [RunSummary] {
        lanes(training: configuration, seeds: seeds, recording: .nothing)
    }
}
