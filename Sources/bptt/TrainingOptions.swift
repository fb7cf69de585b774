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

    func validate() throws {
        guard hidden >= 1, hidden <= 1024 else { throw ValidationError("--hidden must be 1...1024, got \(hidden)") }
        guard lr > 0, lr.isFinite else { throw ValidationError("--lr must be a positive number, got \(lr)") }
        guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1, got \(epochs)") }
        guard range == 128 || range == 256 else { throw ValidationError("--range must be 128 or 256, got \(range)") }
    }

    var configuration: TrainingConfiguration {
        TrainingConfiguration(
            hidden: hidden, learningRate: lr, epochs: epochs, seed: seed,
            outputGradient: gradient, order: order, operandRange: range)
    }
}
