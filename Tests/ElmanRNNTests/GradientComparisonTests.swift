import ElmanRNN
import Testing

@Suite struct GradientComparisonTests {
    let sample = Sample(a: 107, b: 46, encoding: BitEncoding())

    @Test(arguments: OutputGradient.allCases)
    func untrainedNetworkAgrees(variant: OutputGradient) {
        let comparison = GradientComparison(Parameters(hidden: 16, seed: 0), sample: sample, outputGradient: variant)
        #expect(comparison.rows.map(\.name) == ["U", "W", "b", "V", "c"])
        #expect(comparison.rows.map(\.entries) == [32, 256, 16, 16, 1])
        #expect(comparison.worstRelativeError < 1e-6)
        #expect(comparison.worstAbsoluteError > 0)
    }

    /// A trained network, where the states saturate and the gradients are small: the
    /// agreement is looser than on the untrained one (2.6·10⁻⁶ relative for the seed's ŷ − y
    /// after 3000 epochs), but still five orders of magnitude below a wrong gradient's.
    @Test(arguments: OutputGradient.allCases)
    func trainedNetworkAgrees(variant: OutputGradient) {
        var trainer = Trainer(TrainingConfiguration(epochs: 3000, outputGradient: variant))
        _ = trainer.train()
        let comparison = GradientComparison(trainer.θ, sample: sample, outputGradient: variant)
        #expect(comparison.worstRelativeError < 1e-5)
    }

    /// Checked against the wrong loss, the seed's ŷ − y is far from the squared error's gradient.
    @Test func aWrongGradientIsCaught() {
        let θ = Parameters(hidden: 16, seed: 0)
        let right = GradientComparison(θ, sample: sample, outputGradient: .exact)
        let seedGradients = GradientCheck.bptt(θ, sample: sample, outputGradient: .seed).gradients
        let worst = zip(right.numeric.allEntries, seedGradients.allEntries).map(GradientCheck.relativeError).max()!
        #expect(worst > 0.1)
    }
}
