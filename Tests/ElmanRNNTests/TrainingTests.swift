import ElmanRNN
import Foundation
import Testing

@Suite struct TrainingTests {
    /// The seed's configuration: H = 16, α = 0.1, exact gradient, seed 0.
    @Test func seedConfigurationLearnsToAddWithinTenThousandEpochs() throws {
        var trainer = Trainer(TrainingConfiguration(epochs: 10_000, seed: 0))
        let history = trainer.train()
        let converged = try #require(history.epochsToConverge)
        #expect(converged <= 10_000)
        #expect(Evaluation.exhaustiveAccuracy(trainer.θ) == 1.0)
        #expect(history.windowAccuracy.count == 10_000)
    }

    @Test func movingAccuracyForgetsOldSamples() {
        var window = MovingAccuracy(window: 3)
        for right in [false, true, true] { window.record(right) }
        #expect(abs(window.accuracy - 2.0 / 3) < 1e-12)
        #expect(!window.isPerfect)
        window.record(true)
        #expect(window.isPerfect)
    }

    @Test func untrainedWeightsDoNotAdd() {
        #expect(Evaluation.exhaustiveAccuracy(Parameters(hidden: 16, seed: 0)) < 0.05)
    }

    @Test func sgdStepsAgainstTheGradient() {
        var θ = Parameters(hidden: 4, seed: 1)
        let before = θ
        var g = Parameters(zerosWithHidden: 4)
        g.c[0] = 2
        g.W[1, 2] = -1
        θ.descend(along: g, learningRate: 0.1)
        #expect(θ.c[0] == before.c[0] - 0.2)
        #expect(θ.W[1, 2] == before.W[1, 2] + 0.1)
        #expect(θ.U == before.U)
    }
}
