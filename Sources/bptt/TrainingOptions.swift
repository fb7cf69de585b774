import ArgumentParser
import ElmanRNN

/// The options shared by `train`, `sweep` and `bench`; defaults are the seed's settings.
struct TrainingOptions: ParsableArguments {
    @Option(help: "Hidden size H.") var hidden = 16
    @Option(help: "Learning rate α.") var lr = 0.1
    @Option(help: "Training samples (the seed calls each one an epoch).") var epochs = 10_000
    @Option(help: "Seed for the initial weights and the samples.") var seed: UInt64 = 0
    @Option(help: "Output gradient: exact ((ŷ−y)ŷ(1−ŷ), the squared-error loss) or seed (ŷ−y).")
    var gradient = OutputGradient.exact
    @Option(help: "Bit order: little (least significant first, the seed's) or big.") var order = BitOrder.little
    @Option(help: "Operands are drawn from 0..<range: 128 (sums fit in 8 bits) or 256 (sum mod 256).")
    var range = 128
    @Option(help: "Truncated BPTT: carry each step's error back at most k steps (default: exact BPTT).")
    var truncation: Int?
    @Option(help: "Clip the gradient to this global norm before each update (default: no clipping).")
    var clip: Double?

    func validate() throws {
        guard hidden >= 1, hidden <= 1024 else { throw ValidationError("--hidden must be 1...1024, got \(hidden)") }
        guard lr > 0, lr.isFinite else { throw ValidationError("--lr must be a positive number, got \(lr)") }
        guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1, got \(epochs)") }
        guard range == 128 || range == 256 else { throw ValidationError("--range must be 128 or 256, got \(range)") }
        if let truncation, truncation < 1 { throw ValidationError("--truncation must be at least 1, got \(truncation)") }
        if let clip, !(clip > 0 && clip.isFinite) { throw ValidationError("--clip must be a positive number, got \(clip)") }
    }

    var configuration: TrainingConfiguration {
        TrainingConfiguration(
            hidden: hidden, learningRate: lr, epochs: epochs, seed: seed,
            outputGradient: gradient, order: order, operandRange: range,
            truncation: truncation, gradientClipping: clip)
    }
}
