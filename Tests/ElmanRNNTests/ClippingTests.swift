import ElmanRNN
import Testing

@Suite struct ClippingTests {
    @Test func clippingScalesOntoTheThresholdAndKeepsTheDirection() {
        var g = Parameters(hidden: 16, seed: 3)
        let before = g
        let norm = g.globalNorm
        #expect(g.clip(toGlobalNorm: norm / 4) == norm)
        #expect(abs(g.globalNorm - norm / 4) < 1e-12)
        for (x, y) in zip(g.allEntries, before.allEntries) { #expect(abs(x - y / 4) < 1e-15) }
    }

    @Test func belowTheThresholdNothingChanges() {
        var g = Parameters(hidden: 16, seed: 3)
        let before = g
        g.clip(toGlobalNorm: g.globalNorm * 1.01)
        #expect(g == before)
    }

    @Test func globalNormIsOverEveryEntry() {
        var g = Parameters(zerosWithHidden: 2)
        g.U[0, 0] = 3; g.c[0] = 4
        #expect(g.globalNorm == 5)
        g.W[1, 1] = 12; g.b[1] = 0; g.V[0, 1] = 0
        #expect(g.globalNorm == 13)
    }

    /// A threshold no gradient reaches trains bit for bit like no clipping; a small one changes
    /// the run, and the backward pass reports the norm it clipped.
    @Test func theTrainerClipsOnlyWhenAsked() {
        var plain = Trainer(TrainingConfiguration(learningRate: 0.3, epochs: 300))
        var loose = Trainer(TrainingConfiguration(learningRate: 0.3, epochs: 300, gradientClipping: 1e9))
        var tight = Trainer(TrainingConfiguration(learningRate: 0.3, epochs: 300, gradientClipping: 0.01))
        _ = plain.train(); _ = loose.train(); _ = tight.train()
        #expect(loose.θ == plain.θ)
        #expect(tight.θ != plain.θ)
        #expect(plain.backward.unclippedNorm == nil)
        let norm = tight.backward.unclippedNorm
        #expect(norm != nil)
        #expect(tight.backward.gradients.globalNorm <= 0.01 * (1 + 1e-12))
    }
}
