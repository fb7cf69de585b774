/// Trains the seed's network one sample at a time with plain SGD.
///
/// All buffers are allocated in `init`; an epoch allocates nothing.
public struct Trainer: TrainingLoop, Sendable {
    public let configuration: TrainingConfiguration
    public let encoding: BitEncoding
    public var θ: Parameters
    public private(set) var sample: Sample
    public private(set) var forward: ForwardPass
    public private(set) var backward: BackwardPass
    private var rng: SplitMix64
    public private(set) var window: MovingAccuracy
    public private(set) var epoch = 0

    /// The weights are drawn from `configuration.seed` first, then the samples.
    public init(_ configuration: TrainingConfiguration) {
        self.configuration = configuration
        encoding = BitEncoding(width: configuration.width, order: configuration.order)
        rng = SplitMix64(seed: configuration.seed)
        θ = Parameters(hidden: configuration.hidden, using: &rng)
        sample = Sample(encoding: encoding)
        forward = ForwardPass(hidden: configuration.hidden, τ: configuration.width)
        backward = BackwardPass(
            hidden: configuration.hidden, τ: configuration.width,
            truncation: configuration.truncation, clippingThreshold: configuration.gradientClipping)
        window = MovingAccuracy(window: configuration.window)
    }

    /// One epoch: draw a pair, run forward, backpropagate (truncated and clipped as the
    /// configuration says), update.
    /// Returns the sample's loss (before the update) and whether all its bits were right.
    @discardableResult
    public mutating func step() -> (loss: Double, allBitsRight: Bool) {
        // weave:begin step
        let a = rng.uniform(below: configuration.operandRange)
        let b = rng.uniform(below: configuration.operandRange)
        sample.set(a: a, b: b, encoding: encoding)
        forward.run(θ, x: sample.x)
        let loss = squaredErrorLoss(yHat: forward.yHat, y: sample.y)
        let right = forward.allBitsRight(sample.y)
        backward.run(θ, forward: forward, x: sample.x, y: sample.y, outputGradient: configuration.outputGradient)
        θ.descend(along: backward.gradients, learningRate: configuration.learningRate)
        // weave:end step
        window.record(right)
        epoch += 1
        return (loss, right)
    }
}
