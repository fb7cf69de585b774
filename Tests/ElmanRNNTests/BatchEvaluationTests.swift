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
