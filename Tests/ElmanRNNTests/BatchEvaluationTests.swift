import ElmanRNN
import Testing

/// The lane-parallel evaluation of many networks against ``Evaluation``'s single-network
/// reference: the same counts, so the same accuracies, exactly.
@Suite struct BatchEvaluationTests {
    /// Untrained networks of the seed's size, right on about half the bits, so that counts
    /// differ from network to network (training them would make a debug-built test slow).
    /// Eleven, so that one lane group is full and one is not.
    static let networks = (0..<11).map { Parameters(hidden: 16, seed: UInt64($0)) }

    @Test(arguments: [2, 5, 12])
    func accuraciesEqualTheReference(width: Int) {
        let batch = Evaluation.accuracies(Self.networks, width: width, samples: 300, seed: 3)
        let reference = Self.networks.map { Evaluation.accuracy($0, width: width, samples: 300, seed: 3) }
        #expect(batch == reference)
    }

    @Test(arguments: BitOrder.allCases)
    func stepAccuraciesEqualTheReference(order: BitOrder) {
        let encoding = BitEncoding(width: 6, order: order)
        let batch = Evaluation.stepAccuracies(Self.networks, operandRange: 32, encoding: encoding)
        let pairs = (0..<32).flatMap { a in (0..<32).map { b in (a, b) } }
        let counts = Evaluation.counts(Self.networks, pairs: pairs, encoding: encoding)
        for (θ, (steps, count)) in zip(Self.networks, zip(batch, counts)) {
            var forward = ForwardPass(hidden: θ.H, τ: 6)
            var right = Array(repeating: 0, count: 6), firstWrong = right
            for (a, b) in pairs {
                let sample = Sample(a: a, b: b, encoding: encoding)
                forward.run(θ, x: sample.x)
                let wrongSteps = (1...6).filter { (forward.yHat[$0] >= 0.5) != (sample.y[$0] >= 0.5) }
                for t in 1...6 where !wrongSteps.contains(t) { right[t - 1] += 1 }
                if let first = wrongSteps.first { firstWrong[first - 1] += 1 }
            }
            #expect(steps == right.map { Double($0) / 1024 })
            #expect(count.firstWrongAtStep == firstWrong)
            #expect(count.pairs - count.rightSums == firstWrong.reduce(0, +))
        }
    }

    /// `pairs` run one at a time through ``ForwardPass``: the reference's counts.
    static func referenceCounts(_ θ: Parameters, pairs: [(a: Int, b: Int)], encoding: BitEncoding)
        -> (rightSums: Int, rightAtStep: [Int], firstWrongAtStep: [Int]) {
        let τ = encoding.width
        var forward = ForwardPass(hidden: θ.H, τ: τ)
        var rightSums = 0, rightAtStep = Array(repeating: 0, count: τ), firstWrongAtStep = rightAtStep
        for (a, b) in pairs {
            let sample = Sample(a: a, b: b, encoding: encoding)
            forward.run(θ, x: sample.x)
            let wrongSteps = (1...τ).filter { (forward.yHat[$0] >= 0.5) != (sample.y[$0] >= 0.5) }
            for t in 1...τ where !wrongSteps.contains(t) { rightAtStep[t - 1] += 1 }
            if let first = wrongSteps.first { firstWrongAtStep[first - 1] += 1 } else { rightSums += 1 }
        }
        return (rightSums, rightAtStep, firstWrongAtStep)
    }

    /// The batch walk reuses the steps of a beginning that a pair shares with the pair before
    /// it. Pairs in no order, repeated, and differing from one another in one bit at every
    /// position (so beginnings of every length are shared) get the reference's counts.
    @Test(arguments: BitOrder.allCases)
    func sharedBeginningsGiveTheReferenceCounts(order: BitOrder) {
        let encoding = BitEncoding(width: 7, order: order)
        var rng = SplitMix64(seed: 11)
        let drawn = (0..<40).map { _ in (a: rng.uniform(below: 128), b: rng.uniform(below: 128)) }
        let flipped = drawn.flatMap { p in (0..<7).flatMap { k in [(a: p.a ^ (1 << k), b: p.b), (a: p.a, b: p.b ^ (1 << k))] } }
        let pairs = drawn + flipped + drawn.reversed()
        let batch = Evaluation.counts(Self.networks, pairs: pairs, encoding: encoding)
        for (θ, counts) in zip(Self.networks, batch) {
            let reference = Self.referenceCounts(θ, pairs: pairs, encoding: encoding)
            #expect(counts.pairs == pairs.count)
            #expect(counts.rightSums == reference.rightSums)
            #expect(counts.rightAtStep == reference.rightAtStep)
            #expect(counts.firstWrongAtStep == reference.firstWrongAtStep)
        }
    }

    @Test func pairsAreTheOnesTheReferenceTries() {
        #expect(Evaluation.pairs(width: 3).count == 16)
        #expect(Evaluation.pairs(width: 9).count == 65_536)
        #expect(Evaluation.pairs(width: 10, samples: 7).count == 7)
        #expect(Evaluation.pairs(width: 16).allSatisfy { $0.a < 1 << 15 && $0.b < 1 << 15 })
    }

    @Test func noNetworksGiveNoCounts() {
        #expect(Evaluation.counts([], pairs: [(1, 2)], encoding: BitEncoding()).isEmpty)
    }
}
