@testable import ElmanRNN
import Foundation
import Testing

@Suite struct CausalPredictorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let width: Int
        let order: BitOrder
        let operandRange: Int
        var testDescription: String { "width \(width), \(order) first, operands below \(operandRange)" }
    }

    /// Widths 3 and 4 with sums that fit, sums that wrap, and an odd range; width 5 with sums
    /// that fit (the brute force is quadratic in the number of pairs).
    static let smallCases = BitOrder.allCases.flatMap { order in
        [3, 4].flatMap { width in
            [1 << (width - 1), 1 << width, 3].map { Case(width: width, order: order, operandRange: $0) }
        } + [Case(width: 5, order: order, operandRange: 16)]
    }

    /// Least significant bit first, bit t of the sum needs only bits 1…t of the operands: the
    /// prefix fixes it, and the best reader is never wrong.
    @Test(arguments: [128, 5])
    func littleEndianIsAlwaysRight(operandRange: Int) {
        let best = CausalPredictor(encoding: BitEncoding(order: .little), operandRange: operandRange)
        #expect(best.stepAccuracies == Array(repeating: 1, count: 8))
        #expect(best.sumAccuracy == 1)
        #expect(best.stepLosses == Array(repeating: 0, count: 8))
    }

    /// Most significant bit first with operands below 2^(w−1), sum bit k is a_k ⊕ b_k ⊕ c_k, and
    /// the carry c_k into column k is 1 for a fraction (1 − 2^−k)/2 of the unseen lower bits,
    /// whatever the bits above: the best guess is "no carry", right (1 + 2^−k)/2 of the time. At
    /// step t, k = 8 − t. A whole sum is right only when no column carries: (3/4)^7 of the pairs.
    @Test func bigEndianMatchesTheClosedForm() {
        let best = CausalPredictor(encoding: BitEncoding(order: .big), operandRange: 128)
        for t in 1...8 {
            #expect(abs(best.stepAccuracies[t - 1] - (1 + pow(2, -Double(8 - t))) / 2) < 1e-15)
        }
        #expect(abs(best.sumAccuracy - pow(0.75, 7)) < 1e-15)
        for t in 1...8 {
            let carry = (1 - pow(2, -Double(8 - t))) / 2
            #expect(abs(best.stepLosses[t - 1] - 0.5 * carry * (1 - carry)) < 1e-15)
        }
        // The figures the chapter quotes.
        #expect(String(format: "%.1f %.1f %.1f", 100 * best.stepAccuracies[4], 100 * best.stepAccuracies[5],
                       100 * best.sumAccuracy) == "56.2 62.5 13.3")
    }

    /// Against the definition, by brute force: for each pair and step, scan every pair for the
    /// ones with the same first t inputs and take the majority of their sum bit t.
    @Test(arguments: smallCases)
    func agreesWithBruteForce(_ c: Case) {
        let encoding = BitEncoding(width: c.width, order: c.order)
        let best = CausalPredictor(encoding: encoding, operandRange: c.operandRange)
        let pairs = (0..<c.operandRange).flatMap { a in (0..<c.operandRange).map { b in (a, b) } }
        func sumBit(_ a: Int, _ b: Int, _ t: Int) -> Int { encoding.table[(a + b) & (encoding.count - 1)][t - 1] }
        var right = Array(repeating: 0, count: c.width), rightSums = 0
        for (a, b) in pairs {
            var allRight = true
            for t in 1...c.width {
                let consistent = pairs.filter { p in
                    (0..<t).allSatisfy { encoding.table[p.0][$0] == encoding.table[a][$0]
                        && encoding.table[p.1][$0] == encoding.table[b][$0] }
                }
                let ones = consistent.filter { sumBit($0.0, $0.1, t) == 1 }.count
                let majority = 2 * ones > consistent.count ? 1 : 0
                #expect(best.predictedBit(step: t, a: a, b: b) == majority)
                if majority == sumBit(a, b, t) { right[t - 1] += 1 } else { allRight = false }
            }
            if allRight { rightSums += 1 }
        }
        #expect(best.stepAccuracies == right.map { Double($0) / Double(pairs.count) })
        #expect(best.sumAccuracy == Double(rightSums) / Double(pairs.count))
    }

    /// Causal: the prediction at step t may not depend on any input after t.
    @Test func predictionIgnoresLaterInputs() {
        let encoding = BitEncoding(width: 6, order: .big)
        let best = CausalPredictor(encoding: encoding, operandRange: 64)
        var differences = 0
        for a in 0..<64 {
            for b in 0..<64 {
                for t in 1...6 {
                    // Flip every bit after step t in both operands: same prefix, so same answer.
                    let later = (1 << (6 - t)) - 1
                    if best.predictedBit(step: t, a: a, b: b) != best.predictedBit(step: t, a: a ^ later, b: b ^ later) {
                        differences += 1
                    }
                }
            }
        }
        #expect(differences == 0)
    }
}
