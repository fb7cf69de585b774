/// The FAST trainer for the seed's configuration (H = 16): the same runs as ``Trainer`` — the
/// same weights from the seed, the same samples, the same SGD, the same history — computed by
/// ``FastNetwork``. ``Trainer`` is the reference the course shows; this is what `bptt train`
/// runs. Its arithmetic is ordered for speed (and fused where the CPU can), so its numbers
/// agree with the reference's to rounding (tests hold each step's gradients within 1e-13
/// relative), and a long training run, being chaotic, may end at a slightly different epoch.
public struct FastTrainer: TrainingLoop, ~Copyable {
    public let configuration: TrainingConfiguration
    public let encoding: BitEncoding
    private var network: FastNetwork
    private var sample: Sample
    private var rng: SplitMix64
    public private(set) var window: MovingAccuracy
    public private(set) var epoch = 0

    /// Whether the fast path covers this configuration: the seed's hidden size, exact BPTT
    /// (no truncation shorter than τ) and no gradient clipping; any order, range, width, rate
    /// or output gradient. Otherwise use ``Trainer``.
    public static func supports(_ configuration: TrainingConfiguration) -> Bool {
        configuration.hidden == Hidden.scalarCount
            && (configuration.truncation ?? configuration.width) >= configuration.width
            && configuration.gradientClipping == nil
    }

    /// Nil when ``supports(_:)`` is false. The weights are drawn from `configuration.seed` first,
    /// then the samples, as ``Trainer`` draws them.
    public init?(_ configuration: TrainingConfiguration) {
        guard Self.supports(configuration) else { return nil }
        self.configuration = configuration
        encoding = BitEncoding(width: configuration.width, order: configuration.order)
        rng = SplitMix64(seed: configuration.seed)
        network = FastNetwork(Parameters(hidden: configuration.hidden, using: &rng), τ: configuration.width)
        sample = Sample(encoding: encoding)
        window = MovingAccuracy(window: configuration.window)
    }

    /// The current weights, in the library's layout.
    public var θ: Parameters { network.θ }

    /// One epoch: draw a pair, run forward, backpropagate, update.
    /// Returns the sample's squared-error loss (before the update) and whether all its bits were right.
    @discardableResult
    public mutating func step() -> (loss: Double, allBitsRight: Bool) {
        let a = rng.uniform(below: configuration.operandRange)
        let b = rng.uniform(below: configuration.operandRange)
        sample.set(a: a, b: b, encoding: encoding)
        network.load(sample)
        network.forward()
        let result = network.output(configuration.outputGradient)
        network.backward()
        network.descend(learningRate: configuration.learningRate)
        window.record(result.allBitsRight)
        epoch += 1
        return result
    }
}
