@testable import ElmanRNN
import Testing

/// The fast path (``FastNetwork``, ``FastTrainer``) held to the reference (``ForwardPass``,
/// ``BackwardPass``, ``Trainer``): its sums run in another order and may be fused, so it is
/// close, not equal. Tolerances: each gradient entry within 1e-13 of the largest entry of that
/// parameter's reference gradient (relative to an entry itself would be meaningless where
/// terms cancel to near zero), the loss within 1e-14 relative.
@Suite struct FastTrainerTests {
    /// The largest |fast − reference| over a parameter's entries, over its largest |reference|.
    func worstRelativeError(_ fast: [Double], _ reference: [Double]) -> Double {
        let scale = reference.map(abs).max() ?? 0
        let worst = zip(fast, reference).map { abs($0 - $1) }.max() ?? 0
        return scale == 0 ? worst : worst / scale
    }

    func compare(_ θ: Parameters, _ sample: Sample, _ gradient: OutputGradient, _ what: String) {
        var forward = ForwardPass(hidden: 16, τ: 8)
        forward.run(θ, x: sample.x)
        var backward = BackwardPass(hidden: 16, τ: 8)
        backward.run(θ, forward: forward, x: sample.x, y: sample.y, outputGradient: gradient)
        let referenceLoss = squaredErrorLoss(yHat: forward.yHat, y: sample.y)

        var fast = FastNetwork(θ, τ: 8)
        fast.load(sample)
        fast.forward()
        let output = fast.output(gradient)
        fast.backward()
        let g = fast.gradients()
        let r = backward.gradients

        #expect(abs(output.loss - referenceLoss) <= 1e-14 * referenceLoss, "\(what): loss \(output.loss) vs \(referenceLoss)")
        #expect(output.allBitsRight == forward.allBitsRight(sample.y), "\(what): all bits right")
        for (name, f, ref) in [("U", g.U.elements, r.U.elements), ("W", g.W.elements, r.W.elements), ("b", g.b, r.b),
                               ("V", g.V.elements, r.V.elements), ("c", g.c, r.c)] {
            let error = worstRelativeError(f, ref)
            #expect(error <= 1e-13, "\(what): ∂L/∂\(name) off by \(error) relative")
        }
    }

    @Test(arguments: OutputGradient.allCases)
    func gradientsMatchTheReferenceOnUntrainedAndTrainedNetworks(_ gradient: OutputGradient) {
        let pairs = [(0, 0), (107, 46), (85, 42), (127, 127), (1, 126)]
        for seed in [UInt64(0), 1, 7] {
            var configuration = TrainingConfiguration(seed: seed, outputGradient: gradient)
            configuration.epochs = 3000
            var trainer = Trainer(configuration)
            let untrained = trainer.θ
            _ = trainer.train()
            for (a, b) in pairs {
                let sample = Sample(a: a, b: b, encoding: BitEncoding())
                compare(untrained, sample, gradient, "seed \(seed) untrained, \(a) + \(b)")
                compare(trainer.θ, sample, gradient, "seed \(seed) after 3000 epochs, \(a) + \(b)")
            }
        }
    }

    @Test func theLayoutRoundTripsTheParameters() {
        let θ = Parameters(hidden: 16, seed: 5)
        let fast = FastNetwork(θ, τ: 8)
        #expect(fast.θ == θ)
    }

    /// Over a short run the two trainers see the same samples and stay within rounding. Not
    /// for long: an untrained network's dynamics amplify differences, and a rounding-level
    /// difference grows about tenfold every 7–15 samples (seed 3: 2·10⁻¹⁶ at sample 1,
    /// 3·10⁻¹² at 30, 6·10⁻⁸ at 80, 5 % at 200), so whole runs agree in distribution, not
    /// in their epochs.
    @Test(arguments: [UInt64(0), 3, 11])
    func aShortRunFollowsTheReference(seed: UInt64) {
        var configuration = TrainingConfiguration(seed: seed)
        configuration.epochs = 30
        var reference = Trainer(configuration)
        guard var fast = FastTrainer(configuration) else { Issue.record("H = 16 is the fast path's"); return }
        let r = reference.train(), f = fast.train()
        #expect(r.allBitsRight == f.allBitsRight)
        let worstLoss = zip(r.loss, f.loss).map { abs($0 - $1) / $0 }.max() ?? 0
        #expect(worstLoss <= 1e-10, "losses differ by \(worstLoss) relative")
        #expect(worstRelativeError(fast.θ.allEntries, reference.θ.allEntries) <= 1e-10)
    }

    @Test func onlyTheSeedsHiddenSizeIsCovered() {
        #expect(FastTrainer.supports(TrainingConfiguration(hidden: 16)))
        #expect(!FastTrainer.supports(TrainingConfiguration(hidden: 8)))
        #expect(!FastTrainer.supports(TrainingConfiguration(hidden: 17)))
        #expect(!FastTrainer.supports(TrainingConfiguration(truncation: 4)))
        #expect(FastTrainer.supports(TrainingConfiguration(truncation: 8)))
        #expect(!FastTrainer.supports(TrainingConfiguration(gradientClipping: 1)))
    }
}
