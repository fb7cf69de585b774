/// Everything that defines a training run. The defaults are the seed's settings.
public struct TrainingConfiguration: Equatable, Sendable {
    /// Hidden size H (the seed: 16).
    public var hidden = 16
    /// Step size α (the seed: 0.1).
    public var learningRate = 0.1
    /// Samples to train on; the seed calls one sample an epoch.
    public var epochs = 10_000
    /// Fixes the initial weights and the sequence of samples.
    public var seed: UInt64 = 0
    public var outputGradient = OutputGradient.exact
    public var order = BitOrder.little
    /// Operands are drawn from 0..<operandRange: 128 keeps every sum within 8 bits;
    /// 256 lets sums overflow, and the network must learn the sum mod 256.
    public var operandRange = 128
    /// Bits per number, τ.
    public var width = 8
    /// Training accuracy is measured over this many most recent samples.
    public var window = 100
    /// Truncated BPTT: each step's error is carried back at most k steps (k = 1: through V
    /// only). Nil (the seed's) or k ≥ τ: exact BPTT. See ``BackwardPass/truncation``.
    public var truncation: Int?
    /// Clip the gradient to this global norm before each update; nil (the seed's): never.
    /// See ``Parameters/clip(toGlobalNorm:)``.
    public var gradientClipping: Double?

    public init() {}

    public init(
        hidden: Int = 16, learningRate: Double = 0.1, epochs: Int = 10_000, seed: UInt64 = 0,
        outputGradient: OutputGradient = .exact, order: BitOrder = .little, operandRange: Int = 128,
        truncation: Int? = nil, gradientClipping: Double? = nil
    ) {
        self.hidden = hidden
        self.learningRate = learningRate
        self.epochs = epochs
        self.seed = seed
        self.outputGradient = outputGradient
        self.order = order
        self.operandRange = operandRange
        self.truncation = truncation
        self.gradientClipping = gradientClipping
    }
}
