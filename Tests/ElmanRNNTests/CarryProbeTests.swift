@testable import ElmanRNN
import Testing

@Suite struct CarryProbeTests {
    @Test func correlationOfKnownSequences() {
        #expect(abs(correlation([1, 2, 3, 4], [2, 4, 6, 8]) - 1) < 1e-15)
        #expect(abs(correlation([1, 2, 3, 4], [8, 6, 4, 2]) + 1) < 1e-15)
        #expect(correlation([1, -1, 1, -1], [1, 1, -1, -1]) == 0)
        #expect(correlation([3, 3, 3], [1, 2, 3]) == 0)
    }

    /// The correlations of all columns at once, reading rows in order, are each column's
    /// correlation computed alone from the column, as the textbook loop does, to the bit.
    @Test func columnCorrelationsEqualEachColumnAlone() {
        var rng = SplitMix64(seed: 9)
        var X = Matrix(rows: 1_000, columns: 5)
        for k in X.elements.indices { X.elements[k] = rng.uniformMinusOneToOne() }
        for k in 0..<X.rows { X[k, 4] = 0.25 }  // a constant column: correlation 0
        let y = (0..<X.rows).map { k in X[k, 0] + X[k, 2] > 0 ? 1.0 : 0 }
        func alone(_ x: [Double]) -> Double {
            let n = Double(x.count), mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
            var sxy = 0.0, sxx = 0.0, syy = 0.0
            for k in x.indices {
                sxy += (x[k] - mx) * (y[k] - my)
                sxx += (x[k] - mx) * (x[k] - mx)
                syy += (y[k] - my) * (y[k] - my)
            }
            return sxx > 0 && syy > 0 ? sxy / (sxx * syy).squareRoot() : 0
        }
        let expected = (0..<X.columns).map { i in alone((0..<X.rows).map { X[$0, i] }) }
        #expect(columnCorrelations(X, with: y).map(\.bitPattern) == expected.map(\.bitPattern))
        #expect(expected[4] == 0 && expected[0] > 0.3)
    }

    /// Noiseless data from known weights: the readout must find them.
    @Test func leastSquaresRecoversKnownWeights() {
        let truth = [0.5, -2, 0.25, 1.5]  // three columns, then the bias
        var rng = SplitMix64(seed: 4)
        var X = Matrix(rows: 200, columns: 3)
        var y: [Double] = []
        for k in 0..<200 {
            for i in 0..<3 { X[k, i] = rng.uniformMinusOneToOne() }
            y.append(truth[3] + (0..<3).map { truth[$0] * X[k, $0] }.reduce(0, +))
        }
        let w = leastSquaresReadout(X, y)
        for (found, expected) in zip(w, truth) { #expect(abs(found - expected) < 1e-6) }
    }

    /// Two identical columns make the plain normal equations singular; the ridge keeps the
    /// answer finite and the fit exact to the eye.
    @Test func leastSquaresSurvivesDuplicateColumns() {
        var X = Matrix(rows: 50, columns: 2)
        var y: [Double] = []
        for k in 0..<50 {
            let v = Double(k) / 50 - 0.5
            X[k, 0] = v; X[k, 1] = v
            y.append(3 * v + 1)
        }
        let w = leastSquaresReadout(X, y)
        #expect(w.allSatisfy { $0.isFinite })
        #expect(abs(w[0] + w[1] - 3) < 1e-3 && abs(w[2] - 1) < 1e-3)
    }

    /// A network built by hand whose unit 0 is a carry register: its pre-activation is
    /// 10 · (a_t + b_t + ½ h₀(t−1) − 1.1), positive exactly when at least two of the bit of a,
    /// the bit of b and the previous carry (h₀ ≈ +1) are set. Units 1 and 2 stay at 0.
    @Test func findsAHandBuiltCarryRegister() {
        var θ = Parameters(zerosWithHidden: 3)
        θ.U[0, 0] = 10; θ.U[0, 1] = 10
        θ.W[0, 0] = 5
        θ.b[0] = -11
        let probe = CarryProbe(θ)
        #expect(probe.bestUnit == 0)
        #expect(probe.correlations[0] > 0.95 && probe.correlations[1] == 0 && probe.correlations[2] == 0)
        #expect(probe.bestUnitAccuracy == 1)
        #expect(probe.readoutAccuracy == 1)
    }

    /// The same register with its sign flipped: a negative r, read with the sign flipped.
    @Test func readsANegativeRegisterThroughItsSign() {
        var θ = Parameters(zerosWithHidden: 2)
        θ.U[1, 0] = -10; θ.U[1, 1] = -10
        θ.W[1, 1] = 5
        θ.b[1] = 11
        let probe = CarryProbe(θ, operandRange: 64)
        #expect(probe.bestUnit == 1 && probe.correlations[1] < -0.95)
        #expect(probe.bestUnitAccuracy == 1 && probe.readoutAccuracy == 1)
    }
}
