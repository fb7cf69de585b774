@testable import ElmanRNN
import Foundation
import Testing

/// The library's own vector `tanh` and `exponential` against Foundation's scalar functions.
@Suite struct ActivationTests {
    /// Eight neighbouring arguments per call, so lanes on both sides of the |z| = 1/16 switch
    /// and of the clamp at 20 share a vector.
    @Test func tanhAgreesWithFoundations() {
        var worst = 0.0
        var z = -45.0
        while z <= 45 {
            let lanes = SIMD8<Double>((0..<8).map { z + Double($0) * 0.013 })
            let result = ElmanRNN.tanh(lanes)
            for k in 0..<8 { worst = max(worst, relativeError(result[k], Foundation.tanh(lanes[k]))) }
            z += 0.000_731 * 8
        }
        let edges: [Double] = [1e-300, -1e-300, 1e-12, -3e-9, 0.0624, 0.0625, -0.0626, 19.99, -20.01]
        for tiny in edges { worst = max(worst, relativeError(scalarTanh(tiny), Foundation.tanh(tiny))) }
        #expect(worst < 1e-14, "worst relative error \(worst)")
        #expect(scalarTanh(0) == 0 && scalarTanh(-0.0).sign == .minus)
        #expect(scalarTanh(800) == 1 && scalarTanh(-800) == -1)
        #expect(scalarTanh(.infinity) == 1 && scalarTanh(-.infinity) == -1)
        #expect(scalarTanh(.nan).isNaN)
    }

    @Test func exponentialAgreesWithFoundations() {
        var worst = 0.0
        var x = -700.0
        while x <= 700 {
            let lanes = SIMD8<Double>((0..<8).map { x + Double($0) * 0.0171 })
            let result = exponential(lanes)
            for k in 0..<8 { worst = max(worst, relativeError(result[k], Foundation.exp(lanes[k]))) }
            x += 0.0123 * 8
        }
        #expect(worst < 1e-15, "worst relative error \(worst)")
        #expect(exponential(SIMD8(repeating: 0))[0] == 1)
    }

    /// Rows of every length from 1 to 20: whole vectors of eight, a padded remainder, or both.
    @Test func tanhOfARowMatchesEntryByEntry() {
        for count in 1...20 {
            var v = (0..<count).map { Double($0) * 0.37 - 3 }, y = Array(repeating: Double.nan, count: count)
            v.withVec { v in y.withVec { y in y.set(tanhOf: v) } }
            #expect(y == v.map(scalarTanh), "row of \(count)")
        }
    }

    private func scalarTanh(_ z: Double) -> Double { ElmanRNN.tanh(SIMD8(repeating: z))[0] }

    private func relativeError(_ value: Double, _ expected: Double) -> Double {
        abs(value - expected) / max(abs(expected), .leastNormalMagnitude)
    }
}
