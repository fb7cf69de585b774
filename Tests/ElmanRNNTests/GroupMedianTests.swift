@testable import ElmanRNN
import Testing

/// ``Sweep/shareOfGroups(size:withMedianEpochsAtLeast:draws:seed:)``: how often a smaller
/// sweep drawn from a larger one reports a median at least as high.
@Suite struct GroupMedianTests {
    private func sweep(_ epochs: [Int?]) -> Sweep {
        Sweep(runs: epochs.enumerated().map { k, e in
            RunSummary(seed: UInt64(k), epochsToConverge: e, exhaustiveAccuracy: 1, finalLoss: 0,
                       θ: Parameters(zerosWithHidden: 1))
        })
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let epochs: [Int?]
        let size: Int
        let threshold: Double
        let share: ClosedRange<Double>?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "the whole sweep, median exactly at the threshold", epochs: [100, 200, 300, 400], size: 4,
             threshold: 250, share: 1...1),
        Case(name: "the whole sweep, median just below", epochs: [100, 200, 300, 400], size: 4,
             threshold: 251, share: 0...0),
        // Groups of one: a group is high when its run converged at 300 or later, 2 of 4.
        Case(name: "groups of one", epochs: [100, nil, 300, 400], size: 1, threshold: 300, share: 0.48...0.52),
        // Pairs: high when both are among {300, 400}, or one is and the other never converged:
        // {300,400}, {300,nil}, {400,nil}: 3 of the 6 pairs.
        Case(name: "pairs, a run that never converged", epochs: [100, nil, 300, 400], size: 2, threshold: 300,
             share: 0.48...0.52),
        Case(name: "no run converged", epochs: [nil, nil, nil], size: 2, threshold: 0, share: 0...0),
        Case(name: "a group larger than the sweep", epochs: [1, 2], size: 3, threshold: 0, share: nil),
    ]

    @Test(arguments: cases) func share(_ c: Case) {
        let share = sweep(c.epochs).shareOfGroups(size: c.size, withMedianEpochsAtLeast: c.threshold)
        if let expected = c.share {
            #expect(share.map(expected.contains) == true, "share \(String(describing: share))")
        } else {
            #expect(share == nil)
        }
    }

    @Test func theSameSeedDrawsTheSameGroups() {
        let s = sweep((0..<50).map { $0 % 7 == 0 ? nil : $0 * 10 })
        let one = s.shareOfGroups(size: 5, withMedianEpochsAtLeast: 250, draws: 500, seed: 3)
        #expect(one == s.shareOfGroups(size: 5, withMedianEpochsAtLeast: 250, draws: 500, seed: 3))
        #expect(one != nil && one! > 0 && one! < 1)
    }
}
